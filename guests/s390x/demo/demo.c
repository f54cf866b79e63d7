/* SPDX-License-Identifier: MIT */
/* Tern's s390x demo guest: prints its progress on a clock-comparator tick
 * a few times, then ends cleanly. Two partitions run it side by side
 * (tern-s390x-demo), told apart by their command lines:
 *   name=NAME ticks=N tick_ms=MS */
#include <tern/sdk.h>

static volatile u32 ticks;

static void on_tick(u16 code, u32 param, u16 cpu)
{
	(void)param;
	(void)cpu;
	if (code == EXT_CLOCK_COMP)
		ticks++;
}

int main(void)
{
	char name[24] = "demo";
	u32 n = (u32)cmdline_u64("ticks", 5);
	u64 tick_ms = cmdline_u64("tick_ms", 200);

	cmdline_get("name", name, sizeof(name));
	printf("%s: hello from an s390x guest%s, %u ticks of %llu ms\n", name,
	       host_is_tern() ? " under Tern" : "", n, (unsigned long long)tick_ms);
	ext_set_handler(on_tick);
	ctl0_or(CR0_CLOCK_COMP);
	u64 start = stck();
	for (u32 i = 1; i <= n; i++) {
		set_clock_comparator(start + i * tick_ms * TOD_PER_MS);
		while (ticks < i)
			wait_for_ext();
		printf("%s: tick %u of %u (%llu ms)\n", name, i, n,
		       (unsigned long long)((stck() - start) / TOD_PER_MS));
	}
	ctl0_clear(CR0_CLOCK_COMP);
	printf("%s: done\n", name);
	return 0;
}
