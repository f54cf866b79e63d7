/* SPDX-License-Identifier: MIT */
/* Arch hooks: ending the run, and dumping machine state on a crash. */
#ifndef HV_ARCH_POWER_H
#define HV_ARCH_POWER_H

#include "hv/types.h"

/* Power the machine off with an exit status the emulator or harness can
 * read (QEMU MIPS: semihosting exit or PM shutdown; Hercules: DIAG 8 quit;
 * QEMU s390x: stop or disabled wait). Stops other CPUs as far as the arch
 * can. Never returns. Core prints "[hv] EXIT status=N" before calling it. */
__noreturn void arch_power_off(int status);

/* Print the calling CPU's registers (as much as the arch can recover from
 * here) through the console, for panic(). */
void arch_dump_current(void);

/* Selftest only (CFG_F_SELFTEST_EXCEPTION): make an access that raises an
 * exception the hypervisor does not expect, to prove the crash dump path. */
void arch_selftest_fault(void);

#endif
