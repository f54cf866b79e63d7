/* SPDX-License-Identifier: MIT */
/* Ending the run with a status the harness can read.
 *
 * Hercules: DIAG 8 "quit" (the runner enables DIAG8CMD); without it DIAG 8
 * is a specification exception, which lands in a disabled wait carrying
 * the status, as does a DIAG 8 that returns.
 * QEMU (and anything else): status 0 = every CPU stopped, which QEMU takes
 * as a clean shutdown (rc 0); otherwise a disabled wait whose address
 * carries the status, which QEMU reports as a guest panic (rc 1 with
 * -action panic=exit-failure). The address must not end in 0xfff, which
 * QEMU would take as a clean shutdown. */
#include <arch/insn.h>
#include <arch/lowcore.h>
#include <arch/s390x.h>
#include <arch/sigp.h>

#include "hv/arch/power.h"
#include "hv/percpu.h"

#define WAIT_ADDR_STATUS 0xdead0000ul
#define WAIT_ADDR_QEMU_SHUTDOWN 0xffful
#define QUIESCE_TICKS (TOD_HZ / 10)

/* Started CPUs normally idle; give one that is busy (printing a line) a
 * moment to finish before it is stopped. */
static void let_others_idle(u32 me)
{
	u64 start = stck();

	for (u32 a = 0; a < HV_MAX_CPUS; a++) {
		if (a == me || percpu[a].state == CPU_ABSENT)
			continue;
		while (!READ_ONCE(percpu[a].arch.idle) && stck() - start < QUIESCE_TICKS) {
		}
	}
}

void stop_other_cpus(void)
{
	u32 me = stap();

	let_others_idle(me);

	for (u32 a = 0; a < 64; a++)
		if (a != me && ((s390x_cpu_mask >> a) & 1))
			sigp_retry((u16)a, SIGP_STOP, 0, NULL);
	for (u32 a = 0; a < 64; a++)
		if (a != me && ((s390x_cpu_mask >> a) & 1))
			sigp_wait_stopped((u16)a);
}

static u64 status_wait_addr(int status)
{
	return WAIT_ADDR_STATUS | ((u64)status & 0xffff);
}

static void hercules_quit(int status)
{
	static const u8 quit[] = {0x98, 0xa4, 0x89, 0xa3}; /* "quit" in EBCDIC */
	register unsigned long cmd __asm__("2") = (unsigned long)quit;
	register unsigned long len __asm__("3") = sizeof(quit); /* flags byte 0: no response */

	/* A wait PSW at 0 tells the Hercules runner "success" too. */
	lowcore()->new_psws[3] = (struct psw){
	    .mask = PSW_MASK_DISABLED_WAIT,
	    .addr = status ? status_wait_addr(status) : 0,
	};
	__asm__ volatile(".insn rs,0x83000000,%[cmd],%[len],8" /* DIAG 8 */
	                 :
	                 : [cmd] "d"(cmd), [len] "d"(len)
	                 : "cc", "memory");
	disabled_wait(status ? status_wait_addr(status) : 0);
}

void arch_power_off(int status)
{
	stnsm_disable();
	stop_other_cpus();
	if (s390x_machine == MACHINE_HERCULES)
		hercules_quit(status);
	if (status == 0) {
		sigp(stap(), SIGP_STOP, 0, NULL);
		disabled_wait(WAIT_ADDR_QEMU_SHUTDOWN);
	}
	disabled_wait(status_wait_addr(status));
}
