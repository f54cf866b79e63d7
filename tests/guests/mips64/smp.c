/* SPDX-License-Identifier: MIT */
/* SMP through the Loongson-3 IPI mailbox (guest SDK tg_smp.h), natively on
 * QEMU 10 (-smp N) and as a Tern partition of N vCPUs, pinned or
 * time-sliced. Needs cpus=N on the command line (1 < N <= 16).
 *   smp.init        tg_smp_init(N); the boot CPU is where the host puts it
 *                   (Tern: vCPU 0; QEMU 10: CPU N-1)
 *   smp.slot_map    a SET in the slot the SDK maps to this CPU raises its
 *                   own Cause.IP6 (interrupts off), CLEAR drops it; a SET
 *                   in another CPU's slot does not
 *   smp.bring_up    every other CPU leaves its boot loop and reports in
 *   smp.cpu_ids     each saw its own EBase.CPUNum and ran on its own stack
 *   smp.ping_pong   every unordered pair {A, B}, A < B: A writes a ping
 *                   count and SETs bit A in B's slot; B's IP6 handler
 *                   CLEARs, sees the new count, answers by SET of bit B in
 *                   A's slot; A waits (in `wait`) for the answer. All CPUs
 *                   ping at once, one round trip per pair, 5 s each at most
 *   smp.ipis_taken  every CPU took IP6 interrupts
 *   smp.no_faults   no unexpected exception on any CPU
 * Every wait is bounded by Count (TCG runs vCPUs round robin: loop counts
 * say nothing about time). */
#include "tg_smp.h"

#define MAXC TG_SMP_MAX
#define MS (TG_COUNT_HZ / 1000u)
#define BRINGUP_MS 10000u
#define RT_MS 5000u
#define DONE_MS 30000u
#define FOREVER_MS 0xffffffffu

static u32 n, boot;
static volatile u32 ping[MAXC][MAXC], pong[MAXC][MAXC]; /* [initiator][target] */
static volatile u32 rt[MAXC][MAXC];                     /* round trip in Count ticks */
static volatile u32 answered[MAXC];                     /* bit B: B answered */
static volatile u32 seen_id[MAXC], seen_sp_ok[MAXC], seen_status[MAXC];
static volatile u32 nup, ndone, go, quit;

/* Every CPU, in its IP6 handler: answer each new ping. */
static void on_ipi(u32 self, u32 bits)
{
	for (u32 k = 0; k < n; k++) {
		if (!(bits & (1u << k)))
			continue;
		u32 want = ping[k][self];
		if (pong[k][self] != want) {
			pong[k][self] = want;
			tg_ipi_send(k, 1u << self);
		}
	}
}

static void ping_one(u32 me, u32 b)
{
	u32 want = ping[me][b] + 1;
	u32 t0 = tg_read_count();

	ping[me][b] = want;
	tg_ipi_send(b, 1u << me);
	bool ok = tg_smp_wait_at_least(&pong[me][b], want, RT_MS);
	rt[me][b] = tg_read_count() - t0;
	if (ok && pong[me][b] == want)
		answered[me] |= 1u << b;
}

static void ping_all(u32 me)
{
	for (u32 b = me + 1; b < n; b++)
		ping_one(me, b);
}

static void secondary(void *arg)
{
	u32 me = tg_smp_self();
	u64 sp;

	(void)arg;
	__asm__("move %0, $sp" : "=r"(sp));
	seen_id[me] = tg_mfc0(15, 1) & 0x3ff;
	seen_status[me] = tg_read_status();
	seen_sp_ok[me] = tg_smp_self() == me && seen_id[me] == me;
	tg_ipi_enable();
	__atomic_fetch_add(&nup, 1, __ATOMIC_RELAXED);
	tg_ipi_send(boot, 1u << me); /* wake the boot CPU */
	tg_smp_wait_at_least(&go, 1, FOREVER_MS);
	ping_all(me);
	__atomic_fetch_add(&ndone, 1, __ATOMIC_RELAXED);
	tg_ipi_send(boot, 1u << me);
	tg_smp_wait_at_least(&quit, 1, FOREVER_MS); /* answer pings until the end */
}

TG_TEST(smp, init)
{
	TG_CHECK(n >= 2 && n <= MAXC);
	int r = tg_smp_init(n);

	if (r)
		tg_note("tg_smp_init(%u) = %d (boot CPUNum %u)", n, r, tg_mfc0(15, 1) & 0x3ff);
	TG_EQ(r, 0);
	boot = tg_smp_boot_cpu();
	tg_ipi_set_handler(on_ipi);
	/* QEMU 10 enters on the last CPU, Tern on vCPU 0 */
	TG_EQ(boot, tg_native() ? n - 1 : 0);
	TG_EQ(tg_smp_self(), boot);
}

static bool ip6(void)
{
	return (tg_read_cause() & CAUSE_IP(6)) != 0;
}

