/* SPDX-License-Identifier: MIT */
/* The decoder: every form the layer handles, and reserved encodings of
 * known opcodes decoding to OP_INVALID. */
#include "harness.h"

#include "check.h"

static u16 op(u32 w)
{
	struct mips_insn in;

	mips_decode(w, &in);
	return in.op;
}

TEST(cp0_forms)
{
	EXPECT_EQ(op(e_mfc0(2, 12, 0)), OP_MFC0);
	EXPECT_EQ(op(e_dmfc0(2, 14, 0)), OP_DMFC0);
	EXPECT_EQ(op(e_mtc0(2, 12, 0)), OP_MTC0);
	EXPECT_EQ(op(e_dmtc0(2, 10, 0)), OP_DMTC0);
	struct mips_insn in;
	EXPECT_TRUE(mips_decode(e_mfc0(7, 16, 6), &in));
	EXPECT_EQ(in.rt, 7);
	EXPECT_EQ(in.rd, 16);
	EXPECT_EQ(in.sel, 6);
	EXPECT_EQ(op(I_TLBR), OP_TLBR);
	EXPECT_EQ(op(I_TLBWI), OP_TLBWI);
	EXPECT_EQ(op(I_TLBWR), OP_TLBWR);
	EXPECT_EQ(op(I_TLBP), OP_TLBP);
	EXPECT_EQ(op(I_TLBINV), OP_TLBINV);
	EXPECT_EQ(op(I_TLBINVF), OP_TLBINVF);
	EXPECT_EQ(op(I_ERET), OP_ERET);
	EXPECT_EQ(op(I_DERET), OP_DERET);
	EXPECT_EQ(op(I_WAIT), OP_WAIT);
	EXPECT_EQ(op(I_WAIT | 0x123u << 6), OP_WAIT); /* implementation code */
	EXPECT_EQ(op(I_HYPCALL(5)), OP_HYPCALL);
	EXPECT_TRUE(mips_decode(I_HYPCALL(0x3ff), &in));
	EXPECT_EQ(in.imm, 0x3ff);
	EXPECT_EQ(op(I_DI(4)), OP_DI);
	EXPECT_EQ(op(I_EI(0)), OP_EI);
	EXPECT_EQ(op(e_cache(0x15, 4, -8)), OP_CACHE);
	EXPECT_EQ(op(e_i(0x01, 4, 0x1f, 32)), OP_SYNCI);
	EXPECT_EQ(op(e_rdhwr(3, 29)), OP_RDHWR);
	EXPECT_EQ(op(e_cpucfg(2, 4)), OP_CPUCFG);
	EXPECT_EQ(op(0xc8881118u), OP_CPUCFG);
}

TEST(reserved_forms)
{
	EXPECT_EQ(op(e_mfc0(2, 12, 0) | 0x8), OP_INVALID);   /* bits 10:3 */
	EXPECT_EQ(op(e_mtc0(2, 12, 0) | 0x400), OP_INVALID); /* bits 10:3 */
	EXPECT_EQ(op(0x40400000u), OP_INVALID);              /* COP0 rs = 2 */
	EXPECT_EQ(op(0x41c00000u), OP_INVALID);              /* COP0 rs = 0x0e (WRPGPR) */
	EXPECT_EQ(op(I_TLBWI | 0x40u), OP_INVALID);
	EXPECT_EQ(op(I_TLBP | 0x00100000u), OP_INVALID);
	EXPECT_EQ(op(I_ERET | 0x40u), OP_INVALID); /* ERETNC is not R2 */
	EXPECT_EQ(op(0x42000009u), OP_INVALID);    /* TLBGP (VZ) */
	EXPECT_EQ(op(0x4200003fu), OP_INVALID);
	EXPECT_EQ(op(I_HYPCALL(0) | 0x00200000u), OP_INVALID); /* bits 24:21 */
	EXPECT_EQ(op(I_HYPCALL(0) | 0x40u), OP_INVALID);       /* bits 10:6 */
	EXPECT_EQ(op(0x41606000u | 11u << 11), OP_INVALID);    /* MFMC0 rd != 12 */
	EXPECT_EQ(op(I_DI(1) | 1u), OP_INVALID);               /* sel != 0 */
	EXPECT_EQ(op(e_rdhwr(3, 2) | 0x40u), OP_INVALID);      /* R6 sel field */
	EXPECT_EQ(op(e_rdhwr(3, 2) | 1u << 21), OP_INVALID);   /* rs != 0 */
	EXPECT_EQ(op(e_cpucfg(2, 4) | 0x40u), OP_INVALID);
	EXPECT_EQ(op(0xc8000118u), OP_INVALID); /* lwc2, fr != 8 */
	EXPECT_EQ(op(e_gsx(false, 4, 1, 2, 3, 0)), OP_INVALID);
	EXPECT_EQ(op(e_gsx(true, 5, 1, 2, 3, 0)), OP_INVALID);
	EXPECT_EQ(op(e_i(0x06, 4, 1, 4)), OP_INVALID);                /* BLEZ rt != 0 */
	EXPECT_EQ(op(e_i(0x17, 4, 1, 4)), OP_INVALID);                /* BGTZL rt != 0 */
	EXPECT_EQ(op(0x00000008u | 4u << 21 | 1u << 16), OP_INVALID); /* JR rt */
	EXPECT_EQ(op(0x00000009u | 4u << 21 | 1u << 16), OP_INVALID); /* JALR rt */
	EXPECT_EQ(op(e_i(0x01, 4, 0x05, 0)), OP_INVALID);             /* REGIMM 5 */
	EXPECT_EQ(op(0x46000000u), OP_INVALID);                       /* COP1 arith */
	EXPECT_EQ(op(0x7c000000u), OP_INVALID);                       /* EXT */
	EXPECT_EQ(op(0xec000000u), OP_INVALID);                       /* opcode 0x3b */
	EXPECT_EQ(op(0x00000000u), OP_INVALID);                       /* nop */
}

