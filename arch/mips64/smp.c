/* SPDX-License-Identifier: MIT */
/* Releasing secondaries from the boot ROM's parking loop.
 *
 * A parked CPU c polls MAILBOX0 of the IPI block numbered by its own
 * EBase.CPUNum (not the slot that interrupts it) and, once it is non-zero,
 * loads sp, gp and a1 from MAILBOX1-3 and jumps to it. So MAILBOX0 is
 * written last, after a sync, with a single 64-bit store. */
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/cpu.h"
#include "hv/hv.h"

extern char mips_secondary_start[];

int arch_cpu_start(u32 hwid, void *stack_top)
{
	if (hwid >= hv_boot_info->nr_cpus || hwid == arch_cpu_id())
		return HV_E_NODEV;
	u64 mb = ipi_slot_base(hwid);

	mmio_write64(mb + IPI_MAILBOX1, (u64)(uintptr_t)stack_top);
	mmio_write64(mb + IPI_MAILBOX2, 0); /* gp: unused (-G0, no abicalls) */
	mmio_write64(mb + IPI_MAILBOX3, hwid);
	mips_sync();
	mmio_write64(mb + IPI_MAILBOX0, (u64)(uintptr_t)mips_secondary_start);
	mips_sync();
	return HV_OK;
}

/* From head.S on the new CPU's stack: KX set, BEV/ERL clear, vectors and
 * exception area ready, IE clear. */
void mips_secondary_main(u64 arg)
{
	u32 me = arch_cpu_id();

	(void)arg; /* the hwid the boot CPU meant; EBase is authoritative */
	mips_cpu_setup();
	mips_ipi_cpu_verify(me);
	hv_secondary_main();
}
