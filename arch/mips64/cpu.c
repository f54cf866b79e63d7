/* SPDX-License-Identifier: MIT */
/* The current CPU, interrupt masking, per-CPU CP0 setup, and how the
 * hypervisor reaches physical memory. */
#include "hv/arch/cpu.h"
#include "arch/backend.h"
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

/* --- user-mode SDBBP ----------------------------------------------------------
 * A user-mode `sdbbp` on a CPU with EJTAG enters debug mode: the debug
 * vector in the boot ROM (0xbfc00480), kernel privileges. Where the CPU has
 * Config5.SBRI ("SDBBP causes Reserved Instruction in user mode"; QEMU's
 * Loongson-3A4000 lets it be set) a guest's sdbbp never gets there. Where
 * it has not (QEMU's 3A1000 has no Config4/Config5), the only guard is what
 * the ROM holds at the vector: checked at boot to be nops up to an FPU
 * instruction, which raises Coprocessor Unusable as long as Status.CU1 is
 * clear, whatever FR is. With CU1 set that word executes and the CPU runs on
 * through whatever follows in kernel mode, so there guests get no FPU. */
#define CONF5_SBRI (1u << 6)
#define DEBUG_VECTOR 0xffffffffbfc00480ull
#define DEBUG_VECTOR_SCAN 0x10000u

enum mips_sdbbp_guard mips_sdbbp_guard = SDBBP_GUARD_SBRI;

static bool sbri_set(void)
{
	if (!(read_c0_config1() & CONF_M) || !(read_c0_config2() & CONF_M) ||
	    !(read_c0_config3() & CONF_M) || !(read_c0_config4() & CONF_M))
		return false; /* no Config5 */
	write_c0_config5(read_c0_config5() | CONF5_SBRI);
	return read_c0_config5() & CONF5_SBRI;
}

/* An instruction that raises Coprocessor Unusable whenever Status.CU1 = 0:
 * COP1, COP1X, the FPU loads and stores, MOVF/MOVT. */
static bool cpu_when_cu1_clear(u32 w)
{
	u32 op = w >> 26;

	return op == 0x11 || op == 0x13 || op == 0x31 || op == 0x35 || op == 0x39 || op == 0x3d ||
	       (op == 0 && (w & 0x3f) == 0x01);
}

static bool rom_debug_vector_traps(void)
{
	const volatile u32 *w = (const volatile u32 *)(uintptr_t)DEBUG_VECTOR;

	for (u32 i = 0; i < DEBUG_VECTOR_SCAN / 4; i++) {
		if (w[i] == 0) /* nop */
			continue;
		return cpu_when_cu1_clear(w[i]);
	}
	return false;
}

const char *mips_sdbbp_guard_name(void)
{
	switch (mips_sdbbp_guard) {
	case SDBBP_GUARD_SBRI:
		return "Reserved Instruction (Config5.SBRI)";
	case SDBBP_GUARD_ROM:
		return "debug vector raises CpU (no Config5.SBRI: guests get no FPU)";
	case SDBBP_GUARD_NONE:
	default:
		return "UNGUARDED (no Config5.SBRI, the ROM debug vector does not trap): "
		       "trap-and-emulate guests refused";
	}
}

static void sdbbp_guard_setup(void)
{
	enum mips_sdbbp_guard g = SDBBP_GUARD_SBRI;

	if (!sbri_set())
		g = rom_debug_vector_traps() ? SDBBP_GUARD_ROM : SDBBP_GUARD_NONE;
	/* every CPU runs guests: the weakest guard of them all counts */
	if (g > READ_ONCE(mips_sdbbp_guard))
		WRITE_ONCE(mips_sdbbp_guard, g);
}

void mips_cpu_setup(void)
{
	tlb_init();
	sdbbp_guard_setup();
	/* Cause.IV = 0 (interrupts use the general vector), DC = 0 (Count runs). */
	write_c0_cause(0);
	mips_timer_cpu_init();
	/* Only the IPI (IP6) and the Count/Compare timer (IP7) are ours; IE
	 * stays clear until arch_cpu_idle(). */
	write_c0_status((read_c0_status() & ~(u32)(ST_IM_MASK | ST_IE)) | ST_IM6 | ST_IM7);
	mips_backend_cpu_setup();
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
