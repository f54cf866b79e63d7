/* SPDX-License-Identifier: MIT */
/* CP0 read/write semantics: writable, read-only and masked bits, 32/64-bit
 * access, the registers a guest kernel probes (PRId, Config, EBase, IntCtl,
 * KScratch, HWREna, RDHWR). Every expectation follows from the architecture
 * and from what the Config registers announce, so the same checks hold on
 * the bare machine and as a partition. */
#include "tg/tg.h"

static u32 config3(void)
{
	return (tg_mfc0(CP0_CONFIG, 1) & CONF_M) && (tg_mfc0(CP0_CONFIG, 2) & CONF_M)
	           ? tg_mfc0(CP0_CONFIG, 3)
	           : 0;
}

TG_TEST(cp0, status_rw)
{
	u32 bits = ST_IM_MASK | ST_KX | ST_SX | ST_UX;

	tg_write_status(bits);
	TG_EQ(tg_read_status() & (bits | ST_KSU | ST_EXL | ST_ERL | ST_IE | ST_BEV), bits);
	tg_write_status(0);
	TG_EQ(tg_read_status() & (bits | ST_KSU | ST_EXL | ST_ERL | ST_IE | ST_BEV), 0);
}

TG_TEST(cp0, status_reserved)
{
	/* RE (25) is not implemented and TS (21) is read-only on Loongson-3 */
	tg_write_status((1u << 25) | (1u << 21));
	TG_EQ(tg_read_status() & ((1u << 25) | (1u << 21)), 0);
}

TG_TEST(cp0, cause_rw)
{
	u32 w = CAUSE_IV | CAUSE_IP(0) | CAUSE_IP(1);

	tg_mtc0(CP0_CAUSE, 0, w);
	TG_EQ(tg_read_cause() & w, w);
	tg_mtc0(CP0_CAUSE, 0, 0);
	TG_EQ(tg_read_cause() & w, 0);
}

static void do_syscall(void *arg)
{
	(void)arg;
	__asm__ volatile("syscall");
}

TG_TEST(cp0, cause_readonly)
{
	/* A known ExcCode first (Sys, not in a delay slot), then try to
	 * overwrite ExcCode, BD, CE and TI. */
	TG_EQ(tg_try(TG_EXC(EXC_SYS), do_syscall, NULL), EXC_SYS + 1);
	u32 before = tg_read_cause();
	TG_EQ((before & CAUSE_EXC_MASK) >> CAUSE_EXC_SHIFT, EXC_SYS);
	tg_mtc0(CP0_CAUSE, 0, CAUSE_BD | (3u << CAUSE_CE_SHIFT) | CAUSE_EXC_MASK);
	u32 after = tg_read_cause();
	TG_EQ(after & CAUSE_EXC_MASK, before & CAUSE_EXC_MASK);
	TG_EQ(after & CAUSE_BD, 0);
	TG_EQ(after & (3u << CAUSE_CE_SHIFT), before & (3u << CAUSE_CE_SHIFT));
	tg_mtc0(CP0_CAUSE, 0, 0);
}

TG_TEST(cp0, epc_64bit)
{
	tg_dmtc0(CP0_EPC, 0, 0x123456789abcdef0ull);
	TG_EQ(tg_dmfc0(CP0_EPC, 0), 0x123456789abcdef0ull);
	/* MFC0 of a 64-bit register: the low word, sign-extended */
	int64_t v;
	__asm__ volatile("mfc0 %0, $14, 0" : "=r"(v));
	TG_EQ((u64)v, 0xffffffff9abcdef0ull);
	/* MTC0 writes the sign-extended word */
	tg_mtc0(CP0_EPC, 0, 0x80001234u);
	TG_EQ(tg_dmfc0(CP0_EPC, 0), 0xffffffff80001234ull);
	tg_dmtc0(CP0_ERROREPC, 0, 0x0fedcba987654320ull);
	TG_EQ(tg_dmfc0(CP0_ERROREPC, 0), 0x0fedcba987654320ull);
}

