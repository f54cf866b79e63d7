/* SPDX-License-Identifier: MIT */
/* The GPA -> HPA page table of a VZ partition (see arch/gpt.h). */
#include "arch/gpt.h"

#define IDX(gpa, shift) (((gpa) >> (shift)) & (GPT_ENTRIES - 1))

static u64 ptr(const u64 *t)
{
	return (u64)(uintptr_t)t;
}

static u64 *new_table(struct gpt *t, const u64 *fill)
{
	u64 *n = t->alloc(t->ctx);

	if (!n)
		return NULL;
	t->tables++;
	for (u32 i = 0; i < GPT_ENTRIES; i++)
		n[i] = fill ? ptr(fill) : 0;
	return n;
}

/* The table dir[i] points to, made a real one if it is the invalid one. */
static u64 *next_table(struct gpt *t, u64 *dir, u32 i, const u64 *inv, const u64 *fill)
{
	if (dir[i] == ptr(inv)) {
		u64 *n = new_table(t, fill);
		if (!n)
			return NULL;
		dir[i] = ptr(n);
	}
	return (u64 *)(uintptr_t)dir[i];
}

int gpt_init(struct gpt *t, u64 *(*alloc)(void *ctx), void *ctx)
{
	*t = (struct gpt){.alloc = alloc, .ctx = ctx};
	t->inv_pte = new_table(t, NULL);
	t->inv_pmd = t->inv_pte ? new_table(t, t->inv_pte) : NULL;
	t->root = t->inv_pmd ? new_table(t, t->inv_pmd) : NULL;
	return t->root ? HV_OK : HV_E_NOMEM;
}

int gpt_map(struct gpt *t, u64 gpa, u64 hpa, u64 size, u32 flags)
{
	const u64 mask = GPT_PAGE_SIZE - 1;

	if (!t->root || (gpa | hpa | size) & mask || size == 0 || gpa >> GPT_GPA_BITS ||
	    size > (1ull << GPT_GPA_BITS) - gpa || hpa >> 48 || size > (1ull << 48) - hpa)
		return HV_E_INVAL;
	u64 attr = GPT_LO_V | GPT_LO_G | (flags & GPT_F_WRITE ? GPT_LO_D : 0) |
	           (u64)(flags & GPT_F_UNCACHED ? GPT_CCA_UNCACHED : GPT_CCA_CACHED)
	               << GPT_LO_CCA_SHIFT;
	for (u64 off = 0; off < size; off += GPT_PAGE_SIZE) {
		u64 g = gpa + off;
		u64 *pmd = next_table(t, t->root, IDX(g, GPT_PGD_SHIFT), t->inv_pmd, t->inv_pte);
		u64 *pte = pmd ? next_table(t, pmd, IDX(g, GPT_PMD_SHIFT), t->inv_pte, NULL) : NULL;
		if (!pte)
			return HV_E_NOMEM;
		pte[IDX(g, GPT_PTE_SHIFT)] = ((hpa + off) >> 12) << GPT_LO_PFN_SHIFT | attr;
	}
	return HV_OK;
}

/* The same walk lddir/ldpte make; unmapped ends in an invalid table's 0. */
u64 gpt_lookup(const struct gpt *t, u64 gpa)
{
	if (!t->root || gpa >> GPT_GPA_BITS)
		return 0;
	const u64 *pmd = (const u64 *)(uintptr_t)t->root[IDX(gpa, GPT_PGD_SHIFT)];
	const u64 *pte = (const u64 *)(uintptr_t)pmd[IDX(gpa, GPT_PMD_SHIFT)];
	return pte[IDX(gpa, GPT_PTE_SHIFT)];
}

/* PWField: GDI 29:24, UDI 23:18, MDI 17:12, PTI 11:6, PTEI 5:0.
 * PWSize: PS (64-bit directory entries) 30, GDW 29:24, UDW 23:18,
 * MDW 17:12, PTW 11:6, PTEW 5:0. PWCtl: PWDirExt 30, PSn 5:0 = 0.
 * lddir level 3 indexes with GDI/GDW, level 1 with MDI/MDW. */
void gpt_pw_regs(const struct gpt *t, struct gpt_pw *pw)
{
	pw->pwbase = ptr(t->root);
	pw->pwfield = (u64)GPT_PGD_SHIFT << 24 | (u64)GPT_PMD_SHIFT << 12 | (u64)GPT_PTE_SHIFT << 6;
	pw->pwsize = 1ull << 30 | (u64)GPT_BITS << 24 | (u64)GPT_BITS << 12 | (u64)GPT_BITS << 6;
	pw->pwctl = 1u << 30;
}

void gpt_for_each_table(const struct gpt *t, void (*fn)(u64 *table, void *ctx), void *ctx)
{
	if (!t->root)
		return;
	for (u32 i = 0; i < GPT_ENTRIES; i++) {
		u64 *pmd = (u64 *)(uintptr_t)t->root[i];
		if (pmd == t->inv_pmd)
			continue;
		for (u32 j = 0; j < GPT_ENTRIES; j++)
			if (pmd[j] != ptr(t->inv_pte))
				fn((u64 *)(uintptr_t)pmd[j], ctx);
		fn(pmd, ctx);
	}
	fn(t->root, ctx);
	fn(t->inv_pmd, ctx);
	fn(t->inv_pte, ctx);
}
