/* expect: names CPUs beyond 15 */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-cpu-range",
    .nr_partitions = 1,
    .partitions = {{.name = "a",
                    .cpus = 0x10000,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
