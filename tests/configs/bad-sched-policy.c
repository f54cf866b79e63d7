/* expect: p0 'p': unknown scheduling policy 7 */
/* A scheduling policy that does not exist. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-sched-policy",
    .nr_partitions = 1,
    .partitions = {{.name = "p",
                    .cpus = 0x3,
                    .sched = 7,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
