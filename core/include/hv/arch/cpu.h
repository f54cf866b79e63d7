/* SPDX-License-Identifier: MIT */
/* Arch hooks: the current CPU, interrupts, idling, starting other CPUs.
 * Every arch (mips64, s390x, host) implements all of these. */
#ifndef HV_ARCH_CPU_H
#define HV_ARCH_CPU_H

#include "hv/types.h"

/* Hardware id of the calling CPU (EBase.CPUNum on MIPS, STAP on s390x).
 * Always < HV_MAX_CPUS once the arch has accepted the CPU. Any context. */
u32 arch_cpu_id(void);

/* Disable interrupts on this CPU; returns a token for arch_irq_restore(). */
unsigned long arch_irq_save(void);
/* Restore the interrupt state saved by arch_irq_save(). */
void arch_irq_restore(unsigned long flags);

/* Called with interrupts disabled (after the caller checked that it has
 * nothing to do). Enables interrupts and stops the CPU until an interrupt
 * arrives, with no window in which a wakeup is lost (MIPS: `wait` with IE set,
 * EPC stepped past it; s390x: enabled-wait PSW). Returns with interrupts
 * disabled again, after the interrupt handler ran. Never spins. */
void arch_cpu_idle(void);

/* Release CPU hwid from the firmware's parking place so that it runs
 * hv_secondary_main() on the given stack with interrupts disabled.
 * Boot CPU only, once per CPU. Returns HV_OK or a negative HV_E_* code. */
int arch_cpu_start(u32 hwid, void *stack_top);

#endif
