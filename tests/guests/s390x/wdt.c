/* SPDX-License-Identifier: MIT */
/* DIAG 0x288, the watchdog (QEMU: -device diag288). Its refusals (odd R1,
 * an action, a timeout under 15 s, CHANGE or CANCEL when not armed, an
 * unknown function, the problem state), arm / change / cancel, and with
 * expire=restart in the command line an expiry whose action is a restart
 * interruption (QEMU: -action watchdog=inject-nmi; Tern: the partition
 * feature S390_FEAT_WDT_RESTART). With expire=reset the action is a reset
 * and re-IPL (QEMU's default; Tern's default): the first boot marks itself
 * in the IPL parameter block (DIAG 0x308, which survives the re-IPL),
 * arms, and waits; the second boot finds the mark and ends. */
#include <tern/test.h>

#define S "wdt"
#define MIN_SECONDS 15u
#define TIMEOUT_MARGIN_US 15000000ull
#define IPLB_LEN 200
#define PBT_CCW 2

static volatile u32 restarted;
static volatile u64 restart_addr, restart_tod;
static u8 iplb[4096] __aligned(4096);

/* diag r2,r4,0x288: r2 function, r3 timeout, r4 action. */
static u64 wdt(u64 func, u64 secs, u64 action)
{
	register unsigned long r2 __asm__("2") = func;
	register unsigned long r3 __asm__("3") = secs;
	register unsigned long r4 __asm__("4") = action;
	u64 next;

	__asm__ volatile("larl %0,1f\n"
	                 "diag %%r2,%%r4,0x288\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "d"(r2), "d"(r3), "d"(r4)
	                 : "cc", "memory");
	return next;
}

/* R1 odd: diag r3,r4,0x288. */
static u64 wdt_odd(void)
{
	register unsigned long r3 __asm__("3") = 0;
	register unsigned long r4 __asm__("4") = 0;
	u64 next;

	__asm__ volatile("larl %0,1f\n"
	                 "diag %%r3,%%r4,0x288\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "d"(r3), "d"(r4)
	                 : "cc", "memory");
	return next;
}

/* 0 if accepted, else the program interruption code (and where it came from). */
static u16 try_wdt(u64 func, u64 secs, u64 action, bool *at_next)
{
	struct pgm_info pi;

	pgm_expect();
	u64 next = wdt(func, secs, action);
	u16 code = pgm_result(&pi);
	if (at_next)
		*at_next = !code || pi.old.addr == next;
	return code;
}

static void refusals(void)
{
	struct pgm_info pi;
	bool at;

	pgm_expect();
	u64 next = wdt_odd();
	u16 code = pgm_result(&pi);
	CHECK(S, "odd_register", code == PGM_SPECIFICATION && pi.old.addr == next);
	CHECK(S, "action_nonzero", try_wdt(0, 30, 1, &at) == PGM_SPECIFICATION && at);
	CHECK(S, "too_short", try_wdt(0, MIN_SECONDS - 1, 0, &at) == PGM_SPECIFICATION && at);
	CHECK(S, "change_unarmed", try_wdt(1, 30, 0, &at) == PGM_SPECIFICATION && at);
	CHECK(S, "cancel_unarmed", try_wdt(2, 0, 0, &at) == PGM_SPECIFICATION && at);
	CHECK(S, "bad_function", try_wdt(3, 30, 0, &at) == PGM_SPECIFICATION && at);
}

static u16 priv_code;

static void in_problem_state(void *arg)
{
	(void)arg;
	wdt(0, 30, 0);
}

static void on_restart(struct irq_ctx *c)
{
	restart_addr = c->psw.addr;
	restart_tod = stck();
	restarted = 1;
}

static void build_iplb(u8 *b)
{
	memset(b, 0, 4096);
	b[3] = IPLB_LEN;
	b[12] = PBT_CCW;
	memcpy(b + 16, "WDTRESET", 8);
}

