/* SPDX-License-Identifier: MIT */
/* The emulation layer: soft CP0 (read-only and masked bits), the soft TLB
 * instructions, ERET/WAIT/DI/EI, CACHE/SYNCI, RDHWR, CPUCFG, HYPCALL,
 * exception raising, the virtual timer and interrupts. */
#include "harness.h"

#include "check.h"

#define R_T0 12
#define R_T1 13

static u64 mfc0(u32 rd, u32 sel)
{
	u32 w = e_dmfc0(R_T0, rd, sel);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	return G.gpr[R_T0];
}

static u64 mfc0_32(u32 rd, u32 sel)
{
	u32 w = e_mfc0(R_T0, rd, sel);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	return G.gpr[R_T0];
}

static void dmtc0(u32 rd, u32 sel, u64 v)
{
	u32 w = e_dmtc0(R_T1, rd, sel);
	G.gpr[R_T1] = v;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.pc, CODE + 4);
}

TEST(cp0_status_cause)
{
	harness_reset();
	dmtc0(12, 0, ~0ull);
	/* FPU present (Config1.FP): CU1 and FR writable; RE, MX, TS, NMI, SR, CU2/3 not */
	EXPECT_EQ(mfc0(12, 0), (u64)(s32)0x34c0ffff);
	dmtc0(12, 0, 0);
	EXPECT_EQ(mfc0(12, 0), 0);
	G.cp0.status = C0_ST_SR | C0_ST_NMI;
	dmtc0(12, 0, C0_ST_SR | C0_ST_NMI); /* writing 1 keeps them */
	EXPECT_EQ(mfc0(12, 0), C0_ST_SR | C0_ST_NMI);
	dmtc0(12, 0, 0); /* writing 0 clears them */
	EXPECT_EQ(mfc0(12, 0), 0);
	G.cp0.config[1] &= ~1ull; /* no FPU: CU1/FR read-only zero */
	dmtc0(12, 0, C0_ST_CU1 | C0_ST_FR | C0_ST_CU0);
	EXPECT_EQ(mfc0(12, 0), C0_ST_CU0);

	harness_reset();
	dmtc0(13, 0, ~0ull); /* only IP1:0, IV, DC */
	EXPECT_EQ(mfc0(13, 0), C0_CAUSE_IP_SW | C0_CAUSE_IV | C0_CAUSE_DC);
	G.cp0.cause = C0_CAUSE_BD | 0x7c | C0_CAUSE_TI;
	dmtc0(13, 0, 0);
	EXPECT_EQ(mfc0(13, 0), (u64)(s32)(C0_CAUSE_BD | 0x7c | C0_CAUSE_TI)); /* RO kept */
}

TEST(cp0_tlb_registers)
{
	harness_reset();
	dmtc0(0, 0, 70); /* Index: modulo the TLB size, P kept */
	EXPECT_EQ(mfc0(0, 0), 6);
	G.cp0.index |= C0_INDEX_P;
	dmtc0(0, 0, 5);
	EXPECT_EQ(mfc0_32(0, 0), (u64)(s32)(C0_INDEX_P | 5));
	dmtc0(2, 0, ~0ull);
	EXPECT_EQ(mfc0(2, 0), 0x3fffffff);
	dmtc0(3, 0, 0xc000000000000047ull); /* RI/XI bits do not exist */
	EXPECT_EQ(mfc0(3, 0), 0x47);
	dmtc0(5, 0, ~0ull);
	EXPECT_EQ(mfc0(5, 0), 0x1fffe000);
	dmtc0(10, 0, ~0ull);
	EXPECT_EQ(mfc0(10, 0),
	          (3ull << 62) | (((1ull << 48) - 1) & ~0x1fffull) | 0xff | C0_ENTRYHI_EHINV);
	dmtc0(6, 0, 10);
	EXPECT_EQ(mfc0(6, 0), 10);
	for (int i = 0; i < 50; i++) {
		u64 r = mfc0(1, 0);
		EXPECT_TRUE(r >= 10 && r < 64);
	}
	dmtc0(1, 0, 3); /* Random is read-only */
	EXPECT_TRUE(mfc0(1, 0) >= 10);
	G.cp0.context = 0x7ffff0;
	dmtc0(4, 0, ~0ull); /* BadVPN2 read-only */
	EXPECT_EQ(mfc0(4, 0), ~0x7fffffull | 0x7ffff0);
	dmtc0(4, 0, 0);
	EXPECT_EQ(mfc0(4, 0), 0x7ffff0);
	dmtc0(20, 0, ~0ull);
	EXPECT_EQ(mfc0(20, 0), ~((1ull << 41) - 1));
	G.cp0.badvaddr = 0x1234;
	dmtc0(8, 0, 0);
	EXPECT_EQ(mfc0(8, 0), 0x1234);
	EXPECT_EQ(mfc0(5, 1), 0); /* PageGrain */
	dmtc0(5, 1, ~0ull);
	EXPECT_EQ(mfc0(5, 1), 0);
}

