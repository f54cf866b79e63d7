/* SPDX-License-Identifier: MIT */
/* Running partitions: what a backend (SIE, trap-and-emulate, VZ) reports
 * back to core, and the core services a backend may call.
 *
 * One exit path: the arch's entry code leaves guest mode, the arch decoder
 * turns the hardware state into an intercept reason and dispatches it to its
 * emulation layer; whatever the emulation cannot finish inside the arch
 * (the guest waits, stops, ends, resets, or must be punished) comes back to
 * core as one struct vcpu_exit from arch_vcpu_run(). */
#ifndef HV_VCPU_H
#define HV_VCPU_H

#include "hv/partition.h"
#include "hv/types.h"

enum vcpu_exit_kind {
	VEXIT_PREEMPT = 0, /* a host interrupt or kick: just run again */
	VEXIT_YIELD,       /* the guest gives up the rest of its turn (s390x DIAG
	                      0x44/0x9c): the next ready vCPU of its CPU runs */
	VEXIT_IDLE,        /* the guest waits for an interrupt: idle until a kick
	                      or `deadline` (host time base; ~0 = none) */
	VEXIT_STOPPED,     /* this vCPU entered the stopped state */
	VEXIT_DONE,        /* the guest ended its partition (status, why) */
	VEXIT_RESET,       /* the guest asked for a reset / re-IPL of its partition */
	VEXIT_FAULT,       /* the guest did what has no architected answer: apply
	                      the partition's fault policy (why) */
};

struct vcpu_exit {
	u32 kind;
	int status;
	u64 deadline;
	char why[96];
};

/* Where a partition's boot vCPU starts: filled by the ELF loader. */
struct vcpu_boot {
	gva_t entry;
	const char *cmdline;
};

/* --- core services for the arch backends --------------------------------- */

/* Make v's physical CPU notice new work for v (an interrupt to inject, a
 * state change): leave guest mode or wake from idle. Any CPU, any context. */
void vcpu_kick(struct vcpu *v);

/* Guest console output of partition p: bytes are line-buffered and printed
 * as "[pN] line". Any vCPU of p. */
void partition_console_write(struct partition *p, const char *buf, size_t len);

/* A host pointer to guest-physical [g, g+len) of p if the whole range lies
 * inside one slot (and that slot is writable when `write`); NULL otherwise.
 * The only way a backend may touch guest memory. */
void *partition_gpa_ptr(struct partition *p, gpa_t g, u64 len, bool write);

/* "[hv] pN <message>" on the console. */
void partition_log(const struct partition *p, const char *fmt, ...) __printf(2, 3);

/* Total guest RAM of p (the sum of its slots) and the highest GPA + 1. */
u64 partition_mem_size(const struct partition *p);
u64 partition_mem_end(const struct partition *p);

/* The vCPU of partition p with index id, or NULL. */
struct vcpu *partition_vcpu(struct partition *p, u32 id);

/* --- the scheduler (core/sched.c) ------------------------------------------ */

struct percpu;
/* Called on each CPU that has vCPUs once partitions are started: runs
 * them by their partitions' policies. Never returns. */
__noreturn void sched_loop(struct percpu *pc);

/* Load images and start every partition that has one (core/run.c). Returns
 * the number of partitions started. Boot CPU, after SMP bring-up. */
u32 partitions_start(void);
/* The run's status so far: non-zero once a partition failed to start or
 * ended with a non-zero status. */
int partitions_run_status(void);

#endif
