/* SPDX-License-Identifier: MIT */
/* IPL entry at 0x10000, for both emulators from one image.
 *
 * Hercules IPLs from a .ins list and starts here in ESA/390 mode (31-bit,
 * from the 8-byte IPL PSW at 0); QEMU's -kernel starts here already in
 * z/Architecture 64-bit mode. The first four instructions are valid in both
 * and leave both in z/Arch 64-bit mode: QEMU rejects the set-architecture
 * order (cc 1), which changes nothing but r1.
 *
 * This section must stay below 0x10400: QEMU treats an ELF entered at
 * 0x10000 as Linux and writes the -append string to 0x10480. */
#include <arch/lowcore.h>

#define BOOT_STACK_SIZE 16384
#define CRASH_STACK_SIZE 8192

	.section .head.text, "ax"
	.globl	_start
_start:
	slr	%r0,%r0
	lhi	%r1,1			/* z/Architecture */
	sigp	%r1,%r0,0x12		/* SET ARCHITECTURE */
	sam64

	/* .bss is not in the flat file Hercules loads, and the boot stack is
	 * in .bss: clear it before anything uses it. */
	larl	%r2,_bss_start
	larl	%r3,_bss_end
	sgr	%r3,%r2
	lghi	%r4,0
	lghi	%r5,0
0:	mvcle	%r2,%r4,0
	jo	0b

	/* Reset leaves the clock comparator at a value the TOD clock has long
	 * passed: disarm it before CR0 enables its subclass. */
	larl	%r1,tod_never
	sckc	0(%r1)
	larl	%r1,cr0_init
	lctlg	%c0,%c0,0(%r1)

	/* The boot CPU keeps prefix 0: its lowcore is absolute 0-0x1fff. Every
	 * new PSW leads to an entry stub before any C code runs. */
	larl	%r1,lowcore_new_psws
	mvc	LC_RESTART_NEW_PSW(16*LC_NR_NEW_PSWS,%r0),0(%r1)
	larl	%r1,dblfault_psw
	mvc	LC_DBLFAULT_PSW(16,%r0),0(%r1)
	larl	%r1,boot_crash_stack+CRASH_STACK_SIZE-160
	stg	%r1,LC_CRASH_STACK(%r0)

	larl	%r15,boot_stack+BOOT_STACK_SIZE-160
	brasl	%r14,arch_boot
	lpswe	LC_DBLFAULT_PSW(%r0)	/* arch_boot does not return */

	.section .bss.boot_stacks, "aw", @nobits
	.balign	4096
boot_stack:
	.skip	BOOT_STACK_SIZE
boot_crash_stack:
	.skip	CRASH_STACK_SIZE

/* Hercules' IPL PSW (absolute 0, from iplpsw.bin in the .ins list): ESA/390
 * EC mode, disabled, key 0, supervisor, 31-bit, start at _start. Not loaded
 * with the image; the build extracts it. */
	.section .iplpsw, "", @progbits
	.long	0x00080000, 0x80000000 | 0x10000

	.section .note.GNU-stack, "", @progbits
