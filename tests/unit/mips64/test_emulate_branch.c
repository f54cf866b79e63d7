/* SPDX-License-Identifier: MIT */
/* Trapping instructions in branch-delay slots: the branch is evaluated
 * (taken or not, link written), the slot emulated, pc moved to the right
 * place; exceptions raised from a slot name the branch with Cause.BD. */
#include "harness.h"

#include "check.h"

#define T0 12
#define T1 13
#define A0 4
#define A1 5

/* branch at CODE, mfc0 t0, Status in its slot */
static int slot_mfc0(u32 branch)
{
	u32 w[2] = {branch, e_mfc0(T0, 12, 0)};
	code(w, 2);
	G.cp0.status = 0x1234;
	return run(TRAP_PRIV, true);
}

TEST(conditional_branches)
{
	static const struct {
		u32 w;
		s64 a, b;
		bool taken;
	} t[] = {
	    {0x10000000u | A0 << 21 | A1 << 16 | 0x10, 5, 5, true},   /* beq */
	    {0x10000000u | A0 << 21 | A1 << 16 | 0x10, 5, 6, false},  /* beq */
	    {0x14000000u | A0 << 21 | A1 << 16 | 0x10, 5, 6, true},   /* bne */
	    {0x14000000u | A0 << 21 | A1 << 16 | 0x10, 5, 5, false},  /* bne */
	    {0x18000000u | A0 << 21 | 0x10, 0, 0, true},              /* blez 0 */
	    {0x18000000u | A0 << 21 | 0x10, 1, 0, false},             /* blez 1 */
	    {0x1c000000u | A0 << 21 | 0x10, 1, 0, true},              /* bgtz */
	    {0x1c000000u | A0 << 21 | 0x10, -1, 0, false},            /* bgtz */
	    {0x04000000u | A0 << 21 | 0x10, -1, 0, true},             /* bltz */
	    {0x04000000u | A0 << 21 | 0x10, 0, 0, false},             /* bltz */
	    {0x04010000u | A0 << 21 | 0x10, 0, 0, true},              /* bgez */
	    {0x04010000u | A0 << 21 | 0x10, -5, 0, false},            /* bgez */
	    {0x50000000u | A0 << 21 | A1 << 16 | 0x10, 3, 3, true},   /* beql */
	    {0x10000000u | A0 << 21 | A1 << 16 | 0xfff0, 7, 7, true}, /* beq backwards */
	};
	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		harness_reset();
		G.gpr[A0] = (u64)t[i].a;
		G.gpr[A1] = (u64)t[i].b;
		EXPECT_EQ(slot_mfc0(t[i].w), EMU_DONE);
		EXPECT_EQ(G.gpr[T0], 0x1234); /* the slot ran */
		s64 off = (s16)(t[i].w & 0xffff);
		EXPECT_EQ(G.pc, t[i].taken ? CODE + 4 + (u64)(off << 2) : CODE + 8);
	}
}

TEST(link_and_jumps)
{
	harness_reset();
	G.gpr[A0] = (u64)-3;
	EXPECT_EQ(slot_mfc0(0x04100000u | A0 << 21 | 0x20), EMU_DONE); /* bltzal taken */
	EXPECT_EQ(G.gpr[31], CODE + 8);
	EXPECT_EQ(G.pc, CODE + 4 + 0x80);
	harness_reset();
	G.gpr[A0] = (u64)-3;
	EXPECT_EQ(slot_mfc0(0x04110000u | A0 << 21 | 0x20), EMU_DONE); /* bgezal not taken */
	EXPECT_EQ(G.gpr[31], CODE + 8);                                /* links anyway */
	EXPECT_EQ(G.pc, CODE + 8);
	harness_reset();
	EXPECT_EQ(slot_mfc0(0x0c000000u | 0x123456u), EMU_DONE); /* jal */
	EXPECT_EQ(G.pc, ((CODE + 4) & ~0x0fffffffull) | (0x123456ull << 2));
	EXPECT_EQ(G.gpr[31], CODE + 8);
	harness_reset();
	EXPECT_EQ(slot_mfc0(0x08000040u), EMU_DONE); /* j */
	EXPECT_EQ(G.pc, ((CODE + 4) & ~0x0fffffffull) | 0x100);
	harness_reset();
	G.gpr[A0] = 0x40001230;
	EXPECT_EQ(slot_mfc0(0x00000008u | A0 << 21), EMU_DONE); /* jr a0 */
	EXPECT_EQ(G.pc, 0x40001230);
	harness_reset();
	G.gpr[A0] = 0x40004440;
	EXPECT_EQ(slot_mfc0(0x00000009u | A0 << 21 | 7u << 11), EMU_DONE); /* jalr a3, a0 */
	EXPECT_EQ(G.pc, 0x40004440);
	EXPECT_EQ(G.gpr[7], CODE + 8);
	harness_reset();
	G.gpr[31] = 0x40005000; /* jalr ra, ra: the target is read before the link */
	EXPECT_EQ(slot_mfc0(0x00000009u | 31u << 21 | 31u << 11), EMU_DONE);
	EXPECT_EQ(G.pc, 0x40005000);
	/* the slot sees the link the branch wrote */
	harness_reset();
	u32 w[2] = {0x0c000100u, e_dmtc0(31, 14, 0)}; /* jal; dmtc0 ra, EPC */
	code(w, 2);
	EXPECT_EQ(run(TRAP_PRIV, true), EMU_DONE);
	EXPECT_EQ(G.cp0.epc, CODE + 8);
}