TG_TEST(cp0, badvaddr_readonly)
{
	u64 before = tg_dmfc0(CP0_BADVADDR, 0);

	tg_dmtc0(CP0_BADVADDR, 0, before ^ 0x5555000ull);
	TG_EQ(tg_dmfc0(CP0_BADVADDR, 0), before);
}

TG_TEST(cp0, entryhi_mask)
{
	tg_dmtc0(CP0_ENTRYHI, 0, ~0ull);
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);
	tg_dmtc0(CP0_ENTRYHI, 0, 0);
	TG_EQ(hi >> 62, 3);                               /* R */
	TG_EQ((hi >> 48) & 0x3fff, 0);                    /* fill above SEGBITS 48 */
	TG_EQ(hi & 0xffffffffe000ull, 0xffffffffe000ull); /* VPN2 47:13 */
	TG_EQ(hi & 0x1800, 0);                            /* 12:11 reserved */
	TG_EQ(hi & 0xff, 0xff);                           /* ASID at least 8 bits */
	u64 asid_hi = (hi >> 8) & 3;                      /* 8- or 10-bit ASID */
	TG_CHECK(asid_hi == 0 || asid_hi == 3);
	tg_dmtc0(CP0_ENTRYHI, 0, 0x0000000012346005ull);
	TG_EQ(tg_dmfc0(CP0_ENTRYHI, 0), 0x0000000012346005ull);
}

TG_TEST(cp0, entrylo_mask)
{
	/* PFN up to PABITS (48 with PageGrain.ELPA, else 36), RI/XI only when
	 * PageGrain enables them; C, D, V, G always. */
	u32 pg = (config3() & (1u << 7)) ? tg_mfc0(CP0_PAGEMASK, 1) : 0; /* LPA */
	u64 expect = (pg & (1u << 29)) ? 0x000003ffffffffffull : 0x3fffffffull;

	if (pg & (1u << 31))
		expect |= 1ull << 63;
	if (pg & (1u << 30))
		expect |= 1ull << 62;
	tg_dmtc0(CP0_ENTRYLO0, 0, ~0ull);
	tg_dmtc0(CP0_ENTRYLO1, 0, ~0ull);
	TG_EQ(tg_dmfc0(CP0_ENTRYLO0, 0), expect);
	TG_EQ(tg_dmfc0(CP0_ENTRYLO1, 0), expect);
	tg_dmtc0(CP0_ENTRYLO0, 0, 0x1234567ull);
	TG_EQ(tg_dmfc0(CP0_ENTRYLO0, 0), 0x1234567ull);
	tg_dmtc0(CP0_ENTRYLO0, 0, 0);
	tg_dmtc0(CP0_ENTRYLO1, 0, 0);
}

TG_TEST(cp0, pagemask_mask)
{
	tg_mtc0(CP0_PAGEMASK, 0, PM_16K);
	TG_EQ(tg_mfc0(CP0_PAGEMASK, 0), PM_16K);
	tg_mtc0(CP0_PAGEMASK, 0, 0xffffffffu);
	TG_EQ(tg_mfc0(CP0_PAGEMASK, 0), 0x1fffe000u);
	tg_mtc0(CP0_PAGEMASK, 0, 0);
	TG_EQ(tg_mfc0(CP0_PAGEMASK, 0), 0);
}

TG_TEST(cp0, index_random_wired)
{
	u32 n = tg_tlb_size();

	TG_CHECK(n >= 16 && n <= 64);
	tg_mtc0(CP0_INDEX, 0, 5);
	TG_EQ(tg_mfc0(CP0_INDEX, 0), 5);
	tg_mtc0(CP0_INDEX, 0, n - 1);
	TG_EQ(tg_mfc0(CP0_INDEX, 0) & ~INDEX_P, n - 1);
	tg_mtc0(CP0_WIRED, 0, 7);
	TG_EQ(tg_mfc0(CP0_WIRED, 0), 7);
	for (int i = 0; i < 200; i++) {
		u32 r = tg_mfc0(CP0_RANDOM, 0);
		if (r < 7 || r >= n) {
			tg_note("Random %u outside [7, %u]", r, n - 1);
			TG_CHECK(0);
		}
	}
	tg_mtc0(CP0_RANDOM, 0, 0); /* read-only: nothing to see */
	TG_CHECK(tg_mfc0(CP0_RANDOM, 0) >= 7);
	tg_mtc0(CP0_WIRED, 0, 0);
	TG_EQ(tg_mfc0(CP0_WIRED, 0), 0);
}

