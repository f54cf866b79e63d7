/* SPDX-License-Identifier: MIT */
/* SMP bring-up of the hypervisor's own CPUs, and the secondary idle loop. */
#include "hv/smp.h"
#include "hv/arch/cpu.h"
#include "hv/arch/ipi.h"
#include "hv/arch/mmu.h"
#include "hv/arch/timer.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/page_alloc.h"
#include "hv/percpu.h"
#include "hv/vcpu.h"
#include "hv/wait.h"

#define STACK_PAGES 4             /* 16 KiB per CPU */
#define ONLINE_TIMEOUT_US 5000000 /* per CPU; TCG round-robin is slow */
#define IPI_TIMEOUT_US 2000000

void hv_secondary_main(void)
{
	struct percpu *pc = this_cpu();

	pc->online_at = arch_timer_now();
	__atomic_store_n(&pc->state, CPU_ONLINE, __ATOMIC_RELEASE);
	hv_log("cpu %u online (stack top %p)", pc->hwid, pc->stack_top);
	/* Wake the boot CPU, which idles until everyone reported in. */
	arch_ipi_send(hv_boot_info->boot_cpu);

	for (;;) {
		u32 taken = __atomic_load_n(&pc->ipi_count, __ATOMIC_ACQUIRE);
		while (pc->ipi_seen != taken) {
			pc->ipi_seen++;
			u32 from = READ_ONCE(pc->ipi_from);
			/* Publish the answer before the IPI that wakes the sender. */
			__atomic_store_n(&pc->ipi_answered, pc->ipi_seen, __ATOMIC_RELEASE);
			arch_ipi_send(from);
			hv_log("cpu %u: took IPI #%u from cpu %u, answered", pc->hwid, pc->ipi_seen,
			       from);
		}
		if (__atomic_load_n(&pc->go, __ATOMIC_ACQUIRE) && pc->nr_runq)
			sched_loop(pc); /* never returns */
		arch_cpu_idle();
	}
}

static bool start_cpu(u32 hwid)
{
	struct percpu *pc = &percpu[hwid];
	hpa_t stack;

	if (pages_alloc(STACK_PAGES, &stack) != HV_OK) {
		hv_log("cpu %u: no memory for a stack", hwid);
		return false;
	}
	pc->hwid = hwid;
	pc->stack_top = (u8 *)arch_hpa_to_ptr(stack) + STACK_PAGES * PAGE_SIZE;
	__atomic_store_n(&pc->state, CPU_STARTING, __ATOMIC_RELEASE);
	int rc = arch_cpu_start(hwid, pc->stack_top);
	if (rc != HV_OK) {
		hv_log("cpu %u: start failed (%d)", hwid, rc);
		pc->state = CPU_ABSENT;
		return false;
	}
	return true;
}

/* Boot CPU: send one IPI to `hwid` and wait for the IPI it sends back. */
static bool ipi_round_trip(u32 me, u32 hwid)
{
	struct percpu *t = &percpu[hwid];
	u32 want = READ_ONCE(t->ipi_answered) + 1;

	WRITE_ONCE(percpu[hwid].ipi_from, me);
	u64 t0 = arch_timer_now();
	if (arch_ipi_send(hwid) != HV_OK) {
		hv_log("cpu %u: IPI send failed", hwid);
		return false;
	}
	/* The target publishes its answer, then IPIs us awake. */
	if (!hv_wait_at_least(&t->ipi_answered, want, hv_us_to_ticks(IPI_TIMEOUT_US))) {
		hv_log("cpu %u: no answer to IPI within %u ms", hwid, IPI_TIMEOUT_US / 1000);
		return false;
	}
	u64 dt = arch_timer_now() - t0;
	hv_log("cpu %u answered the IPI: round trip %llu ticks (%llu us)", hwid,
	       (unsigned long long)dt, (unsigned long long)hv_ticks_to_us(dt));
	return true;
}

bool smp_bring_up(const struct boot_info *bi)
{
	u32 me = bi->boot_cpu;
	u32 started = 0, online = 1, answered = 0;

	hv_log("cpu %u online (boot cpu)", me);

	for (u32 i = 0; i < bi->nr_cpus; i++) {
		u32 id = bi->cpu_hwid[i];
		if (id != me && start_cpu(id))
			started++;
	}
	for (u32 i = 0; i < bi->nr_cpus; i++) {
		u32 id = bi->cpu_hwid[i];
		if (id == me || percpu[id].state == CPU_ABSENT)
			continue;
		if (hv_wait_at_least(&percpu[id].state, CPU_ONLINE,
		                     hv_us_to_ticks(ONLINE_TIMEOUT_US)))
			online++;
		else
			hv_log("cpu %u did not report in within %u ms", id,
			       ONLINE_TIMEOUT_US / 1000);
	}
	hv_log("smp: %u of %u cpus online", online, bi->nr_cpus);

	for (u32 i = 0; i < bi->nr_cpus; i++) {
		u32 id = bi->cpu_hwid[i];
		if (id != me && percpu[id].state == CPU_ONLINE && ipi_round_trip(me, id))
			answered++;
	}
	hv_log("smp: %u of %u secondary cpus answered an IPI", answered, bi->nr_cpus - 1);
	return online == bi->nr_cpus && answered == bi->nr_cpus - 1;
}
