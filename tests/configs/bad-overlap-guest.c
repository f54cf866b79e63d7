/* expect: slots 0 and 1 overlap in guest-physical memory */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-overlap-guest",
    .nr_partitions = 1,
    .partitions = {{.name = "a",
                    .cpus = 1,
                    .nr_slots = 2,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x200000},
                              {.gpa = 0x100000, .hpa = 0xa1000000, .size = 0x200000}}}},
};
