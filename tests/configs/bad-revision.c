/* expect: config revision 99, this hypervisor reads revision 3 */
#include "hv/config.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = 99,
    .name = "bad-revision",
    .nr_partitions = 1,
    .partitions = {{.name = "p",
                    .cpus = 1,
                    .nr_slots = 1,
                    .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = 0x100000}}}},
};
