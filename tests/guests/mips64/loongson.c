/* SPDX-License-Identifier: MIT */
/* Loongson-3 specifics: CPUCFG, Config6 and Diag.
 *
 * CPUCFG (LWC2 encoding 0xc8080118 | rs << 21 | rd << 11) by model:
 *   3A1000, bare machine:   Reserved Instruction (no CPUCFG).
 *   3A1000, under Tern:     RI trapped and emulated with the reduced list:
 *                           CFG0 0x14c000, CFG1/CFG2 masked (no VZ, no
 *                           IOCSR), every other word 0.
 *   3A4000, bare machine:   the CPU's own words.
 *   3A4000, under Tern:     CPUCFG does not trap in user mode, so the guest
 *                           sees the host CPU's words, exactly as natively.
 * The suite `cpucfg` therefore differs between the bare 3A1000 and Tern on
 * the 3A1000 by design (the differential test ignores it there); on the
 * 3A4000 both runs must agree. Config6 keeps all but its guest-writable
 * bits (INTIMER, EXTIMER); Diag's flush bits act and read back as before. */
#include "insn.h"

#define CFG1_ALLOWED 0x20000071u /* FP, MMI, MSA1, MSA2, SFBP */
#define CFG2_ALLOWED 0x0000000fu /* LEXT1-3, LSPW */
#define CFG2_LVZP (1u << 15)
#define CFG2_LCSRP (1u << 27)

static u64 cfg_out, cfg_sel;

static void cpucfg(void *a)
{
	(void)a;
	register u64 in __asm__("$5") = cfg_sel;
	register u64 out __asm__("$2");
	__asm__ volatile(".word 0xc8080118 | (5 << 21) | (2 << 11)" : "=r"(out) : "r"(in));
	cfg_out = out;
}

/* CPUCFG word sel; false if the instruction raised RI. */
static bool read_cfg(u64 sel, u32 *v)
{
	cfg_sel = sel;
	if (tg_try(TG_EXC(EXC_RI), cpucfg, NULL))
		return false;
	*v = (u32)cfg_out;
	return true;
}

/* Whether this environment has CPUCFG; FAILs where it must have it. */
static bool have_cpucfg(bool *ok)
{
	u32 v;
	bool have = read_cfg(0, &v);

	*ok = true;
	if (!have && (!tg_native() || !tg_model_3a1000())) {
		tg_note("CPUCFG raised RI (%s, PRId 0x%x)", tg_native() ? "native" : "Tern",
		        tg_mfc0(CP0_PRID, 0));
		*ok = false;
	}
	return have;
}

/* The words are emulated (not the CPU's): Tern on a CPU where CPUCFG traps. */
static bool emulated(void)
{
	return !tg_native() && tg_model_3a1000();
}

TG_TEST(cpucfg, cfg0)
{
	bool ok;
	u32 v = 0;

	if (!have_cpucfg(&ok)) {
		TG_CHECK(ok);
		TG_SKIP("no CPUCFG on this CPU (3A1000): Reserved Instruction");
	}
	TG_CHECK(read_cfg(0, &v));
	TG_EQ(v, 0x14c000);
}

TG_TEST(cpucfg, reduced_list)
{
	bool ok;
	u32 c1 = 0, c2 = 0;

	if (!have_cpucfg(&ok)) {
		TG_CHECK(ok);
		TG_SKIP("no CPUCFG on this CPU (3A1000)");
	}
	TG_CHECK(read_cfg(1, &c1) && read_cfg(2, &c2));
	tg_note("CFG1 0x%x CFG2 0x%x", c1, c2);
	if (!emulated())
		TG_SKIP("CPUCFG is the CPU's own here (not trapped): no reduced list to check");
	TG_EQ(c1 & ~CFG1_ALLOWED, 0);
	TG_EQ(c2 & ~CFG2_ALLOWED, 0);
	TG_EQ(c2 & (CFG2_LVZP | CFG2_LCSRP), 0);
}

TG_TEST(cpucfg, other_words_zero)
{
	bool ok;
	u32 v = 1;

	if (!have_cpucfg(&ok)) {
		TG_CHECK(ok);
		TG_SKIP("no CPUCFG on this CPU (3A1000)");
	}
	static const u64 sels[] = {4, 5, 6, 0x20, 0x100, 0xffffffffull, 0xffffffff00000004ull};
	for (unsigned i = 0; i < sizeof(sels) / sizeof(sels[0]); i++) {
		TG_CHECK(read_cfg(sels[i], &v));
		if (v != 0)
			tg_note("CPUCFG 0x%llx = 0x%x", (unsigned long long)sels[i], v);
		TG_EQ(v, 0);
	}
}

