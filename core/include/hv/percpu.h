/* SPDX-License-Identifier: MIT */
/* Per-CPU data, indexed by hardware CPU id (< HV_MAX_CPUS). */
#ifndef HV_PERCPU_H
#define HV_PERCPU_H

#include <arch/types.h>

#include "hv/boot_info.h"
#include "hv/config.h"
#include "hv/types.h"

struct vcpu;

enum cpu_state {
	CPU_ABSENT = 0,
	CPU_STARTING, /* released by the boot CPU, not reported in yet */
	CPU_ONLINE,   /* running hv_secondary_main() / idle loop */
};

struct percpu {
	u32 hwid;
	u32 state;         /* enum cpu_state, written with WRITE_ONCE */
	u32 ipi_count;     /* IPIs taken by this CPU (incremented in IRQ context) */
	u32 ipi_seen;      /* IPIs reported by the idle loop */
	u32 ipi_from;      /* last sender, as told by the sender before the IPI */
	u32 ipi_answered;  /* IPIs this CPU answered (written before the answer IPI) */
	u32 ticks;         /* timer interrupts taken */
	void *stack_top;   /* the stack this CPU was started on */
	u64 online_at;     /* arch_timer_now() when it reported in */
	struct vcpu *vcpu; /* the vCPU in its turn on this CPU, NULL between turns */
	u32 go;            /* set once partitions are started: run the queue */
	u32 nr_runq;       /* vCPUs bound to this CPU (core/sched.c) */
	u32 runq_next;     /* round robin: the index last picked */
	struct vcpu *runq[HV_MAX_VCPUS_PER];
	struct arch_percpu arch;
};

extern struct percpu percpu[HV_MAX_CPUS];

/* The current CPU's data. */
struct percpu *this_cpu(void);

#endif