TEST(cp0_identity_and_config)
{
	harness_reset();
	EXPECT_EQ(mfc0(15, 0), 0x6305);
	dmtc0(15, 0, 0);
	EXPECT_EQ(mfc0(15, 0), 0x6305);
	EXPECT_EQ(mfc0(15, 1), (u64)(s32)0x80000000);
	dmtc0(15, 1, ~0ull); /* EBase: bits 29:12 only, CPUNum read-only */
	EXPECT_EQ(mfc0(15, 1), (u64)(s32)0xbffff000);
	EXPECT_EQ(mfc0(16, 0) & 7, 2); /* kseg0 uncached at reset */
	dmtc0(16, 0, 3);
	EXPECT_EQ(mfc0(16, 0), (u64)(s32)0x80004483);
	EXPECT_EQ(tlb_changes, 1); /* the shadow's cacheability changed */
	dmtc0(16, 0, 3);
	EXPECT_EQ(tlb_changes, 1);
	u64 c1 = mfc0(16, 1);
	EXPECT_EQ((c1 >> 25) & 0x3f, 63);
	EXPECT_EQ(c1 & 0x7e, 0); /* no watch, perf counters, EJTAG, MIPS16, MDMX, C2 */
	EXPECT_EQ(c1 & 1, 1);
	dmtc0(16, 1, 0);
	EXPECT_EQ(mfc0(16, 1), c1);
	EXPECT_EQ(mfc0(16, 3), (u64)(s32)0x80002000);
	EXPECT_EQ(mfc0(16, 4), 0x600c0000);
	dmtc0(16, 6, ~0ull); /* Config6: INTIMER/EXTIMER only */
	EXPECT_EQ(mfc0(16, 6), 0xc0);
	dmtc0(16, 6, 0x40);
	EXPECT_EQ(mfc0(16, 6), 0x40);
	dmtc0(16, 7, ~0ull);
	EXPECT_EQ(mfc0(16, 7), 0);
	EXPECT_EQ(mfc0(12, 1), (u64)(s32)0xe0000000); /* IntCtl: IPTI = 7 */
	dmtc0(12, 1, 0);
	EXPECT_EQ(mfc0(12, 1), (u64)(s32)0xe0000000);
	EXPECT_EQ(mfc0(18, 0), ~0ull); /* watch: unimplemented, all ones */
	EXPECT_EQ(mfc0(25, 0), ~0ull);
	EXPECT_EQ(mfc0(31, 4), ~0ull); /* KScratch beyond sel 3 */
}

TEST(cp0_scratch_and_64bit)
{
	harness_reset();
	dmtc0(31, 2, 0x1122334487654321ull);
	EXPECT_EQ(mfc0(31, 2), 0x1122334487654321ull);
	EXPECT_EQ(mfc0_32(31, 2), 0xffffffff87654321ull); /* MFC0: sign-extended low word */
	dmtc0(31, 3, 7);
	EXPECT_EQ(mfc0(31, 3), 7);
	dmtc0(4, 2, 0xdeadbeefcafef00dull);
	EXPECT_EQ(mfc0(4, 2), 0xdeadbeefcafef00dull);
	dmtc0(14, 0, 0x123456789abcdef0ull);
	EXPECT_EQ(mfc0(14, 0), 0x123456789abcdef0ull);
	u32 w = e_mtc0(R_T1, 14, 0); /* MTC0: sign-extends bit 31 */
	G.gpr[R_T1] = 0x00000000f0000000ull;
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_EQ(G.cp0.epc, 0xfffffffff0000000ull);
	dmtc0(30, 0, 0xaaaa5555aaaa5555ull);
	EXPECT_EQ(mfc0(30, 0), 0xaaaa5555aaaa5555ull);
	dmtc0(31, 0, 5);
	EXPECT_EQ(mfc0(31, 0), 5);
	dmtc0(7, 0, ~0ull);
	EXPECT_EQ(mfc0(7, 0), 0x2000000f);
	dmtc0(28, 0, 0x55);
	EXPECT_EQ(mfc0(28, 0), 0x55);
	w = e_mfc0(0, 12, 0); /* to $zero: nothing written */
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_EQ(G.gpr[0], 0);
}

