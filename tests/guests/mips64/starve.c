/* SPDX-License-Identifier: MIT */
/* Starvation in a time-sliced partition (partition only): all vCPUs on
 * one physical CPU (mkconfig --cpus 1 --vcpus N --sched timeslice), one
 * of them spinning forever with interrupts off and no trap in its loop.
 * The others must still get the CPU within about one slice each time they
 * become ready, and finish; the partition ends when they have (vCPU 0
 * exits while the spinner still spins).
 * Command line: cpus=N (3..16), slice=US (the partition's slice),
 * rounds=R (default 20).
 *   vCPU 0     starts the others, then sleeps (wait) until the workers
 *              report; it shares the CPU with the spinner too
 *   vCPU 1     the spinner: Status.IE = 0, a counter in memory, forever
 *   vCPU 2..   workers: R times, sleep 1 ms (wait, the timer armed) and
 *              measure with Count how late they ran after it was due:
 *              ready -> running is the wait for the spinner's slice (and
 *              the turns of other workers ready at the same moment)
 *   starve.bring_up         every vCPU started
 *   starve.spinner_spins    the spinner's counter goes on rising
 *   starve.workers_finish   every worker did its R rounds, within 10 s
 *   starve.latency          each worker's worst lateness is at most 1.5
 *                           slices: the spinner's slice, and half a slice
 *                           for the other vCPUs' short turns, Tern's exits
 *                           and the emulator's own delays (on QEMU, Count
 *                           follows the host clock, so a loaded host adds
 *                           milliseconds: use a slice of 10 ms or more);
 *                           the figures are printed */
#include "tg_smp.h"

#define MS (TG_COUNT_HZ / 1000u)
#define US (TG_COUNT_HZ / 1000000u)
#define NAP (1u * MS)
#define TIMEOUT_MS 10000u
#define SPINNER 1u

static u32 n, slice_us, rounds, workers, t_start;
static volatile u32 nup, ndone, spins, never;
static volatile u32 worst[TG_SMP_MAX], total[TG_SMP_MAX], did[TG_SMP_MAX];

static void spinner(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&nup, 1, __ATOMIC_RELAXED);
	tg_write_status(ST_KX); /* interrupts off, for good */
	for (;;)
		spins = spins + 1; /* no trap: only the hypervisor's timer stops it */
}

static void worker(void *arg)
{
	u32 me = tg_smp_self();

	(void)arg;
	tg_ipi_enable();
	__atomic_fetch_add(&nup, 1, __ATOMIC_RELAXED);
	for (u32 i = 0; i < rounds; i++) {
		u32 t0 = tg_read_count();
		tg_smp_wait_u32(&never, 0, NAP); /* sleeps: gives the CPU up */
		u32 late = tg_read_count() - t0 - NAP;
		if (late > worst[me])
			worst[me] = late;
		total[me] += late;
		did[me]++;
	}
	__atomic_fetch_add(&ndone, 1, __ATOMIC_RELAXED);
	tg_ipi_send(tg_smp_boot_cpu(), 1u << me);
}

TG_TEST(starve, bring_up)
{
	TG_CHECK(n >= 3 && n <= TG_SMP_MAX && !tg_native());
	TG_EQ(tg_smp_init(n), 0);
	tg_ipi_enable();
	t_start = tg_read_count();
	TG_EQ(tg_smp_start(SPINNER, spinner, NULL), 0);
	for (u32 c = 2; c < n; c++)
		TG_EQ(tg_smp_start(c, worker, NULL), 0);
	TG_CHECK(tg_smp_wait_at_least(&nup, n - 1, TIMEOUT_MS));
}

TG_TEST(starve, spinner_spins)
{
	u32 a = spins;

	tg_ipi_enable();
	tg_smp_wait_at_least(&never, 1, 3 * slice_us / 1000 + 1); /* its slices come */
	TG_CHECK(spins != a);
}

TG_TEST(starve, workers_finish)
{
	tg_ipi_enable();
	bool all = tg_smp_wait_at_least(&ndone, workers, TIMEOUT_MS);
	tg_printf(
	    "starve: %u of %u workers did %u rounds beside the spinner, %u ms from bring-up\n",
	    ndone, workers, rounds, (tg_read_count() - t_start) / MS);
	TG_CHECK(all);
	for (u32 c = 2; c < n; c++)
		TG_EQ(did[c], rounds);
}

TG_TEST(starve, latency)
{
	u32 bound = (slice_us + slice_us / 2) * US;

	for (u32 c = 2; c < n; c++) {
		tg_printf("starve: vcpu %u: late by %u us at worst, %u us on average "
		          "(slice %u us, bound %u us)\n",
		          c, worst[c] / US, did[c] ? total[c] / did[c] / US : 0, slice_us,
		          bound / US);
		TG_CHECK(did[c] > 0);
		TG_CHECK(worst[c] <= bound);
	}
}

int main(void)
{
	n = (u32)tg_cmdline_u64("cpus", 0);
	slice_us = (u32)tg_cmdline_u64("slice", 5000);
	rounds = (u32)tg_cmdline_u64("rounds", 20);
	workers = n > 2 ? n - 2 : 0;
	tg_printf("starve: %u vcpus: 1 spinner with interrupts off, %u workers, slice %u us\n", n,
	          workers, slice_us);
	TG_RUN(starve, bring_up);
	TG_RUN(starve, spinner_spins);
	TG_RUN(starve, workers_finish);
	TG_RUN(starve, latency);
	return tg_tests_done();
}
