/* SPDX-License-Identifier: MIT */
/* The guest's soft TLB: TLBR/TLBWI/TLBWR/TLBP/TLBINV/TLBINVF and lookups.
 * Entries are kept as the guest wrote them (masked like hardware); an
 * invalidated or never-written entry has EntryHi.EHINV set and matches
 * nothing. Every change tells the backend (ops->tlb_changed), which drops
 * the shadows derived from the old contents. */
#include "arch/emulate.h"

#define VPN_MASK ((3ull << 62) | ((1ull << MIPS_SEGBITS) - 1))

static bool entry_matches(const struct mips_tlbe *e, u64 va, u32 asid)
{
	u64 region = (u64)e->mask | 0x1fff;

	if (e->hi & C0_ENTRYHI_EHINV)
		return false;
	if (((e->hi ^ va) & VPN_MASK & ~region) != 0)
		return false;
	return (e->lo0 & e->lo1 & C0_ENTRYLO_G) || (e->hi & C0_ENTRYHI_ASID) == asid;
}

int mips_tlb_lookup(const struct mips_guest_ctx *c, u64 va, u32 asid)
{
	for (u32 i = 0; i < c->nr_tlb; i++)
		if (entry_matches(&c->tlb[i], va, asid))
			return (int)i;
	return -1;
}

int mips_tlb_translate(const struct mips_guest_ctx *c, u64 va, bool write, u64 *gpa, u64 *lo,
                       u64 *pagesize, bool *refill)
{
	int i = mips_tlb_lookup(c, va, (u32)(c->cp0.entryhi & C0_ENTRYHI_ASID));
	u32 code = write ? EXC_CODE_TLBS : EXC_CODE_TLBL;

	*refill = i < 0;
	if (i < 0)
		return (int)code;
	const struct mips_tlbe *e = &c->tlb[i];
	u64 size = ((u64)e->mask + 0x2000) >> 1;
	u64 l = (va & size) ? e->lo1 : e->lo0;
	if (!(l & C0_ENTRYLO_V))
		return (int)code;
	if (write && !(l & C0_ENTRYLO_D))
		return EXC_CODE_MOD;
	*lo = l;
	*pagesize = size;
	*gpa = (((l & C0_ENTRYLO_MASK) >> C0_ENTRYLO_PFN_SHIFT) << 12 & ~(size - 1)) |
	       (va & (size - 1));
	return 0;
}

static void tlb_changed(struct mips_guest_ctx *c)
{
	if (c->ops && c->ops->tlb_changed)
		c->ops->tlb_changed(c);
}

void mips_tlb_read(struct mips_guest_ctx *c)
{
	const struct mips_tlbe *e = &c->tlb[(u32)(c->cp0.index & 0x3f) % c->nr_tlb];

	if (e->hi & C0_ENTRYHI_EHINV) {
		c->cp0.entryhi = C0_ENTRYHI_EHINV;
		c->cp0.entrylo0 = c->cp0.entrylo1 = 0;
		c->cp0.pagemask = 0;
		return;
	}
	c->cp0.entryhi = e->hi;
	c->cp0.entrylo0 = e->lo0;
	c->cp0.entrylo1 = e->lo1;
	c->cp0.pagemask = e->mask;
}

void mips_tlb_write(struct mips_guest_ctx *c, u32 index)
{
	struct mips_tlbe *e = &c->tlb[index % c->nr_tlb];
	u64 g = c->cp0.entrylo0 & c->cp0.entrylo1 & C0_ENTRYLO_G;
	u64 region = (u64)c->cp0.pagemask | 0x1fff;

	if (c->cp0.entryhi & C0_ENTRYHI_EHINV) {
		*e = (struct mips_tlbe){.hi = C0_ENTRYHI_EHINV};
	} else {
		/* VPN2 bits below the page pair are not part of the entry */
		e->hi = c->cp0.entryhi & ~(region & ~0xffull) & ~C0_ENTRYHI_EHINV;
		e->lo0 = (c->cp0.entrylo0 & ~C0_ENTRYLO_G) | g;
		e->lo1 = (c->cp0.entrylo1 & ~C0_ENTRYLO_G) | g;
		e->mask = (u32)c->cp0.pagemask;
	}
	tlb_changed(c);
}

void mips_tlb_probe(struct mips_guest_ctx *c)
{
	int i = mips_tlb_lookup(c, c->cp0.entryhi, (u32)(c->cp0.entryhi & C0_ENTRYHI_ASID));

	if (i < 0)
		c->cp0.index |= C0_INDEX_P;
	else
		c->cp0.index = (u32)i;
}

/* all: TLBINVF; else TLBINV (every non-global entry of EntryHi.ASID). */
void mips_tlb_invalidate(struct mips_guest_ctx *c, bool all)
{
	u32 asid = (u32)(c->cp0.entryhi & C0_ENTRYHI_ASID);

	for (u32 i = 0; i < c->nr_tlb; i++) {
		struct mips_tlbe *e = &c->tlb[i];
		bool global = e->lo0 & e->lo1 & C0_ENTRYLO_G;
		if (all || (!global && (e->hi & C0_ENTRYHI_ASID) == asid))
			*e = (struct mips_tlbe){.hi = C0_ENTRYHI_EHINV};
	}
	tlb_changed(c);
}
