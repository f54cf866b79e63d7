/* expect: p0 'p': time slice 50 us outside 100..1000000 */
/* A time slice shorter than the scheduler allows. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-slice",
    .nr_partitions = 1,
    .partitions = {{.name = "p",
                    .cpus = 0x3,
                    .nr_vcpus = 4,
                    .sched = SCHED_TIMESLICE,
                    .slice_us = 50,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
