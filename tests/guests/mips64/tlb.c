/* SPDX-License-Identifier: MIT */
/* The guest's TLB: write, probe and read back; Random and Wired; accesses
 * through guest mappings; TLB refill, invalid and modified exceptions taken
 * by the guest's own handlers, with the vector, EPC, BD, BadVAddr, EntryHi
 * and Context that the architecture defines. */
#include "insn.h"

#define VA 0x10000000ull /* useg: TLB-mapped natively and as a partition */
#define ASID 0x12

static u8 pages[4][PAGE16K] __attribute__((aligned(2 * PAGE16K)));

static struct tg_tlbe pair(u64 va, u32 asid, u32 flags0, u32 flags1)
{
	struct tg_tlbe e = {
	    .hi = va | asid,
	    .lo0 = tg_entrylo(tg_pa(pages[0]), flags0),
	    .lo1 = tg_entrylo(tg_pa(pages[1]), flags1),
	    .mask = PM_16K,
	};
	return e;
}

#define RW (ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V)

static void setup(void)
{
	tg_tlb_flush();
	tg_dmtc0(CP0_ENTRYHI, 0, ASID);
	memset(pages, 0, sizeof(pages));
}

TG_TEST(tlb, write_read)
{
	setup();
	struct tg_tlbe e = pair(VA, ASID, RW, ENTRYLO_C_UNCACHED | ENTRYLO_V), r;
	tg_tlb_write(3, &e);
	tg_tlb_read(3, &r);
	TG_EQ(r.hi, e.hi);
	TG_EQ(r.lo0, e.lo0);
	TG_EQ(r.lo1, e.lo1);
	TG_EQ(r.mask, e.mask);
	/* TLBR leaves EntryHi's ASID as the entry had it; ours was restored */
	TG_EQ(tg_dmfc0(CP0_ENTRYHI, 0) & 0xff, ASID);
	/* G is the AND of both EntryLo G bits */
	e = pair(VA + 0x100000, 0, RW | ENTRYLO_G, RW | ENTRYLO_G);
	tg_tlb_write(4, &e);
	tg_tlb_read(4, &r);
	TG_EQ(r.lo0 & ENTRYLO_G, ENTRYLO_G);
	TG_EQ(r.lo1 & ENTRYLO_G, ENTRYLO_G);
	e = pair(VA + 0x200000, 0, RW | ENTRYLO_G, RW);
	tg_tlb_write(5, &e);
	tg_tlb_read(5, &r);
	TG_EQ((r.lo0 | r.lo1) & ENTRYLO_G, 0);
}

TG_TEST(tlb, probe)
{
	setup();
	struct tg_tlbe e = pair(VA, ASID, RW, RW);
	tg_tlb_write(9, &e);
	TG_EQ(tg_tlb_probe(VA | ASID), 9);
	TG_EQ(tg_tlb_probe((VA + PAGE16K) | ASID), 9); /* odd page, same VPN2 */
	TG_EQ(tg_tlb_probe(VA | (ASID + 1)) & INDEX_P, INDEX_P);
	TG_EQ(tg_tlb_probe((VA + 2 * PAGE16K) | ASID) & INDEX_P, INDEX_P);
	e = pair(VA + 0x100000, 0, RW | ENTRYLO_G, RW | ENTRYLO_G);
	tg_tlb_write(10, &e);
	TG_EQ(tg_tlb_probe((VA + 0x100000) | 0x77), 10); /* global: any ASID */
}

TG_TEST(tlb, access)
{
	setup();
	struct tg_tlbe e = pair(VA, ASID, RW, RW);
	tg_tlb_write(1, &e);
	volatile u64 *even = (volatile u64 *)(uintptr_t)VA;
	volatile u64 *odd = (volatile u64 *)(uintptr_t)(VA + PAGE16K + 8);
	*even = 0x1111222233334444ull;
	*odd = 0x5555666677778888ull;
	TG_EQ(*(volatile u64 *)pages[0], 0x1111222233334444ull);
	TG_EQ(*(volatile u64 *)(pages[1] + 8), 0x5555666677778888ull);
	*(volatile u64 *)(pages[0] + 0x3ff8) = 0xabcdef;
	TG_EQ(*(volatile u64 *)(uintptr_t)(VA + 0x3ff8), 0xabcdef);
	/* the uncached window sees the same physical memory */
	TG_EQ(*(volatile u64 *)tg_kseg1(tg_pa(pages[0])), 0x1111222233334444ull);
}

