/* SPDX-License-Identifier: MIT */
/* Starvation under time slicing. CPU 0 starts CPUs 1..n-1 (cpus=N, 2..16)
 * with SIGP; CPU spin=K (default 1) spins for ever with interruptions off
 * and never leaves the guest; every other CPU, CPU 0 included, is a worker
 * that computes for turns=T slices' worth of its own time (slice_us=S,
 * default 5000) and reads the TOD clock as it goes: a jump of more than
 * GAP_US between two reads is time it did not have the CPU (a wait). Each
 * run of reads without such a jump (a stint) goes into a log, the
 * spinner's too.
 *
 * As a partition with --sched timeslice --slice S on pcpus=P physical CPUs
 * (vCPU k on CPU k mod P, as Tern places them), a worker shares its CPU
 * with the other vCPUs of its residue class, the spinner among them:
 *   progress_K  it finished, and gave the CPU up at least once when it
 *               shares it (the slicing is real);
 *   latency_K   while it waited, the others of its CPU ran for at most
 *               (sharers - 1) slices and a quarter (their stints in the log,
 *               by the TOD clock): each had one slice at most;
 *   wait_K      its longest wait by the TOD clock is at most (sharers - 1)
 *               slices, plus one slice, plus slack_ms=M (default 500) for
 *               the emulator's own pauses: on a busy host an emulated CPU
 *               stops now and then (Hercules without Tern, a CPU per
 *               worker, shows 25-100 ms under load), which latency_K does
 *               not count since nothing of the guest runs then;
 *   round_robin between two turns of a worker no other vCPU had two;
 *   yield       afterwards, with a partner that counts and yields on CPU 0's
 *               physical CPU, 90 of 100 DIAG 0x44 of CPU 0 let it run
 *               (skipped when no vCPU shares CPU 0's physical CPU).
 * The spinner must have run meanwhile too; then CPU 0 stops it with SIGP
 * STOP (it never enables) and the partition ends when its workers are
 * done. Only CPU 0 prints, after the others are done. Natively (pcpus=cpus,
 * a CPU each) nothing is shared and the checks hold trivially. */
#include <tern/test.h>

#define S "starve"
#define MAXC SDK_MAX_CPUS
#define GAP_US 200
#define LOG_MAX 1024

struct stint {
	u16 cpu;
	u64 start, end;
};

static u32 n, pcpus, spin_cpu, turns;
static u64 slice_tod, slack_tod, deadline_tod;
static volatile u32 done[MAXC], waits[MAXC];
static volatile u64 worked[MAXC], elapsed[MAXC], longest_wait[MAXC];
static volatile u64 cpu_time[MAXC]; /* what the CPU timer counted during work() */
static volatile u64 spins, spin_open_start, spin_open_last; /* its stint so far */
static volatile u32 watch;                                  /* the spinner logs its stints */
static struct stint stints[LOG_MAX], merged[LOG_MAX];
static u32 nr_stints;

static void log_stint(u16 cpu, u64 start, u64 end)
{
	u32 i = __atomic_fetch_add(&nr_stints, 1, __ATOMIC_RELAXED);

	if (i < LOG_MAX) {
		stints[i].cpu = cpu;
		stints[i].start = start;
		stints[i].end = end;
	}
}

static void spinner(void *arg)
{
	u16 me = (u16)(unsigned long)arg;
	u64 last = stck(), start = last;

	spin_open_start = start;
	irq_disable();
	for (;;) {
		unsigned long k = 1000;
		__asm__ volatile("0: brctg %0,0b" : "+d"(k) : : "cc");
		spins = spins + 1;
		u64 t = stck();
		if (t - last > GAP_US * TOD_PER_US) {
			if (watch)
				log_stint(me, start, last);
			start = t;
			spin_open_start = t;
		}
		last = t;
		spin_open_last = t;
	}
}

static bool same_cpu(u16 a, u16 b)
{
	return a % pcpus == b % pcpus;
}

static u32 sharers(u16 c)
{
	u32 s = 0;

	for (u16 k = 0; k < n; k++)
		s += same_cpu(k, c);
	return s;
}