TEST(fp_branches)
{
	harness_reset();
	EXPECT_EQ(slot_mfc0(0x45050004u), EMU_DONE); /* bc1t cc1: true in the harness */
	EXPECT_EQ(G.pc, CODE + 4 + 16);
	harness_reset();
	EXPECT_EQ(slot_mfc0(0x45010004u), EMU_DONE); /* bc1t cc0: false */
	EXPECT_EQ(G.pc, CODE + 8);
	harness_reset();
	EXPECT_EQ(slot_mfc0(0x45000004u), EMU_DONE); /* bc1f cc0 */
	EXPECT_EQ(G.pc, CODE + 4 + 16);
}

TEST(slot_exceptions)
{
	/* MMIO in a slot, misaligned: AdEL names the branch with BD */
	harness_reset();
	G.cp0.ebase = 0xffffffff80003000ull;
	G.gpr[A0] = DEV_BASE + 2;
	u32 w[2] = {0x10000004u, e_i(0x23, A0, T1, 0)}; /* b +4; lw t1, 0(a0) */
	code(w, 2);
	EXPECT_EQ(run(TRAP_MMIO, true), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_ADEL);
	EXPECT_EQ(G.cp0.epc, CODE);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_BD);
	EXPECT_EQ(G.pc, 0xffffffff80003180ull);
	/* the same aligned: the load is done, pc at the branch target */
	harness_reset();
	dev[0] = 0x42;
	G.gpr[A0] = DEV_BASE;
	w[1] = e_i(0x24, A0, T1, 0);
	code(w, 2);
	EXPECT_EQ(run(TRAP_MMIO, true), EMU_DONE);
	EXPECT_EQ(G.gpr[T1], 0x42);
	EXPECT_EQ(G.pc, CODE + 4 + 16);
	/* CpU from guest user mode in a slot */
	harness_reset();
	G.cp0.status = 0x10;
	w[1] = I_TLBWI;
	code(w, 2);
	EXPECT_EQ(run(TRAP_PRIV, true), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_CPU);
	EXPECT_EQ(G.cp0.epc, CODE);
	EXPECT_TRUE(G.cp0.cause & C0_CAUSE_BD);
	/* a WAIT in a slot continues at the target */
	harness_reset();
	w[1] = I_WAIT;
	code(w, 2);
	EXPECT_EQ(run(TRAP_PRIV, true), EMU_WAIT);
	EXPECT_EQ(G.pc, CODE + 4 + 16);
	/* BD but no branch at pc: the state lies, no architected answer */
	harness_reset();
	u32 nb[2] = {0x24020001u, e_mfc0(T0, 12, 0)}; /* li v0, 1; mfc0 */
	code(nb, 2);
	EXPECT_EQ(run(TRAP_PRIV, true), EMU_FAIL);
	/* the slot of a COP1 branch without FPU state */
	harness_reset();
	const struct mips_emu_ops *saved = G.ops;
	struct mips_emu_ops nofp = *saved;
	nofp.fp_cc = 0;
	G.ops = &nofp;
	EXPECT_EQ(slot_mfc0(0x45010004u), EMU_FAIL);
	G.ops = saved;
}

int run_branch_tests(void)
{
	RUN(conditional_branches);
	RUN(link_and_jumps);
	RUN(fp_branches);
	RUN(slot_exceptions);
	return CHECK_DONE();
}
