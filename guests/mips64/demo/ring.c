/* SPDX-License-Identifier: MIT */
/* Demo guest: an SMP ring. The boot CPU starts every other CPU of the
 * partition (`cpus=N` on the command line) through the IPI mailbox; each
 * says hello; then a token goes round the ring ROUNDS times, passed on by
 * IPI from each CPU to the next, and the boot CPU reports how long it took.
 * Runs as a partition (boot CPU 0) and natively on QEMU (boot CPU n-1). */
#include "tg/tg.h"
#include "tg_smp.h"

#define ROUNDS 3u

static volatile u32 token[TG_SMP_MAX]; /* laps seen by each CPU */
static volatile u32 hello, never;

static void on_ipi(u32 self, u32 bits)
{
	(void)bits;
	u32 n = tg_smp_ncpus(), next = (self + 1) % n;

	token[self]++;
	if (self != tg_smp_boot_cpu() || token[self] < ROUNDS)
		tg_ipi_send(next, 1);
}

static void secondary(void *arg)
{
	(void)arg;
	tg_ipi_enable();
	tg_printf("ring: cpu %u of %u up\n", tg_smp_self(), tg_smp_ncpus());
	__atomic_add_fetch(&hello, 1, __ATOMIC_RELEASE);
	for (;;)
		tg_smp_wait_u32(&never, 0, TG_SMP_SLEEP); /* IPIs come in while it sleeps */
}

int main(void)
{
	u32 n = (u32)tg_cmdline_u64("cpus", 2), me;

	if (tg_smp_init(n) != 0 || n < 2) {
		tg_printf("ring: needs cpus=2..16 (got %u)\n", n);
		return 1;
	}
	me = tg_smp_boot_cpu();
	tg_ipi_set_handler(on_ipi);
	tg_ipi_enable();
	for (u32 c = 0; c < n; c++)
		if (c != me && tg_smp_start(c, secondary, NULL) != 0) {
			tg_printf("ring: cpu %u did not start\n", c);
			return 1;
		}
	if (!tg_smp_wait_at_least(&hello, n - 1, 5000)) {
		tg_printf("ring: only %u of %u cpus said hello\n", hello, n - 1);
		return 1;
	}
	u32 t0 = tg_read_count();
	tg_ipi_send((me + 1) % n, 1);
	if (!tg_smp_wait_at_least(&token[me], ROUNDS, 5000)) {
		tg_printf("ring: the token got lost (%u of %u laps)\n", token[me], ROUNDS);
		return 1;
	}
	u32 us = (tg_read_count() - t0) / (TG_COUNT_HZ / 1000000u);
	tg_printf("ring: %u laps of %u cpus by IPI in %u us (%u us a hop)\n", ROUNDS, n, us,
	          us / (ROUNDS * n));
	return 0;
}
