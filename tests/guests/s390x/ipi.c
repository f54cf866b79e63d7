/* SPDX-License-Identifier: MIT */
/* IPIs across every pair of CPUs. CPU 0 starts CPUs 1..n-1 with SIGP
 * (cpus=N on the command line, 2..16); then each pair {i, j} makes
 * rounds=R round trips (default 1): the side whose turn it is sends an
 * external call and waits; the other answers from its external-
 * interruption handler with an emergency signal. Odd rounds turn the
 * direction round, and each CPU starts about half of its pairs, so all CPUs
 * ping at once and external calls meet "already pending" answers (the
 * caller waits 100 us and tries again). Last, every CPU sends an emergency
 * signal to every other one at once and checks that one came from each.
 *
 * Every wait is an enabled wait with a TOD deadline (the clock comparator):
 * a waiting CPU gives its physical CPU up when it is a vCPU of a
 * time-sliced partition, and a lost signal ends as a timeout, never as a
 * hang. The ping-pong and the barriers between the phases poll nothing:
 * the last CPU at a barrier wakes the others with an emergency signal.
 * ping_ms=P (default 1000) bounds one round trip, timeout_ms=T (default
 * 10000) each phase. Only CPU 0 prints, after the others are done.
 *
 * TEST lines (2n + 6): ipi.cpus, ipi.sense_stopped, ipi.start_K (K = 1..n-1),
 * ipi.stap, ipi.pairs (n(n-1)/2 * R round trips), ipi.cpu_K (K = 0..n-1:
 * every pair of K complete, no barrier missed), ipi.sender_address (every
 * signal from a CPU of the guest, every external call expected, every
 * SIGP accepted), ipi.emergency_all, ipi.finished. The same ELF runs
 * natively on QEMU (-smp N) and as a Tern partition. */
#include <tern/test.h>

#define S "ipi"
#define MAXC SDK_MAX_CPUS
#define NBAR 3
#define BACKOFF_US 100 /* before retrying an external call the target still has pending */

static u32 n, rounds;
static u64 ping_tod, phase_tod;

/* [i][j]: i's latest ping to j (written by i) and the ping j answered
 * (written by j's handler); a ping is outstanding while they differ. */
static volatile u32 ping_seq[MAXC][MAXC], pong_seq[MAXC][MAXC];
/* [i][j]: emergency signals CPU i took from j; round trips i started to j. */
static volatile u32 emerg_got[MAXC][MAXC], trips[MAXC][MAXC];
/* The all-to-all emergency signals: [from][to] sent, and received. */
static volatile u32 storm_sent[MAXC][MAXC], storm_got[MAXC][MAXC];
static volatile u32 arrived[NBAR];
/* Per CPU: what it saw. */
static volatile u32 seen_stap[MAXC], bad_sender[MAXC], bad_ping[MAXC], sigp_fail[MAXC];
static volatile u32 refused[MAXC], timeouts[MAXC], late[MAXC], storm_ok[MAXC];
static volatile u64 rtt_min[MAXC], rtt_max[MAXC], rtt_sum[MAXC];

static void on_ext(u16 code, u32 param, u16 from)
{
	u16 me = stap();

	(void)param;
	if (code != EXT_EXTERNAL_CALL && code != EXT_EMERGENCY)
		return; /* the clock comparator, the service signal */
	if (me >= n || from >= n || from == me) {
		if (me < MAXC)
			bad_sender[me]++;
		return;
	}
	if (code == EXT_EXTERNAL_CALL) {
		u32 seq = ping_seq[from][me];
		if (seq == pong_seq[from][me]) {
			bad_ping[me]++; /* no ping of `from` is outstanding */
			return;
		}
		pong_seq[from][me] = seq;
		if (sigp_retry(from, SIGP_EMERGENCY_SIGNAL, 0, NULL) != 0)
			sigp_fail[me]++;
	} else if (code == EXT_EMERGENCY) {
		emerg_got[me][from]++;
		if (storm_sent[from][me])
			storm_got[from][me] = 1;
	}
}

/* One enabled wait: until any external interruption, at the latest at
 * `deadline` (TOD). Interrupts are off again on return. */
static void wait_tod(u64 deadline)
{
	set_clock_comparator(deadline);
	wait_for_ext();
	set_clock_comparator(~0ull);
}

typedef bool (*cond_fn)(u16 me, u32 a, u32 b);

/* Enabled waits until cond holds or the deadline passed. The condition is
 * looked at with interrupts off, so a signal that makes it true after the
 * look is pending by the time of the wait and ends it. */
static bool wait_until(cond_fn cond, u16 me, u32 a, u32 b, u64 deadline)
{
	for (;;) {
		if (cond(me, a, b))
			return true;
		if (stck() >= deadline)
			return false;
		wait_tod(deadline);
	}
}

