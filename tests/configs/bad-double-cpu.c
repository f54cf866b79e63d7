/* expect: p1 'b': CPU\(s\) 0x2 already assigned to another partition */
/* CPU 1 given to two partitions. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-double-cpu",
    .nr_partitions = 2,
    .partitions = {{.name = "a",
                    .cpus = 0x3,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}},
                   {.name = "b",
                    .cpus = 0x6,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa1000000, .size = 0x100000}}}},
};
