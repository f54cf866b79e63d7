/* SPDX-License-Identifier: MIT */
/* MMIO loads and stores: every width with its extension, the unaligned
 * pairs byte by byte, GS*X, and the hostile forms (misaligned, unmapped,
 * no device, LL/SC). */
#include "harness.h"

#include "check.h"

#define BASE 4
#define RT 5
#define IDX 6

static int mem(u32 w, u64 base)
{
	G.gpr[BASE] = base;
	code(&w, 1);
	return run(TRAP_MMIO, false);
}

TEST(loads_extend)
{
	harness_reset();
	for (unsigned i = 0; i < 8; i++)
		dev[0x10 + i] = (u8)(0x81 + i); /* 0x8887868584838281 */
	static const struct {
		u32 opc;
		u64 want;
	} t[] = {{0x20, 0xffffffffffffff81ull}, {0x24, 0x81},
	         {0x21, 0xffffffffffff8281ull}, {0x25, 0x8281},
	         {0x23, 0xffffffff84838281ull}, {0x27, 0x84838281ull},
	         {0x37, 0x8887868584838281ull}};
	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		nlog = 0;
		G.gpr[RT] = 0x5555;
		EXPECT_EQ(mem(e_i(t[i].opc, BASE, RT, 0x10), DEV_BASE), EMU_DONE);
		EXPECT_EQ(G.gpr[RT], t[i].want);
		EXPECT_EQ(G.pc, CODE + 4);
		EXPECT_EQ(nlog, 1); /* one access of the instruction's width */
		EXPECT_TRUE(!log_[0].write);
	}
	dev[0x20] = 0x7f; /* positive values are not sign-extended */
	mem(e_i(0x20, BASE, RT, 0x20), DEV_BASE);
	EXPECT_EQ(G.gpr[RT], 0x7f);
	mem(e_i(0x20, BASE, 0, 0x10), DEV_BASE); /* to $zero: read, not written */
	EXPECT_EQ(G.gpr[0], 0);
	EXPECT_EQ(G.insn_stats[ST_LOAD], 9);
}

TEST(stores_width)
{
	harness_reset();
	G.gpr[RT] = 0x1122334455667788ull;
	static const u32 opc[4] = {0x28, 0x29, 0x2b, 0x3f};
	for (unsigned k = 0; k < 4; k++) {
		memset(dev, 0, sizeof(dev));
		nlog = 0;
		EXPECT_EQ(mem(e_i(opc[k], BASE, RT, 8), DEV_BASE + 0x10), EMU_DONE);
		EXPECT_EQ(nlog, 1);
		EXPECT_EQ(log_[0].size, 1u << k);
		EXPECT_TRUE(log_[0].write);
		u64 got = 0;
		memcpy(&got, &dev[0x18], 8);
		EXPECT_EQ(got, 0x1122334455667788ull & (k == 3 ? ~0ull : (1ull << (8 << k)) - 1));
	}
	EXPECT_EQ(G.insn_stats[ST_STORE], 4);
}

TEST(lwl_lwr)
{
	harness_reset();
	for (unsigned i = 0; i < 16; i++)
		dev[0x40 + i] = (u8)(0xa0 + i); /* word at 0x40: a3a2a1a0, at 0x44: a7a6a5a4 */
	for (unsigned b = 0; b < 4; b++) {
		/* LWL at byte b: bytes 0..b to the top of the word */
		G.gpr[RT] = 0x1111111111111111ull;
		nlog = 0;
		EXPECT_EQ(mem(e_i(0x22, BASE, RT, (s32)(0x40 + b)), DEV_BASE), EMU_DONE);
		u32 word = 0xa3a2a1a0u,
		    keep = b == 3 ? 0 : 0x11111111u & ((1u << (8 * (3 - b))) - 1);
		u32 want = (word << (8 * (3 - b))) | keep;
		EXPECT_EQ(G.gpr[RT], (u64)(s64)(s32)want);
		EXPECT_EQ(log_[0].va, DEV_BASE + 0x40);
		EXPECT_EQ(log_[0].size, b + 1);
		/* LWR at byte b: bytes b..3 to the bottom */
		G.gpr[RT] = 0x1111111111111111ull;
		nlog = 0;
		mem(e_i(0x26, BASE, RT, (s32)(0x40 + b)), DEV_BASE);
		u32 low = word >> (8 * b);
		u32 keepr = b == 0 ? 0 : 0x11111111u & ~((1u << (8 * (4 - b))) - 1);
		EXPECT_EQ(G.gpr[RT], (u64)(s64)(s32)(low | keepr));
		EXPECT_EQ(log_[0].va, DEV_BASE + 0x40 + b);
		EXPECT_EQ(log_[0].size, 4 - b);
	}
	/* the unaligned pair lwr 0(x); lwl 3(x) loads the word at x = +0x41 */
	G.gpr[RT] = 0;
	mem(e_i(0x26, BASE, RT, 0x41), DEV_BASE);
	mem(e_i(0x22, BASE, RT, 0x44), DEV_BASE);
	EXPECT_EQ(G.gpr[RT], (u64)(s64)(s32)0xa4a3a2a1u);
}