TEST(cp0_diag)
{
	harness_reset();
	G.tlb[3] = (struct mips_tlbe){.hi = 0x4000, .lo0 = 2, .lo1 = 2};
	dmtc0(22, 0, C0_DIAG_BTB);
	EXPECT_EQ(tlb_changes, 1);
	EXPECT_EQ(G.tlb[3].hi, 0x4000); /* the guest's TLB kept */
	dmtc0(22, 0, C0_DIAG_ITLB | C0_DIAG_DTLB);
	EXPECT_EQ(tlb_changes, 2);
	dmtc0(22, 0, C0_DIAG_VTLB);
	EXPECT_EQ(G.tlb[3].hi, C0_ENTRYHI_EHINV);
	EXPECT_EQ(tlb_changes, 3);
	dmtc0(22, 0, 1ull << 8); /* UCAC: nothing */
	EXPECT_EQ(tlb_changes, 3);
	EXPECT_EQ(mfc0(22, 0), 0); /* nothing is stored */
}

TEST(cp0_user_mode)
{
	harness_reset();
	G.cp0.status = 0x10; /* guest user mode, CU0 clear */
	G.cp0.ebase = 0xffffffff80001000ull;
	u32 w = e_mfc0(R_T0, 12, 0);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_CPU);
	EXPECT_EQ((G.cp0.cause >> 28) & 3, 0);
	EXPECT_EQ(G.cp0.epc, CODE);
	EXPECT_EQ(G.pc, 0xffffffff80001180ull);
	EXPECT_TRUE(G.cp0.status & C0_ST_EXL);
	harness_reset();
	G.cp0.status = 0x10 | C0_ST_CU0; /* CU0 set: allowed */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.gpr[R_T0], 0x10 | C0_ST_CU0);
	harness_reset();
	G.cp0.status = 0x10 | C0_ST_EXL; /* EXL: kernel mode whatever KSU says */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
}

