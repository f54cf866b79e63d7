/* SPDX-License-Identifier: MIT */
/* The guest-physical page table of a VZ partition: GPA -> HPA, in the
 * layout Loongson's lddir/ldpte instructions walk (and a portable C walk of
 * the same tables for CPUs without them).
 *
 * Three levels of 64-bit entries over 16 KiB pages, every table one 16 KiB
 * page of 2048 entries:
 *   level 3 (global directory)  index GPA[46:36]
 *   level 1 (middle directory)  index GPA[35:25]
 *   PTE table                   index GPA[24:14]
 * A directory entry is the host address (as the walker dereferences it)
 * of the next table. lddir does not check what it loads, so an empty
 * directory entry points at a shared invalid table (a middle directory
 * whose entries all point at an all-zero PTE table), never 0: a walk of
 * an unmapped GPA always ends in a PTE of 0. A PTE is the root EntryLo
 * value for the page (PFN, cache attribute, D, V, G), 0 for "not mapped":
 * the walk needs no shift (PWField.PTEI = 0). Plain C, host-testable;
 * memory comes from a callback. */
#ifndef ARCH_GPT_H
#define ARCH_GPT_H

#include "hv/types.h"

#define GPT_PAGE_SHIFT 14
#define GPT_PAGE_SIZE (1ull << GPT_PAGE_SHIFT)
#define GPT_BITS 11 /* index bits per level */
#define GPT_ENTRIES (1u << GPT_BITS)
#define GPT_PTE_SHIFT GPT_PAGE_SHIFT             /* 14 */
#define GPT_PMD_SHIFT (GPT_PTE_SHIFT + GPT_BITS) /* 25 */
#define GPT_PGD_SHIFT (GPT_PMD_SHIFT + GPT_BITS) /* 36 */
#define GPT_GPA_BITS (GPT_PGD_SHIFT + GPT_BITS)  /* 47 */
/* root PageMask of a 16 KiB page: mask bits from 13 on (0x6000) */
#define GPT_PAGEMASK ((((GPT_PAGE_SIZE - 1) << 1)) & ~0x1fffull)

/* PTE (= root EntryLo) fields. */
#define GPT_LO_G 0x1ull
#define GPT_LO_V 0x2ull
#define GPT_LO_D 0x4ull
#define GPT_LO_CCA_SHIFT 3
#define GPT_LO_PFN_SHIFT 6
#define GPT_CCA_UNCACHED 2u
#define GPT_CCA_CACHED 3u /* cacheable coherent: Loongson-3 RAM */

/* gpt_map flags */
#define GPT_F_WRITE 0x1u
#define GPT_F_UNCACHED 0x2u

struct gpt {
	u64 *root; /* level-3 table */
	u64 *inv_pmd, *inv_pte;
	u32 tables; /* all, the two invalid ones included */
	/* a zeroed, 8-byte aligned GPT_PAGE_SIZE table, or NULL */
	u64 *(*alloc)(void *ctx);
	void *ctx;
};

/* The CP0 page-walker registers that make lddir/ldpte walk this table. */
struct gpt_pw {
	u64 pwbase;
	u64 pwfield;
	u64 pwsize;
	u32 pwctl;
};

int gpt_init(struct gpt *t, u64 *(*alloc)(void *ctx), void *ctx);
/* Map [gpa, gpa + size) to [hpa, hpa + size); all three 16 KiB aligned,
 * gpa + size within GPT_GPA_BITS. HV_E_INVAL / HV_E_NOMEM. */
int gpt_map(struct gpt *t, u64 gpa, u64 hpa, u64 size, u32 flags);
/* The PTE for gpa (0: not mapped; also for gpa beyond GPT_GPA_BITS). */
u64 gpt_lookup(const struct gpt *t, u64 gpa);
void gpt_pw_regs(const struct gpt *t, struct gpt_pw *pw);
/* Call fn for every table page (teardown). */
void gpt_for_each_table(const struct gpt *t, void (*fn)(u64 *table, void *ctx), void *ctx);
/* The host physical address and flags in a PTE. */
static inline u64 gpt_pte_hpa(u64 pte)
{
	return (pte >> GPT_LO_PFN_SHIFT) << 12;
}

#endif
