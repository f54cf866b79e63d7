/* expect: p0 'p': 3 pinned vCPUs need as many CPUs, the mask has 2 */
/* Pinned: one CPU per vCPU, and two CPUs for three vCPUs. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-pinned-vcpus",
    .nr_partitions = 1,
    .partitions = {{.name = "p",
                    .cpus = 0x3,
                    .nr_vcpus = 3,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
