/* expect: not aligned to 0x4000 */
/* 4 KiB-aligned memory: Tern maps MIPS guests with 16 KiB pages. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-align-mips64",
    .nr_partitions = 1,
    .partitions = {{.name = "a",
                    .cpus = 1,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0x1000, .hpa = 0xa0001000, .size = 0x100000}}}},
};