/* DIAG 0x308 subcode 5 (set) or 6 (store); the response code. */
static u64 diag308(void *block, u64 subcode)
{
	register unsigned long r2 __asm__("2") = (unsigned long)block;
	register unsigned long r3 __asm__("3") = 0;

	__asm__ volatile("diag %%r2,%2,0x308\n"
	                 : "+d"(r2), "+d"(r3)
	                 : "d"(subcode)
	                 : "cc", "memory");
	return r3;
}

/* The reset action: the second boot finds the mark of the first. */
static int expire_reset(void)
{
	memset(iplb, 0, sizeof(iplb));
	if (diag308(iplb, 6) == 1 && !memcmp(iplb + 16, "WDTRESET", 8)) {
		printf("wdt: second boot after the watchdog's reset\n");
		CHECK_EQ(S, "reset_action", 1, 1);
		/* The reset disarmed it. */
		CHECK(S, "disarmed_by_reset", try_wdt(2, 0, 0, NULL) == PGM_SPECIFICATION);
		return tests_done();
	}
	build_iplb(iplb);
	CHECK_EQ(S, "mark_first_boot", diag308(iplb, 5), 1);
	CHECK_EQ(S, "arm", try_wdt(0, MIN_SECONDS, 0, NULL), 0);
	printf("wdt: armed for %u s, waiting for the reset\n", MIN_SECONDS);
	u64 start = stck();
	while (stck() - start < (MIN_SECONDS * 1000000ull + TIMEOUT_MARGIN_US) * TOD_PER_US)
		cpu_relax();
	test_detail("no reset within %llu s", (MIN_SECONDS + TIMEOUT_MARGIN_US / 1000000));
	test_report(S, "reset_action", TEST_FAIL);
	return tests_done();
}

int main(void)
{
	char how[16] = "";

	cmdline_get("expire", how, sizeof(how));
	if (!strncmp(how, "reset", sizeof(how)))
		return expire_reset();

	refusals();
	pgm_expect();
	run_in_problem_state(in_problem_state, NULL);
	priv_code = pgm_result(NULL);
	CHECK_EQ(S, "privileged", priv_code, PGM_PRIVILEGED);

	/* Arm, change, cancel; cancel again is refused. */
	CHECK_EQ(S, "init", try_wdt(0, MIN_SECONDS, 0, NULL), 0);
	CHECK_EQ(S, "change", try_wdt(1, 3600, 0, NULL), 0);
	CHECK_EQ(S, "cancel", try_wdt(2, 0, 0, NULL), 0);
	CHECK_EQ(S, "cancel_again", try_wdt(2, 0, 0, NULL), PGM_SPECIFICATION);

	if (strncmp(how, "restart", sizeof(how)))
		return tests_done();
	/* Expiry with a restart: not before the timeout, the old PSW where we
	 * were, and the watchdog is off afterwards. */
	restart_set_handler(on_restart);
	restart_arm();
	restarted = 0;
	u64 start = stck();
	CHECK_EQ(S, "arm", try_wdt(0, MIN_SECONDS, 0, NULL), 0);
	printf("wdt: armed for %u s, waiting for the restart\n", MIN_SECONDS);
	bool took = wait_for_flag(&restarted, MIN_SECONDS * 1000000ull + TIMEOUT_MARGIN_US);
	u64 ms = took ? (restart_tod - start) / TOD_PER_MS : 0;
	if (!took || ms < MIN_SECONDS * 1000)
		test_detail("restart: %s after %llu ms", took ? "taken" : "none",
		            (unsigned long long)ms);
	CHECK(S, "expiry_restart", took && ms >= MIN_SECONDS * 1000);
	CHECK(S, "restart_old_psw", took && restart_addr != 0);
	CHECK(S, "off_after_expiry", try_wdt(2, 0, 0, NULL) == PGM_SPECIFICATION);
	return tests_done();
}
