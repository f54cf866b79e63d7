/* SPDX-License-Identifier: MIT */
/* DIAG 0x308: IPL parameter block set/store (subcodes 5/6), its errors,
 * and with reipl=1 in the command line a real re-IPL (subcode 3, load
 * clear). A load clear zeroes memory, so the guest marks its first boot
 * in the IPL parameter block, which survives a re-IPL by architecture
 * (Linux's re-IPL relies on it): first boot sets the block (loadparm
 * "TERNREIP") and re-IPLs; the next boot finds it, checks that memory was
 * cleared, and ends. Each boot prints "diag308: boot". Natively QEMU run
 * with -no-reboot ends the run at the re-IPL, so reipl=1 is for Tern. */
#include <tern/test.h>

#define S "diag308"
#define RC_NORMAL 0x0001
#define RC_NO_CONF 0x0102
#define RC_INVALID 0x0402
#define IPLB_LEN 200
#define PB_CCW_LEN 192
#define PBT_CCW 2
#define DEVNO 0xbeef

static u8 iplb[4096] __aligned(4096);
static u8 back[4096] __aligned(4096);
static u64 canary; /* in .bss: zero on every boot, if memory is cleared */

static const char marker[8] = "TERNREIP";

static u64 diag308(unsigned long addr, u64 subcode, u64 *rc)
{
	register unsigned long r2 __asm__("2") = addr;
	register unsigned long r3 __asm__("3") = 0;
	u64 next;

	__asm__ volatile("larl %2,1f\n"
	                 "diag %%r2,%4,0x308\n"
	                 "1:\n"
	                 : "+d"(r2), "+d"(r3), "=&a"(next)
	                 : "0"(r2), "d"(subcode)
	                 : "cc", "memory");
	if (rc)
		*rc = r3;
	return next;
}

/* R1 odd: a specification exception for subcodes 5 and 6. */
static u64 diag308_odd(unsigned long addr)
{
	register unsigned long r3 __asm__("3") = addr;
	u64 next;

	__asm__ volatile("larl %1,1f\n"
	                 "diag %%r3,%2,0x308\n"
	                 "1:\n"
	                 : "+d"(r3), "=&a"(next)
	                 : "d"(6ul)
	                 : "cc", "memory");
	return next;
}

static void build_iplb(u8 *b)
{
	memset(b, 0, 4096);
	b[3] = IPLB_LEN; /* header: u32 length, flags, version 0 */
	b[11] = PB_CCW_LEN;
	b[12] = PBT_CCW;
	for (int i = 0; i < 8; i++)
		b[16 + i] = ascii_to_ebcdic(marker[i]);
	b[110] = DEVNO >> 8;
	b[111] = DEVNO & 0xff;
}

static bool has_marker(const u8 *b)
{
	for (int i = 0; i < 8; i++)
		if (b[16 + i] != ascii_to_ebcdic(marker[i]))
			return false;
	return b[12] == PBT_CCW && b[110] == (DEVNO >> 8) && b[111] == (DEVNO & 0xff);
}

static u64 priv_next;

static void in_problem_state(void *arg)
{
	(void)arg;
	priv_next = diag308((unsigned long)back, 6, NULL);
}

static bool expect_spec(const char *name, u64 (*op)(void))
{
	struct pgm_info pi;

	pgm_expect();
	u64 next = op();
	u16 code = pgm_result(&pi);
	bool ok = code == PGM_SPECIFICATION && pi.ilc == 4 && pi.old.addr == next;
	if (!ok)
		test_detail("%s: code 0x%x ilc %u", name, code, pi.ilc);
	return CHECK(S, name, ok);
}

static u64 op_bad_subcode(void)
{
	return diag308((unsigned long)iplb, 99, NULL);
}

static u64 op_unaligned(void)
{
	return diag308((unsigned long)iplb + 8, 5, NULL);
}

static u64 op_odd(void)
{
	return diag308_odd((unsigned long)iplb);
}