static void tlb_entry(u32 idx, u64 hi, u64 lo0, u64 lo1, u32 mask)
{
	u32 w[2] = {I_TLBWI};
	G.cp0.index = idx;
	G.cp0.entryhi = hi;
	G.cp0.entrylo0 = lo0;
	G.cp0.entrylo1 = lo1;
	G.cp0.pagemask = mask;
	code(w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
}

TEST(tlb_instructions)
{
	u32 w;
	harness_reset();
	tlb_entry(5, 0x10000000 | 7, (0x1000 << 6) | 0x1e, (0x1004 << 6) | 0x1e, 0x6000);
	EXPECT_EQ(tlb_changes, 1);
	G.cp0.entryhi = 0;
	G.cp0.index = 5;
	w = I_TLBR;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.cp0.entryhi, 0x10000000 | 7);
	EXPECT_EQ(G.cp0.entrylo0, (0x1000 << 6) | 0x1e);
	EXPECT_EQ(G.cp0.pagemask, 0x6000);
	/* TLBP: match inside the pair (odd page), same ASID */
	G.cp0.entryhi = 0x10006000 | 7;
	w = I_TLBP;
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_EQ(G.cp0.index, 5);
	G.cp0.entryhi = 0x10006000 | 8; /* other ASID, not global: miss */
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_TRUE(G.cp0.index & C0_INDEX_P);
	/* global: G only if both EntryLo have it */
	tlb_entry(6, 0x20000000 | 1, (0x2000 << 6) | 3, (0x2001 << 6) | 2, 0);
	G.cp0.entryhi = 0x20000000 | 9;
	w = I_TLBP;
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_TRUE(G.cp0.index & C0_INDEX_P);
	tlb_entry(6, 0x20000000 | 1, (0x2000 << 6) | 3, (0x2001 << 6) | 3, 0);
	G.cp0.entryhi = 0x20000000 | 9;
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_EQ(G.cp0.index, 6);
	/* TLBWR lands in [Wired, 63] */
	G.cp0.wired = 60;
	for (int i = 0; i < 20; i++) {
		G.cp0.entryhi = 0x30000000ull + (u64)i * 0x2000;
		G.cp0.entrylo0 = G.cp0.entrylo1 = 0x2;
		w = I_TLBWR;
		code(&w, 1);
		run(TRAP_PRIV, false);
	}
	for (u32 i = 7; i < 60; i++)
		EXPECT_EQ(G.tlb[i].hi, C0_ENTRYHI_EHINV);
	/* TLBINV: the non-global entries of EntryHi.ASID */
	G.cp0.entryhi = 7;
	w = I_TLBINV;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.tlb[5].hi, C0_ENTRYHI_EHINV);
	EXPECT_TRUE(G.tlb[6].hi != C0_ENTRYHI_EHINV);
	w = I_TLBINVF;
	code(&w, 1);
	run(TRAP_PRIV, false);
	for (u32 i = 0; i < 64; i++)
		EXPECT_EQ(G.tlb[i].hi, C0_ENTRYHI_EHINV);
	/* reading an invalid entry */
	G.cp0.index = 2;
	w = I_TLBR;
	code(&w, 1);
	run(TRAP_PRIV, false);
	EXPECT_EQ(G.cp0.entryhi, C0_ENTRYHI_EHINV);
	EXPECT_EQ(G.cp0.entrylo0, 0);
	/* EHINV on write invalidates */
	tlb_entry(1, 0x40000000 | C0_ENTRYHI_EHINV, 0x2, 0x2, 0);
	EXPECT_EQ(G.tlb[1].hi, C0_ENTRYHI_EHINV);
}

TEST(tlb_translate)
{
	u64 gpa, lo, ps;
	bool refill;
	harness_reset();
	G.cp0.entryhi = 3;
	tlb_entry(0, 0x10000000 | 3, (0x100 << 6) | (3 << 3) | 6, (0x200 << 6) | 2, 0x6000);
	tlb_entry(1, 0x20000000 | 3, (0x300 << 6) | 6, 0, 0);
	G.cp0.entryhi = 3;
	EXPECT_EQ(mips_tlb_translate(&G, 0x10000010, false, &gpa, &lo, &ps, &refill), 0);
	EXPECT_EQ(gpa, 0x100010);
	EXPECT_EQ(ps, 0x4000);
	EXPECT_EQ(mips_tlb_translate(&G, 0x10004020, false, &gpa, &lo, &ps, &refill), 0);
	EXPECT_EQ(gpa, 0x200020);
	/* odd page clean: store -> Mod */
	EXPECT_EQ(mips_tlb_translate(&G, 0x10004020, true, &gpa, &lo, &ps, &refill), EXC_CODE_MOD);
	/* 4K page pair: odd half invalid */
	EXPECT_EQ(mips_tlb_translate(&G, 0x20000ff8, true, &gpa, &lo, &ps, &refill), 0);
	EXPECT_EQ(gpa, 0x300ff8);
	EXPECT_EQ(ps, 0x1000);
	EXPECT_EQ(mips_tlb_translate(&G, 0x20001000, false, &gpa, &lo, &ps, &refill),
	          EXC_CODE_TLBL);
	EXPECT_TRUE(!refill);
	EXPECT_EQ(mips_tlb_translate(&G, 0x20002000, true, &gpa, &lo, &ps, &refill), EXC_CODE_TLBS);
	EXPECT_TRUE(refill);
	G.cp0.entryhi = 4; /* another ASID sees nothing */
	EXPECT_EQ(mips_tlb_translate(&G, 0x10000010, false, &gpa, &lo, &ps, &refill),
	          EXC_CODE_TLBL);
	EXPECT_TRUE(refill);
	/* a 16 KiB page at a PFN that is not 16 KiB aligned: low bits ignored */
	tlb_entry(2, 0x30000000 | 4, (0x101 << 6) | 2, 0, 0x6000);
	EXPECT_EQ(mips_tlb_translate(&G, 0x30000004, false, &gpa, &lo, &ps, &refill), 0);
	EXPECT_EQ(gpa, 0x100004);
}

