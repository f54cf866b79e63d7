/* SPDX-License-Identifier: MIT */
/* panic() and the one exit path of the hypervisor. */
#include "hv/panic.h"
#include "hv/arch/cpu.h"
#include "hv/arch/power.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/lib.h"

static u32 panicking;

void hv_panic(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	arch_irq_save();
	va_start(ap, fmt);
	hv_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* A second CPU panicking at the same time, or a panic inside the
	 * dump, must not recurse: the first one owns the exit. */
	if (__atomic_exchange_n(&panicking, 1, __ATOMIC_ACQ_REL)) {
		console_printf_unlocked("hv", "PANIC (nested) on cpu %u: %s", arch_cpu_id(), msg);
		for (;;)
			arch_cpu_idle();
	}
	console_printf_unlocked("hv", "PANIC on cpu %u: %s (%s:%d)", arch_cpu_id(), msg, file,
	                        line);
	arch_dump_current();
	console_printf_unlocked("hv", "EXIT status=%d", HV_EXIT_PANIC);
	arch_power_off(HV_EXIT_PANIC);
}

void hv_exit(int status)
{
	hv_log("EXIT status=%d", status);
	arch_power_off(status);
}
