/* expect: exceeds the maximum */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-too-big",
    .nr_partitions = 1,
    .partitions = {{.name = "a",
                    .cpus = 1,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0x100000000, .size = 0x2000000000}}}},
};
