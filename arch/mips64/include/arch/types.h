/* SPDX-License-Identifier: MIT */
/* MIPS64 (Loongson-3) arch state embedded by value in core's structs. */
#ifndef ARCH_TYPES_H
#define ARCH_TYPES_H

#include "hv/types.h"

/* Per-CPU arch state, inside core's percpu[hwid]. Touched by its own CPU
 * (timer) and, for ipi_slot, read by every sender. */
struct arch_percpu {
	u64 count_hi;   /* upper bits of the 64-bit extension of CP0 Count */
	u64 deadline;   /* one-shot deadline in extended ticks, or MIPS_NO_DEADLINE */
	u32 count_last; /* Count at the last extension update (detects the wrap) */
	u32 ipi_slot;   /* the IPI block whose SET raises this CPU's IP6 */
	u32 irqs;       /* interrupts taken (statistics) */
};

/* Placeholders: guests arrive with the trap-and-emulate backend. */
struct arch_vcpu {
	u32 reserved;
};

struct arch_partition {
	u32 reserved;
};

#endif
