/* SPDX-License-Identifier: MIT */
/* Hostile input, each answered with the architected status or exception
 * for this guest only: SCCBs that cross a page, lie outside memory or in
 * the lowcore, are misaligned or have bad lengths; unknown SCLP commands;
 * SERVC in the problem state; SIGP to CPUs that do not exist and with
 * invalid orders; DIAGs with bad codes or registers. Afterwards the
 * console still works. */
#include <tern/test.h>

#define S "hostile"

#define SCLP_CMD_READ_SCP_INFO 0x00020001u
#define SCLP_CMD_WRITE_EVENT_DATA 0x00760005u

static u8 pages[3 * 4096] __aligned(4096);

struct servc_outcome {
	u16 pgm; /* program interruption code, 0 if none */
	int cc;
	u16 rc; /* response code if cc 0 */
};

/* SERVC that may take a program interruption; waits for the service
 * signal when it was accepted. */
static struct servc_outcome try_servc(u32 cmd, unsigned long sccb, bool read_rc)
{
	struct servc_outcome o = {0, -1, 0};

	pgm_expect();
	o.cc = servc(cmd, (void *)sccb);
	o.pgm = pgm_result(NULL);
	if (o.pgm)
		o.cc = -1;
	if (o.cc == 0) {
		sclp_wait_signal();
		if (read_rc)
			o.rc = *(volatile u16 *)(sccb + 6);
	}
	return o;
}

static void vt_event(u8 *p, u16 sccb_len, u16 ev_len)
{
	memset(p, 0, 32);
	p[0] = (u8)(sccb_len >> 8);
	p[1] = (u8)sccb_len;
	p[8] = (u8)(ev_len >> 8);
	p[9] = (u8)ev_len;
	p[10] = console_event_type();
	if (p[10] == 0x1a)
		memcpy(p + 14, "x\n", 2);
}

static void expect_pgm(const char *name, struct servc_outcome o, u16 code)
{
	if (o.pgm != code)
		test_detail("%s: program interruption 0x%x, cc %d, response 0x%04x; want 0x%x",
		            name, o.pgm, o.cc, o.rc, code);
	test_report(S, name, o.pgm == code ? TEST_PASS : TEST_FAIL);
}

static void expect_rc(const char *name, struct servc_outcome o, u16 rc)
{
	bool ok = !o.pgm && o.cc == 0 && o.rc == rc;
	if (!ok)
		test_detail("%s: program interruption 0x%x, cc %d, response 0x%04x; want 0x%04x",
		            name, o.pgm, o.cc, o.rc, rc);
	test_report(S, name, ok ? TEST_PASS : TEST_FAIL);
}

static void servc_in_problem_state(void *arg)
{
	servc(SCLP_CMD_READ_SCP_INFO, arg);
}

static u64 diag_code(void)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "diag 0,0,0x3fe\n"
	                 "1:\n"
	                 : "=a"(next)
	                 :
	                 : "cc", "memory");
	return next;
}

/* DIAG 0x288 (watchdog) with R1 odd, or an unknown function code. */
static u64 diag288(bool odd, u64 func)
{
	register unsigned long r2 __asm__("2") = func;
	register unsigned long r3 __asm__("3") = 30;
	u64 next;

	if (odd)
		__asm__ volatile("larl %0,1f\n"
		                 "diag %%r3,%%r2,0x288\n"
		                 "1:\n"
		                 : "=&a"(next)
		                 : "d"(r2), "d"(r3)
		                 : "cc", "memory");
	else
		__asm__ volatile("larl %0,1f\n"
		                 "diag %%r2,%%r3,0x288\n"
		                 "1:\n"
		                 : "=&a"(next)
		                 : "d"(r2), "d"(r3)
		                 : "cc", "memory");
	return next;
}

static void diag44_in_problem_state(void *arg)
{
	(void)arg;
	__asm__ volatile("diag 0,0,0x44" ::: "memory");
}

