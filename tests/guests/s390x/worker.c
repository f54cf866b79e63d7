/* SPDX-License-Identifier: MIT */
/* The other partition of the isolation scenarios: keeps a pattern in its
 * memory and makes timed progress while its neighbour spins with
 * interrupts off or stores outside its own memory; then checks that its
 * memory is intact and that its clock-comparator ticks kept coming. */
#include <tern/test.h>

#define S "worker"
#define PATTERN_BASE 0x100000ul
#define PATTERN_SIZE (2ul << 20)

static volatile u32 ticks;

static void tick(u16 code, u32 param, u16 cpu)
{
	(void)param;
	(void)cpu;
	if (code == EXT_CLOCK_COMP)
		ticks++;
}

static u64 pattern(u64 i)
{
	return i * 0x9e3779b97f4a7c15ull ^ 0x7465726e;
}

int main(void)
{
	u32 steps = (u32)cmdline_u64("steps", 10);
	u32 step_ms = (u32)cmdline_u64("step_ms", 50);
	volatile u64 *p = (volatile u64 *)PATTERN_BASE;

	ext_set_handler(tick);
	for (u64 i = 0; i < PATTERN_SIZE / 8; i++)
		p[i] = pattern(i);
	printf("worker: pattern written, %u steps of %u ms\n", steps, step_ms);
	u64 start = stck();
	ctl0_or(CR0_CLOCK_COMP);
	for (u32 s = 0; s < steps; s++) {
		u32 before = ticks;
		set_clock_comparator(stck() + step_ms * TOD_PER_MS);
		while (ticks == before)
			wait_for_ext();
		printf("worker: step %u of %u\n", s + 1, steps);
	}
	ctl0_clear(CR0_CLOCK_COMP);
	CHECK_EQ(S, "ticks", ticks, steps);
	CHECK(S, "elapsed", stck() - start >= steps * step_ms * TOD_PER_MS);
	u64 bad = 0;
	for (u64 i = 0; i < PATTERN_SIZE / 8; i++)
		if (p[i] != pattern(i))
			bad++;
	if (bad)
		test_detail("%llu doublewords changed", (unsigned long long)bad);
	CHECK_EQ(S, "memory_intact", bad, 0);
	return tests_done();
}