TG_TEST(cp0, context_badvpn2_readonly)
{
	u64 before = tg_dmfc0(CP0_CONTEXT, 0);

	tg_dmtc0(CP0_CONTEXT, 0, ~0ull);
	u64 c = tg_dmfc0(CP0_CONTEXT, 0);
	TG_EQ(c & ~0x7fffffull, ~0x7fffffull); /* PTEBase 63:23 writable */
	TG_EQ(c & 0x7ffff0ull, before & 0x7ffff0ull);
	TG_EQ(c & 0xf, 0);
	tg_dmtc0(CP0_CONTEXT, 0, 0);
	TG_EQ(tg_dmfc0(CP0_CONTEXT, 0) & ~0x7fffffull, 0);
}

TG_TEST(cp0, compare_count)
{
	tg_mtc0(CP0_COMPARE, 0, 0xdeadbeef);
	TG_EQ(tg_mfc0(CP0_COMPARE, 0), 0xdeadbeef);
	tg_mtc0(CP0_COUNT, 0, 0x100);
	u32 c = tg_read_count();
	TG_CHECK(c - 0x100u < 40000000u); /* written, then running (< 0.1 s) */
	tg_mtc0(CP0_COMPARE, 0, 0);
}

TG_TEST(cp0, count_dc)
{
	/* Cause.DC stops Count; clearing it lets Count run on. */
	tg_mtc0(CP0_CAUSE, 0, 1u << 27);
	u32 a = tg_read_count();
	tg_delay_ticks(0); /* a few instructions */
	for (volatile int i = 0; i < 10000; i++)
		;
	u32 b = tg_read_count();
	tg_mtc0(CP0_CAUSE, 0, 0);
	TG_EQ(b, a);
	u32 t = tg_read_count();
	for (volatile int i = 0; i < 100000 && tg_read_count() == t; i++)
		;
	TG_CHECK(tg_read_count() != t);
}

TG_TEST(cp0, prid_config_readonly)
{
	u32 prid = tg_mfc0(CP0_PRID, 0), c1 = tg_mfc0(CP0_CONFIG, 1);
	u32 c0 = tg_mfc0(CP0_CONFIG, 0);

	tg_mtc0(CP0_PRID, 0, ~prid);
	TG_EQ(tg_mfc0(CP0_PRID, 0), prid);
	tg_mtc0(CP0_CONFIG, 1, ~c1);
	TG_EQ(tg_mfc0(CP0_CONFIG, 1), c1);
	TG_CHECK(tg_model_3a1000() || tg_model_3a4000());
	TG_EQ(c0 & CONF_M, CONF_M);
	TG_EQ((c0 >> 13) & 3, 2); /* AT: MIPS64 with 64-bit segments */
	TG_EQ((c0 >> 7) & 7, 1);  /* MT: standard TLB */
	/* only K0 is writable */
	tg_mtc0(CP0_CONFIG, 0, ~0u);
	u32 c = tg_mfc0(CP0_CONFIG, 0);
	tg_mtc0(CP0_CONFIG, 0, c0);
	TG_EQ(c & ~CONF_K0_MASK, c0 & ~CONF_K0_MASK);
	TG_EQ(c & CONF_K0_MASK, 7);
	TG_EQ(tg_mfc0(CP0_CONFIG, 0), c0);
}

TG_TEST(cp0, ebase)
{
	u32 e = tg_mfc0(CP0_PRID, 1);

	tg_mtc0(CP0_PRID, 1, ~0u);
	u32 w = tg_mfc0(CP0_PRID, 1);
	tg_mtc0(CP0_PRID, 1, e);
	TG_EQ(tg_mfc0(CP0_PRID, 1), e);
	TG_EQ(w & 0xc0000000u, 0x80000000u); /* fixed: kseg0 */
	TG_EQ(w & 0x3ffff000u, 0x3ffff000u); /* writable base */
	TG_EQ(w & 0xc00u, 0);
	TG_EQ(w & 0x3ffu, e & 0x3ffu); /* CPUNum read-only */
	/* crt0 pointed it at the guest's own vectors */
	extern char tg_vectors[];
	TG_EQ(e & 0x3ffff000u, (u32)(uintptr_t)tg_vectors & 0x3ffff000u);
}

