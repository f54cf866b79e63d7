/* SPDX-License-Identifier: MIT */
/* Ending the run: QEMU's PM register, or UHI semihosting to hand a
 * non-zero status to the host (QEMU's PM power-off always exits 0). */
#include "hv/arch/power.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/cpu.h"

/* Set at boot from the cmdline word "semihosting"; without QEMU's
 * -semihosting-config, sdbbp would enter the debug vector instead. */
u32 mips_exit_semihosting;
/* Set at boot where LEFI names QEMU's loongson3-virt: only there is the PM
 * register at 0x10080010 known to power off. A board halts every CPU after
 * the EXIT line instead (the board harness resets it for the next run). */
u32 mips_on_qemu_virt;

void mips_halt(void)
{
	arch_irq_save();
	for (;;)
		__asm__ volatile("wait" : : : "memory"); /* with IE clear, never woken */
}

static void uhi_exit(int status)
{
	register u64 op __asm__("$25") = 1; /* UHI_exit */
	register u64 code __asm__("$4") = (u64)(s64)status;

	__asm__ volatile("sdbbp 1" : : "r"(op), "r"(code) : "memory");
}

void arch_power_off(int status)
{
	arch_irq_save();
	mips_ipi_stop_others();
	if (status != 0 && mips_exit_semihosting)
		uhi_exit(status);
	if (mips_on_qemu_virt)
		mmio_write8(PM_CNTL, PM_CNTL_SHUTDOWN);
	mips_halt();
}

void arch_selftest_fault(void)
{
	/* useg has no valid TLB entry: a TLB refill with BadVAddr set. */
	const volatile u64 *p = (const volatile u64 *)(uintptr_t)0x1badbee8u;

	(void)*p;
}
