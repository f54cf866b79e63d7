/* SPDX-License-Identifier: MIT */
/* CP0 Count/Compare as a 64-bit per-CPU time base with a one-shot deadline.
 *
 * Count is 32 bits and wraps every ~10.7 s at 400 MHz. Each CPU extends its
 * own Count (the CPUs' Counts are not synchronised), which needs a read at
 * least once per wrap: Compare is therefore always armed, at the deadline or
 * at most GUARD_TICKS ahead, so even a CPU idling with no deadline takes a
 * timer interrupt often enough to see every wrap. */
#include "hv/arch/timer.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/cpu.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/lib.h"
#include "hv/percpu.h"

#define GUARD_TICKS (1ull << 30)
#define MIN_DELTA 64u
/* Calibration: RTC time to measure over; Count reads around an RTC read that
 * lie further apart than this were split by a vCPU switch (QEMU TCG runs the
 * vCPUs round-robin) and are retaken. */
#define CAL_NS 50000000ull
#define CAL_BRACKET_TICKS 4000u
#define CAL_ROUND_HZ 100000u

/* Caller has interrupts disabled. */
static u64 count_now(struct arch_percpu *a)
{
	u32 c = read_c0_count();

	if (c < a->count_last)
		a->count_hi += 1ull << 32;
	a->count_last = c;
	return a->count_hi | c;
}

u64 arch_timer_now(void)
{
	unsigned long flags = arch_irq_save();
	u64 now = count_now(&this_cpu()->arch);

	arch_irq_restore(flags);
	return now;
}

/* Point Compare at the deadline, or at the wrap guard if that comes first.
 * Writing Compare also acknowledges a pending timer interrupt. A target
 * already passed would only match after the next wrap, so the write is
 * checked and retried further ahead. Interrupts disabled. */
static void program(struct arch_percpu *a)
{
	u64 now = count_now(a);
	u64 ahead = a->deadline > now ? a->deadline - now : 0;
	u32 delta = ahead > GUARD_TICKS ? (u32)GUARD_TICKS : (u32)ahead;

	if (delta < MIN_DELTA)
		delta = MIN_DELTA;
	for (;;) {
		u32 c = read_c0_count();
		write_c0_compare(c + delta);
		if ((s32)(c + delta - read_c0_count()) > 0)
			break;
		delta *= 2;
	}
}

void arch_timer_set_deadline(u64 deadline)
{
	unsigned long flags = arch_irq_save();
	struct arch_percpu *a = &this_cpu()->arch;

	a->deadline = deadline;
	program(a);
	arch_irq_restore(flags);
}

void mips_timer_cpu_init(void)
{
	struct arch_percpu *a = &this_cpu()->arch;

	a->count_last = read_c0_count();
	a->count_hi = 0;
	a->deadline = MIPS_NO_DEADLINE;
	program(a);
}

/* IP7, interrupts disabled. Only a reached deadline reaches core. */
void mips_timer_irq(void)
{
	struct arch_percpu *a = &this_cpu()->arch;
	bool due = count_now(a) >= a->deadline;

	if (due)
		a->deadline = MIPS_NO_DEADLINE;
	program(a);
	if (due)
		hv_timer_handler();
}

static u64 rtc_ns(void)
{
	u32 lo = mmio_read32(RTC_BASE + RTC_TIME_LOW);
	u32 hi = mmio_read32(RTC_BASE + RTC_TIME_HIGH);

	return (u64)hi << 32 | lo;
}

/* One (RTC ns, Count) pair taken at the same moment. */
static bool sample(u64 *ns, u64 *ticks)
{
	for (int i = 0; i < 64; i++) {
		u64 t0 = arch_timer_now();
		u64 r = rtc_ns();
		u64 t1 = arch_timer_now();
		if (t1 - t0 <= CAL_BRACKET_TICKS) {
			*ns = r;
			*ticks = t0 + (t1 - t0) / 2;
			return true;
		}
	}
	return false;
}

/* The Count rate is not what LEFI implies (QEMU 10: 400 MHz against an
 * "800 MHz" CPU clock; QEMU 7.2: 500 MHz), so it is measured against the
 * goldfish RTC. Busy-waits CAL_NS of RTC time: boot CPU, before SMP. */
u64 mips_timer_calibrate(u64 fallback_hz)
{
	u64 n0, c0, n1, c1;

	if (fallback_hz == 0)
		fallback_hz = 100000000;
	if (!sample(&n0, &c0))
		goto fallback;
	do {
		if (!sample(&n1, &c1) || c1 - c0 > 4 * fallback_hz)
			goto fallback; /* RTC stuck or absent */
	} while (n1 - n0 < CAL_NS);

	u64 hz = hv_div64((c1 - c0) * 1000000000ull, n1 - n0);
	if (hz < 1000000 || hz > 4000000000ull)
		goto fallback;
	u64 rounded = hv_div64(hz + CAL_ROUND_HZ / 2, CAL_ROUND_HZ) * CAL_ROUND_HZ;
	hv_log("mips64: Count runs at %llu Hz against the goldfish RTC (%llu ticks in %llu ns); "
	       "using %llu Hz",
	       (unsigned long long)hz, (unsigned long long)(c1 - c0), (unsigned long long)(n1 - n0),
	       (unsigned long long)rounded);
	return rounded;

fallback:
	hv_log(
	    "mips64: no usable goldfish RTC; assuming Count runs at %llu Hz (half the CPU clock)",
	    (unsigned long long)fallback_hz);
	return fallback_hz;
}
