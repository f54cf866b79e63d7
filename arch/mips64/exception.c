/* SPDX-License-Identifier: MIT */
/* Where every vector ends up (after vectors.S saved the frame): interrupts
 * are handled and returned from, anything else is a hypervisor crash. */
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "hv/percpu.h"

static bool in_idle_window(u64 epc)
{
	return epc >= (u64)(uintptr_t)mips_idle_window && epc <= (u64)(uintptr_t)mips_idle_wait;
}

void mips_irq_handle(u32 pending)
{
	this_cpu()->arch.irqs++;
	if (pending & CAUSE_IP7)
		mips_timer_irq();
	if (pending & CAUSE_IP6)
		mips_ipi_irq();
}

static void interrupt(struct mips_frame *f)
{
	mips_irq_handle((u32)f->cause & (u32)f->status & CAUSE_IP_MASK);
	/* Taken between enabling IE and `wait`, or reported at the `wait`
	 * itself: returning there would sleep through this very wakeup. */
	if (in_idle_window(f->epc))
		f->epc = (u64)(uintptr_t)mips_idle_resume;
}

void mips_exception(struct mips_frame *f)
{
	u32 code = ((u32)f->cause >> CAUSE_EXC_SHIFT) & CAUSE_EXC_MASK;

	if ((f->vector & 0xff) == VEC_GENERAL && code == EXC_INT && f->level == 1) {
		interrupt(f);
		return;
	}
	mips_crash(f);
}
