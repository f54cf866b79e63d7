/* SPDX-License-Identifier: MIT */
/* Guest SDK: CP0 register numbers, bits and accessors (MIPS64 Release 2 and
 * the Loongson-3 additions). Shared by C and assembler. The values are the
 * architecture's, so the same code runs natively (kernel mode) and as a
 * partition, where every access traps and is emulated by Tern. */
#ifndef TG_CP0_H
#define TG_CP0_H

/* Status */
#define ST_IE 0x00000001
#define ST_EXL 0x00000002
#define ST_ERL 0x00000004
#define ST_KSU 0x00000018
#define ST_KSU_USER 0x00000010
#define ST_UX 0x00000020
#define ST_SX 0x00000040
#define ST_KX 0x00000080
#define ST_IM(n) (0x100u << (n))
#define ST_IM_MASK 0x0000ff00
#define ST_BEV 0x00400000
#define ST_CU0 0x10000000
#define ST_CU1 0x20000000

/* Cause */
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC_MASK 0x7c
#define CAUSE_IP(n) (0x100u << (n))
#define CAUSE_IP_MASK 0x0000ff00
#define CAUSE_IV 0x00800000
#define CAUSE_CE_SHIFT 28
#define CAUSE_TI 0x40000000
#define CAUSE_BD 0x80000000u

/* ExcCodes */
#define EXC_INT 0
#define EXC_MOD 1
#define EXC_TLBL 2
#define EXC_TLBS 3
#define EXC_ADEL 4
#define EXC_ADES 5
#define EXC_IBE 6
#define EXC_DBE 7
#define EXC_SYS 8
#define EXC_BP 9
#define EXC_RI 10
#define EXC_CPU 11
#define EXC_OV 12
#define EXC_TR 13

/* Vector offsets from EBase (BEV = 0) */
#define VEC_REFILL 0x000
#define VEC_XREFILL 0x080
#define VEC_CACHEERR 0x100
#define VEC_GENERAL 0x180
#define VEC_INT 0x200

/* EntryLo */
#define ENTRYLO_G 0x1
#define ENTRYLO_V 0x2
#define ENTRYLO_D 0x4
#define ENTRYLO_C_SHIFT 3
#define ENTRYLO_C_UNCACHED (2 << 3)
#define ENTRYLO_C_CACHED (3 << 3)
#define ENTRYLO_PFN_SHIFT 6

/* PageMask for 16 KiB pages (the size QEMU's loongson3-virt maps fastest) */
#define PM_16K 0x00006000
#define PAGE16K 0x4000

/* Index */
#define INDEX_P 0x80000000u

/* Config0 */
#define CONF_K0_MASK 0x7
#define CONF_K0_CACHED 3
#define CONF_M 0x80000000u

/* Loongson Config6 and Diag bits */
#define CONF6_INTIMER 0x00000040
#define CONF6_EXTIMER 0x00000080
#define CONF6_SFBEN 0x00000100
#define CONF6_FTLBDIS 0x00400000
#define DIAG_BTB 0x00000002
#define DIAG_ITLB 0x00000004
#define DIAG_DTLB 0x00000008
#define DIAG_VTLB 0x00001000
#define DIAG_FTLB 0x00002000

/* Cache op codes (op field: bits 4..2 operation, 1..0 cache) */
#define CACHE_I 0
#define CACHE_D 1
#define CACHE_INDEX_INV_I 0x00
#define CACHE_INDEX_WBINV_D 0x01
#define CACHE_HIT_INV_I 0x10
#define CACHE_HIT_INV_D 0x11
#define CACHE_HIT_WBINV_D 0x15
#define CACHE_HIT_WB_D 0x19

#ifdef __ASSEMBLER__
#define C0_INDEX $0
#define C0_ENTRYHI $10
#define C0_BADVADDR $8
#define C0_STATUS $12
#define C0_CAUSE $13
#define C0_EPC $14
#define C0_EBASE $15, 1
#define C0_CONFIG $16
#else
#include <stdint.h>

#define TG_STR2(x) #x
#define TG_STR(x) TG_STR2(x)

/* 32-bit CP0 reads return the low word; 64-bit ones the whole register. */
#define tg_mfc0(reg, sel)                                                                          \
	({                                                                                         \
		int64_t v_;                                                                        \
		__asm__ volatile("mfc0 %0, $" TG_STR(reg) ", " TG_STR(sel) : "=r"(v_));            \
		(uint32_t) v_;                                                                     \
	})
#define tg_dmfc0(reg, sel)                                                                         \
	({                                                                                         \
		uint64_t v_;                                                                       \
		__asm__ volatile("dmfc0 %0, $" TG_STR(reg) ", " TG_STR(sel) : "=r"(v_));           \
		v_;                                                                                \
	})
#define tg_mtc0(reg, sel, val)                                                                     \
	__asm__ volatile("mtc0 %0, $" TG_STR(reg) ", " TG_STR(sel) "\n\tehb"                       \
	                 :                                                                         \
	                 : "r"((int64_t)(int32_t)(uint32_t)(val))                                  \
	                 : "memory")
#define tg_dmtc0(reg, sel, val)                                                                    \
	__asm__ volatile("dmtc0 %0, $" TG_STR(reg) ", " TG_STR(sel) "\n\tehb"                      \
	                 :                                                                         \
	                 : "r"((uint64_t)(val))                                                    \
	                 : "memory")

/* Register numbers, for the accessors above. */
#define CP0_INDEX 0
#define CP0_RANDOM 1
#define CP0_ENTRYLO0 2
#define CP0_ENTRYLO1 3
#define CP0_CONTEXT 4
#define CP0_PAGEMASK 5
#define CP0_WIRED 6
#define CP0_BADVADDR 8
#define CP0_COUNT 9
#define CP0_ENTRYHI 10
#define CP0_COMPARE 11
#define CP0_STATUS 12
#define CP0_CAUSE 13
#define CP0_EPC 14
#define CP0_PRID 15
#define CP0_CONFIG 16
#define CP0_LLADDR 17
#define CP0_XCONTEXT 20
#define CP0_DIAG 22
#define CP0_ERROREPC 30
#define CP0_KSCRATCH 31

static inline uint32_t tg_read_status(void)
{
	return tg_mfc0(12, 0);
}
static inline void tg_write_status(uint32_t v)
{
	tg_mtc0(12, 0, v);
}
static inline uint32_t tg_read_cause(void)
{
	return tg_mfc0(13, 0);
}
static inline uint32_t tg_read_count(void)
{
	return tg_mfc0(9, 0);
}
#endif

#endif