TEST(ldl_ldr)
{
	harness_reset();
	for (unsigned i = 0; i < 16; i++)
		dev[0x40 + i] = (u8)(0xb0 + i);
	u64 dw = 0xb7b6b5b4b3b2b1b0ull;
	for (unsigned b = 0; b < 8; b++) {
		G.gpr[RT] = 0x2222222222222222ull;
		mem(e_i(0x1a, BASE, RT, (s32)(0x40 + b)), DEV_BASE);
		u64 keep = b == 7 ? 0 : 0x2222222222222222ull & ((1ull << (8 * (7 - b))) - 1);
		EXPECT_EQ(G.gpr[RT], (dw << (8 * (7 - b))) | keep);
		G.gpr[RT] = 0x2222222222222222ull;
		mem(e_i(0x1b, BASE, RT, (s32)(0x40 + b)), DEV_BASE);
		u64 keepr = b == 0 ? 0 : 0x2222222222222222ull & ~((1ull << (8 * (8 - b))) - 1);
		EXPECT_EQ(G.gpr[RT], (dw >> (8 * b)) | keepr);
	}
	G.gpr[RT] = 0;
	mem(e_i(0x1b, BASE, RT, 0x43), DEV_BASE); /* ldr 0(x); ldl 7(x), x = +0x43 */
	mem(e_i(0x1a, BASE, RT, 0x4a), DEV_BASE);
	EXPECT_EQ(G.gpr[RT], 0xbab9b8b7b6b5b4b3ull);
}

TEST(swl_swr_sdl_sdr)
{
	harness_reset();
	G.gpr[RT] = 0xffffffffd3d2d1d0ull;
	for (unsigned b = 0; b < 4; b++) {
		memset(dev, 0xee, sizeof(dev));
		mem(e_i(0x2a, BASE, RT, (s32)(0x40 + b)), DEV_BASE); /* SWL */
		for (unsigned i = 0; i < 4; i++) /* bytes 0..b get the top b+1 bytes */
			EXPECT_EQ(dev[0x40 + i], i <= b ? (u8)(0xd0 + (3 - b) + i) : 0xee);
		memset(dev, 0xee, sizeof(dev));
		mem(e_i(0x2e, BASE, RT, (s32)(0x40 + b)), DEV_BASE); /* SWR */
		for (unsigned i = 0; i < 4; i++) /* bytes b..3 get the low 4-b bytes */
			EXPECT_EQ(dev[0x40 + i], i >= b ? (u8)(0xd0 + i - b) : 0xee);
	}
	G.gpr[RT] = 0xe7e6e5e4e3e2e1e0ull;
	for (unsigned b = 0; b < 8; b++) {
		memset(dev, 0xee, sizeof(dev));
		mem(e_i(0x2c, BASE, RT, (s32)(0x40 + b)), DEV_BASE); /* SDL */
		for (unsigned i = 0; i < 8; i++)
			EXPECT_EQ(dev[0x40 + i], i <= b ? (u8)(0xe0 + (7 - b) + i) : 0xee);
		memset(dev, 0xee, sizeof(dev));
		mem(e_i(0x2d, BASE, RT, (s32)(0x40 + b)), DEV_BASE); /* SDR */
		for (unsigned i = 0; i < 8; i++)
			EXPECT_EQ(dev[0x40 + i], i >= b ? (u8)(0xe0 + i - b) : 0xee);
	}
}

