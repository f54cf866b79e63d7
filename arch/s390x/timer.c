/* SPDX-License-Identifier: MIT */
/* Time base: the TOD clock (bit 51 = 1 us). One-shot timer: the clock
 * comparator, whose subclass (CR0 bit 52) is always enabled; "disarmed"
 * means a comparator value the TOD clock never exceeds. */
#include <arch/insn.h>
#include <arch/s390x.h>

#include "hv/arch/timer.h"

#define FACILITY_STCKF 25

static bool have_stckf;

void timer_init(void)
{
	/* STCK is serialising (and Hercules makes each value unique); STCKF
	 * is the cheap read where the machine has it. */
	have_stckf = facility(FACILITY_STCKF);
}

u64 arch_timer_now(void)
{
	return have_stckf ? stckf() : stck();
}

void arch_timer_set_deadline(u64 deadline)
{
	/* QEMU (TCG) never fires a comparator set below the TOD value it
	 * started with; "now" is past too and fires at once everywhere. */
	u64 now = arch_timer_now();

	sckc(deadline < now ? now : deadline);
}

void timer_disarm(void)
{
	sckc(~0ull);
}
