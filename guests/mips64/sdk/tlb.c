/* SPDX-License-Identifier: MIT */
/* TLB helpers: each writes or reads one entry through the CP0 registers,
 * exactly as a guest kernel would (natively the real TLB, as a partition
 * the guest TLB that Tern emulates and shadows). */
#include "tg/tg.h"

u32 tg_tlb_size(void)
{
	return ((tg_mfc0(CP0_CONFIG, 1) >> 25) & 0x3f) + 1;
}

static void load_regs(const struct tg_tlbe *e)
{
	tg_dmtc0(CP0_ENTRYHI, 0, e->hi);
	tg_dmtc0(CP0_ENTRYLO0, 0, e->lo0);
	tg_dmtc0(CP0_ENTRYLO1, 0, e->lo1);
	tg_mtc0(CP0_PAGEMASK, 0, e->mask);
}

void tg_tlb_write(u32 index, const struct tg_tlbe *e)
{
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);

	tg_mtc0(CP0_INDEX, 0, index);
	load_regs(e);
	__asm__ volatile("tlbwi\n\tehb" : : : "memory");
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
}

void tg_tlb_write_random(const struct tg_tlbe *e)
{
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);

	load_regs(e);
	__asm__ volatile("tlbwr\n\tehb" : : : "memory");
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
}

void tg_tlb_read(u32 index, struct tg_tlbe *e)
{
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);

	tg_mtc0(CP0_INDEX, 0, index);
	__asm__ volatile("tlbr\n\tehb" : : : "memory");
	e->hi = tg_dmfc0(CP0_ENTRYHI, 0);
	e->lo0 = tg_dmfc0(CP0_ENTRYLO0, 0);
	e->lo1 = tg_dmfc0(CP0_ENTRYLO1, 0);
	e->mask = tg_mfc0(CP0_PAGEMASK, 0);
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
}

u32 tg_tlb_probe(u64 entryhi)
{
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);

	tg_dmtc0(CP0_ENTRYHI, 0, entryhi);
	__asm__ volatile("tlbp\n\tehb" : : : "memory");
	u32 idx = tg_mfc0(CP0_INDEX, 0);
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
	return idx;
}

void tg_tlb_flush(void)
{
	u32 n = tg_tlb_size();

	tg_mtc0(CP0_WIRED, 0, 0);
	for (u32 i = 0; i < n; i++) {
		/* Unique VPN2s in ckseg0, which the TLB never translates. */
		struct tg_tlbe e = {.hi = 0xffffffff80000000ull + ((u64)i << 15)};
		tg_tlb_write(i, &e);
	}
}
