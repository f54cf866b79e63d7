/* expect: not aligned to 0x100000 */
/* arch: s390x */
/* 64 KiB-aligned memory: SIE's MSO/MSL have 1 MiB granularity. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-align-s390x",
    .nr_partitions = 1,
    .partitions = {{.name = "a",
                    .cpus = 1,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0x2010000, .size = 0x100000}}}},
};
