/* SPDX-License-Identifier: MIT */
/* Interruption entry stubs (the new PSWs point here), the secondary CPU
 * start, and the constant PSWs they use. Every stub runs with all
 * interruptions disabled and addresses its CPU's lowcore at real 0. */
#include <arch/lowcore.h>
#include <arch/psw.h>
#include <arch/sigp.h>

	.section .rodata
	.balign	8
	.globl	lowcore_new_psws
lowcore_new_psws:
	.quad	PSW_MASK_KERNEL, restart_entry
	.quad	PSW_MASK_KERNEL, ext_entry
	.quad	PSW_MASK_KERNEL, svc_entry
	.quad	PSW_MASK_KERNEL, pgm_entry
	.quad	PSW_MASK_KERNEL, mcck_entry
	.quad	PSW_MASK_KERNEL, io_entry
	.globl	dblfault_psw
dblfault_psw:
	.quad	PSW_MASK_KERNEL, dblfault_entry
dblfault_wait_psw:
	.quad	PSW_MASK_DISABLED_WAIT, DBLFAULT_WAIT_ADDR
	.globl	tod_never
tod_never:
	.quad	-1
	.globl	cr0_init
cr0_init:
	.quad	CR0_INIT

	.text
/* The only expected interruption: emergency signal, clock comparator or
 * service signal, taken in an enabled wait. The interrupted code is always
 * Tern's, on a valid stack (the s390x ABI has no red zone), so the handler
 * runs below it, with the GPRs and old PSW in its frame: a wait entered
 * from the handler's context (a panic there prints through the SCLP) nests
 * safely. The C handler may turn the old PSW from a wait into a disabled
 * PSW before it is loaded again. */
#define EXT_FRAME_GPRS 160			/* after the callee's save area */
#define EXT_FRAME_PSW (EXT_FRAME_GPRS + 128)
#define EXT_FRAME (EXT_FRAME_PSW + 16)
	.globl	ext_entry
ext_entry:
	stmg	%r0,%r15,EXT_FRAME_GPRS-EXT_FRAME(%r15)
	aghi	%r15,-EXT_FRAME
	mvc	EXT_FRAME_PSW(16,%r15),LC_EXT_OLD_PSW(%r0)
	la	%r2,EXT_FRAME_GPRS(%r15)	/* struct ext_frame * */
	brasl	%r14,arch_ext_interrupt
	mvc	LC_EXT_OLD_PSW(16,%r0),EXT_FRAME_PSW(%r15)
	lmg	%r0,%r15,EXT_FRAME_GPRS(%r15)
	lpswe	LC_EXT_OLD_PSW(%r0)

/* Unexpected interruptions: save the state, then make any program check
 * in the crash path end in a disabled wait instead of a loop. */
	.macro	CRASH_ENTRY name, kind
	.globl	\name
\name:
	stmg	%r0,%r15,LC_CRASH_GPRS(%r0)
	mvc	LC_PGM_NEW_PSW(16,%r0),LC_DBLFAULT_PSW(%r0)
	lghi	%r2,\kind
	j	crash_common
	.endm

	CRASH_ENTRY restart_entry, CRASH_RESTART
	CRASH_ENTRY svc_entry, CRASH_SVC
	CRASH_ENTRY mcck_entry, CRASH_MCCK
	CRASH_ENTRY io_entry, CRASH_IO

/* Program interruptions: expected only at two places, both inside SIE
 * code (sie_entry.S). A host DAT fault on guest storage leaves the old PSW
 * at the SIE instruction: leave SIE through sie_exit_fault, disabled, with
 * the guest's registers as they are. The SIE probe resumes after its SIE
 * with the code in r2. Anything else is a crash. */
	.globl	pgm_entry
pgm_entry:
	stmg	%r0,%r15,LC_CRASH_GPRS(%r0)
	larl	%r1,sie_insn
	clg	%r1,LC_PGM_OLD_PSW+8(%r0)
	jne	1f
	larl	%r1,sie_exit_fault
	stg	%r1,LC_PGM_OLD_PSW+8(%r0)
	ni	LC_PGM_OLD_PSW(%r0),0xfc	/* I/O and external off */
	lmg	%r0,%r15,LC_CRASH_GPRS(%r0)
	lpswe	LC_PGM_OLD_PSW(%r0)
1:	larl	%r1,sie_probe_end
	clg	%r1,LC_PGM_OLD_PSW+8(%r0)
	jne	2f
	lmg	%r0,%r15,LC_CRASH_GPRS(%r0)
	llgh	%r2,LC_PGM_CODE(%r0)
	lpswe	LC_PGM_OLD_PSW(%r0)
2:	mvc	LC_PGM_NEW_PSW(16,%r0),LC_DBLFAULT_PSW(%r0)
	lghi	%r2,CRASH_PGM
	j	crash_common

crash_common:
	stctg	%c0,%c15,LC_CRASH_CRS(%r0)
	lg	%r15,LC_CRASH_STACK(%r0)
	brasl	%r14,arch_crash
	lpswe	LC_DBLFAULT_PSW(%r0)

/* The end of a crash path that faulted (or of one that must not run):
 * stop the other CPUs, as QEMU ends the run on a disabled wait only when
 * no other CPU is operating, then wait disabled. A fault in here lands in
 * that wait directly. */
	.globl	dblfault_entry
dblfault_entry:
	larl	%r1,dblfault_wait_psw
	mvc	LC_PGM_NEW_PSW(16,%r0),0(%r1)
	stap	LC_SCRATCH(%r0)
	llgh	%r4,LC_SCRATCH(%r0)		/* our CPU address */
	larl	%r1,s390x_cpu_mask
	lg	%r5,0(%r1)
	lghi	%r3,0
1:	srlg	%r6,%r5,0(%r3)
	tmll	%r6,1
	jz	3f
	cgr	%r3,%r4
	je	3f
	lghi	%r7,1000
2:	sigp	%r1,%r3,SIGP_STOP
	brc	13,3f				/* not busy (cc 0, 1, 3): next CPU */
	brctg	%r7,2b
3:	aghi	%r3,1
	cghi	%r3,64
	jl	1b
	larl	%r1,dblfault_wait_psw
	lpswe	0(%r1)

/* A secondary CPU's restart new PSW: it arrives after an initial CPU reset
 * (CR0 and clock comparator reset), in z/Arch mode, DAT off, disabled, with
 * its lowcore prepared by the boot CPU. */
	.globl	secondary_entry
secondary_entry:
	larl	%r1,tod_never
	sckc	0(%r1)
	larl	%r1,cr0_init
	lctlg	%c0,%c0,0(%r1)
	lg	%r15,LC_START_STACK(%r0)
	brasl	%r14,arch_secondary_entry
	lpswe	LC_DBLFAULT_PSW(%r0)

	.section .note.GNU-stack, "", @progbits
