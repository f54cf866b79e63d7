/* expect: p0 slot 0 and p1 slot 0 overlap in host memory */
/* Two partitions given the same host memory: isolation would be lost. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-overlap-host",
    .nr_partitions = 2,
    .partitions = {{.name = "a",
                    .cpus = 1,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x4000000}}},
                   {.name = "b",
                    .cpus = 2,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa3ffc000, .size = 0x4000000}}}},
};
