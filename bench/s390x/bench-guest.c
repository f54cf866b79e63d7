/* SPDX-License-Identifier: MIT */
/* s390x benchmark guest: the same ELF runs natively (QEMU -kernel, or
 * Hercules through bench/s390x/ipl-native.S) and as a Tern partition.
 *   loop=N   iterations of a CPU-bound integer loop (no intercepts)
 *   diag=K   DIAG 0x44 (yield) instructions: one intercept each under Tern
 *   lines=L  console lines: one SCLP write (SERVC intercept plus the
 *            service-signal interrupt) each
 * Each phase prints "BENCH <phase> n=<count> us=<guest TOD microseconds>".
 * The guest clock is the machine's TOD (under SIE plus the epoch), so the
 * loop phase compares natively and as a partition on the same emulator. */
#include <tern/sdk.h>
#include <tern/test.h>

static u64 cpu_loop(u64 n)
{
	u64 x = 0x9e3779b97f4a7c15ull, sum = 0;

	for (u64 i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		sum += x;
	}
	return sum;
}

static void diag44(void)
{
	__asm__ volatile("diag 0,0,0x44" ::: "memory");
}

static u64 us_since(u64 t0)
{
	return (stck() - t0) / TOD_PER_US;
}

int main(void)
{
	u64 loop = cmdline_u64("loop", 2000000);
	u64 diag = cmdline_u64("diag", 1000);
	u64 lines = cmdline_u64("lines", 50);

	printf("BENCH start host=%s\n", host_is_tern() ? "tern" : "native");
	u64 t0 = stck();
	u64 sum = cpu_loop(loop);
	printf("BENCH loop n=%llu us=%llu sum=%016llx\n", (unsigned long long)loop,
	       (unsigned long long)us_since(t0), (unsigned long long)sum);
	/* The same loop run again must give the same sum: a partition's
	 * register and memory state survive whatever interrupted it. */
	CHECK("bench", "loop_deterministic", cpu_loop(loop) == sum);

	t0 = stck();
	for (u64 i = 0; i < diag; i++)
		diag44();
	printf("BENCH diag44 n=%llu us=%llu\n", (unsigned long long)diag,
	       (unsigned long long)us_since(t0));

	t0 = stck();
	for (u64 i = 0; i < lines; i++)
		printf("bench line %llu of %llu\n", (unsigned long long)i + 1,
		       (unsigned long long)lines);
	printf("BENCH console n=%llu us=%llu\n", (unsigned long long)lines,
	       (unsigned long long)us_since(t0));
	return tests_done();
}
