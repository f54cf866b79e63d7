/* SPDX-License-Identifier: MIT */
/* The current CPU, interrupt masking, per-CPU CP0 setup, and how the
 * hypervisor reaches physical memory. */
#include "hv/arch/cpu.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/mmu.h"

#define TLB_UNIQUE_STRIDE 0x4000 /* one VPN2 per entry, inside unmapped ckseg0 */

u32 arch_cpu_id(void)
{
	return read_c0_ebase() & EBASE_CPUNUM_MASK;
}

unsigned long arch_irq_save(void)
{
	unsigned long st;

	__asm__ volatile("di %0\n\tehb" : "=r"(st) : : "memory");
	return st & ST_IE;
}

void arch_irq_restore(unsigned long flags)
{
	if (flags & ST_IE)
		__asm__ volatile("ei\n\tehb" : : : "memory");
}

void *arch_hpa_to_ptr(hpa_t pa)
{
	return (void *)(uintptr_t)(XKPHYS_CACHED | pa.v);
}

/* TLB contents are undefined after reset on real hardware. Every entry gets
 * a distinct ckseg0 VPN2 (an unmapped segment, so none ever matches) and no
 * valid page, so a stray useg access faults instead of hitting garbage. */
static void tlb_init(void)
{
	u32 entries = ((read_c0_config1() >> 25) & 0x3f) + 1;

	write_c0_wired(0);
	write_c0_pagemask(0);
	write_c0_entrylo0(0);
	write_c0_entrylo1(0);
	for (u32 i = 0; i < entries; i++) {
		write_c0_entryhi(CKSEG0 + (u64)i * TLB_UNIQUE_STRIDE);
		write_c0_index(i);
		mips_tlbwi();
	}
	write_c0_entryhi(0);
}

void mips_cpu_setup(void)
{
	tlb_init();
	/* Cause.IV = 0 (interrupts use the general vector), DC = 0 (Count runs). */
	write_c0_cause(0);
	mips_timer_cpu_init();
	/* Only the IPI (IP6) and the Count/Compare timer (IP7) are ours; IE
	 * stays clear until arch_cpu_idle(). */
	write_c0_status((read_c0_status() & ~(u32)(ST_IM_MASK | ST_IE)) | ST_IM6 | ST_IM7);
}

const char *mips_cpu_model(u32 prid)
{
	u32 company = (prid >> 16) & 0xff, imp = (prid >> 8) & 0xff;

	if ((prid & 0xffff) == 0x6305)
		return "Loongson-3A1000";
	if (company == 0x14 && imp == 0xc0)
		return "Loongson-3A4000";
	if (company == 0 && imp == 0x63)
		return "Loongson-3 (GS464)";
	return "unknown MIPS64 CPU";
}
