/* SPDX-License-Identifier: MIT */
/* mips64 IPI round-trip benchmark guest (bench/mips64/ipi.sh): the same
 * source natively on QEMU (ipibench-native.elf, -smp 2) and as a Tern
 * partition of 2 vCPUs, pinned on 2 CPUs or time-sliced on 1
 * (tern-mips64-ipibench-pinned.elf, tern-mips64-ipibench-slice.elf).
 *
 * The boot CPU A and one other CPU B (the guest SDK's tg_smp.h): A reads
 * Count, writes a ping count and SETs bit A in B's IPI slot, then sleeps
 * in the SDK's wait (`wait`, interrupts on); B's IP6 handler reads STATUS,
 * CLEARs it, sees the new count, stores the answer and SETs bit B in A's
 * slot; A's handler CLEARs, A's wait returns, A reads Count. That is the
 * guest-visible round trip A -> B -> A, everything included: both
 * handlers, the waits, and as a partition every trap and the hypervisor's
 * scheduling in between. B idles in the same wait between rounds.
 *
 * Prints "BENCH ipi n=N min=.. median=.. max=.." in Count ticks (and with
 * `verbose` "BENCH ipi-rt i=I ticks=T" per measured round). Under -icount shift=0 an
 * instruction (on any CPU: TCG runs them round robin on one clock) is 1 ns
 * and Count ticks every 2.5 ns, so instructions = ticks * 2.5.
 * Command line: cpus=2 (required), rounds=N (default 21, at most 1001),
 * warmup=W (default 5), verbose. */
#include "tg_smp.h"

#define MAX_ROUNDS 1001u

static u32 a, b;
static volatile u32 ping, pong, up;
static u32 rt[MAX_ROUNDS];

static void on_ipi(u32 self, u32 bits)
{
	if (self == b && (bits & (1u << a)) && pong != ping) {
		pong = ping;
		tg_ipi_send(a, 1u << b);
	}
}

static void peer(void *arg)
{
	(void)arg;
	tg_ipi_enable();
	up = 1;
	tg_ipi_send(a, 1u << b);
	for (;;)
		tg_smp_wait_u32(&up, 1, TG_SMP_SLEEP); /* answers in its handler */
}

static bool round_trip(u32 *ticks)
{
	u32 want = ping + 1;
	u32 t0 = tg_read_count();

	ping = want;
	tg_ipi_send(b, 1u << a);
	while (pong != want)
		if (!tg_smp_wait_u32(&pong, want - 1, 2000u * (TG_COUNT_HZ / 1000u)))
			return false;
	*ticks = tg_read_count() - t0;
	return true;
}

int main(void)
{
	u32 n = (u32)tg_cmdline_u64("cpus", 2), rounds = (u32)tg_cmdline_u64("rounds", 21),
	    warmup = (u32)tg_cmdline_u64("warmup", 5), t;
	bool verbose = tg_cmdline_has("verbose");

	if (rounds == 0 || rounds > MAX_ROUNDS)
		rounds = 21;
	tg_printf("BENCH start host=%s cpus=%u\n", tg_native() ? "native" : "tern", n);
	if (n < 2 || tg_smp_init(n) != 0) {
		tg_printf("BENCH error: needs cpus=N (2..16) matching the machine\n");
		return 1;
	}
	a = tg_smp_boot_cpu();
	b = a == 0 ? 1 : 0;
	tg_ipi_set_handler(on_ipi);
	tg_ipi_enable();
	if (tg_smp_start(b, peer, NULL) != 0 || !tg_smp_wait_at_least(&up, 1, 5000)) {
		tg_printf("BENCH error: cpu %u did not start\n", b);
		return 1;
	}
	for (u32 i = 0; i < warmup; i++)
		if (!round_trip(&t))
			return 1;
	for (u32 i = 0; i < rounds; i++) {
		if (!round_trip(&rt[i])) {
			tg_printf("BENCH error: no answer in round %u\n", i);
			return 1;
		}
		if (verbose)
			tg_printf("BENCH ipi-rt i=%u ticks=%u\n", i, rt[i]);
	}
	for (u32 i = 1; i < rounds; i++) /* insertion sort */
		for (u32 j = i; j > 0 && rt[j - 1] > rt[j]; j--) {
			t = rt[j];
			rt[j] = rt[j - 1];
			rt[j - 1] = t;
		}
	tg_printf("BENCH ipi a=%u b=%u n=%u min=%u median=%u max=%u\n", a, b, rounds, rt[0],
	          rt[rounds / 2], rt[rounds - 1]);
	tg_printf("BENCH end\n");
	return tg_tests_done(); /* the runners' end-of-guest line */
}
