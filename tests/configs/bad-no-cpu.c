/* expect: p0 'idle': no CPU assigned */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-no-cpu",
    .nr_partitions = 1,
    .partitions = {{.name = "idle",
                    .cpus = 0,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