static u64 bd_out;
static void cpucfg_in_delay_slot(void *a)
{
	(void)a;
	u64 out, taken;
	/* the branch is taken; CPUCFG 0 in its delay slot; then t1 = 1 */
	__asm__ volatile(".set push\n.set noreorder\n"
	                 "move $5, $0\n"
	                 "li %1, 0\n"
	                 "beq $0, $0, 1f\n"
	                 ".word 0xc8080118 | (5 << 21) | (2 << 11)\n"
	                 "li %1, 2\n" /* skipped */
	                 "1: li %1, 1\n"
	                 "move %0, $2\n"
	                 ".set pop"
	                 : "=r"(out), "=&r"(taken)
	                 :
	                 : "$2", "$5");
	bd_out = out | (taken << 32);
}

TG_TEST(cpucfg, delay_slot)
{
	bool ok;

	if (!have_cpucfg(&ok)) {
		TG_CHECK(ok);
		TG_SKIP("no CPUCFG on this CPU (3A1000)");
	}
	bd_out = 0;
	TG_EQ(tg_try(TG_EXC(EXC_RI), cpucfg_in_delay_slot, NULL), 0);
	TG_EQ(bd_out >> 32, 1);               /* the branch went where it should */
	TG_EQ(bd_out & 0xffffffff, 0x14c000); /* and the delay slot's CPUCFG ran */
}

TG_TEST(config6, guest_writable_bits)
{
	u32 c6 = tg_mfc0(CP0_CONFIG, 6);

	tg_mtc0(CP0_CONFIG, 6, ~c6);
	u32 w = tg_mfc0(CP0_CONFIG, 6);
	tg_mtc0(CP0_CONFIG, 6, c6);
	/* nothing but INTIMER/EXTIMER may change */
	TG_EQ((w ^ c6) & ~(CONF6_INTIMER | CONF6_EXTIMER), 0);
	TG_EQ(tg_mfc0(CP0_CONFIG, 6), c6);
}

static u8 page[2][PAGE16K] __attribute__((aligned(2 * PAGE16K)));
#define VA 0x10000000ull

static void map_page(void)
{
	tg_tlb_flush();
	struct tg_tlbe e = {
	    .hi = VA,
	    .lo0 = tg_entrylo(tg_pa(page[0]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = tg_entrylo(tg_pa(page[1]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .mask = PM_16K,
	};
	tg_tlb_write(0, &e);
}

TG_TEST(diag, flush_micro_tlbs_and_btb)
{
	/* ITLB/DTLB/BTB flushes drop only caches of the TLB: the guest's TLB
	 * entry and the mapping stay; Diag reads back as before */
	map_page();
	*(volatile u64 *)page[0] = 0x600d;
	TG_EQ(t_load64(VA), 0x600d);
	u32 d = tg_mfc0(CP0_DIAG, 0);
	tg_mtc0(CP0_DIAG, 0, d | DIAG_ITLB | DIAG_DTLB | DIAG_BTB);
	TG_EQ(tg_mfc0(CP0_DIAG, 0) & (DIAG_ITLB | DIAG_DTLB | DIAG_BTB),
	      d & (DIAG_ITLB | DIAG_DTLB | DIAG_BTB));
	TG_EQ(tg_tlb_probe(VA), 0);
	TG_EQ(t_load64(VA), 0x600d);
	t_store64(VA + 8, 0x77);
	TG_EQ(*(volatile u64 *)(page[0] + 8), 0x77);
	tg_tlb_flush();
}

static void load_va(void *a)
{
	(void)a;
	t_load64(VA);
}

TG_TEST(diag, vtlb_flush_consistent)
{
	/* Diag.VTLB/FTLB flush the TLB where the CPU implements them (KVM's
	 * Loongson guests) and are ignored elsewhere: either way what TLBP
	 * says and what an access does must agree afterwards. */
	map_page();
	*(volatile u64 *)page[0] = 0x1234;
	TG_EQ(t_load64(VA), 0x1234);
	tg_mtc0(CP0_DIAG, 0, tg_mfc0(CP0_DIAG, 0) | DIAG_VTLB | DIAG_FTLB);
	bool present = !(tg_tlb_probe(VA) & INDEX_P);
	int r = tg_try(TG_EXC(EXC_TLBL), load_va, NULL);
	if (present) {
		TG_EQ(r, 0);
		TG_EQ(t_load64(VA), 0x1234);
	} else {
		TG_EQ(r, EXC_TLBL + 1);
		TG_EQ(tg_last.vec, VEC_REFILL);
	}
	tg_tlb_flush();
}

int main(void)
{
	TG_RUN(cpucfg, cfg0);
	TG_RUN(cpucfg, reduced_list);
	TG_RUN(cpucfg, other_words_zero);
	TG_RUN(cpucfg, delay_slot);
	TG_RUN(config6, guest_writable_bits);
	TG_RUN(diag, flush_micro_tlbs_and_btb);
	TG_RUN(diag, vtlb_flush_consistent);
	return tg_tests_done();
}
