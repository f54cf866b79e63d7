/* SPDX-License-Identifier: MIT */
/* The fake arch: every core hook implemented on top of plain variables, so
 * core code runs as an ordinary host program under ctest. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/host.h"
#include "hv/arch/console.h"
#include "hv/arch/cpu.h"
#include "hv/arch/ipi.h"
#include "hv/arch/mmu.h"
#include "hv/arch/power.h"
#include "hv/arch/timer.h"

u32 host_cpu_id;
u64 host_now;
u64 host_deadline;
int host_power_status = -1;
u32 host_ipis_sent[16];
char host_console[65536];
size_t host_console_len;

void host_console_reset(void)
{
	host_console_len = 0;
	host_console[0] = 0;
}

u32 arch_cpu_id(void)
{
	return host_cpu_id;
}

unsigned long arch_irq_save(void)
{
	return 0;
}

void arch_irq_restore(unsigned long flags)
{
	(void)flags;
}

void arch_cpu_idle(void)
{
	/* Time passes while idle: jump to the armed deadline. */
	if (host_deadline > host_now)
		host_now = host_deadline;
	else
		host_now++;
}

int arch_cpu_start(u32 hwid, void *stack_top)
{
	(void)stack_top;
	return hwid < 16 ? 0 : -6;
}

int arch_ipi_send(u32 hwid)
{
	if (hwid >= 16)
		return -6;
	host_ipis_sent[hwid]++;
	return 0;
}

u64 arch_timer_now(void)
{
	return host_now;
}

void arch_timer_set_deadline(u64 deadline)
{
	host_deadline = deadline;
}

void arch_console_write_line(const char *s, size_t len)
{
	if (host_console_len + len + 2 < sizeof(host_console)) {
		memcpy(host_console + host_console_len, s, len);
		host_console_len += len;
		host_console[host_console_len++] = '\n';
		host_console[host_console_len] = 0;
	}
	if (getenv("TERN_HOST_ECHO"))
		printf("%.*s\n", (int)len, s);
}

void arch_power_off(int status)
{
	host_power_status = status;
	fflush(stdout);
	exit(status);
}

void arch_dump_current(void)
{
}

void arch_selftest_fault(void)
{
}

void *arch_hpa_to_ptr(hpa_t pa)
{
	return (void *)(uintptr_t)pa.v;
}
