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

/* Guest backend of the fake arch: tests script what arch_vcpu_run reports. */
#include "hv/arch/vcpu.h"

struct vcpu_exit host_next_exit = {.kind = VEXIT_DONE};
u32 host_vcpu_runs;

int arch_partition_init(struct partition *p)
{
	(void)p;
	return 0;
}

void arch_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b)
{
	v->arch.scripted_exits = b ? 1 : 0;
}

bool arch_vcpu_runnable(const struct vcpu *v)
{
	return v->arch.scripted_exits != 0;
}

void arch_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	(void)v;
	host_vcpu_runs++;
	*e = host_next_exit;
}

void arch_partition_report(struct partition *p)
{
	(void)p;
}

u64 arch_elf_segment_gpa(u64 vaddr, u64 paddr)
{
	(void)vaddr;
	return paddr;
}

u16 arch_elf_machine(void)
{
	return 62; /* EM_X86_64: host test images */
}
