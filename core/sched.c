/* SPDX-License-Identifier: MIT */
/* The scheduler: one loop per physical CPU over the vCPUs bound to it
 * (percpu.runq, built by partitions_create from each partition's policy).
 *
 * Pinned partitions give each CPU one vCPU: the loop runs it and nothing
 * else. A time-sliced partition puts several vCPUs on a CPU; they take
 * turns round robin, each for at most its slice: the backend is told when
 * the slice ends (vcpu.slice_end) and arms the hypervisor's timer so that
 * even a vCPU spinning with interrupts off comes back by then. A vCPU that
 * waits (MIPS WAIT, an s390x enabled wait) gives its CPU up at once and
 * runs again when kicked (an interrupt for it) or when its own timer is
 * due. A CPU with nothing to run idles until a kick or the earliest timer.
 *
 * Everything here is per CPU: a vCPU's scheduling fields are touched only
 * by the CPU it is bound to; other CPUs reach it through vcpu_kick(). */
#include "hv/arch/cpu.h"
#include "hv/arch/ipi.h"
#include "hv/arch/timer.h"
#include "hv/arch/vcpu.h"
#include "hv/console.h"
#include "hv/percpu.h"
#include "hv/run.h"
#include "hv/vcpu.h"
#include "hv/wait.h"

static void all_stopped_check(struct partition *p)
{
	for (u32 i = 0; i < p->nr_vcpus; i++)
		if (arch_vcpu_runnable(&p->vcpus[i]))
			return;
	partition_stop(p, 0, "every cpu stopped");
}

/* Whether v can run now; *wake: the earliest time an idle one is due. A
 * vCPU of a partition being reset acknowledges the reset here (it is not
 * running: this CPU is in this loop) and waits for its end.
 *
 * The kick is consumed first, whatever follows: a kick for a vCPU that
 * cannot run (its partition stopped, a secondary not started) must not
 * keep idle_cpu() from sleeping. Taking it before looking at the vCPU's
 * state loses nothing: whoever makes a vCPU runnable does so before
 * kicking it, so a kick consumed here comes with the state that made it. */
static bool ready(struct vcpu *v, u64 now, u64 *wake)
{
	struct partition *p = v->part;
	u32 kicked = __atomic_exchange_n(&v->kick, 0, __ATOMIC_ACQ_REL);

	if (p->state != PART_RUNNING)
		return false; /* parked for good */
	if (__atomic_load_n(&p->resetting, __ATOMIC_ACQUIRE)) {
		u32 gen = __atomic_load_n(&p->reset_gen, __ATOMIC_ACQUIRE);
		if (v->reset_gen != gen) {
			__atomic_store_n(&v->reset_gen, gen, __ATOMIC_RELEASE);
			arch_ipi_send(p->reset_by);
		}
		return false;
	}
	if (!arch_vcpu_runnable(v))
		return false; /* stopped, or a secondary not started yet */
	if (v->idle && !kicked && now < v->wake_at) {
		if (v->wake_at < *wake)
			*wake = v->wake_at;
		return false;
	}
	v->idle = 0; /* ready until it runs, picked now or on a later pass */
	return true;
}

static bool any_kick(const struct percpu *pc)
{
	for (u32 i = 0; i < pc->nr_runq; i++)
		if (__atomic_load_n(&pc->runq[i]->kick, __ATOMIC_ACQUIRE))
			return true;
	return false;
}

/* Nothing to run: until a kick for one of this CPU's vCPUs or `wake`. */
static void idle_cpu(struct percpu *pc, u64 wake)
{
	while (!any_kick(pc)) {
		if (wake != ~0ull) {
			if (arch_timer_now() >= wake)
				return;
			arch_timer_set_deadline(wake);
		}
		arch_cpu_idle();
	}
}

/* What an exit asks of core. Returns true if v may go on running. */
static bool handle_exit(struct vcpu *v, const struct vcpu_exit *e)
{
	struct partition *p = v->part;

	switch (e->kind) {
	case VEXIT_PREEMPT:
		return true;
	case VEXIT_YIELD:
		return false; /* still ready: round robin comes back to it */
	case VEXIT_IDLE:
		v->idle = 1;
		v->wake_at = e->deadline;
		return false;
	case VEXIT_STOPPED:
		all_stopped_check(p);
		return false;
	case VEXIT_DONE:
		partition_stop(p, e->status, e->why[0] ? e->why : "guest ended");
		return false;
	case VEXIT_RESET:
		partition_reset(p, v);
		return false;
	case VEXIT_FAULT:
	default:
		partition_log(p, "fault on vcpu %u: %s", v->id, e->why);
		if (p->cfg->fault_policy == FAULT_RESET)
			partition_reset(p, v);
		else
			partition_stop(p, 1,
			               p->cfg->fault_policy == FAULT_HALT ? "fault policy: halt"
			                                                  : "fault policy: park");
		return false;
	}
}

/* One turn of v: until its slice ends, it waits, or it leaves. */
static void run_turn(struct percpu *pc, struct vcpu *v)
{
	const struct hv_partition_cfg *cfg = v->part->cfg;
	bool sliced = cfg->sched == SCHED_TIMESLICE && pc->nr_runq > 1;
	u64 slice = hv_us_to_ticks(cfg->slice_us ? cfg->slice_us : HV_SLICE_US_DEFAULT);
	struct vcpu_exit e;

	pc->vcpu = v;
	v->slices++;
	v->slice_end = sliced ? arch_timer_now() + slice : ~0ull;
	for (;;) {
		__atomic_store_n(&v->kick, 0, __ATOMIC_RELEASE);
		if (v->part->state != PART_RUNNING ||
		    __atomic_load_n(&v->part->resetting, __ATOMIC_ACQUIRE) ||
		    !arch_vcpu_runnable(v))
			break;
		e.kind = VEXIT_PREEMPT;
		e.status = 0;
		e.deadline = ~0ull;
		e.why[0] = 0;
		arch_vcpu_run(v, &e);
		if (!handle_exit(v, &e))
			break;
		if (arch_timer_now() >= v->slice_end)
			break; /* its turn is over */
	}
	v->slice_end = ~0ull;
	pc->vcpu = NULL;
}

void sched_loop(struct percpu *pc)
{
	for (;;) {
		u64 now = arch_timer_now(), wake = ~0ull;
		struct vcpu *v = NULL;
		u32 n = pc->nr_runq;

		/* round robin from the one after the last picked; every vCPU is
		 * looked at, so resets are acknowledged by all */
		for (u32 k = 1; k <= n; k++) {
			u32 i = (pc->runq_next + k) % n;
			if (ready(pc->runq[i], now, &wake) && !v) {
				v = pc->runq[i];
				pc->runq_next = i;
			}
		}
		if (v)
			run_turn(pc, v);
		else
			idle_cpu(pc, wake);
	}
}
