/* SPDX-License-Identifier: MIT */
/* Partition layout shared by the loongson3-virt configs (QEMU -m 1G: RAM at
 * host-physical 0x80000000-0xbfffffff; the hypervisor lives in the low alias). */
#ifndef CONFIGS_LOONGSON3_VIRT_H
#define CONFIGS_LOONGSON3_VIRT_H

#include "hv/config.h"

#define LOONGSON3_VIRT_PARTITIONS                                                                  \
	{                                                                                          \
		{                                                                                  \
		    .name = "p0-demo",                                                             \
		    .cpus = 0x1,                                                                   \
		    .nr_slots = 1,                                                                 \
		    .slots = {{.gpa = 0x0, .hpa = 0xa0000000, .size = 0x4000000}},                 \
		},                                                                                 \
		    {                                                                              \
		        .name = "p1-demo",                                                         \
		        .cpus = 0x2,                                                               \
		        .nr_slots = 2,                                                             \
		        .slots = {{.gpa = 0x0, .hpa = 0xa4000000, .size = 0x2000000},              \
		                  {.gpa = 0x10000000, .hpa = 0xa6000000, .size = 0x100000}},       \
		    },                                                                             \
	}

#define LOONGSON3_VIRT_CONFIG(cfgname, cfgflags)                                                   \
	HV_CONFIG(cfgname, cfgflags, 2, LOONGSON3_VIRT_PARTITIONS)

#endif