TEST(eret_wait_di_ei)
{
	u32 w;
	harness_reset();
	G.cp0.status = C0_ST_EXL | 0x10;
	G.cp0.epc = 0x40002000;
	G.llbit = 1;
	w = I_ERET;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.pc, 0x40002000);
	EXPECT_EQ(G.cp0.status, 0x10);
	EXPECT_EQ(G.llbit, 0);
	harness_reset();
	G.cp0.status = C0_ST_ERL | C0_ST_EXL;
	G.cp0.errorepc = 0x40003000;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.pc, 0x40003000);
	EXPECT_EQ(G.cp0.status, C0_ST_EXL); /* ERL cleared first, EXL kept */
	/* ERET in a delay slot: RI */
	harness_reset();
	u32 two[2] = {e_i(0x04, 0, 0, 4), I_ERET};
	code(two, 2);
	EXPECT_EQ(run(TRAP_PRIV, true), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_RI);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_BD);
	EXPECT_EQ(G.cp0.epc, CODE);
	harness_reset();
	w = I_WAIT;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_WAIT);
	EXPECT_EQ(G.pc, CODE + 4);
	harness_reset();
	G.cp0.status = 0xff01;
	w = I_DI(5);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.gpr[5], 0xff01);
	EXPECT_EQ(G.cp0.status, 0xff00);
	w = I_EI(6);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(G.gpr[6], 0xff00);
	EXPECT_EQ(G.cp0.status, 0xff01);
	EXPECT_EQ(G.insn_stats[ST_DI], 1);
	EXPECT_EQ(G.insn_stats[ST_EI], 1);
	w = I_DERET; /* no EJTAG */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_RI);
}

TEST(cache_synci)
{
	u32 w;
	harness_reset();
	G.gpr[4] = 0x12345;
	w = e_cache(0x01, 4, 0x10); /* Index_Writeback_Inv_D */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(cache_index_calls, 1);
	EXPECT_EQ(last_cache_addr, 0x12355);
	EXPECT_EQ(last_cache_op, 1);
	w = e_cache(0x08, 4, 0); /* Index_Store_Tag_I: index op, backend decides */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(cache_index_calls, 2);
	G.gpr[4] = RAM_BASE + 0x800;
	w = e_cache(0x15, 4, 8); /* Hit_Writeback_Inv_D on guest memory */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(cache_hit_calls, 1);
	EXPECT_EQ(last_cache_addr, 0x808);
	G.gpr[4] = 0x7000000; /* unmapped: the TLB exception of a load */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_TLBL);
	EXPECT_EQ(G.cp0.badvaddr, 0x7000008);
	EXPECT_EQ(cache_hit_calls, 1);
	harness_reset();
	G.gpr[4] = RAM_BASE + 0x40;
	w = e_i(0x01, 4, 0x1f, 0x20); /* synci */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_DONE);
	EXPECT_EQ(last_cache_addr, 0x60);
	EXPECT_EQ(last_cache_op, 0x100);
}

