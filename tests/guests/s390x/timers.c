/* SPDX-License-Identifier: MIT */
/* TOD clock, clock comparator and CPU timer, and the external
 * interruptions they raise, taken in enabled wait states. Every wait has
 * the other timer armed as a watchdog, so a missing interruption fails
 * the test instead of hanging the guest. */
#include <tern/test.h>

#define S "timer"
#define WATCHDOG_US 2000000

static volatile u64 ckc_tod, cpt_tod;
static volatile u32 ticks, tick_limit;
static volatile u64 tick_period;

static void handler(u16 code, u32 param, u16 cpu)
{
	(void)param;
	(void)cpu;
	if (code == EXT_CLOCK_COMP) {
		ckc_tod = stck();
		if (tick_limit && ++ticks < tick_limit)
			set_clock_comparator(stck() + tick_period);
	} else if (code == EXT_CPU_TIMER) {
		cpt_tod = stck();
	}
}

/* Wait (enabled) until the count of `code` grows or the watchdog fires. */
static bool wait_ext_code(u16 code, u32 before)
{
	u16 dog = code == EXT_CLOCK_COMP ? EXT_CPU_TIMER : EXT_CLOCK_COMP;
	u32 dog_before = ext_count(dog);

	if (dog == EXT_CPU_TIMER) {
		set_cpu_timer((s64)(WATCHDOG_US * TOD_PER_US));
		ctl0_or(CR0_CPU_TIMER);
	} else {
		set_clock_comparator(stck() + WATCHDOG_US * TOD_PER_US);
		ctl0_or(CR0_CLOCK_COMP);
	}
	while (ext_count(code) == before && ext_count(dog) == dog_before)
		wait_for_ext();
	if (dog == EXT_CPU_TIMER) {
		ctl0_clear(CR0_CPU_TIMER);
		set_cpu_timer(0x7fffffffffffffffll);
	} else {
		ctl0_clear(CR0_CLOCK_COMP);
		set_clock_comparator(~0ull);
	}
	return ext_count(code) != before;
}

static void test_tod(void)
{
	u64 prev = stck();
	bool mono = true;

	for (int i = 0; i < 1000; i++) {
		u64 t = stck();
		if (t <= prev)
			mono = false;
		prev = t;
	}
	CHECK(S, "tod_monotonic", mono);
	u64 a = stck();
	udelay(2000);
	u64 b = stck();
	CHECK(S, "tod_advances", b - a >= 2000 * TOD_PER_US);
}

static void test_ckc(void)
{
	/* Bits to the right of the TOD clock's resolution may read back as
	 * zeros (Hercules keeps bits 0-55); bit 51, the microsecond, is
	 * always there. */
	set_clock_comparator(0x123456789abcd000ull);
	CHECK_EQ(S, "ckc_readback", get_clock_comparator(), 0x123456789abcd000ull);
	set_clock_comparator(~0ull);

	/* A deadline 2 ms ahead, taken in an enabled wait. */
	u32 before = ext_count(EXT_CLOCK_COMP);
	u64 deadline = stck() + 2000 * TOD_PER_US;
	set_clock_comparator(deadline);
	ctl0_or(CR0_CLOCK_COMP);
	bool got = wait_ext_code(EXT_CLOCK_COMP, before);
	ctl0_clear(CR0_CLOCK_COMP);
	CHECK(S, "ckc_interrupt", got);
	if (got && ckc_tod < deadline)
		test_detail("clock comparator interruption %llu us early",
		            (unsigned long long)((deadline - ckc_tod) / TOD_PER_US));
	CHECK(S, "ckc_not_early", got && ckc_tod >= deadline);

	/* A comparator in the past is pending at once, but only while the
	 * subclass is enabled. */
	set_clock_comparator(stck() - 1);
	before = ext_count(EXT_CLOCK_COMP);
	u8 m = irq_disable();
	irq_restore(m | 0x01);
	udelay(1000);
	irq_disable();
	CHECK_EQ(S, "ckc_masked", ext_count(EXT_CLOCK_COMP), before);
	ctl0_or(CR0_CLOCK_COMP);
	got = wait_ext_code(EXT_CLOCK_COMP, before);
	ctl0_clear(CR0_CLOCK_COMP);
	CHECK(S, "ckc_past", got);
	set_clock_comparator(~0ull);

	/* Ten ticks of 1 ms, re-armed by the handler. */
	ticks = 0;
	tick_period = 1000 * TOD_PER_US;
	tick_limit = 10;
	u64 start = stck();
	set_clock_comparator(start + tick_period);
	ctl0_or(CR0_CLOCK_COMP);
	while (ticks < tick_limit) {
		before = ext_count(EXT_CLOCK_COMP);
		if (!wait_ext_code(EXT_CLOCK_COMP, before))
			break;
	}
	ctl0_clear(CR0_CLOCK_COMP);
	tick_limit = 0;
	CHECK_EQ(S, "ckc_ticks", ticks, 10);
	CHECK(S, "ckc_ticks_time", stck() - start >= 10 * tick_period);
}

static void test_cpu_timer(void)
{
	set_cpu_timer(0x0000100000000000ll);
	s64 v = get_cpu_timer();
	CHECK(S, "cpt_readback",
	      v <= 0x0000100000000000ll && v > 0x0000100000000000ll - (s64)(100000 * TOD_PER_US));
	set_cpu_timer(0x0000100000000000ll);
	udelay(2000);
	v = get_cpu_timer();
	CHECK(S, "cpt_decrements", v <= 0x0000100000000000ll - (s64)(1000 * TOD_PER_US));

	u32 before = ext_count(EXT_CPU_TIMER);
	u64 start = stck();
	set_cpu_timer((s64)(2000 * TOD_PER_US));
	ctl0_or(CR0_CPU_TIMER);
	bool got = wait_ext_code(EXT_CPU_TIMER, before);
	ctl0_clear(CR0_CPU_TIMER);
	CHECK(S, "cpt_interrupt", got);
	if (got && cpt_tod - start < 2000 * TOD_PER_US)
		test_detail("cpu timer interruption after %llu us of TOD",
		            (unsigned long long)((cpt_tod - start) / TOD_PER_US));
	CHECK(S, "cpt_not_early", got && cpt_tod - start >= 2000 * TOD_PER_US);

	/* A CPU timer that went negative while its subclass was off stays
	 * pending until the subclass is on. (It is set to a small positive
	 * value and runs out: QEMU TCG treats an SPT operand as unsigned.) */
	before = ext_count(EXT_CPU_TIMER);
	set_cpu_timer((s64)(10 * TOD_PER_US));
	u8 m = irq_disable();
	irq_restore(m | 0x01);
	udelay(1000);
	irq_disable();
	CHECK_EQ(S, "cpt_masked", ext_count(EXT_CPU_TIMER), before);
	ctl0_or(CR0_CPU_TIMER);
	got = wait_ext_code(EXT_CPU_TIMER, before);
	ctl0_clear(CR0_CPU_TIMER);
	CHECK(S, "cpt_negative", got);
	set_cpu_timer(0x7fffffffffffffffll);
}

int main(void)
{
	ext_set_handler(handler);
	set_clock_comparator(~0ull);
	set_cpu_timer(0x7fffffffffffffffll);
	test_tod();
	test_ckc();
	test_cpu_timer();
	return tests_done();
}
