/* SPDX-License-Identifier: MIT */
/* Declarations shared by the s390x arch files (not a core contract). */
#ifndef ARCH_S390X_H
#define ARCH_S390X_H

#include "arch/psw.h"
#include "hv/types.h"

/* Linker symbols. */
extern char _image_start[], _image_end[];

/* entry.S */
extern const struct psw lowcore_new_psws[6]; /* restart, ext, svc, pgm, mcck, io */
extern const struct psw dblfault_psw;
void secondary_entry(void);

/* Stop the other CPUs and end in a disabled wait (DBLFAULT_WAIT_ADDR). */
static inline __noreturn void dblfault(void)
{
	__asm__ volatile("lpswe %0" : : "Q"(dblfault_psw) : "memory");
	__builtin_unreachable();
}

/* Called from assembly only. */
__noreturn void arch_boot(void);
/* sie.c: how guests run on this machine, for the banner (probes SIE once). */
const char *sie_describe(void);
__noreturn void arch_secondary_entry(void);
/* What entry.S saved of the context an external interruption hit. */
struct ext_frame {
	u64 gprs[16];
	struct psw old_psw;
};
void arch_ext_interrupt(struct ext_frame *f);
__noreturn void arch_crash(u64 kind);

/* machine.c: which emulator or machine this is, decided at run time. */
enum machine_kind {
	MACHINE_UNKNOWN = 0,
	MACHINE_QEMU,
	MACHINE_HERCULES,
};
extern enum machine_kind s390x_machine;
const char *machine_detect(void);

/* timer.c */
void timer_init(void);
void timer_disarm(void);
#define TOD_HZ 4096000000ull /* bit 51 of the TOD clock is one microsecond */

/* crash.c: an external interruption nobody enabled. */
__noreturn void crash_unexpected_ext(u16 code, const struct ext_frame *f);

/* power.c */
void stop_other_cpus(void);

/* setup.c: the CPUs this machine has (bit n = CPU address n). */
extern u64 s390x_cpu_mask;
/* setup.c: the first address past RAM. */
extern u64 s390x_ram_end;

/* smp.c */
#define STACK_FRAME 160 /* the register save area a callee may use */

#endif
