/* SPDX-License-Identifier: MIT */
/* SIGP: bring up a second CPU (SET PREFIX + RESTART), external-call /
 * emergency-signal ping-pong, pending external calls, stop and restart,
 * and the architected answers to orders a CPU cannot take. Needs cpus=2
 * (CPU addresses 0 and 1). */
#include <tern/test.h>

#define S "smp"
#define ROUNDS 50
#define TIMEOUT_US 2000000
#define RACE_ROUNDS 1024

static volatile u32 pongs, pings, quit, spin, seen_stap, bad_sender;
static volatile u32 ready;

static void handler(u16 code, u32 param, u16 from)
{
	(void)param;
	if (stap() == 1 && code == EXT_EXTERNAL_CALL) {
		if (from != 0)
			bad_sender++;
		pings++;
		if (!quit)
			sigp_retry(from, SIGP_EMERGENCY_SIGNAL, 0, NULL);
	} else if (stap() == 0 && code == EXT_EMERGENCY) {
		if (from != 1)
			bad_sender++;
		pongs++;
	}
}

/* CPU 1: answer external calls with emergency signals until told to quit. */
static void responder(void *arg)
{
	(void)arg;
	seen_stap = stap();
	ctl0_or(CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG);
	ready = 1;
	while (!quit)
		wait_for_ext();
}

/* CPU 1: spin with interrupts off until released, then take what is pending. */
static void spinner(void *arg)
{
	(void)arg;
	ctl0_or(CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG);
	ready = 1;
	while (spin)
		cpu_relax();
	u32 before = pings;
	u64 start = stck();
	while (pings == before && stck() - start < TIMEOUT_US * TOD_PER_US) {
		u8 m = irq_disable();
		irq_restore(m | 0x01);
		irq_disable();
	}
}

/* CPU 1: return after a short spin (its length sweeps the window), and
 * the SDK stops the CPU while CPU 0's SIGP STOP for it is on its way. */
static void quick(void *arg)
{
	for (volatile unsigned long i = 0; i < (unsigned long)arg; i++)
		;
}

static bool wait_u32_change(const volatile u32 *v, u32 before)
{
	u64 start = stck();

	while (*v == before) {
		if (stck() - start > TIMEOUT_US * TOD_PER_US)
			return false;
		u8 m = irq_disable();
		irq_restore(m | 0x01);
		irq_disable();
	}
	return true;
}

