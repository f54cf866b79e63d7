/* SPDX-License-Identifier: MIT */
/* Demo guest: counts DEMO_TICKS timer interrupts, DEMO_PERIOD_MS apart,
 * printing each one, waiting with WAIT in between, then ends cleanly (exit
 * status 0). Two of them with different periods make tern-mips64-demo.elf. */
#include "tg/tg.h"

#ifndef DEMO_TICKS
#define DEMO_TICKS 5
#endif
#ifndef DEMO_PERIOD_MS
#define DEMO_PERIOD_MS 200
#endif

#define PERIOD ((u32)(TG_COUNT_HZ / 1000u * DEMO_PERIOD_MS))

static volatile u32 ticks;

static void tick(struct tg_frame *f)
{
	(void)f;
	ticks++;
	tg_mtc0(CP0_COMPARE, 0, tg_mfc0(CP0_COMPARE, 0) + PERIOD);
}

int main(void)
{
	u32 start = tg_read_count();

	tg_printf("%s: hello from a %s guest, %u ticks of %u ms\n", tg_name(),
	          tg_native() ? "bare-metal" : "Tern", DEMO_TICKS, DEMO_PERIOD_MS);
	tg_set_handler(EXC_INT, tick);
	tg_mtc0(CP0_COMPARE, 0, start + PERIOD);
	tg_write_status(ST_IE | ST_IM(7));
	for (u32 seen = 0; seen < DEMO_TICKS;) {
		__asm__ volatile("wait");
		if (ticks != seen) {
			seen = ticks;
			u32 ms = (tg_read_count() - start) / (TG_COUNT_HZ / 1000u);
			tg_printf("%s: tick %u of %u at %u ms\n", tg_name(), seen, DEMO_TICKS, ms);
		}
	}
	tg_write_status(0);
	tg_printf("%s: done\n", tg_name());
	return 0;
}
