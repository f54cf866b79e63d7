/* SPDX-License-Identifier: MIT */
/* The exception frame and the per-CPU exception area, shared by the vectors
 * (boot/mips64/vectors.S) and C. Every CPU's CP0 DESAVE holds the ckseg0
 * address of its area: DESAVE keeps only 32 bits on the 3A1000 model, which
 * a sign-extended ckseg0 pointer survives. */
#ifndef ARCH_FRAME_H
#define ARCH_FRAME_H

/* struct mips_frame, byte offsets */
#define FRAME_GPR(n) ((n)*8) /* n = 1..31; slot 0 is unused */
#define FRAME_HI 256
#define FRAME_LO 264
#define FRAME_EPC 272
#define FRAME_STATUS 280
#define FRAME_CAUSE 288
#define FRAME_BADVADDR 296
#define FRAME_ERROREPC 304
#define FRAME_ENTRYHI 312
#define FRAME_EBASE 320
#define FRAME_VECTOR 328 /* VEC_* | VECF_* */
#define FRAME_LEVEL 336  /* 1 = first exception, 2 = nested */
#define FRAME_SIZE 344
#define FRAME_SHIFT 9 /* frames are 512 bytes apart */

/* Which vector was taken (low byte of FRAME_VECTOR) */
#define VEC_TLB_REFILL 0
#define VEC_XTLB_REFILL 1
#define VEC_CACHE_ERROR 2
#define VEC_GENERAL 3
/* ... and what the entry had to sacrifice to save k1 */
#define VECF_ERROREPC_LOST 0x100 /* ErrorEPC held k1 (no KScratch) */
#define VECF_K1_LOW32 0x200      /* only k1's low 32 bits survive (DDataLo) */

/* struct mips_exc_area, byte offsets */
#define AREA_TMP_K0 0
#define AREA_TMP_K1 8
#define AREA_VECTOR 16
#define AREA_DEPTH 24
#define AREA_STACK 32    /* two stack tops: level 1 at +0, level 2 at +8 */
#define AREA_HOST_SP 48  /* while a guest runs: the host stack of te_enter */
#define AREA_GUEST_VZ 56 /* while a VZ guest runs: its GuestCtl0 (GM set), else 0 */
/* frame for level L at area + (L << FRAME_SHIFT), L = 1, 2 */
#define AREA_MAX_LEVEL 2
#define AREA_SHIFT 11      /* areas are 2 KiB apart */
#define EXC_STACK_SHIFT 13 /* 8 KiB stack per CPU and level */
#define MIPS_MAX_CPUS 16   /* = HV_MAX_CPUS, checked in C */

#ifndef __ASSEMBLER__
#include "hv/types.h"

struct mips_frame {
	u64 gpr[32];
	u64 hi, lo;
	u64 epc, status, cause, badvaddr, errorepc, entryhi, ebase;
	u64 vector;
	u64 level;
};

struct mips_exc_area {
	u64 tmp_k0, tmp_k1, vector, depth;
	u64 stack_top[AREA_MAX_LEVEL];
	u64 host_sp;
	u64 guest_vz;
	u8 pad[(1 << FRAME_SHIFT) - 64];
	struct {
		struct mips_frame f;
		u8 pad[(1 << FRAME_SHIFT) - FRAME_SIZE];
	} level[AREA_MAX_LEVEL]; /* level L's frame at L << FRAME_SHIFT */
	u8 pad2[(1 << AREA_SHIFT) - (3 << FRAME_SHIFT)];
} __aligned(1 << FRAME_SHIFT);

_Static_assert(__builtin_offsetof(struct mips_frame, hi) == FRAME_HI, "frame layout");
_Static_assert(__builtin_offsetof(struct mips_frame, epc) == FRAME_EPC, "frame layout");
_Static_assert(__builtin_offsetof(struct mips_frame, status) == FRAME_STATUS, "frame layout");
_Static_assert(__builtin_offsetof(struct mips_frame, ebase) == FRAME_EBASE, "frame layout");
_Static_assert(__builtin_offsetof(struct mips_frame, level) == FRAME_LEVEL, "frame layout");
_Static_assert(sizeof(struct mips_frame) == FRAME_SIZE, "frame layout");
_Static_assert(sizeof(struct mips_frame) <= (1 << FRAME_SHIFT), "frame layout");
_Static_assert(__builtin_offsetof(struct mips_exc_area, depth) == AREA_DEPTH, "area layout");
_Static_assert(__builtin_offsetof(struct mips_exc_area, stack_top) == AREA_STACK, "area layout");
_Static_assert(__builtin_offsetof(struct mips_exc_area, host_sp) == AREA_HOST_SP, "area layout");
_Static_assert(__builtin_offsetof(struct mips_exc_area, guest_vz) == AREA_GUEST_VZ, "area layout");
_Static_assert(__builtin_offsetof(struct mips_exc_area, level[1].f) == (2 << FRAME_SHIFT),
               "area layout");
_Static_assert(sizeof(struct mips_exc_area) == (1 << AREA_SHIFT), "area layout");
#include "hv/boot_info.h"
_Static_assert(MIPS_MAX_CPUS == HV_MAX_CPUS, "vectors.S sizes its tables for HV_MAX_CPUS");

#endif /* __ASSEMBLER__ */
#endif
