/* SPDX-License-Identifier: MIT */
/* The scheduler (core/sched.c) on the host with a scripted fake arch: what
 * each vCPU's arch_vcpu_run reports and how long it takes is set per test,
 * every turn is logged (which vCPU, from when to when), and the loop is
 * left by longjmp once the test has seen enough. Checked: round robin with
 * the slice, pinned vCPUs never sliced, waiting vCPUs yield and come back
 * at their deadline or on a kick, a yield hands the CPU on, and kicks for
 * vCPUs that cannot run do not keep the CPU from idling. */
#include <setjmp.h>
#include <stdlib.h>

#include "check.h"
#include "hv/arch/cpu.h"
#include "hv/arch/ipi.h"
#include "hv/arch/timer.h"
#include "hv/arch/vcpu.h"
#include "hv/percpu.h"
#include "hv/run.h"
#include "hv/vcpu.h"
#include "hv/wait.h"

/* --- the fake machine ----------------------------------------------------- */

struct percpu percpu[HV_MAX_CPUS];
static u64 now, deadline;
static unsigned idles;
static jmp_buf out;

/* per vCPU: what one arch_vcpu_run does */
struct script {
	u32 kind;    /* the exit it reports */
	u64 takes;   /* ticks it runs */
	u64 wake_in; /* VEXIT_IDLE: deadline from now (~0: none) */
	bool runnable;
	unsigned runs;
};
static struct script sc[8];

#define LOG_MAX 64
static struct {
	u32 id;
	u64 t;
} log_[LOG_MAX];
static unsigned nlog, stop_after;

u64 arch_timer_now(void)
{
	return now;
}

void arch_timer_set_deadline(u64 d)
{
	deadline = d;
}

void arch_cpu_idle(void)
{
	idles++;
	if (idles > 10000)
		longjmp(out, 2); /* idling for ever: nothing more will run */
	now = deadline > now ? deadline : now + 1;
}

int arch_ipi_send(u32 hwid)
{
	(void)hwid;
	return 0;
}

bool arch_vcpu_runnable(const struct vcpu *v)
{
	return sc[v->id].runnable;
}

void arch_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	struct script *s = &sc[v->id];

	if (nlog < LOG_MAX)
		log_[nlog] = (typeof(log_[0])){v->id, now};
	nlog++;
	s->runs++;
	now += s->takes;
	e->kind = s->kind;
	if (s->kind == VEXIT_IDLE)
		e->deadline = s->wake_in == ~0ull ? ~0ull : now + s->wake_in;
	if (nlog >= stop_after)
		longjmp(out, 1);
}

u64 hv_us_to_ticks(u64 us)
{
	return us; /* 1 tick = 1 us here */
}

void partition_stop(struct partition *p, int status, const char *why)
{
	(void)status;
	(void)why;
	p->state = PART_STOPPED;
}

void partition_reset(struct partition *p, struct vcpu *me)
{
	(void)p;
	(void)me;
}

void partition_log(const struct partition *p, const char *fmt, ...)
{
	(void)p;
	(void)fmt;
}

/* --- set-up ------------------------------------------------------------------- */

static struct hv_partition_cfg cfg;
static struct partition part;
static struct vcpu vc[8];

static void setup(u32 n, u32 sched, u32 slice_us)
{
	memset(percpu, 0, sizeof(percpu));
	memset(sc, 0, sizeof(sc));
	memset(vc, 0, sizeof(vc));
	cfg = (struct hv_partition_cfg){.sched = sched, .slice_us = slice_us};
	part = (struct partition){.cfg = &cfg, .state = PART_RUNNING, .nr_vcpus = n, .vcpus = vc};
	for (u32 i = 0; i < n; i++) {
		vc[i] = (struct vcpu){.id = i, .part = &part, .wake_at = ~0ull, .slice_end = ~0ull};
		percpu[0].runq[percpu[0].nr_runq++] = &vc[i];
		sc[i] = (struct script){.kind = VEXIT_PREEMPT, .takes = 300, .runnable = true};
	}
	now = 1000;
	deadline = ~0ull;
	idles = nlog = 0;
}

static int run_sched(unsigned runs)
{
	stop_after = runs;
	int r = setjmp(out);
	if (r == 0)
		sched_loop(&percpu[0]);
	return r;
}

/* The turns in the log: who, and how long each held the CPU (from its
 * first run to the next turn's first run). */
static unsigned turns(u32 *who, u64 *len, unsigned max)
{
	unsigned n = 0, last = nlog < LOG_MAX ? nlog : LOG_MAX;
	u64 start[32];

	for (unsigned i = 0; i < last && n < max; i++)
		if (i == 0 || log_[i].id != log_[i - 1].id) {
			who[n] = log_[i].id;
			start[n++] = log_[i].t;
		}
	for (unsigned i = 0; i + 1 < n; i++)
		len[i] = start[i + 1] - start[i];
	return n;
}

TEST(timeslice_round_robin)
{
	u32 who[32];
	u64 len[32];

	/* three spinning vCPUs on one CPU, 1000-tick slices, 300 per run */
	setup(3, SCHED_TIMESLICE, 1000);
	EXPECT_EQ(run_sched(40), 1);
	unsigned n = turns(who, len, 32);
	EXPECT_TRUE(n >= 9);
	for (unsigned i = 1; i < n; i++)
		EXPECT_EQ(who[i], (who[i - 1] + 1) % 3); /* round robin */
	EXPECT_EQ(sc[0].runs + sc[1].runs + sc[2].runs, 40);
	EXPECT_TRUE(sc[0].runs >= 12 && sc[1].runs >= 12 && sc[2].runs >= 12);
	/* a turn ends at the first exit after its slice: 4 runs of 300 =
	 * 1200 ticks, never more than the slice plus one run */
	for (unsigned i = 0; i + 1 < n; i++)
		EXPECT_TRUE(len[i] > 1000 && len[i] <= 1300);
}