static void work(u16 me)
{
	u64 need = turns * slice_tod, run = 0, longest = 0;
	s64 cpu0 = get_cpu_timer();
	u64 start = stck(), last = start, stint = start;
	u32 w = 0;

	while (run < need && last - start < deadline_tod) {
		u64 t = stck(), d = t - last;
		if (d > GAP_US * TOD_PER_US) {
			log_stint(me, stint, last);
			stint = t;
			w++;
			if (d > longest)
				longest = d;
		} else {
			run += d;
		}
		last = t;
	}
	log_stint(me, stint, last);
	cpu_time[me] = (u64)(cpu0 - get_cpu_timer());
	worked[me] = run;
	elapsed[me] = last - start;
	waits[me] = w;
	longest_wait[me] = longest;
	barrier();
	done[me] = run >= need;
}

static void worker(void *arg)
{
	u16 me = (u16)(unsigned long)arg;

	work(me);
	sigp_retry(0, SIGP_EMERGENCY_SIGNAL, 0, NULL); /* CPU 0 waits for it */
}

static bool workers_done(void)
{
	for (u16 c = 0; c < n; c++)
		if (c != spin_cpu && !done[c])
			return false;
	return true;
}

/* The log from `from` on (when every vCPU logs: CPU 0 does not while it
 * starts the others), by start time. Returns the number of stints. */
static u32 sort_log(u64 from)
{
	u32 m = 0;

	for (u32 i = 0; i < nr_stints && i < LOG_MAX; i++)
		if (stints[i].end >= from)
			stints[m++] = stints[i];
	for (u32 i = 1; i < m; i++) {
		struct stint s = stints[i];
		u32 j = i;
		for (; j > 0 && stints[j - 1].start > s.start; j--)
			stints[j] = stints[j - 1];
		stints[j] = s;
	}
	return m;
}

/* Turns: runs of one vCPU's stints with no other vCPU of its CPU between
 * them (a stint also ends at the emulator's own pauses). */
static u32 merge_turns(u32 m, u16 pc)
{
	u32 out = 0;

	for (u32 i = 0; i < m; i++) {
		if (!same_cpu(stints[i].cpu, pc))
			continue;
		if (out && merged[out - 1].cpu == stints[i].cpu)
			merged[out - 1].end = stints[i].end;
		else
			merged[out++] = stints[i];
	}
	return out;
}

/* The longest time the other vCPUs of w's CPU ran while w waited. */
static u64 busy_while_waiting(u32 m, u16 w, u32 *worst_from, u32 *worst_to)
{
	u64 worst = 0;
	u32 prev = m;

	for (u32 i = 0; i < m; i++) {
		if (stints[i].cpu != w)
			continue;
		if (prev < m) {
			u64 from = stints[prev].end, to = stints[i].start, busy = 0;
			for (u32 k = prev + 1; k < i; k++)
				if (stints[k].cpu != w && same_cpu(stints[k].cpu, w)) {
					u64 a = stints[k].start > from ? stints[k].start : from;
					u64 b = stints[k].end < to ? stints[k].end : to;
					busy += b > a ? b - a : 0;
				}
			if (busy > worst) {
				worst = busy;
				*worst_from = prev;
				*worst_to = i;
			}
		}
		prev = i;
	}
	return worst;
}

/* Between two turns of each worker of physical CPU pc, no other vCPU had
 * two. Returns the number of violations. */
static u32 round_robin_violations(u32 t, u16 pc, u64 t0)
{
	u32 bad = 0;

	for (u16 w = 0; w < n; w++) {
		if (w == spin_cpu || !same_cpu(w, pc))
			continue;
		u32 seen[MAXC] = {0};
		bool open = false;
		for (u32 i = 0; i < t; i++) {
			u16 c = merged[i].cpu;
			if (c != w) {
				seen[c]++;
				continue;
			}
			for (u16 o = 0; open && o < n; o++)
				if (seen[o] > 1 && bad++ < 4)
					test_detail("cpu %u had %u turns between two of cpu %u (at "
					            "%llu us)",
					            o, seen[o], w,
					            (unsigned long long)((merged[i].start - t0) /
					                                 TOD_PER_US));
			memset(seen, 0, sizeof(seen));
			open = true;
		}
	}
	return bad;
}