TEST(rdhwr_cpucfg_hypcall)
{
	u32 w;
	harness_reset();
	G.cpunum = 3;
	w = e_rdhwr(2, 0);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_RI, false), EMU_DONE);
	EXPECT_EQ(G.gpr[2], 3);
	w = e_rdhwr(2, 3);
	code(&w, 1);
	run(TRAP_RI, false);
	EXPECT_EQ(G.gpr[2], 2);
	G.cp0.userlocal = 0xabc;
	w = e_rdhwr(2, 29);
	code(&w, 1);
	run(TRAP_RI, false);
	EXPECT_EQ(G.gpr[2], 0xabc);
	w = e_rdhwr(2, 5); /* no such hardware register */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_RI, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_RI);
	harness_reset();
	G.cp0.status = 0x10; /* user: needs HWREna */
	w = e_rdhwr(2, 29);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_RI, false), EMU_EXCEPTION);
	harness_reset();
	G.cp0.status = 0x10;
	G.cp0.hwrena = 1u << 29;
	code(&w, 1);
	EXPECT_EQ(run(TRAP_RI, false), EMU_DONE);

	harness_reset();
	for (u32 sel = 0; sel < 6; sel++) {
		G.gpr[4] = sel;
		w = e_cpucfg(2, 4);
		code(&w, 1);
		EXPECT_EQ(run(TRAP_RI, false), EMU_DONE);
		static const u64 baseline[6] = {0x14c000, 0x11, 0x7, 0, 0, 0};
		EXPECT_EQ(G.gpr[2], baseline[sel]);
	}
	host_cfg_present = true; /* the host's words (all ones), masked */
	static const u64 masked[6] = {
	    0x14c000, LOONGSON_CFG1_GUEST_MASK, LOONGSON_CFG2_GUEST_MASK, 0x1234, 0, 0};
	for (u32 sel = 0; sel < 6; sel++) {
		G.gpr[4] = sel;
		code(&w, 1);
		run(TRAP_RI, false);
		EXPECT_EQ(G.gpr[2], masked[sel]);
	}
	G.gpr[4] = 0x100000001ull; /* a huge selector is not word 1 */
	code(&w, 1);
	run(TRAP_RI, false);
	EXPECT_EQ(G.gpr[2], 0);
	EXPECT_EQ(G.insn_stats[ST_CPUCFG], 13);
	w = 0xc8000118u; /* other lwc2: RI */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_RI, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_RI);

	harness_reset();
	w = I_HYPCALL(0x2a);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_HYPERCALL);
	EXPECT_EQ(G.hcall_code, 0x2a);
	EXPECT_EQ(G.pc, CODE + 4);
	G.cp0.status = 0x10; /* guest user: CpU */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_CPU);
}

TEST(raise_rules)
{
	harness_reset();
	G.cp0.ebase = 0xffffffff80004000ull;
	G.cp0.entryhi = 0x55;
	mips_emu_raise(&G, EXC_CODE_TLBL, 0x40000100, true, 0x12346789, RAISE_TLB | RAISE_REFILL,
	               0);
	EXPECT_EQ(G.pc, 0xffffffff80004000ull); /* refill, 32-bit useg: +0x000 */
	EXPECT_EQ(G.cp0.epc, 0x40000100);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_BD);
	EXPECT_EQ(G.cp0.badvaddr, 0x12346789);
	EXPECT_EQ(G.cp0.entryhi, 0x12346000 | 0x55); /* VPN2 + ASID kept */
	EXPECT_EQ(G.cp0.context & 0x7fffff, (0x12346789 >> 9) & 0x7ffff0);
	EXPECT_EQ(G.cp0.xcontext & ((1ull << 41) - 1), (0x12346789ull >> 13) << 4);
	/* nested (EXL set): general vector, EPC and BD kept */
	mips_emu_raise(&G, EXC_CODE_TLBS, 0x40000200, false, 0x2000, RAISE_TLB | RAISE_REFILL, 0);
	EXPECT_EQ(G.pc, 0xffffffff80004180ull);
	EXPECT_EQ(G.cp0.epc, 0x40000100);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_BD);
	EXPECT_EQ(exc_code(), EXC_CODE_TLBS);
	/* XTLB refill with UX */
	harness_reset();
	G.cp0.status = C0_ST_UX;
	mips_emu_raise(&G, EXC_CODE_TLBL, CODE, false, 0x1000, RAISE_TLB | RAISE_REFILL, 0);
	EXPECT_EQ(G.pc, 0xffffffff80000080ull);
	EXPECT_TRUE(!(G.cp0.cause & C0_CAUSE_BD));
	/* BEV */
	harness_reset();
	G.cp0.status = C0_ST_BEV;
	mips_emu_raise(&G, EXC_CODE_SYS, CODE, false, 0, 0, 0);
	EXPECT_EQ(G.pc, 0xffffffffbfc00380ull);
	/* CpU with CE */
	harness_reset();
	mips_emu_raise(&G, EXC_CODE_CPU, CODE, false, 0, 0, 1);
	EXPECT_EQ((G.cp0.cause >> 28) & 3, 1);
	/* interrupt with IV: +0x200 */
	harness_reset();
	G.cp0.cause = C0_CAUSE_IV;
	G.cp0.status = C0_ST_IE | 0x100;
	G.cp0.cause |= 0x100;
	EXPECT_TRUE(mips_irq_deliverable(&G));
	mips_deliver_irq(&G, false);
	EXPECT_EQ(G.pc, 0xffffffff80000200ull);
	EXPECT_EQ(exc_code(), EXC_CODE_INT);
	EXPECT_TRUE(!mips_irq_deliverable(&G)); /* EXL now */
}

