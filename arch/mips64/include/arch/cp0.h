/* SPDX-License-Identifier: MIT */
/* CP0 register numbers, bits and accessors (MIPS64 Release 2 + Loongson).
 * Shared by C and assembler: the C part is guarded by __ASSEMBLER__. */
#ifndef ARCH_CP0_H
#define ARCH_CP0_H

/* Status */
#define ST_IE 0x00000001
#define ST_EXL 0x00000002
#define ST_ERL 0x00000004
#define ST_KSU 0x00000018
#define ST_UX 0x00000020
#define ST_SX 0x00000040
#define ST_KX 0x00000080
#define ST_IM6 0x00004000 /* Loongson IPI */
#define ST_IM7 0x00008000 /* CP0 Count/Compare */
#define ST_BEV 0x00400000

/* Cause */
#define CAUSE_IP6 0x00004000
#define CAUSE_IP7 0x00008000
#define CAUSE_IP_MASK 0x0000ff00
#define ST_IM_MASK 0x0000ff00
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC_MASK 0x1f
#define CAUSE_BD 0x80000000u
#define EXC_INT 0
#define EXC_CACHEERR 30 /* not set by hardware: a name for the cache-error vector */

/* Config */
#define CONF_K0_MASK 0x7
#define CONF_K0_CACHED 3 /* cacheable coherent on Loongson-3 */
#define CONF_M 0x80000000u
#define CONF4_KSCR_SHIFT 16
#define CONF4_KSCR_SEL2 0x4 /* KScratch at (31, 2) */

#define EBASE_CPUNUM_MASK 0x3ff

#ifndef __ASSEMBLER__
#include "hv/types.h"

#define CP0_ACCESSORS(name, reg, sel)                                                              \
	static inline u32 read_c0_##name(void)                                                     \
	{                                                                                          \
		u32 v;                                                                             \
		__asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v));                           \
		return v;                                                                          \
	}                                                                                          \
	static inline void write_c0_##name(u32 v)                                                  \
	{                                                                                          \
		__asm__ volatile("mtc0 %0, $" #reg ", " #sel "\n\tehb" : : "r"(v) : "memory");     \
	}

#define CP0_ACCESSORS64(name, reg, sel)                                                            \
	static inline u64 read_c0_##name(void)                                                     \
	{                                                                                          \
		u64 v;                                                                             \
		__asm__ volatile("dmfc0 %0, $" #reg ", " #sel : "=r"(v));                          \
		return v;                                                                          \
	}                                                                                          \
	static inline void write_c0_##name(u64 v)                                                  \
	{                                                                                          \
		__asm__ volatile("dmtc0 %0, $" #reg ", " #sel "\n\tehb" : : "r"(v) : "memory");    \
	}

CP0_ACCESSORS(index, 0, 0)
CP0_ACCESSORS64(entrylo0, 2, 0)
CP0_ACCESSORS64(entrylo1, 3, 0)
CP0_ACCESSORS(pagemask, 5, 0)
CP0_ACCESSORS(wired, 6, 0)
CP0_ACCESSORS64(badvaddr, 8, 0)
CP0_ACCESSORS(count, 9, 0)
CP0_ACCESSORS64(entryhi, 10, 0)
CP0_ACCESSORS(compare, 11, 0)
CP0_ACCESSORS(status, 12, 0)
CP0_ACCESSORS(cause, 13, 0)
CP0_ACCESSORS64(epc, 14, 0)
CP0_ACCESSORS(prid, 15, 0)
CP0_ACCESSORS(ebase, 15, 1)
CP0_ACCESSORS(config, 16, 0)
CP0_ACCESSORS(config1, 16, 1)
CP0_ACCESSORS(config2, 16, 2)
CP0_ACCESSORS(config3, 16, 3)
CP0_ACCESSORS(config4, 16, 4)
CP0_ACCESSORS(config5, 16, 5)
CP0_ACCESSORS64(errorepc, 30, 0)

static inline void mips_sync(void)
{
	__asm__ volatile("sync" : : : "memory");
}

static inline void mips_tlbwi(void)
{
	__asm__ volatile("tlbwi\n\tehb" : : : "memory");
}

#endif /* __ASSEMBLER__ */
#endif
