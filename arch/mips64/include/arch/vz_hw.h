/* SPDX-License-Identifier: MIT */
/* The VZ hardware the VZ backend touches, as functions: the guest CP0
 * context (MFGC0/MTGC0 and the doubleword forms), the root GuestCtl
 * registers, the root TLB's guest-physical entries and the guest TLB.
 *
 * On a Loongson-3A R4 these are arch/mips64/vz_hw.c (VZ instructions,
 * assembled with -Wa,-mvirt). On the build host they are a model
 * (tests/unit/mips64/vz_model.c) that records what the backend did, so
 * the exit handlers in vz_exit.c run there against synthesized exits. */
#ifndef ARCH_VZ_HW_H
#define ARCH_VZ_HW_H

#include "hv/types.h"

/* The guest CP0 registers that make up a vCPU's guest context. */
enum vz_gc0 {
	GC0_INDEX,     /* 0,0 */
	GC0_ENTRYLO0,  /* 2,0 */
	GC0_ENTRYLO1,  /* 3,0 */
	GC0_CONTEXT,   /* 4,0 */
	GC0_USERLOCAL, /* 4,2 */
	GC0_PAGEMASK,  /* 5,0 */
	GC0_PAGEGRAIN, /* 5,1 */
	GC0_WIRED,     /* 6,0 */
	GC0_HWRENA,    /* 7,0 */
	GC0_BADVADDR,  /* 8,0 */
	GC0_BADINSTR,  /* 8,1 */
	GC0_BADINSTRP, /* 8,2 */
	GC0_COUNT,     /* 9,0: guest Count = root Count + GTOffset; read only here */
	GC0_ENTRYHI,   /* 10,0 */
	GC0_COMPARE,   /* 11,0 */
	GC0_STATUS,    /* 12,0 */
	GC0_INTCTL,    /* 12,1 */
	GC0_CAUSE,     /* 13,0 */
	GC0_EPC,       /* 14,0 */
	GC0_EBASE,     /* 15,1 */
	GC0_CONFIG0,   /* 16,0 */
	GC0_CONFIG1,   /* 16,1 */
	GC0_CONFIG2,   /* 16,2 */
	GC0_CONFIG3,   /* 16,3 */
	GC0_CONFIG4,   /* 16,4 */
	GC0_CONFIG5,   /* 16,5 */
	GC0_XCONTEXT,  /* 20,0 */
	GC0_ERROREPC,  /* 30,0 */
	GC0_KSCRATCH1, /* 31,2 */
	GC0_KSCRATCH2, /* 31,3 */
	GC0_KSCRATCH3, /* 31,4 */
	GC0_KSCRATCH4, /* 31,5 */
	GC0_KSCRATCH5, /* 31,6 */
	GC0_KSCRATCH6, /* 31,7 */
	GC0_NR
};

u64 vz_gc0_read(enum vz_gc0 r);
void vz_gc0_write(enum vz_gc0 r, u64 v);

/* Root registers of the VZ extension. */
u32 vz_guestctl0_read(void);
void vz_guestctl0_write(u32 v);
u32 vz_guestctl0ext_read(void);
void vz_guestctl0ext_write(u32 v);
u32 vz_guestctl1_read(void);
void vz_guestctl1_write(u32 v);
void vz_guestctl2_write(u32 v);
u32 vz_gtoffset_read(void);
void vz_gtoffset_write(u32 v);

/* The root time base (extended root Count ticks). */
u64 vz_now(void);

/* Root TLB: install the guest-physical page pair at `hi` (VPN2 of the
 * even page, ASID 0) for GuestID `guestid`, replacing an entry that
 * matches it, else in a random slot. */
void vz_root_tlb_map(u32 guestid, u64 hi, u64 lo0, u64 lo1, u32 pagemask);
/* A root TLB refill for gpa by the CPU's own walk of t (Loongson
 * lddir/ldpte), if it has one: false to use the portable path. */
struct gpt;
bool vz_root_tlb_refill_hw(u32 guestid, const struct gpt *t, u64 gpa);
/* Drop every root TLB entry of GuestID `guestid`. */
void vz_root_tlb_flush_guest(u32 guestid);
/* Invalidate every guest TLB entry of GuestID `guestid`. */
void vz_guest_tlb_flush(u32 guestid);
/* Write guest TLB entry `index` (a wired one) of GuestID `guestid`. */
void vz_guest_tlb_write(u32 guestid, u32 index, u64 hi, u64 lo0, u64 lo1, u32 pagemask);

/* Root Diag ITLB/DTLB/BTB bits (22,0): flush the CPU's micro-TLBs / BTB. */
void vz_root_diag(u32 bits);

/* Host cache, CPUCFG and FPU condition codes on the guest's behalf (shared
 * with trap-and-emulate: host_ops.c). fp_cc: false if the guest's FPU
 * state is not live. */
void vz_cache_index(u32 op, u64 va);
bool vz_host_cpucfg(u32 sel, u32 *val);
bool vz_fp_cc(u32 cc, bool *set);

#endif
