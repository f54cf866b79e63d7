/* SPDX-License-Identifier: MIT */
/* s390x state embedded by value in core's per-CPU, vCPU and partition structs. */
#ifndef ARCH_TYPES_H
#define ARCH_TYPES_H

#include "hv/types.h"

struct arch_percpu {
	/* Absolute address of this CPU's 8 KiB prefix area (its lowcore);
	 * 0 for the boot CPU, which keeps the IPL prefix. */
	u64 prefix;
	/* Set while the CPU sits in arch_cpu_idle(): power-off lets CPUs get
	 * there (finish a line they are printing) before it stops them. */
	u32 idle;
};

/* Placeholders until guests run under SIE: the state description and the
 * guest's DAT tables will live here. */
struct arch_vcpu {
	u64 reserved;
};

struct arch_partition {
	u64 reserved;
};

#endif