TG_TEST(tlb, random_wired)
{
	setup();
	u32 n = tg_tlb_size();
	struct tg_tlbe w[4];

	tg_mtc0(CP0_WIRED, 0, 4);
	for (u32 i = 0; i < 4; i++) {
		w[i] = pair(VA + 0x100000 * (i + 1), ASID, RW, RW);
		tg_tlb_write(i, &w[i]);
	}
	for (u32 i = 0; i < 3 * n; i++) {
		struct tg_tlbe e = pair(VA + 0x1000000 + i * 2 * PAGE16K, ASID, RW, RW);
		tg_tlb_write_random(&e);
		u32 idx = tg_tlb_probe(e.hi);
		if (idx & INDEX_P || idx < 4 || idx >= n) {
			tg_note("tlbwr #%u landed at Index 0x%x", i, idx);
			TG_CHECK(0);
		}
	}
	for (u32 i = 0; i < 4; i++) {
		struct tg_tlbe r;
		tg_tlb_read(i, &r);
		TG_EQ(r.hi, w[i].hi);
		TG_EQ(r.lo0, w[i].lo0);
	}
	tg_mtc0(CP0_WIRED, 0, 0);
}

static u64 arg_va;
static void load_arg(void *a)
{
	(void)a;
	t_load64(arg_va);
}
static void store_arg(void *a)
{
	(void)a;
	t_store64(arg_va, 1);
}
static void load_bd_arg(void *a)
{
	(void)a;
	t_load64_bd(arg_va);
}

#define EXPECT_EXC(fn, code, vector, epc_, va, bd)                                                 \
	do {                                                                                       \
		arg_va = (va);                                                                     \
		TG_EQ(tg_try(TG_EXC(code), fn, NULL), (code) + 1);                                 \
		TG_EQ(tg_last.vec, vector);                                                        \
		TG_EQ(tg_last.epc, epc_);                                                          \
		TG_EQ(tg_last.badvaddr, va);                                                       \
		TG_EQ(tg_last.cause &CAUSE_BD, (bd) ? CAUSE_BD : 0);                               \
		TG_EQ(tg_last.entryhi, ((va) & ~0x1fffull) | ASID);                                \
		TG_EQ((tg_last.context >> 4) & 0x7ffff, ((va) >> 13) & 0x7ffff);                   \
	} while (0)

TG_TEST(tlb, refill)
{
	setup();
	EXPECT_EXC(load_arg, EXC_TLBL, VEC_REFILL, fn_addr(t_load64), VA + 0x8010, false);
	EXPECT_EXC(store_arg, EXC_TLBS, VEC_REFILL, fn_addr(t_store64), VA + 0x6008, false);
	EXPECT_EXC(load_bd_arg, EXC_TLBL, VEC_REFILL, fn_addr(t_load64_bd), VA + 0x20, true);
}

static u32 refills;
static void refill_handler(struct tg_frame *f)
{
	TG_EQ(f->vec, VEC_REFILL);
	refills++;
	struct tg_tlbe e = pair(f->badvaddr & ~0x7fffull, ASID, RW, RW);
	tg_tlb_write_random(&e);
}

TG_TEST(tlb, refill_handled)
{
	setup();
	refills = 0;
	tg_set_handler(EXC_TLBL, refill_handler);
	tg_set_handler(EXC_TLBS, refill_handler);
	*(volatile u64 *)(pages[1] + 0x40) = 0xfeedface;
	TG_EQ(t_load64(VA + PAGE16K + 0x40), 0xfeedface); /* refill, mapped, retried */
	TG_EQ(refills, 1);
	t_store64(VA + 0x108000, 77); /* another VPN2: refill again */
	TG_EQ(refills, 2);
	TG_EQ(*(volatile u64 *)pages[0], 77);
	TG_EQ(t_load64_bd(VA + 0x208000), 77); /* in a delay slot */
	TG_EQ(refills, 3);
}

TG_TEST(tlb, invalid)
{
	setup();
	struct tg_tlbe e = pair(VA, ASID, ENTRYLO_C_CACHED | ENTRYLO_D, RW);
	tg_tlb_write(2, &e);
	EXPECT_EXC(load_arg, EXC_TLBL, VEC_GENERAL, fn_addr(t_load64), VA + 0x18, false);
	EXPECT_EXC(store_arg, EXC_TLBS, VEC_GENERAL, fn_addr(t_store64), VA + 0x30, false);
	/* the odd page of the same entry is valid */
	TG_EQ(t_load64(VA + PAGE16K), 0);
}

