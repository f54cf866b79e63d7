/* SPDX-License-Identifier: MIT */
/* Partition layout shared by the s390x configs (QEMU -m 128M, Hercules
 * MAINSIZE 128: RAM at 0-128 MiB; the hypervisor lives below 16 MiB). */
#ifndef CONFIGS_S390X_2P_H
#define CONFIGS_S390X_2P_H

#include "hv/config.h"

#define S390X_2P_PARTITIONS                                                                        \
	{                                                                                          \
		{                                                                                  \
		    .name = "p0-demo",                                                             \
		    .cpus = 0x1,                                                                   \
		    .nr_slots = 1,                                                                 \
		    .slots = {{.gpa = 0x0, .hpa = 0x2000000, .size = 0x1000000}},                  \
		},                                                                                 \
		    {                                                                              \
		        .name = "p1-demo",                                                         \
		        .cpus = 0x2,                                                               \
		        .nr_slots = 1,                                                             \
		        .slots = {{.gpa = 0x0, .hpa = 0x3000000, .size = 0x1000000}},              \
		    },                                                                             \
	}

#define S390X_2P_CONFIG(cfgname, cfgflags) HV_CONFIG(cfgname, cfgflags, 2, S390X_2P_PARTITIONS)

#endif