TEST(timer_and_irqs)
{
	harness_reset();
	fake_now = 5000;
	dmtc0(9, 0, 100); /* Count = 100 */
	fake_now += 50;
	EXPECT_EQ(mfc0(9, 0), 150);
	dmtc0(11, 0, 400);
	EXPECT_EQ(mips_timer_deadline(&G), 5050 + 250);
	fake_now = 5299;
	mips_timer_update(&G);
	EXPECT_TRUE(!(G.cp0.cause & C0_CAUSE_TI));
	fake_now = 5300;
	mips_timer_update(&G);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_TI);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_IP7);
	EXPECT_EQ(mips_timer_deadline(&G), 5300 + (1ull << 32));
	G.cp0.status = 0x8001;
	EXPECT_TRUE(mips_irq_deliverable(&G));
	dmtc0(11, 0, 1000); /* writing Compare acknowledges */
	EXPECT_TRUE(!(G.cp0.cause & (C0_CAUSE_TI | C0_CAUSE_IP7)));
	EXPECT_TRUE(!mips_irq_pending(&G));
	/* Cause.DC freezes Count */
	dmtc0(13, 0, C0_CAUSE_DC);
	u64 c = mfc0(9, 0);
	fake_now += 1000;
	EXPECT_EQ(mfc0(9, 0), c);
	EXPECT_EQ(mips_timer_deadline(&G), ~0ull);
	dmtc0(13, 0, 0);
	fake_now += 10;
	EXPECT_EQ(mfc0(9, 0), c + 10);
	/* Count wraps: the deadline stays in the future */
	dmtc0(9, 0, 0xfffffff0u);
	dmtc0(11, 0, 0x10);
	EXPECT_EQ(mips_timer_deadline(&G), fake_now + 0x20);
	/* lines */
	harness_reset();
	mips_set_irq_lines(&G, 0x0400 | 0x8000 | 0x0100);
	EXPECT_EQ(G.cp0.cause & 0xff00, 0x0400); /* only IP2..IP6 are lines */
	G.cp0.status = 0x0400 | C0_ST_IE | C0_ST_ERL;
	EXPECT_TRUE(mips_irq_pending(&G));
	EXPECT_TRUE(!mips_irq_deliverable(&G));
	G.cp0.status &= ~(u64)C0_ST_ERL;
	EXPECT_TRUE(mips_irq_deliverable(&G));
	mips_set_irq_lines(&G, 0);
	EXPECT_TRUE(!mips_irq_pending(&G));
	/* software interrupts through Cause */
	dmtc0(13, 0, 0x200);
	G.cp0.status = 0x0201;
	EXPECT_TRUE(mips_irq_deliverable(&G));
}

TEST(hostile_priv)
{
	u32 w;
	harness_reset();
	w = 0x40400000u; /* reserved COP0 form */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_RI);
	harness_reset();
	w = e_i(0x23, 0, 2, 0); /* a load is no privileged instruction */
	code(&w, 1);
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_RI);
	harness_reset();
	G.pc = 0x9000; /* cannot fetch: no architected answer */
	EXPECT_EQ(run(TRAP_PRIV, false), EMU_FAIL);
	harness_reset();
	G.pc = RAM_BASE + RAM_SIZE - 4; /* delay slot beyond memory */
	EXPECT_EQ(run(TRAP_PRIV, true), EMU_FAIL);
	harness_reset();
	w = e_mfc0(2, 12, 0);
	code(&w, 1);
	EXPECT_EQ(run(TRAP_MMIO, false), EMU_UNHANDLED);
}

int main(void)
{
	RUN(cp0_status_cause);
	RUN(cp0_tlb_registers);
	RUN(cp0_identity_and_config);
	RUN(cp0_scratch_and_64bit);
	RUN(cp0_diag);
	RUN(cp0_user_mode);
	RUN(tlb_instructions);
	RUN(tlb_translate);
	RUN(eret_wait_di_ei);
	RUN(cache_synci);
	RUN(rdhwr_cpucfg_hypcall);
	RUN(raise_rules);
	RUN(timer_and_irqs);
	RUN(hostile_priv);
	int fails = CHECK_DONE();
	fails += run_mem_tests();
	fails += run_branch_tests();
	return fails != 0;
}