static inline void diag44(void)
{
	__asm__ volatile("diag 0,0,0x44" : : : "memory");
}

/* A partner that counts and yields, with interruptions off, until stopped. */
static volatile u64 partner_rounds;
static void yielder(void *arg)
{
	(void)arg;
	irq_disable();
	for (;;) {
		partner_rounds = partner_rounds + 1;
		diag44();
	}
}

/* DIAG 0x44, the voluntary end of a time slice: with a partner on the same
 * physical CPU, each of YIELDS yields of CPU 0 lets the partner run (its
 * count moves); without one (natively, a CPU each) there is nothing to
 * check. All the other CPUs are stopped by now. */
#define YIELDS 100u
static void check_yield(void)
{
	u16 partner = 0;

	for (u16 c = 1; c < n && !partner; c++)
		if (same_cpu(c, 0))
			partner = c;
	if (!partner) {
		test_skip(S, "yield", "no other vCPU on CPU 0's physical CPU");
		return;
	}
	int rc = cpu_start(partner, yielder, NULL);
	if (rc) {
		test_detail("cpu_start(%u) = %d", partner, rc);
		test_report(S, "yield", TEST_FAIL);
		return;
	}
	u32 handed = 0;
	u64 t0 = stck();
	for (u32 i = 0; i < YIELDS; i++) {
		u64 before = partner_rounds;
		diag44();
		handed += partner_rounds != before;
	}
	u64 us = (stck() - t0) / TOD_PER_US;
	cpu_stop(partner);
	printf("starve: %u of %u DIAG 0x44 on cpu 0 let cpu %u run (%llu us)\n", handed, YIELDS,
	       partner, (unsigned long long)us);
	CHECK(S, "yield", handed >= YIELDS * 9 / 10);
}

