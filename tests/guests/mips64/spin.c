/* SPDX-License-Identifier: MIT */
/* A guest that spins with interrupts off (Status.IE = 0, IM = 0, no
 * traps in the loop) for SPIN_SECONDS of its Count, then checks that time
 * went on and ends. Run beside another partition, that one must finish its
 * own tests while this one spins (tests/scenarios/pair-mips64.sh checks the
 * order of the two "TESTS DONE" lines). */
#include "tg/tg.h"

#ifndef SPIN_SECONDS
#define SPIN_SECONDS 6
#endif

TG_TEST(spin, irqs_off)
{
	u64 elapsed = 0, want = (u64)SPIN_SECONDS * TG_COUNT_HZ;
	u32 last = tg_read_count();

	tg_write_status(0);
	tg_printf("spin: interrupts off for %u s\n", SPIN_SECONDS);
	while (elapsed < want) {
		for (volatile u32 i = 0; i < 2000000; i++)
			;
		u32 now = tg_read_count();
		elapsed += now - last;
		last = now;
	}
	TG_CHECK(elapsed >= want);
	TG_EQ(tg_read_status() & ST_IE, 0);
}

int main(void)
{
	TG_RUN(spin, irqs_off);
	return tg_tests_done();
}
