/* SPDX-License-Identifier: MIT */
/* The current CPU, its interruption mask, and idling. The hypervisor runs
 * with I/O and external interruptions disabled; it enables them only inside
 * an enabled wait. */
#include <arch/insn.h>

#include "hv/arch/cpu.h"
#include "hv/percpu.h"

u32 arch_cpu_id(void)
{
	return stap();
}

unsigned long arch_irq_save(void)
{
	return stnsm_disable();
}

void arch_irq_restore(unsigned long flags)
{
	ssm((u8)flags);
}

void arch_cpu_idle(void)
{
	struct arch_percpu *a = &percpu[stap() % HV_MAX_CPUS].arch;

	WRITE_ONCE(a->idle, 1);
	enabled_wait();
	WRITE_ONCE(a->idle, 0);
}