static bool all_arrived(u16 me, u32 k, u32 unused)
{
	(void)me;
	(void)unused;
	return __atomic_load_n(&arrived[k], __ATOMIC_ACQUIRE) >= n;
}

/* Barrier k: the last CPU to arrive wakes the others (an emergency signal
 * each; they look at the count again, whatever signal woke them). */
static bool barrier_wait(u16 me, u32 k, u64 deadline)
{
	if (__atomic_add_fetch(&arrived[k], 1, __ATOMIC_ACQ_REL) == n) {
		for (u16 c = 0; c < n; c++)
			if (c != me && sigp_retry(c, SIGP_EMERGENCY_SIGNAL, 0, NULL) != 0)
				sigp_fail[me]++;
		return true;
	}
	return wait_until(all_arrived, me, k, 0, deadline);
}

/* Does `me` start the round trip of pair {me, to} in round r? The one
 * fewer steps ahead of the other (mod n) does, the lower address at equal
 * distance; odd rounds the other one. */
static bool starts(u16 me, u16 to, u32 r)
{
	u32 d = (to + n - me) % n, e = n - d;
	bool fwd = d < e || (d == e && me < to);

	return (r & 1) ? !fwd : fwd;
}

static bool answered(u16 me, u32 to, u32 before)
{
	return pong_seq[me][to] == ping_seq[me][to] && emerg_got[me][to] != before;
}

static void ping(u16 me, u16 to, u64 phase_end)
{
	u32 before = emerg_got[me][to];
	u64 t0 = stck(), deadline = t0 + ping_tod < phase_end ? t0 + ping_tod : phase_end;

	ping_seq[me][to] = ping_seq[me][to] + 1;
	barrier();
	for (;;) {
		u32 st = 0;
		int cc = sigp(to, SIGP_EXTERNAL_CALL, 0, &st);
		if (cc == 0)
			break;
		if (cc == 2 || (cc == 1 && (st & SIGP_STATUS_EXT_CALL_PENDING))) {
			/* Another CPU's call is still pending there: wait a
			 * little (answering our own pings meanwhile). */
			refused[me]++;
			u64 now = stck();
			if (now >= deadline) {
				timeouts[me]++;
				return;
			}
			u64 until = now + BACKOFF_US * TOD_PER_US;
			wait_tod(until < deadline ? until : deadline);
			continue;
		}
		sigp_fail[me]++;
		return;
	}
	if (!wait_until(answered, me, to, before, deadline)) {
		timeouts[me]++;
		return;
	}
	u64 rtt = stck() - t0;
	if (!rtt_min[me] || rtt < rtt_min[me])
		rtt_min[me] = rtt;
	if (rtt > rtt_max[me])
		rtt_max[me] = rtt;
	rtt_sum[me] += rtt;
	trips[me][to]++;
}

static bool storm_complete(u16 me, u32 unused_a, u32 unused_b)
{
	(void)unused_a;
	(void)unused_b;
	for (u16 c = 0; c < n; c++)
		if (c != me && !storm_got[c][me])
			return false;
	return true;
}

/* Every CPU, CPU 0 included. */
static void participant(u16 me)
{
	u64 start;

	seen_stap[me] = stap();
	ctl0_or(CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG | CR0_CLOCK_COMP);
	if (!barrier_wait(me, 0, stck() + phase_tod))
		late[me] |= 1;

	start = stck();
	for (u32 r = 0; r < rounds; r++)
		for (u32 d = 1; d < n; d++) {
			u16 to = (u16)((me + d) % n);
			if (starts(me, to, r))
				ping(me, to, start + phase_tod);
		}
	if (!barrier_wait(me, 1, start + phase_tod))
		late[me] |= 2;

	/* All to all at once. */
	start = stck();
	for (u16 c = 0; c < n; c++)
		if (c != me)
			storm_sent[me][c] = 1;
	barrier();
	for (u16 c = 0; c < n; c++)
		if (c != me && sigp_retry(c, SIGP_EMERGENCY_SIGNAL, 0, NULL) != 0)
			sigp_fail[me]++;
	storm_ok[me] = wait_until(storm_complete, me, 0, 0, start + phase_tod);
	if (!barrier_wait(me, 2, start + phase_tod))
		late[me] |= 4;
	ctl0_clear(CR0_CLOCK_COMP);
}

static void secondary(void *arg)
{
	participant((u16)(unsigned long)arg);
}

static u32 pair_trips(u16 i, u16 j)
{
	return trips[i][j] + trips[j][i];
}

