/* SPDX-License-Identifier: MIT */
/* A guest that points its TLB at memory it does not own: it must get the
 * architected bus error (DBE for data, IBE for a fetch) in its own handler,
 * and go on; the hypervisor and any other partition stay up.
 *   hostile     physical addresses no one owns on loongson3-virt (nothing
 *               there natively either): the same results on both.
 *   hostile_te  addresses that are RAM on the bare machine but not the
 *               partition's (beyond its 64 MiB, Tern's own image in high
 *               RAM), and a user-mode sdbbp with the FPU on (a debug-mode
 *               entry into the boot ROM with kernel privileges, stores
 *               through $ra included): checked as a partition only,
 *               skipped natively. */
#include "insn.h"

#define VA 0x10000000ull
#define UNASSIGNED_PA 0x20000000ull  /* a hole in loongson3-virt's map */
#define FAR_PA 0x0000000ff0000000ull /* beyond any RAM, within 36 bits */
#define BEYOND_PA 0x0c000000ull      /* 192 MiB: past a 64 MiB partition */
#define HV_IMAGE_PA 0x80200000ull    /* Tern's image, in the high RAM alias */

static void map_pa(u64 pa)
{
	tg_tlb_flush();
	struct tg_tlbe e = {
	    .hi = VA,
	    .lo0 = tg_entrylo(pa, ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = tg_entrylo(pa + PAGE16K, ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .mask = PM_16K,
	};
	tg_tlb_write(0, &e);
}

static u64 arg;
static void load(void *a)
{
	(void)a;
	t_load64(arg);
}
static void store(void *a)
{
	(void)a;
	t_store64(arg, 0xdeadbeefdeadbeefull);
}
static void jump(void *a)
{
	(void)a;
	t_jump(arg);
}

#define CATCH                                                                                      \
	(TG_EXC(EXC_DBE) | TG_EXC(EXC_IBE) | TG_EXC(EXC_TLBL) | TG_EXC(EXC_TLBS) |                 \
	 TG_EXC(EXC_ADEL) | TG_EXC(EXC_ADES))
#define EXPECT_BUS(fn, code, epc_)                                                                 \
	do {                                                                                       \
		int r_ = tg_try(CATCH, fn, NULL);                                                  \
		if (r_ != (code) + 1)                                                              \
			tg_note("pa 0x%llx: ExcCode %d, BadVAddr 0x%llx", (unsigned long long)pa,  \
			        r_ - 1, (unsigned long long)tg_last.badvaddr);                     \
		TG_EQ(r_, (code) + 1);                                                             \
		TG_EQ(tg_last.epc, epc_);                                                          \
	} while (0)

static void attack(u64 pa)
{
	map_pa(pa);
	arg = VA + 0x40;
	EXPECT_BUS(load, EXC_DBE, fn_addr(t_load64));
	arg = VA + PAGE16K + 0x80;
	EXPECT_BUS(store, EXC_DBE, fn_addr(t_store64));
	arg = VA + 0x100;
	EXPECT_BUS(jump, EXC_IBE, arg);
	tg_tlb_flush();
}

TG_TEST(hostile, unassigned)
{
	attack(UNASSIGNED_PA);
}

TG_TEST(hostile, far)
{
	attack(FAR_PA);
}

TG_TEST(hostile, still_alive)
{
	/* after all that, ordinary memory and the console still work */
	static volatile u64 x;
	x = 42;
	TG_EQ(x, 42);
}

TG_TEST(hostile_te, beyond_own_memory)
{
	if (tg_native())
		TG_SKIP("RAM on the bare machine");
	attack(BEYOND_PA);
}

TG_TEST(hostile_te, hypervisor_image)
{
	if (tg_native())
		TG_SKIP("RAM on the bare machine");
	attack(HV_IMAGE_PA);
}

/* Status.CU1 on where the CPU offers an FPU (Config1.FP), $ra aimed at the
 * guest's own memory, sdbbp: Reserved Instruction at the sdbbp, nothing
 * written, CU1 as it was. (A word of QEMU's ROM past the debug vector
 * decodes as `sd $ra,-1($ra)`: run in debug mode it would write ra to
 * victim[1].) */
static volatile u64 victim[4];
static void sdbbp_ra(void *a)
{
	(void)a;
	t_sdbbp((u64)(uintptr_t)&victim[1] + 1);
}

TG_TEST(hostile_te, sdbbp_with_fpu)
{
	if (tg_native())
		TG_SKIP("debug mode / semihosting on the bare machine");
	bool fp = tg_mfc0(16, 1) & 1;
	u32 st = tg_read_status();
	if (fp)
		tg_write_status(st | ST_CU1);
	TG_EQ(!!(tg_read_status() & ST_CU1), fp);
	for (int i = 0; i < 4; i++)
		victim[i] = 0x5a5a5a5a00000000ull + (u64)i;
	int r = tg_try(TG_EXC(EXC_RI) | TG_EXC(EXC_CPU) | TG_EXC(EXC_DBE) | TG_EXC(EXC_ADES),
	               sdbbp_ra, NULL);
	u32 after = tg_read_status();
	tg_write_status(st);
	TG_EQ(r, EXC_RI + 1);
	TG_EQ(tg_last.epc, fn_addr(t_sdbbp_insn));
	TG_EQ(!!(after & ST_CU1), fp);
	for (int i = 0; i < 4; i++)
		TG_EQ(victim[i], 0x5a5a5a5a00000000ull + (u64)i);
}

/* Overlapping guest TLB entries: B, a 4 KiB pair at index 0, inside A, a
 * 16 KiB pair at index 1. Touching B and then the rest of A must not leave
 * the host two entries for one address (a machine check on hardware; on
 * QEMU the lower index wins, so A's page would show through B): B's
 * addresses keep giving B's pages (the lower index wins, as in QEMU's TLB),
 * the rest of A gives A's. Repeated: which host slot each entry lands in is
 * random. */
#define OVL_VA 0x18000000ull
#define OVL_A 0xaaaaaaaa00000000ull
#define OVL_B 0xbbbbbbbb00000000ull
static u8 ovl[3][PAGE16K] __attribute__((aligned(2 * PAGE16K)));

static u64 ovl_read(u64 off)
{
	return *(volatile u64 *)(uintptr_t)(OVL_VA + off);
}

TG_TEST(hostile_te, tlb_overlap)
{
	if (tg_native())
		TG_SKIP("overlapping TLB entries: undefined on the bare machine");
	for (u32 k = 0; k < 3; k++)
		for (u32 o = 0; o < PAGE16K; o += 8)
			*(volatile u64 *)&ovl[k][o] = (k < 2 ? OVL_A : OVL_B) | (k << 16) | o;
	struct tg_tlbe a = {
	    .hi = OVL_VA,
	    .lo0 = tg_entrylo(tg_pa(ovl[0]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = tg_entrylo(tg_pa(ovl[1]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .mask = PM_16K,
	};
	struct tg_tlbe b = {
	    .hi = OVL_VA + 0x6000,
	    .lo0 = tg_entrylo(tg_pa(ovl[2]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = tg_entrylo(tg_pa(ovl[2]) + 0x1000, ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .mask = 0,
	};
	u32 bad = 0;
	for (u32 round = 0; round < 32; round++) {
		tg_tlb_flush();
		tg_tlb_write(0, &b);
		tg_tlb_write(1, &a);
		u64 in_b = ovl_read(0x6010), in_a = ovl_read(0x10), a_hi = ovl_read(0x4020);
		u64 b_again = ovl_read(0x6018), b_hi = ovl_read(0x7008);
		if (in_b != (OVL_B | (2u << 16) | 0x10) || in_a != (OVL_A | 0x10) ||
		    a_hi != (OVL_A | (1u << 16) | 0x20) || b_again != (OVL_B | (2u << 16) | 0x18) ||
		    b_hi != (OVL_B | (2u << 16) | 0x1008)) {
			if (!bad)
				tg_note(
				    "round %u: B 0x%llx A 0x%llx A+16K 0x%llx B 0x%llx B+4K 0x%llx",
				    round, (unsigned long long)in_b, (unsigned long long)in_a,
				    (unsigned long long)a_hi, (unsigned long long)b_again,
				    (unsigned long long)b_hi);
			bad++;
		}
	}
	tg_tlb_flush();
	TG_EQ(bad, 0);
}

int main(void)
{
	TG_RUN(hostile, unassigned);
	TG_RUN(hostile, far);
	TG_RUN(hostile_te, beyond_own_memory);
	TG_RUN(hostile_te, hypervisor_image);
	TG_RUN(hostile_te, sdbbp_with_fpu);
	TG_RUN(hostile_te, tlb_overlap);
	TG_RUN(hostile, still_alive);
	return tg_tests_done();
}