TEST(gs_indexed)
{
	harness_reset();
	for (unsigned i = 0; i < 8; i++)
		dev[0x30 + i] = (u8)(0xf1 + i);
	G.gpr[IDX] = 0x40;
	static const u64 want[4] = {0xfffffffffffffff1ull, 0xfffffffffffff2f1ull,
	                            0xfffffffff4f3f2f1ull, 0xf8f7f6f5f4f3f2f1ull};
	for (u32 k = 0; k < 4; k++) {
		/* base + index + offset: DEV_BASE + 0x40 - 0x10 */
		EXPECT_EQ(mem(e_gsx(false, k, BASE, RT, IDX, -0x10), DEV_BASE), EMU_DONE);
		EXPECT_EQ(G.gpr[RT], want[k]);
	}
	G.gpr[RT] = 0x0102030405060708ull;
	for (u32 k = 0; k < 4; k++) {
		memset(dev, 0, sizeof(dev));
		nlog = 0;
		EXPECT_EQ(mem(e_gsx(true, k, BASE, RT, IDX, 0x8), DEV_BASE), EMU_DONE);
		EXPECT_EQ(log_[0].va, DEV_BASE + 0x48);
		EXPECT_EQ(log_[0].size, 1u << k);
		EXPECT_EQ(dev[0x48], 0x08);
	}
	/* misaligned GS forms take the address error */
	EXPECT_EQ(mem(e_gsx(false, 2, BASE, RT, IDX, 2), DEV_BASE), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_ADEL);
	EXPECT_EQ(G.cp0.badvaddr, DEV_BASE + 0x42);
	harness_reset();
	G.gpr[IDX] = 1;
	EXPECT_EQ(mem(e_gsx(true, 3, BASE, RT, IDX, 0), DEV_BASE), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_ADES);
}

TEST(misaligned_memory)
{
	/* a misaligned plain load or store that traps to memory is done byte
	 * by byte (Loongson-3 does misaligned accesses to memory) */
	harness_reset();
	for (unsigned i = 0; i < 16; i++)
		ram[0x800 + i] = (u8)(0xf1 + i);
	G.gpr[RT] = 0;
	EXPECT_EQ(mem(e_i(0x23, BASE, RT, 1), RAM_BASE + 0x800), EMU_DONE); /* lw */
	EXPECT_EQ(G.gpr[RT], 0xfffffffff5f4f3f2ull);
	EXPECT_EQ(G.pc, CODE + 4);
	harness_reset();
	for (unsigned i = 0; i < 16; i++)
		ram[0x800 + i] = (u8)(0xf1 + i);
	EXPECT_EQ(mem(e_i(0x27, BASE, RT, 2), RAM_BASE + 0x800), EMU_DONE); /* lwu */
	EXPECT_EQ(G.gpr[RT], 0xf6f5f4f3ull);
	EXPECT_EQ(mem(e_i(0x37, BASE, RT, 5), RAM_BASE + 0x800), EMU_DONE); /* ld */
	EXPECT_EQ(G.gpr[RT], 0xfdfcfbfaf9f8f7f6ull);
	harness_reset();
	G.gpr[RT] = 0x1122334455667788ull;
	EXPECT_EQ(mem(e_i(0x3f, BASE, RT, 3), RAM_BASE + 0x800), EMU_DONE); /* sd */
	EXPECT_EQ(ram[0x802], 0);
	EXPECT_EQ(ram[0x803], 0x88);
	EXPECT_EQ(ram[0x80a], 0x11);
	EXPECT_EQ(ram[0x80b], 0);
	EXPECT_EQ(mem(e_i(0x29, BASE, RT, 0x21), RAM_BASE + 0x800), EMU_DONE); /* sh */
	EXPECT_EQ(ram[0x821], 0x88);
	EXPECT_EQ(ram[0x822], 0x77);
	G.gpr[IDX] = 0x40;
	EXPECT_EQ(mem(e_gsx(true, 2, BASE, RT, IDX, 2), RAM_BASE + 0x800), EMU_DONE); /* gsswx */
	EXPECT_EQ(ram[0x842], 0x88);
	EXPECT_EQ(ram[0x845], 0x55);
	EXPECT_EQ(nlog, 0); /* memory, not the device */
	/* off the end of memory: the bytes in it go, then the TLB exception
	 * of the first byte outside (the restart stores them again) */
	harness_reset();
	G.gpr[RT] = 0x1122334455667788ull;
	EXPECT_EQ(mem(e_i(0x3f, BASE, RT, 0), RAM_BASE + RAM_SIZE - 4), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_TLBS);
	EXPECT_EQ(G.cp0.badvaddr, RAM_BASE + RAM_SIZE);
	EXPECT_EQ(ram[RAM_SIZE - 4], 0x88);
	EXPECT_EQ(ram[RAM_SIZE - 1], 0x55);
	/* LL/SC stay address errors: they must be aligned everywhere */
	harness_reset();
	EXPECT_EQ(mem(e_i(0x30, BASE, RT, 2), RAM_BASE + 0x800), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_ADEL);
}

