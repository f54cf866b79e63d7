/* SPDX-License-Identifier: MIT */
/* Starting secondary CPUs with SIGP: initial CPU reset, set prefix, then
 * restart through the restart new PSW of the CPU's own lowcore. */
#include <arch/insn.h>
#include <arch/lowcore.h>
#include <arch/s390x.h>
#include <arch/sigp.h>

#include "hv/arch/cpu.h"
#include "hv/arch/timer.h"
#include "hv/hv.h"
#include "hv/lib.h"
#include "hv/percpu.h"

#define CRASH_STACK_SIZE 8192
#define SIGP_BUSY_RETRIES 100000
#define STOP_TIMEOUT_TICKS TOD_HZ /* one second */

/* One prefix area and crash stack per possible secondary CPU. */
static struct lowcore prefix_areas[HV_MAX_CPUS];
static u8 crash_stacks[HV_MAX_CPUS][CRASH_STACK_SIZE] __aligned(8);

int sigp_retry(u16 addr, u8 order, u64 parm, u32 *status)
{
	int cc = SIGP_CC_BUSY;

	for (int i = 0; i < SIGP_BUSY_RETRIES && cc == SIGP_CC_BUSY; i++)
		cc = sigp(addr, order, parm, status);
	return cc;
}

bool sigp_wait_stopped(u16 addr)
{
	u64 start = arch_timer_now();

	do {
		u32 status = 0;
		int cc = sigp(addr, SIGP_SENSE, 0, &status);
		if (cc == SIGP_CC_NOT_OPERATIONAL)
			return false;
		if (cc == SIGP_CC_STATUS_STORED && (status & SIGP_STATUS_STOPPED))
			return true;
	} while (arch_timer_now() - start < STOP_TIMEOUT_TICKS);
	return false;
}

int arch_cpu_start(u32 hwid, void *stack_top)
{
	u32 status = 0;

	if (hwid >= HV_MAX_CPUS || hwid == arch_cpu_id())
		return HV_E_INVAL;
	/* Never reset an address the machine does not have: Hercules would
	 * create a CPU there. */
	if (sigp_retry((u16)hwid, SIGP_SENSE, 0, &status) == SIGP_CC_NOT_OPERATIONAL)
		return HV_E_NODEV;

	struct lowcore *lc = &prefix_areas[hwid];
	memset(lc, 0, sizeof(*lc));
	lowcore_install(lc, crash_stacks[hwid] + CRASH_STACK_SIZE);
	lc->new_psws[0].addr = (u64)secondary_entry; /* restart new PSW */
	lc->start_stack = (u64)stack_top - STACK_FRAME;
	percpu[hwid].arch.prefix = (u64)lc;

	if (sigp_retry((u16)hwid, SIGP_INITIAL_CPU_RESET, 0, &status) != SIGP_CC_ACCEPTED)
		return HV_E_BUSY;
	/* Hercules resets asynchronously; orders meanwhile answer busy. */
	if (!sigp_wait_stopped((u16)hwid))
		return HV_E_TIMEOUT;
	if (sigp_retry((u16)hwid, SIGP_SET_PREFIX, (u64)lc, &status) != SIGP_CC_ACCEPTED)
		return HV_E_BUSY;
	if (sigp_retry((u16)hwid, SIGP_RESTART, 0, &status) != SIGP_CC_ACCEPTED)
		return HV_E_BUSY;
	return HV_OK;
}

void arch_secondary_entry(void)
{
	/* The restart new PSW brought us here; from now on a restart is an
	 * unexpected interruption like any other. */
	lowcore()->new_psws[0] = lowcore_new_psws[0];
	hv_secondary_main();
}