TEST(memory_forms)
{
	static const struct {
		u32 opc;
		u16 op;
		u8 size;
	} t[] = {{0x20, OP_LB, 1},   {0x24, OP_LBU, 1}, {0x21, OP_LH, 2},  {0x25, OP_LHU, 2},
	         {0x23, OP_LW, 4},   {0x27, OP_LWU, 4}, {0x37, OP_LD, 8},  {0x28, OP_SB, 1},
	         {0x29, OP_SH, 2},   {0x2b, OP_SW, 4},  {0x3f, OP_SD, 8},  {0x22, OP_LWL, 4},
	         {0x26, OP_LWR, 4},  {0x1a, OP_LDL, 8}, {0x1b, OP_LDR, 8}, {0x2a, OP_SWL, 4},
	         {0x2e, OP_SWR, 4},  {0x2c, OP_SDL, 8}, {0x2d, OP_SDR, 8}, {0x30, OP_LL, 4},
	         {0x38, OP_SC, 4},   {0x34, OP_LLD, 8}, {0x3c, OP_SCD, 8}, {0x31, OP_FPMEM, 4},
	         {0x35, OP_FPMEM, 8}};
	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct mips_insn in;
		mips_decode(e_i(t[i].opc, 5, 6, -4), &in);
		EXPECT_EQ(in.op, t[i].op);
		EXPECT_EQ(in.size, t[i].size);
		EXPECT_EQ(in.rs, 5);
		EXPECT_EQ(in.rt, 6);
		EXPECT_EQ(in.imm, -4);
	}
	static const u16 gl[4] = {OP_GSLBX, OP_GSLHX, OP_GSLWX, OP_GSLDX};
	static const u16 gs[4] = {OP_GSSBX, OP_GSSHX, OP_GSSWX, OP_GSSDX};
	for (u32 k = 0; k < 4; k++) {
		struct mips_insn in;
		mips_decode(e_gsx(false, k, 1, 2, 3, -128), &in);
		EXPECT_EQ(in.op, gl[k]);
		EXPECT_EQ(in.size, 1u << k);
		EXPECT_EQ(in.index, 3);
		EXPECT_EQ(in.imm, -128);
		mips_decode(e_gsx(true, k, 1, 2, 3, 127), &in);
		EXPECT_EQ(in.op, gs[k]);
		EXPECT_EQ(in.imm, 127);
		EXPECT_TRUE(mips_is_store(&in));
		EXPECT_TRUE(!mips_is_load(&in));
	}
	EXPECT_EQ(op(e_gsx(false, 6, 1, 2, 3, 0)), OP_FPMEM);
	EXPECT_EQ(op(e_gsx(true, 7, 1, 2, 3, 0)), OP_FPMEM);
}

TEST(branch_forms)
{
	struct mips_insn in;

	mips_decode(e_i(0x04, 1, 2, -1), &in);
	EXPECT_EQ(in.op, OP_BEQ);
	EXPECT_TRUE(!in.likely);
	mips_decode(e_i(0x14, 1, 2, 3), &in);
	EXPECT_EQ(in.op, OP_BEQ);
	EXPECT_TRUE(in.likely);
	EXPECT_EQ(op(e_i(0x05, 1, 2, 3)), OP_BNE);
	EXPECT_EQ(op(e_i(0x06, 1, 0, 3)), OP_BLEZ);
	EXPECT_EQ(op(e_i(0x07, 1, 0, 3)), OP_BGTZ);
	EXPECT_EQ(op(e_i(0x01, 1, 0x00, 3)), OP_BLTZ);
	EXPECT_EQ(op(e_i(0x01, 1, 0x01, 3)), OP_BGEZ);
	mips_decode(e_i(0x01, 1, 0x13, 3), &in);
	EXPECT_EQ(in.op, OP_BGEZAL);
	EXPECT_TRUE(in.likely && in.link);
	mips_decode(0x0c000123u, &in);
	EXPECT_EQ(in.op, OP_JAL);
	EXPECT_EQ(in.target, 0x123);
	EXPECT_EQ(op(0x08000000u), OP_J);
	EXPECT_EQ(op(0x03e00008u), OP_JR);
	EXPECT_EQ(op(0x03e00408u), OP_JR); /* jr.hb */
	mips_decode(0x0080f809u, &in);     /* jalr a0 */
	EXPECT_EQ(in.op, OP_JALR);
	EXPECT_EQ(in.rd, 31);
	mips_decode(0x45050004u, &in); /* bc1t cc1 */
	EXPECT_EQ(in.op, OP_BC1T);
	EXPECT_EQ(in.sel, 1);
	EXPECT_TRUE(mips_is_branch(&in));
	mips_decode(0x45020004u, &in); /* bc1fl cc0 */
	EXPECT_EQ(in.op, OP_BC1F);
	EXPECT_TRUE(in.likely);
	EXPECT_TRUE(!mips_is_branch(&(struct mips_insn){.op = OP_LW}));
}

int main(void)
{
	RUN(cp0_forms);
	RUN(reserved_forms);
	RUN(memory_forms);
	RUN(branch_forms);
	return CHECK_DONE();
}
