/* SPDX-License-Identifier: MIT */
/* The per-CPU run loop: one vCPU per physical CPU, statically bound. */
#include "hv/arch/vcpu.h"
#include "hv/arch/cpu.h"
#include "hv/arch/ipi.h"
#include "hv/arch/timer.h"
#include "hv/console.h"
#include "hv/run.h"
#include "hv/vcpu.h"

/* Idle until v is kicked or the deadline passes. */
static void idle_until(struct vcpu *v, u64 deadline)
{
	while (!__atomic_load_n(&v->kick, __ATOMIC_ACQUIRE)) {
		if (deadline != ~0ull) {
			if (arch_timer_now() >= deadline)
				return;
			arch_timer_set_deadline(deadline);
		}
		arch_cpu_idle();
	}
}

static void all_stopped_check(struct partition *p)
{
	for (u32 i = 0; i < p->nr_vcpus; i++)
		if (arch_vcpu_runnable(&p->vcpus[i]))
			return;
	partition_stop(p, 0, "every cpu stopped");
}

void vcpu_loop(struct vcpu *v)
{
	struct partition *p = v->part;
	struct vcpu_exit e;

	for (;;) {
		__atomic_store_n(&v->kick, 0, __ATOMIC_RELEASE);
		if (p->state != PART_RUNNING) {
			idle_until(v, ~0ull); /* parked for good */
			continue;
		}
		if (__atomic_load_n(&p->resetting, __ATOMIC_ACQUIRE)) {
			/* Another vCPU resets the partition: acknowledge, wake it,
			 * and wait until the loader has put us into reset state. */
			u32 gen = __atomic_load_n(&p->reset_gen, __ATOMIC_ACQUIRE);
			if (v->reset_gen != gen) {
				__atomic_store_n(&v->reset_gen, gen, __ATOMIC_RELEASE);
				arch_ipi_send(p->reset_by);
			}
			idle_until(v, ~0ull);
			continue;
		}
		if (!arch_vcpu_runnable(v)) {
			idle_until(v, ~0ull);
			continue;
		}
		e.kind = VEXIT_PREEMPT;
		e.status = 0;
		e.deadline = ~0ull;
		e.why[0] = 0;
		arch_vcpu_run(v, &e);
		switch (e.kind) {
		case VEXIT_PREEMPT:
			break;
		case VEXIT_IDLE:
			idle_until(v, e.deadline);
			break;
		case VEXIT_STOPPED:
			all_stopped_check(p);
			break;
		case VEXIT_DONE:
			partition_stop(p, e.status, e.why[0] ? e.why : "guest ended");
			break;
		case VEXIT_RESET:
			partition_reset(p, v);
			break;
		case VEXIT_FAULT:
		default:
			partition_log(p, "fault on vcpu %u: %s", v->id, e.why);
			if (p->cfg->fault_policy == FAULT_RESET)
				partition_reset(p, v);
			else
				partition_stop(p, 1,
				               p->cfg->fault_policy == FAULT_HALT
				                   ? "fault policy: halt"
				                   : "fault policy: park");
			break;
		}
	}
}