int main(void)
{
	u32 st = 0;

	ext_set_handler(handler);
	if (cmdline_u64("cpus", 1) < 2 || sclp_cpu_count() < 2) {
		test_skip(S, "bring_up", "needs cpus=2 and two CPUs");
		return tests_done();
	}
	CHECK_EQ(S, "sense_self", sigp(stap(), SIGP_SENSE, 0, &st), 0);
	st = 0;
	int cc = sigp(1, SIGP_SENSE, 0, &st);
	CHECK(S, "sense_stopped", cc == 1 && (st & SIGP_STATUS_STOPPED));

	/* Bring-up. */
	ready = 0;
	int rc = cpu_start(1, responder, NULL);
	if (rc)
		test_detail("cpu_start(1) = %d", rc);
	CHECK_EQ(S, "bring_up", rc, 0);
	if (rc)
		return tests_done();
	wait_for_flag(&ready, TIMEOUT_US);
	CHECK_EQ(S, "stap_secondary", seen_stap, 1);
	st = 0;
	cc = sigp(1, SIGP_SENSE, 0, &st);
	CHECK(S, "sense_started", cc == 0 || (cc == 1 && !(st & SIGP_STATUS_STOPPED)));

	/* SET PREFIX needs a stopped CPU. */
	st = 0;
	cc = sigp_retry(1, SIGP_SET_PREFIX, 0x100000, &st);
	if (cc != 1)
		test_detail("set prefix of a running cpu: cc %d status 0x%x", cc, st);
	CHECK(S, "set_prefix_running", cc == 1 && (st & SIGP_STATUS_INCORRECT_STATE));

	/* Ping-pong: external call 0 -> 1, emergency signal 1 -> 0. */
	ctl0_or(CR0_EMERGENCY_SIG);
	u32 ok = 0;
	for (int i = 0; i < ROUNDS; i++) {
		u32 before = pongs;
		if (sigp_retry(1, SIGP_EXTERNAL_CALL, 0, NULL) != 0)
			break;
		if (!wait_u32_change(&pongs, before))
			break;
		ok++;
	}
	printf("smp: %u of %d ping-pong rounds\n", ok, ROUNDS);
	CHECK_EQ(S, "ping_pong", ok, ROUNDS);
	CHECK_EQ(S, "sender_address", bad_sender, 0);
	CHECK_EQ(S, "ping_count", pings, ROUNDS);

	/* Let the responder go, and stop it. */
	quit = 1;
	sigp_retry(1, SIGP_EXTERNAL_CALL, 0, NULL);
	u64 start = stck();
	while (!cpu_finished(1) && stck() - start < TIMEOUT_US * TOD_PER_US)
		cpu_relax();
	CHECK(S, "secondary_returned", cpu_finished(1));
	CHECK_EQ(S, "stop", cpu_stop(1), 0);
	st = 0;
	cc = sigp(1, SIGP_SENSE, 0, &st);
	CHECK(S, "sense_after_stop", cc == 1 && (st & SIGP_STATUS_STOPPED));

	/* Restart the same CPU on other work: an external call sent while
	 * it has interrupts off stays pending; a second one is refused with
	 * "external call pending"; it arrives once enabled. */
	quit = 0;
	spin = 1;
	ready = 0;
	pings = 0;
	rc = cpu_start(1, spinner, NULL);
	if (sdk_restart_retries)
		printf("smp: SIGP RESTART sent again %u time(s): the CPU stayed stopped (QEMU)\n",
		       sdk_restart_retries);
	CHECK_EQ(S, "restart", rc, 0);
	if (!rc) {
		wait_for_flag(&ready, TIMEOUT_US);
		quit = 1; /* no emergency-signal answers now */
		CHECK_EQ(S, "ext_call_accepted", sigp_retry(1, SIGP_EXTERNAL_CALL, 0, NULL), 0);
		st = 0;
		cc = sigp_retry(1, SIGP_EXTERNAL_CALL, 0, &st);
		if (cc != 1)
			test_detail("second external call: cc %d status 0x%x", cc, st);
		CHECK(S, "ext_call_pending", cc == 1 && (st & SIGP_STATUS_EXT_CALL_PENDING));
		spin = 0;
		start = stck();
		while (!cpu_finished(1) && stck() - start < TIMEOUT_US * TOD_PER_US)
			cpu_relax();
		CHECK_EQ(S, "ext_call_delivered", pings, 1);
		cpu_stop(1);
	}

	/* A CPU that stops itself while another CPU's SIGP STOP for it is in
	 * flight: it ends stopped, and the next RESTART is taken, not refused
	 * as busy for good (a posted stop once outlived the self-stop). */
	u32 raced = 0;
	for (u32 i = 0; i < RACE_ROUNDS; i++) {
		rc = cpu_start(1, quick, (void *)(unsigned long)(i % 64 * 4));
		if (rc) {
			test_detail("stop race, round %u: cpu_start(1) = %d", i, rc);
			break;
		}
		if (cpu_stop(1)) {
			test_detail("stop race, round %u: cpu 1 did not stop", i);
			break;
		}
		raced++;
	}
	if (sdk_restart_retries)
		printf("smp: SIGP RESTART sent again %u time(s) in all (QEMU)\n",
		       sdk_restart_retries);
	CHECK_EQ(S, "stop_race", raced, RACE_ROUNDS);

	/* Orders a CPU cannot take, and CPUs that do not exist. */
	st = 0;
	cc = sigp(1, 0xff, 0, &st);
	if (cc != 1)
		test_detail("order 0xff: cc %d status 0x%x", cc, st);
	CHECK(S, "invalid_order", cc == 1 && (st & SIGP_STATUS_INVALID_ORDER));
	CHECK_EQ(S, "absent_cpu", sigp(5, SIGP_SENSE, 0, NULL), 3);
	CHECK_EQ(S, "absent_cpu_ext_call", sigp(7, SIGP_EXTERNAL_CALL, 0, NULL), 3);
	CHECK_EQ(S, "absent_cpu_high", sigp(0xffff, SIGP_SENSE, 0, NULL), 3);
	return tests_done();
}