int main(void)
{
	u64 want = cmdline_u64("cpus", 1);
	char name[24];

	pcpus = (u32)cmdline_u64("pcpus", want);
	spin_cpu = (u32)cmdline_u64("spin", 1);
	turns = (u32)cmdline_u64("turns", 5);
	slice_tod = cmdline_u64("slice_us", 5000) * TOD_PER_US;
	slack_tod = cmdline_u64("slack_ms", 500) * TOD_PER_MS;
	deadline_tod = cmdline_u64("timeout_ms", 20000) * TOD_PER_MS;
	if (want < 2 || want > MAXC || sclp_cpu_count() < want || !pcpus || spin_cpu == 0 ||
	    spin_cpu >= want || !turns) {
		test_detail("cpus=%llu (2..%u; the SCLP reports %u) pcpus=%u spin=%u turns=%u",
		            (unsigned long long)want, MAXC, sclp_cpu_count(), pcpus, spin_cpu,
		            turns);
		test_report(S, "cpus", TEST_FAIL);
		return tests_done();
	}
	n = (u32)want;
	test_report(S, "cpus", TEST_PASS);

	watch = 1;
	bool all = true;
	for (u16 c = 1; c < n; c++) {
		int rc = cpu_start(c, c == spin_cpu ? spinner : worker, (void *)(unsigned long)c);
		if (rc)
			test_detail("cpu_start(%u) = %d", c, rc);
		snprintf(name, sizeof(name), "start_%u", c);
		all &= CHECK_EQ(S, name, rc, 0);
	}
	if (!all)
		return tests_done();
	u64 spins_before = spins, all_started = stck();

	work(0);

	/* The others signal when done; the clock comparator bounds the wait. */
	u64 end = stck() + deadline_tod;
	ctl0_or(CR0_EMERGENCY_SIG | CR0_CLOCK_COMP);
	while (!workers_done() && stck() < end) {
		set_clock_comparator(end);
		wait_for_ext();
	}
	set_clock_comparator(~0ull);
	ctl0_clear(CR0_EMERGENCY_SIG | CR0_CLOCK_COMP);
	u64 spins_after = spins;
	/* Stop the spinner (it never enables) and log the stint it was in. */
	CHECK_EQ(S, "spinner_stopped", cpu_stop((u16)spin_cpu), 0);
	watch = 0;
	log_stint((u16)spin_cpu, spin_open_start, spin_open_last);
	u32 logged = nr_stints, m = sort_log(all_started);

	for (u16 c = 0; c < n; c++) {
		if (c == spin_cpu)
			continue;
		u32 share = sharers(c);
		u32 wf = 0, wt = 0;
		u64 busy = busy_while_waiting(m, c, &wf, &wt),
		    busy_bound = (share - 1) * slice_tod * 5 / 4;
		u64 wait_bound = share * slice_tod + slack_tod;
		printf("starve: cpu %u (%u on its cpu): %llu ms of work in %llu ms, %u waits\n", c,
		       share, (unsigned long long)(worked[c] / TOD_PER_MS),
		       (unsigned long long)(elapsed[c] / TOD_PER_MS), waits[c]);
		printf("starve: cpu %u: longest wait %llu us (bound %llu), the others ran %llu us "
		       "in one (bound %llu)\n",
		       c, (unsigned long long)(longest_wait[c] / TOD_PER_US),
		       (unsigned long long)(wait_bound / TOD_PER_US),
		       (unsigned long long)(busy / TOD_PER_US),
		       (unsigned long long)(busy_bound / TOD_PER_US));
		snprintf(name, sizeof(name), "progress_%u", c);
		CHECK(S, name, done[c] && (share == 1 || waits[c] > 0));
		if (busy > busy_bound)
			for (u32 i = wf; i <= wt; i++)
				test_detail(
				    "cpu %u ran %llu-%llu us", stints[i].cpu,
				    (unsigned long long)((stints[i].start - stints[0].start) /
				                         TOD_PER_US),
				    (unsigned long long)((stints[i].end - stints[0].start) /
				                         TOD_PER_US));
		snprintf(name, sizeof(name), "latency_%u", c);
		CHECK(S, name, busy <= busy_bound);
		snprintf(name, sizeof(name), "wait_%u", c);
		CHECK(S, name, longest_wait[c] <= wait_bound);
		/* sharing a CPU: its CPU timer counts its own turns, not the
		 * others' (less than half of the time it spent waiting) */
		if (share > 1) {
			u64 waited = elapsed[c] - worked[c];
			printf("starve: cpu %u: CPU timer %llu us for %llu us of work and %llu us "
			       "waiting\n",
			       c, (unsigned long long)(cpu_time[c] / TOD_PER_US),
			       (unsigned long long)(worked[c] / TOD_PER_US),
			       (unsigned long long)(waited / TOD_PER_US));
			snprintf(name, sizeof(name), "cpu_timer_%u", c);
			CHECK(S, name, cpu_time[c] <= worked[c] + waited / 2);
		}
	}

	u32 bad = 0;
	for (u16 pc = 0; pc < pcpus && pc < n; pc++) {
		u32 t = merge_turns(m, pc);
		char seq[3 * 40 + 1];
		u32 len = 0;
		for (u32 i = 0; i < t && i < 40; i++)
			len += (u32)snprintf(seq + len, sizeof(seq) - len, " %u", merged[i].cpu);
		printf("starve: turns on physical cpu %u:%s%s\n", pc, seq, t > 40 ? " ..." : "");
		bad += round_robin_violations(t, pc, m ? stints[0].start : 0);
	}
	printf("starve: %u stints logged; the spinner (cpu %u) made %llu rounds\n", logged,
	       spin_cpu, (unsigned long long)(spins_after - spins_before));
	CHECK(S, "log", logged <= LOG_MAX);
	CHECK_EQ(S, "round_robin", bad, 0);
	CHECK(S, "spinner_ran", spins_after != spins_before);
	check_yield();
	return tests_done();
}
