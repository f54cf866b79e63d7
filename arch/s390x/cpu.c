/* SPDX-License-Identifier: MIT */
/* The current CPU, its interruption mask, and idling. The hypervisor runs
 * with I/O and external interruptions disabled; it enables them only inside
 * an enabled wait. */
#include <arch/insn.h>

#include "hv/arch/cpu.h"

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
	enabled_wait();
}
