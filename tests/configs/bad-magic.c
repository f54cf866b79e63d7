/* expect: bad magic 0x4b4e554a */
/* A config whose header is not Tern's: rejected before anything else. */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = 0x4b4e554a,
    .revision = HV_CONFIG_REVISION,
    .name = "bad-magic",
    .nr_partitions = 1,
    .partitions = {{.name = "p",
                    .cpus = 1,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