TG_TEST(tlb, modified)
{
	setup();
	struct tg_tlbe e = pair(VA, ASID, ENTRYLO_C_CACHED | ENTRYLO_V, RW);
	tg_tlb_write(2, &e);
	*(volatile u64 *)pages[0] = 0x42;
	TG_EQ(t_load64(VA), 0x42); /* readable */
	EXPECT_EXC(store_arg, EXC_MOD, VEC_GENERAL, fn_addr(t_store64), VA + 0x100, false);
	TG_EQ(*(volatile u64 *)(pages[0] + 0x100), 0); /* the store did not happen */
	/* set D, and the store goes through */
	e.lo0 |= ENTRYLO_D;
	tg_tlb_write(2, &e);
	t_store64(VA + 0x100, 5);
	TG_EQ(*(volatile u64 *)(pages[0] + 0x100), 5);
}

TG_TEST(tlb, asid)
{
	setup();
	struct tg_tlbe e = pair(VA, ASID + 1, RW, RW);
	tg_tlb_write(6, &e);
	/* another ASID's entry does not match: refill */
	EXPECT_EXC(load_arg, EXC_TLBL, VEC_REFILL, fn_addr(t_load64), VA + 8, false);
	tg_dmtc0(CP0_ENTRYHI, 0, ASID + 1);
	*(volatile u64 *)pages[0] = 99;
	TG_EQ(t_load64(VA), 99);
	/* global entries match every ASID */
	e = pair(VA + 0x100000, ASID + 5, RW | ENTRYLO_G, RW | ENTRYLO_G);
	tg_tlb_write(7, &e);
	TG_EQ(t_load64(VA + 0x100000), 99);
	tg_dmtc0(CP0_ENTRYHI, 0, ASID);
	TG_EQ(t_load64(VA + 0x100000), 99);
}

TG_TEST(tlb, refill_exl)
{
	/* With EXL set a TLB miss goes to the general vector and leaves EPC
	 * (and Cause.BD) alone. */
	setup();
	tg_dmtc0(CP0_EPC, 0, 0x4242424242424240ull);
	arg_va = VA + 0x48;
	tg_write_status(ST_EXL);
	int r = tg_try(TG_EXC(EXC_TLBL), load_arg, NULL);
	tg_write_status(0);
	TG_EQ(r, EXC_TLBL + 1);
	TG_EQ(tg_last.vec, VEC_GENERAL);
	TG_EQ(tg_last.epc, 0x4242424242424240ull);
	TG_EQ(tg_last.badvaddr, VA + 0x48);
}

TG_TEST(tlb, refill_xtlb)
{
	/* Status.UX: useg is xuseg, its misses take the XTLB refill vector */
	setup();
	arg_va = VA + 0x50;
	tg_write_status(ST_UX);
	int r = tg_try(TG_EXC(EXC_TLBL), load_arg, NULL);
	tg_write_status(0);
	TG_EQ(r, EXC_TLBL + 1);
	TG_EQ(tg_last.vec, VEC_XREFILL);
	TG_EQ(tg_last.badvaddr, VA + 0x50);
}

TG_TEST(tlb, page_4k)
{
	setup();
	struct tg_tlbe e = {
	    .hi = VA | ASID,
	    .lo0 = tg_entrylo(tg_pa(pages[2]), RW),
	    .lo1 = tg_entrylo(tg_pa(pages[2]) + 0x3000, RW),
	    .mask = 0,
	};
	tg_tlb_write(8, &e);
	*(volatile u64 *)(pages[2] + 0x10) = 0xaa;
	*(volatile u64 *)(pages[2] + 0x3010) = 0xbb;
	TG_EQ(t_load64(VA + 0x10), 0xaa);
	TG_EQ(t_load64(VA + 0x1010), 0xbb);
	/* outside the 8 KiB pair: no mapping */
	EXPECT_EXC(load_arg, EXC_TLBL, VEC_REFILL, fn_addr(t_load64), VA + 0x2000, false);
}

int main(void)
{
	TG_RUN(tlb, write_read);
	TG_RUN(tlb, probe);
	TG_RUN(tlb, access);
	TG_RUN(tlb, random_wired);
	TG_RUN(tlb, refill);
	TG_RUN(tlb, refill_handled);
	TG_RUN(tlb, invalid);
	TG_RUN(tlb, modified);
	TG_RUN(tlb, asid);
	TG_RUN(tlb, refill_exl);
	TG_RUN(tlb, refill_xtlb);
	TG_RUN(tlb, page_4k);
	tg_tlb_flush();
	return tg_tests_done();
}