int main(void)
{
	bool reipl = cmdline_u64("reipl", 0) != 0;
	u64 rc = 0;

	printf("diag308: boot\n");

	/* A second boot after our re-IPL: the block survived, memory did not. */
	memset(back, 0, sizeof(back));
	pgm_expect();
	diag308((unsigned long)back, 6, &rc);
	u16 code = pgm_result(NULL);
	if (reipl && !code && rc == RC_NORMAL && has_marker(back)) {
		printf("diag308: second boot, found the IPL parameter block\n");
		CHECK_EQ(S, "reipl", 1, 1);
		CHECK_EQ(S, "memory_cleared", canary, 0);
		return tests_done();
	}

	/* First boot: no block was ever set. */
	if (code || rc != RC_NO_CONF)
		test_detail("store before set: program interruption 0x%x, response 0x%llx", code,
		            (unsigned long long)rc);
	CHECK(S, "store_unset", !code && rc == RC_NO_CONF);

	CHECK(S, "privileged", ({
		      struct pgm_info pi;
		      pgm_expect();
		      run_in_problem_state(in_problem_state, NULL);
		      pgm_result(&pi) == PGM_PRIVILEGED &&pi.old.addr == priv_next;
	      }));
	expect_spec("bad_subcode", op_bad_subcode);
	expect_spec("unaligned_block", op_unaligned);
	expect_spec("odd_register", op_odd);

	/* Set, then store: the same block comes back. */
	build_iplb(iplb);
	pgm_expect();
	diag308((unsigned long)iplb, 5, &rc);
	code = pgm_result(NULL);
	if (code || rc != RC_NORMAL)
		test_detail("set: program interruption 0x%x, response 0x%llx", code,
		            (unsigned long long)rc);
	CHECK(S, "set", !code && rc == RC_NORMAL);
	memset(back, 0, sizeof(back));
	pgm_expect();
	diag308((unsigned long)back, 6, &rc);
	code = pgm_result(NULL);
	if (code || rc != RC_NORMAL)
		test_detail("store: program interruption 0x%x, response 0x%llx", code,
		            (unsigned long long)rc);
	CHECK(S, "store", !code && rc == RC_NORMAL && has_marker(back));

	/* Blocks the machine refuses: response 0x0402, the stored one stays. */
	static const struct {
		const char *name;
		u32 len;
		u8 pbt;
	} bad[] = {
	    {"set_short", 16, PBT_CCW},
	    {"set_too_long", 4097, PBT_CCW},
	    {"set_unknown_type", IPLB_LEN, 0x77},
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		build_iplb(back);
		back[0] = (u8)(bad[i].len >> 24);
		back[1] = (u8)(bad[i].len >> 16);
		back[2] = (u8)(bad[i].len >> 8);
		back[3] = (u8)bad[i].len;
		back[12] = bad[i].pbt;
		back[16] = 0; /* not our marker */
		pgm_expect();
		diag308((unsigned long)back, 5, &rc);
		code = pgm_result(NULL);
		if (code || rc != RC_INVALID)
			test_detail("%s: program interruption 0x%x, response 0x%llx", bad[i].name,
			            code, (unsigned long long)rc);
		CHECK(S, bad[i].name, !code && rc == RC_INVALID);
	}
	memset(back, 0, sizeof(back));
	pgm_expect();
	diag308((unsigned long)back, 6, &rc);
	code = pgm_result(NULL);
	CHECK(S, "kept_after_refusal", !code && rc == RC_NORMAL && has_marker(back));

	/* A block outside storage: addressing, for set and store. */
	u64 mem = sclp_memory_size();
	if (mem) {
		struct pgm_info pi;
		pgm_expect();
		u64 next = diag308(mem, 5, NULL);
		code = pgm_result(&pi);
		CHECK(S, "set_outside", code == PGM_ADDRESSING && pi.old.addr == next);
		pgm_expect();
		next = diag308(mem + 0x10000, 6, NULL);
		code = pgm_result(&pi);
		CHECK(S, "store_outside", code == PGM_ADDRESSING && pi.old.addr == next);
	} else {
		test_skip(S, "set_outside", "no memory size");
		test_skip(S, "store_outside", "no memory size");
	}

	if (!reipl)
		return tests_done();
	if (tests_failed()) {
		test_detail("no re-IPL: the IPL parameter block did not round-trip");
		test_report(S, "reipl", TEST_FAIL);
		return tests_done();
	}
	canary = 0x5a5a5a5a;
	printf("diag308: re-IPL (load clear)\n");
	diag308(0, 3, NULL);
	test_detail("DIAG 308 subcode 3 returned");
	test_report(S, "reipl", TEST_FAIL);
	return tests_done();
}