static void report(u64 want)
{
	u32 total = 0, missing = 0;
	u64 min = 0, max = 0, sum = 0;

	for (u16 i = 0; i < n; i++)
		for (u16 j = (u16)(i + 1); j < n; j++) {
			u32 t = pair_trips(i, j);
			total += t;
			if (t != rounds && missing++ < 8)
				test_detail("pair %u-%u: %u of %u round trips", i, j, t, rounds);
		}
	for (u16 i = 0; i < n; i++) {
		if (rtt_min[i] && (!min || rtt_min[i] < min))
			min = rtt_min[i];
		if (rtt_max[i] > max)
			max = rtt_max[i];
		sum += rtt_sum[i];
	}
	u32 ref = 0, to = 0;
	for (u16 i = 0; i < n; i++) {
		ref += refused[i];
		to += timeouts[i];
	}
	printf("ipi: %u cpus, %u of %llu round trips, %u timed out, round trip min %llu avg %llu "
	       "max %llu us, %u external calls found one pending\n",
	       n, total, (unsigned long long)want, to, (unsigned long long)(min / TOD_PER_US),
	       (unsigned long long)(total ? sum / total / TOD_PER_US : 0),
	       (unsigned long long)(max / TOD_PER_US), ref);
	CHECK_EQ(S, "pairs", total, want);

	char name[16];
	for (u16 c = 0; c < n; c++) {
		bool ok = true;
		for (u16 o = 0; o < n; o++)
			if (o != c && pair_trips(c, o) != rounds)
				ok = false;
		if (late[c])
			test_detail("cpu %u: barrier timeout(s) 0x%x", c, late[c]);
		snprintf(name, sizeof(name), "cpu_%u", c);
		CHECK(S, name, ok && !late[c]);
	}

	u32 bad = 0;
	for (u16 c = 0; c < n; c++) {
		if (bad_sender[c] || bad_ping[c] || sigp_fail[c])
			test_detail(
			    "cpu %u: %u bad sender(s), %u unexpected call(s), %u failed SIGP(s)", c,
			    bad_sender[c], bad_ping[c], sigp_fail[c]);
		bad += bad_sender[c] + bad_ping[c] + sigp_fail[c];
	}
	CHECK_EQ(S, "sender_address", bad, 0);

	u32 storm = 0;
	for (u16 c = 0; c < n; c++) {
		if (!storm_ok[c]) {
			u32 got = 0;
			for (u16 o = 0; o < n; o++)
				got += o != c && storm_got[o][c];
			test_detail("cpu %u: emergency signals from %u of %u cpus", c, got, n - 1);
		}
		storm += storm_ok[c] ? 1 : 0;
	}
	CHECK_EQ(S, "emergency_all", storm, n);
}

int main(void)
{
	u64 want_cpus = cmdline_u64("cpus", 1);
	u32 st;

	rounds = (u32)cmdline_u64("rounds", 1);
	ping_tod = cmdline_u64("ping_ms", 1000) * TOD_PER_MS;
	phase_tod = cmdline_u64("timeout_ms", 10000) * TOD_PER_MS;
	ext_set_handler(on_ext);
	if (want_cpus < 2 || want_cpus > MAXC || sclp_cpu_count() < want_cpus || !rounds) {
		test_detail("cpus=%llu (2..%u), the SCLP reports %u, rounds=%u",
		            (unsigned long long)want_cpus, MAXC, sclp_cpu_count(), rounds);
		test_report(S, "cpus", TEST_FAIL);
		return tests_done();
	}
	n = (u32)want_cpus;
	test_report(S, "cpus", TEST_PASS);

	u32 stopped = 0;
	for (u16 c = 1; c < n; c++) {
		st = 0;
		if (sigp(c, SIGP_SENSE, 0, &st) == 1 && (st & SIGP_STATUS_STOPPED))
			stopped++;
	}
	CHECK_EQ(S, "sense_stopped", stopped, n - 1);

	char name[16];
	bool all = true;
	for (u16 c = 1; c < n; c++) {
		int rc = cpu_start(c, secondary, (void *)(unsigned long)c);
		if (rc)
			test_detail("cpu_start(%u) = %d", c, rc);
		snprintf(name, sizeof(name), "start_%u", c);
		all &= CHECK_EQ(S, name, rc, 0);
	}
	if (!all)
		return tests_done(); /* sdk_exit stops the ones that run */

	participant(0);

	/* They stop on their own once back from participant(). */
	u64 start = stck();
	bool finished = true;
	ctl0_or(CR0_CLOCK_COMP);
	for (u16 c = 1; c < n; c++) {
		while (!cpu_finished(c) && stck() - start < phase_tod)
			wait_tod(stck() + 1000 * TOD_PER_US);
		finished &= cpu_finished(c);
	}
	ctl0_clear(CR0_CLOCK_COMP);
	u32 stap_ok = 0;
	for (u16 c = 0; c < n; c++)
		stap_ok += seen_stap[c] == c;
	CHECK_EQ(S, "stap", stap_ok, n);
	report((u64)n * (n - 1) / 2 * rounds);
	CHECK(S, "finished", finished);
	return tests_done();
}
