/* expect: p0 'p': 17 vCPUs, at most 16 */
/* More vCPUs than a partition may have (the seed's 16). */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-too-many-vcpus",
    .nr_partitions = 1,
    .partitions = {{.name = "p",
                    .cpus = 0x3,
                    .nr_vcpus = 17,
                    .sched = SCHED_TIMESLICE,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