static void sclp_tests(void)
{
	u64 mem = sclp_memory_size();
	struct servc_outcome o;
	unsigned long p = (unsigned long)pages;

	/* Crossing a page: a WRITE EVENT DATA whose SCCB runs into the next
	 * page is refused with "SCCB boundary violation". */
	vt_event((u8 *)(p + 4096 - 16), 32, 18);
	o = try_servc(SCLP_CMD_WRITE_EVENT_DATA, p + 4096 - 16, true);
	expect_rc("sccb_cross_page", o, 0x0100);

	/* Length below the header: specification exception. */
	memset(pages, 0, 64);
	pages[1] = 4;
	expect_pgm("sccb_short_length", try_servc(SCLP_CMD_READ_SCP_INFO, p, false),
	           PGM_SPECIFICATION);

	/* READ SCP INFO into 16 bytes: insufficient SCCB length. */
	memset(pages, 0, 64);
	pages[1] = 16;
	expect_rc("sccb_too_small", try_servc(SCLP_CMD_READ_SCP_INFO, p, true), 0x0300);

	/* Not doubleword aligned: specification exception. */
	memset(pages, 0, 64);
	pages[5] = 0x10; /* length 4096 at p + 4: an aligned-looking header */
	expect_pgm("sccb_unaligned", try_servc(SCLP_CMD_READ_SCP_INFO, p + 4, false),
	           PGM_SPECIFICATION);

	/* In the lowcore pages (0-0x1fff): specification exception. */
	expect_pgm("sccb_lowcore", try_servc(SCLP_CMD_READ_SCP_INFO, 0x1000, false),
	           PGM_SPECIFICATION);

	/* At 2 GiB, beyond this guest's memory: an SCCB must lie below 2 GiB
	 * (specification) and in memory (addressing); which of the two is
	 * recognised first is not fixed (QEMU: addressing). */
	o = try_servc(SCLP_CMD_READ_SCP_INFO, 0x80000000ul, false);
	if (o.pgm != PGM_SPECIFICATION && o.pgm != PGM_ADDRESSING)
		test_detail("sccb_above_2g: program interruption 0x%x, cc %d", o.pgm, o.cc);
	CHECK(S, "sccb_above_2g", o.pgm == PGM_SPECIFICATION || o.pgm == PGM_ADDRESSING);

	/* Outside the guest's memory (below 2 GiB): addressing exception. */
	if (mem && mem + 0x100000 < 0x80000000ull)
		expect_pgm("sccb_outside_memory",
		           try_servc(SCLP_CMD_READ_SCP_INFO, (unsigned long)mem + 0x1000, false),
		           PGM_ADDRESSING);
	else
		test_skip(S, "sccb_outside_memory", "no memory size below 2 GiB");

	/* Unknown command: "invalid command". */
	memset(pages, 0, 64);
	pages[0] = 0x10;
	expect_rc("sclp_invalid_command", try_servc(0x12345678, p, true), 0x01f0);

	/* An event buffer longer than the SCCB: refused, nothing printed. */
	vt_event(pages, 32, 200);
	o = try_servc(SCLP_CMD_WRITE_EVENT_DATA, p, true);
	bool refused = !o.pgm && o.cc == 0 && o.rc != 0x0020;
	if (!refused)
		test_detail("event longer than the SCCB: pgm 0x%x cc %d response 0x%04x", o.pgm,
		            o.cc, o.rc);
	test_report(S, "event_length", refused ? TEST_PASS : TEST_FAIL);

	/* SERVC is privileged. */
	memset(pages, 0, 64);
	pages[0] = 0x10;
	pgm_expect();
	run_in_problem_state(servc_in_problem_state, pages);
	CHECK_EQ(S, "servc_privileged", pgm_result(NULL), PGM_PRIVILEGED);
}

static void sigp_tests(void)
{
	u32 ncpu = sclp_cpu_count();
	u32 st;
	bool ok = true;

	/* Every address past the configured CPUs is "not operational". */
	for (u32 a = ncpu ? ncpu : 1; a < 64; a++)
		if (sigp((u16)a, SIGP_SENSE, 0, NULL) != 3)
			ok = false;
	CHECK(S, "sigp_absent_cpus", ok);
	CHECK_EQ(S, "sigp_absent_restart", sigp(0x3f, SIGP_RESTART, 0, NULL), 3);
	CHECK_EQ(S, "sigp_absent_set_prefix", sigp(0x3f, SIGP_SET_PREFIX, 0x10000, NULL), 3);
	CHECK_EQ(S, "sigp_absent_high", sigp(0xfffe, SIGP_EMERGENCY_SIGNAL, 0, NULL), 3);
	st = 0;
	int cc = sigp(stap(), 0xee, 0, &st);
	if (cc != 1)
		test_detail("invalid order to self: cc %d status 0x%x", cc, st);
	CHECK(S, "sigp_invalid_order", cc == 1 && (st & SIGP_STATUS_INVALID_ORDER));
}

static void diag_tests(void)
{
	struct pgm_info pi;

	pgm_expect();
	u64 next = diag_code();
	u16 code = pgm_result(&pi);
	if (code != PGM_SPECIFICATION)
		test_detail("DIAG 0x3fe: code 0x%x", code);
	CHECK(S, "diag_unknown_code", code == PGM_SPECIFICATION && pi.old.addr == next);
	pgm_expect();
	next = diag288(true, 0);
	code = pgm_result(&pi);
	CHECK(S, "diag288_odd_register", code == PGM_SPECIFICATION && pi.old.addr == next);
	pgm_expect();
	next = diag288(false, 99);
	code = pgm_result(&pi);
	CHECK(S, "diag288_bad_function", code == PGM_SPECIFICATION && pi.old.addr == next);
	pgm_expect();
	run_in_problem_state(diag44_in_problem_state, NULL);
	CHECK_EQ(S, "diag_privileged", pgm_result(NULL), PGM_PRIVILEGED);
}

int main(void)
{
	printf("hostile: start\n");
	sclp_tests();
	sigp_tests();
	diag_tests();
	printf("hostile: the console still works\n");
	CHECK_EQ(S, "console_after", console_last_response(), 0x0020);
	return tests_done();
}
