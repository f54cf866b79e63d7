/* SPDX-License-Identifier: MIT */
/* External interruptions: the only interruptions Tern expects, each taken
 * in an enabled wait (arch_cpu_idle, or the SCLP's wait for its answer) or
 * while a guest runs under SIE (sie_entry.S). */
#include <arch/insn.h>
#include <arch/lowcore.h>
#include <arch/s390x.h>
#include <arch/sie.h>

#include "drivers/sclp.h"
#include "hv/hv.h"

void arch_ext_interrupt(struct ext_frame *f)
{
	const struct lowcore *lc = lowcore();
	/* Read before anything can wait: a nested interruption rewrites them. */
	u16 code = lc->ext_int_code;
	u32 param = lc->ext_params;

	/* Taken while a guest ran: make SIE exit (intercept 0x28) as soon as
	 * this handler resumes it, so the run loop sees what changed. */
	if (f->old_psw.addr == (u64)sie_insn)
		sie_kick_interrupted();
	switch (code) {
	case EXT_EMERGENCY_SIGNAL:
		hv_ipi_handler();
		break;
	case EXT_CLOCK_COMPARATOR:
		/* The condition stays pending while TOD > comparator. */
		timer_disarm();
		hv_timer_handler();
		break;
	case EXT_SERVICE_SIGNAL:
		sclp_service_signal(param);
		break;
	default:
		crash_unexpected_ext(code, f);
	}
	/* Return from an enabled wait to the instruction after it, disabled:
	 * callers of the wait expect interruptions off when it returns. */
	if (f->old_psw.mask & PSW_MASK_WAIT)
		f->old_psw.mask &= ~(PSW_MASK_WAIT | PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHK);
}