TEST(pinned_never_sliced)
{
	/* one pinned vCPU: run after run, no idling, no slice */
	setup(1, SCHED_PINNED, 0);
	EXPECT_EQ(run_sched(20), 1);
	EXPECT_EQ(sc[0].runs, 20);
	EXPECT_EQ(idles, 0);
	EXPECT_EQ(vc[0].slice_end, ~0ull);
	/* a time-sliced partition with one vCPU on the CPU is not sliced either */
	setup(1, SCHED_TIMESLICE, 1000);
	EXPECT_EQ(run_sched(5), 1);
	EXPECT_EQ(vc[0].slices, 1);
}

TEST(idle_yields_and_wakes)
{
	/* vCPU 0 waits (deadline 5000 ticks away); vCPU 1 spins: 1 gets the
	 * CPU at once, and 0 is back within a slice of its deadline */
	setup(2, SCHED_TIMESLICE, 1000);
	sc[0].kind = VEXIT_IDLE;
	sc[0].takes = 10;
	sc[0].wake_in = 5000;
	EXPECT_EQ(run_sched(30), 1);
	/* vCPU 0's first run (round robin starts after index 0, so vCPU 1
	 * has a turn first), then vCPU 1 at once, then 0 again */
	unsigned i0 = 0, k;
	while (i0 < nlog && log_[i0].id != 0)
		i0++;
	EXPECT_TRUE(i0 + 1 < nlog && log_[i0 + 1].id == 1);
	EXPECT_EQ(log_[i0 + 1].t, log_[i0].t + 10); /* no idling in between */
	u64 wake = log_[i0].t + 10 + 5000;
	for (k = i0 + 1; k < LOG_MAX && k < nlog && log_[k].id != 0; k++)
		;
	EXPECT_TRUE(k < nlog);
	EXPECT_TRUE(log_[k].t >= wake && log_[k].t <= wake + 1000 + 300);
	/* both waiting without a deadline: the CPU idles, nothing runs */
	setup(2, SCHED_TIMESLICE, 1000);
	sc[0].kind = sc[1].kind = VEXIT_IDLE;
	sc[0].wake_in = sc[1].wake_in = ~0ull;
	EXPECT_EQ(run_sched(1000), 2);
	EXPECT_EQ(sc[0].runs + sc[1].runs, 2);
}

TEST(kick_wakes_waiting_vcpu)
{
	/* a kick makes a waiting vCPU ready even before its deadline */
	setup(2, SCHED_TIMESLICE, 1000);
	sc[0].kind = VEXIT_IDLE;
	sc[0].wake_in = ~0ull;
	sc[1].kind = VEXIT_IDLE;
	sc[1].wake_in = ~0ull;
	EXPECT_EQ(run_sched(1000), 2); /* both asleep, CPU idle */
	vc[1].kick = 1;
	sc[1].kind = VEXIT_PREEMPT;
	idles = 0;
	EXPECT_EQ(run_sched(nlog + 3), 1);
	EXPECT_EQ(log_[2].id, 1);
}

TEST(yield_hands_on)
{
	/* both yield at every exit: with a 100,000-tick slice, each run
	 * hands the CPU to the other */
	setup(2, SCHED_TIMESLICE, 100000);
	sc[0].kind = sc[1].kind = VEXIT_YIELD;
	EXPECT_EQ(run_sched(6), 1);
	for (unsigned i = 1; i < 6; i++)
		EXPECT_TRUE(log_[i].id != log_[i - 1].id);
	/* a pinned vCPU that yields just runs again */
	setup(1, SCHED_PINNED, 0);
	sc[0].kind = VEXIT_YIELD;
	EXPECT_EQ(run_sched(3), 1);
	EXPECT_EQ(idles, 0);
}

TEST(kicks_for_vcpus_that_cannot_run)
{
	/* a stopped partition's vCPU kicked (partition_stop kicks them all):
	 * the CPU must go idle, not spin on the kick */
	setup(2, SCHED_TIMESLICE, 1000);
	part.state = PART_STOPPED;
	vc[0].kick = vc[1].kick = 1;
	EXPECT_EQ(run_sched(1), 2); /* idles for ever, runs nothing */
	EXPECT_EQ(nlog, 0);
	EXPECT_EQ(vc[0].kick + vc[1].kick, 0);
	/* a parked secondary kicked (an IPI SET before it was started): the
	 * kick is consumed; started and kicked later, it runs */
	setup(2, SCHED_TIMESLICE, 1000);
	sc[0].kind = VEXIT_IDLE;
	sc[0].wake_in = ~0ull;
	sc[1].runnable = false;
	vc[1].kick = 1;
	EXPECT_EQ(run_sched(1000), 2);
	EXPECT_EQ(sc[1].runs, 0);
	sc[1].runnable = true;
	vc[1].kick = 1;
	idles = 0;
	EXPECT_EQ(run_sched(nlog + 1), 1);
	EXPECT_EQ(sc[1].runs, 1);
}

int main(void)
{
	RUN(timeslice_round_robin);
	RUN(pinned_never_sliced);
	RUN(idle_yields_and_wakes);
	RUN(kick_wakes_waiting_vcpu);
	RUN(yield_hands_on);
	RUN(kicks_for_vcpus_that_cannot_run);
	return CHECK_DONE();
}