TEST(hostile_mem)
{
	harness_reset();
	G.cp0.ebase = 0xffffffff80002000ull;
	static const u32 opc[] = {0x21, 0x25, 0x23, 0x27, 0x37, 0x29, 0x2b, 0x3f};
	for (unsigned i = 0; i < sizeof(opc) / sizeof(opc[0]); i++) {
		harness_reset();
		nlog = 0;
		G.gpr[RT] = 0x99;
		EXPECT_EQ(mem(e_i(opc[i], BASE, RT, 1), DEV_BASE + 0x10), EMU_EXCEPTION);
		bool st = i >= 5;
		EXPECT_EQ(exc_code(), st ? EXC_CODE_ADES : EXC_CODE_ADEL);
		EXPECT_EQ(G.cp0.badvaddr, DEV_BASE + 0x11);
		EXPECT_EQ(G.cp0.epc, CODE);
		EXPECT_EQ(G.pc, 0xffffffff80000180ull);
		EXPECT_EQ(nlog, 0); /* the device never saw it */
		EXPECT_EQ(G.gpr[RT], 0x99);
	}
	/* unmapped: the TLB exception of the access */
	harness_reset();
	EXPECT_EQ(mem(e_i(0x23, BASE, RT, 0), 0x5000000), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_TLBL);
	EXPECT_EQ(G.cp0.badvaddr, 0x5000000);
	EXPECT_EQ(G.pc, 0xffffffff80000000ull); /* refill vector */
	harness_reset();
	EXPECT_EQ(mem(e_i(0x2b, BASE, RT, 0), 0x5000000), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_TLBS);
	/* no device: bus error */
	harness_reset();
	EXPECT_EQ(mem(e_i(0x23, BASE, RT, 0), BUS_BASE), EMU_EXCEPTION);
	EXPECT_EQ(exc_code(), EXC_CODE_DBE);
	/* LWL into an unmapped page: the exception, rt untouched */
	harness_reset();
	G.gpr[RT] = 0x77;
	EXPECT_EQ(mem(e_i(0x22, BASE, RT, 3), 0x5000000), EMU_EXCEPTION);
	EXPECT_EQ(G.gpr[RT], 0x77);
	/* LL/SC and FP loads to a device: bus error */
	static const u32 bad[] = {0x30, 0x38, 0x34, 0x3c, 0x31, 0x35, 0x39, 0x3d};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		harness_reset();
		EXPECT_EQ(mem(e_i(bad[i], BASE, RT, 0), DEV_BASE), EMU_EXCEPTION);
		EXPECT_EQ(exc_code(), EXC_CODE_DBE);
	}
	/* not a memory instruction at the faulting pc */
	harness_reset();
	EXPECT_EQ(mem(I_TLBWI, DEV_BASE), EMU_UNHANDLED);
	EXPECT_EQ(mem(e_i(0x2f, BASE, 1, 0), DEV_BASE), EMU_UNHANDLED); /* cache */
}

int run_mem_tests(void)
{
	RUN(loads_extend);
	RUN(stores_width);
	RUN(lwl_lwr);
	RUN(ldl_ldr);
	RUN(swl_swr_sdl_sdr);
	RUN(gs_indexed);
	RUN(misaligned_memory);
	RUN(hostile_mem);
	return CHECK_DONE();
}
