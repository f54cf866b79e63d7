/* Table sizes for the unit-test config in test_core.c (hand-written to match). */
#ifndef CONFIG_DEFS_H
#define CONFIG_DEFS_H
#define HV_CFG_NR_PARTITIONS 2
#define HV_CFG_NR_VCPUS 3
#endif
