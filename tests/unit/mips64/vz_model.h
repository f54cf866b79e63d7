/* SPDX-License-Identifier: MIT */
/* A model of a Loongson-3A R4's VZ registers, root TLB and guest TLB,
 * behind arch/vz_hw.h, for the host tests of the VZ exit handlers. It
 * records what the backend did to the hardware. */
#ifndef TESTS_MIPS64_VZ_MODEL_H
#define TESTS_MIPS64_VZ_MODEL_H

#include "arch/vz_hw.h"

#define MODEL_ROOT_TLB 64

struct model_tlbe {
	bool valid;
	u32 guestid;
	u64 hi, lo0, lo1;
	u32 mask;
};

struct vz_model {
	u64 gc0[GC0_NR];
	u32 gc0_writes[GC0_NR];
	u32 gctl0, gctl0ext, gctl1, gctl2, gtoffset;
	u32 gtoffset_writes, gctl2_writes;
	u64 now;
	struct model_tlbe root[MODEL_ROOT_TLB];
	u32 root_maps;
	struct model_tlbe guest_wired[8];
	u32 root_diag;
	int fcsr_cc; /* -1: guest FPU not live; else condition code 0's value */
	u32 guest_flushes, last_flush_guestid;
	u32 cache_index_calls, last_cache_op;
	u64 last_cache_va;
	bool cpucfg_present;
	bool has_lddir; /* the CPU walks the table itself (lddir/ldpte) */
	u32 hw_refills;
	u64 hw_refill_gpa;
};
extern struct vz_model M;
void model_reset(void);
/* The root TLB entry translating (guestid, gpa), or NULL. */
const struct model_tlbe *model_root_lookup(u32 guestid, u64 gpa);

#endif