TG_TEST(smp, slot_map)
{
	u64 mine = tg_ipi_block(tg_ipi_irq_slot(boot));

	tg_write_status(ST_KX); /* XKPHYS; interrupts off */
	TG_CHECK(!ip6());
	*(volatile u32 *)(uintptr_t)(mine + TG_IPI_EN) = ~0u;
	*(volatile u32 *)(uintptr_t)(mine + TG_IPI_SET) = 0x80000000u;
	bool raised = ip6();
	u32 st = *(volatile u32 *)(uintptr_t)(mine + TG_IPI_STATUS);
	*(volatile u32 *)(uintptr_t)(mine + TG_IPI_CLEAR) = st;
	bool dropped = !ip6();
	TG_CHECK(raised);
	TG_EQ(st, 0x80000000u);
	TG_CHECK(dropped);
	/* another CPU's slot (that CPU is still parked: its interrupts are off) */
	u32 other = boot == 0 ? 1 : 0;
	u64 theirs = tg_ipi_block(tg_ipi_irq_slot(other));
	*(volatile u32 *)(uintptr_t)(theirs + TG_IPI_EN) = ~0u;
	*(volatile u32 *)(uintptr_t)(theirs + TG_IPI_SET) = 0x80000000u;
	bool leaked = ip6();
	*(volatile u32 *)(uintptr_t)(theirs + TG_IPI_CLEAR) = ~0u;
	*(volatile u32 *)(uintptr_t)(theirs + TG_IPI_EN) = 0;
	TG_CHECK(!leaked);
}

TG_TEST(smp, bring_up)
{
	u32 t0 = tg_read_count();

	tg_ipi_enable();
	for (u32 c = 0; c < n; c++)
		if (c != boot)
			TG_EQ(tg_smp_start(c, secondary, NULL), 0);
	bool all = tg_smp_wait_at_least(&nup, n - 1, BRINGUP_MS);
	tg_printf("smp: %u of %u cpus up in %u us\n", nup + 1, n,
	          (tg_read_count() - t0) / (MS / 1000));
	TG_CHECK(all);
	for (u32 c = 0; c < n; c++)
		TG_CHECK(tg_smp_started(c));
}

TG_TEST(smp, cpu_ids)
{
	for (u32 c = 0; c < n; c++) {
		if (c == boot)
			continue;
		if (seen_id[c] != c || !seen_sp_ok[c] || seen_status[c] != ST_KX)
			tg_note("cpu %u: CPUNum %u, own stack %u, Status 0x%x", c, seen_id[c],
			        seen_sp_ok[c], seen_status[c]);
		TG_EQ(seen_id[c], c);
		TG_CHECK(seen_sp_ok[c]);
		TG_EQ(seen_status[c], ST_KX);
	}
}

static int cmp_u32(u32 a, u32 b)
{
	return a < b ? -1 : a > b;
}

TG_TEST(smp, ping_pong)
{
	u32 pairs = n * (n - 1) / 2, ok = 0, t0 = tg_read_count();
	static u32 all[MAXC * (MAXC - 1) / 2];

	tg_ipi_enable();
	go = 1;
	for (u32 c = 0; c < n; c++)
		if (c != boot)
			tg_ipi_send(c, 1u << boot); /* wake it: go */
	ping_all(boot);
	bool done = tg_smp_wait_at_least(&ndone, n - 1, DONE_MS);
	u32 k = 0;
	for (u32 a = 0; a < n; a++)
		for (u32 b = a + 1; b < n; b++) {
			if (answered[a] & (1u << b))
				ok++;
			else
				tg_note("pair %u -> %u: no answer (ping %u, pong %u)", a, b,
				        ping[a][b], pong[a][b]);
			all[k++] = rt[a][b];
		}
	for (u32 i = 1; i < k; i++) /* insertion sort: at most 120 */
		for (u32 j = i; j > 0 && cmp_u32(all[j - 1], all[j]) > 0; j--) {
			u32 t = all[j];
			all[j] = all[j - 1];
			all[j - 1] = t;
		}
	tg_printf("smp: %u of %u pairs answered in %u ms; round trip min %u, median %u, max %u "
	          "Count ticks\n",
	          ok, pairs, (tg_read_count() - t0) / MS, all[0], all[k / 2], all[k - 1]);
	TG_CHECK(done);
	TG_EQ(ok, pairs);
}

TG_TEST(smp, ipis_taken)
{
	for (u32 c = 0; c < n; c++) {
		if (!tg_ipi_taken(c))
			tg_note("cpu %u took no IPI", c);
		TG_CHECK(tg_ipi_taken(c) > 0);
	}
}

TG_TEST(smp, no_faults)
{
	TG_EQ(tg_smp_faults(), 0);
}

int main(void)
{
	n = (u32)tg_cmdline_u64("cpus", 1);
	tg_printf("smp: %u cpus (%s)\n", n, tg_native() ? "native" : "Tern partition");
	if (n < 2 || n > MAXC) {
		tg_printf("smp: needs cpus=N with 1 < N <= %u\n", MAXC);
		TG_RUN(smp, init);
		return tg_tests_done();
	}
	TG_RUN(smp, init);
	TG_RUN(smp, slot_map);
	TG_RUN(smp, bring_up);
	TG_RUN(smp, cpu_ids);
	TG_RUN(smp, ping_pong);
	TG_RUN(smp, ipis_taken);
	TG_RUN(smp, no_faults);
	quit = 1;
	return tg_tests_done();
}