TG_TEST(cp0, intctl)
{
	u32 v = tg_mfc0(CP0_STATUS, 1);

	TG_EQ(v >> 29, 7); /* the timer interrupt is IP7 */
	tg_mtc0(CP0_STATUS, 1, v & 0x1fffffffu);
	TG_EQ(tg_mfc0(CP0_STATUS, 1) >> 29, 7);
	tg_mtc0(CP0_STATUS, 1, v);
}

TG_TEST(cp0, kscratch)
{
	u32 c3 = config3(), exist = 0;

	if ((c3 & CONF_M) && (tg_mfc0(CP0_CONFIG, 4) >> 16 & 0xff))
		exist = tg_mfc0(CP0_CONFIG, 4) >> 16 & 0xff;
	/* each register Config4.KScrExist announces keeps 64 bits */
	if (exist & (1u << 2)) {
		tg_dmtc0(31, 2, 0x1122334455667788ull);
		TG_EQ(tg_dmfc0(31, 2), 0x1122334455667788ull);
	}
	if (exist & (1u << 3)) {
		tg_dmtc0(31, 3, 0x8877665544332211ull);
		TG_EQ(tg_dmfc0(31, 3), 0x8877665544332211ull);
		if (exist & (1u << 2))
			TG_EQ(tg_dmfc0(31, 2), 0x1122334455667788ull);
	}
	if (c3 & (1u << 13)) { /* ULRI: UserLocal */
		tg_dmtc0(4, 2, 0xfedcba9876543210ull);
		TG_EQ(tg_dmfc0(4, 2), 0xfedcba9876543210ull);
	}
}

TG_TEST(cp0, hwrena_rdhwr)
{
	tg_mtc0(7, 0, 0xf);
	TG_EQ(tg_mfc0(7, 0) & 0xdffffff0u, 0);
	TG_EQ(tg_mfc0(7, 0) & 0xf, 0xf);
	tg_mtc0(7, 0, 0);
	TG_EQ(tg_mfc0(7, 0) & 0xf, 0);
	/* kernel mode reads the hardware registers whatever HWREna says */
	u64 cpunum, step, cc, ccres;
	__asm__ volatile(".set push\n.set mips32r2\n"
	                 "rdhwr %0, $0\n rdhwr %1, $1\n rdhwr %2, $2\n rdhwr %3, $3\n.set pop"
	                 : "=r"(cpunum), "=r"(step), "=r"(cc), "=r"(ccres));
	TG_EQ(cpunum, tg_mfc0(CP0_PRID, 1) & 0x3ff);
	TG_CHECK(step == 0 || step == 16 || step == 32 || step == 64);
	TG_CHECK(ccres >= 1 && ccres <= 4);
	(void)cc;
}

int main(void)
{
	TG_RUN(cp0, status_rw);
	TG_RUN(cp0, status_reserved);
	TG_RUN(cp0, cause_rw);
	TG_RUN(cp0, cause_readonly);
	TG_RUN(cp0, epc_64bit);
	TG_RUN(cp0, badvaddr_readonly);
	TG_RUN(cp0, entryhi_mask);
	TG_RUN(cp0, entrylo_mask);
	TG_RUN(cp0, pagemask_mask);
	TG_RUN(cp0, index_random_wired);
	TG_RUN(cp0, context_badvpn2_readonly);
	TG_RUN(cp0, compare_count);
	TG_RUN(cp0, count_dc);
	TG_RUN(cp0, prid_config_readonly);
	TG_RUN(cp0, ebase);
	TG_RUN(cp0, intctl);
	TG_RUN(cp0, kscratch);
	TG_RUN(cp0, hwrena_rdhwr);
	return tg_tests_done();
}
