/* SPDX-License-Identifier: MIT */
/* Cache operations a guest kernel uses: hit writeback(-invalidate) on data
 * through kseg0 and through a TLB mapping, index ops over a range, SYNCI for
 * code the guest writes, and RDHWR SYNCI_Step. Data must stay coherent
 * between the cached and uncached windows and new code must run. */
#include "insn.h"

#define VA 0x10000000ull
#define LINE 32

static u8 data[2][PAGE16K] __attribute__((aligned(2 * PAGE16K)));
static u32 code[64] __attribute__((aligned(64)));

#define CACHE(op, addr) __asm__ volatile("cache %0, 0(%1)" : : "i"(op), "r"(addr) : "memory")

TG_TEST(cache, hit_writeback)
{
	volatile u64 *p = (volatile u64 *)data[0];
	volatile u64 *u = (volatile u64 *)tg_kseg1(tg_pa(data[0]));

	for (int i = 0; i < 64; i++)
		p[i] = 0x1000 + (u64)i;
	for (u64 a = (u64)(uintptr_t)p; a < (u64)(uintptr_t)(p + 64); a += LINE)
		CACHE(CACHE_HIT_WB_D, a);
	__asm__ volatile("sync" ::: "memory");
	for (int i = 0; i < 64; i++)
		TG_EQ(u[i], 0x1000 + (u64)i);
	for (int i = 0; i < 64; i++)
		p[i] = 0x2000 + (u64)i;
	for (u64 a = (u64)(uintptr_t)p; a < (u64)(uintptr_t)(p + 64); a += LINE)
		CACHE(CACHE_HIT_WBINV_D, a);
	__asm__ volatile("sync" ::: "memory");
	for (int i = 0; i < 64; i++)
		TG_EQ(u[i], 0x2000 + (u64)i);
	for (int i = 0; i < 64; i++)
		TG_EQ(p[i], 0x2000 + (u64)i);
}

TG_TEST(cache, hit_through_tlb)
{
	tg_tlb_flush();
	struct tg_tlbe e = {
	    .hi = VA,
	    .lo0 = tg_entrylo(tg_pa(data[0]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = tg_entrylo(tg_pa(data[1]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .mask = PM_16K,
	};
	tg_tlb_write(0, &e);
	t_store64(VA + PAGE16K + 0x20, 0x5a5a);
	CACHE(CACHE_HIT_WBINV_D, VA + PAGE16K + 0x20);
	CACHE(CACHE_HIT_INV_I, VA);
	__asm__ volatile("sync" ::: "memory");
	TG_EQ(*(volatile u64 *)tg_kseg1(tg_pa(data[1]) + 0x20), 0x5a5a);
	TG_EQ(t_load64(VA + PAGE16K + 0x20), 0x5a5a);
	tg_tlb_flush();
}

TG_TEST(cache, index_ops)
{
	/* index writeback-invalidate of a whole way range, index invalidate I:
	 * nothing may be lost */
	volatile u64 *p = (volatile u64 *)data[1];
	for (int i = 0; i < 128; i++)
		p[i] = ~(u64)i;
	for (u64 a = TG_KSEG0; a < TG_KSEG0 + 0x4000; a += LINE) {
		CACHE(CACHE_INDEX_WBINV_D, a);
		CACHE(CACHE_INDEX_INV_I, a);
	}
	__asm__ volatile("sync" ::: "memory");
	volatile u64 *u = (volatile u64 *)tg_kseg1(tg_pa(data[1]));
	for (int i = 0; i < 128; i++)
		TG_EQ(u[i], ~(u64)i);
}

static u64 run_code(void)
{
	return ((u64(*)(void))(uintptr_t)code)();
}

static void make_code(u32 value)
{
	code[0] = 0x03e00008;         /* jr ra */
	code[1] = 0x24020000 | value; /* li v0, value (delay slot) */
	__asm__ volatile("sync" ::: "memory");
	for (u64 a = (u64)(uintptr_t)code; a < (u64)(uintptr_t)(code + 2); a += LINE)
		__asm__ volatile("synci 0(%0)" : : "r"(a) : "memory");
	__asm__ volatile("sync" ::: "memory");
}

TG_TEST(cache, synci_new_code)
{
	u64 step;
	__asm__ volatile(".set push\n.set mips32r2\nrdhwr %0, $1\n.set pop" : "=r"(step));
	TG_CHECK(step == 16 || step == 32 || step == 64);
	make_code(0x1234);
	TG_EQ(run_code(), 0x1234);
	make_code(0x4321);
	TG_EQ(run_code(), 0x4321);
}

int main(void)
{
	TG_RUN(cache, hit_writeback);
	TG_RUN(cache, hit_through_tlb);
	TG_RUN(cache, index_ops);
	TG_RUN(cache, synci_new_code);
	return tg_tests_done();
}
