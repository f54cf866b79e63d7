/* expect: slot 1: size is 0 */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-empty-slot",
    .nr_partitions = 1,
    .partitions = {{.name = "a",
                    .cpus = 1,
                    .nr_slots = 2,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000},
                              {.gpa = 0x200000, .hpa = 0xa0200000, .size = 0}}}},
};
