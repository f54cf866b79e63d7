/* SPDX-License-Identifier: MIT */
#include "hv/wait.h"
#include "hv/arch/cpu.h"
#include "hv/arch/timer.h"
#include "hv/hv.h"
#include "hv/percpu.h"

u64 hv_us_to_ticks(u64 us)
{
	return us * (hv_boot_info->timer_hz / 1000000u) +
	       us * (hv_boot_info->timer_hz % 1000000u) / 1000000u;
}

u64 hv_ticks_to_us(u64 ticks)
{
	u64 hz = hv_boot_info->timer_hz;
	return ticks / hz * 1000000u + (ticks % hz) * 1000000u / hz;
}

bool hv_wait_at_least(const volatile u32 *v, u32 min, u64 timeout_ticks)
{
	u64 deadline = arch_timer_now() + timeout_ticks;

	for (;;) {
		if (*v >= min)
			return true;
		if (arch_timer_now() >= deadline)
			return *v >= min;
		arch_timer_set_deadline(deadline);
		arch_cpu_idle();
	}
}

void hv_timer_handler(void)
{
	this_cpu()->ticks++;
}

void hv_ipi_handler(void)
{
	__atomic_fetch_add(&this_cpu()->ipi_count, 1, __ATOMIC_RELEASE);
}
