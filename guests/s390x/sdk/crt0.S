/* SPDX-License-Identifier: MIT */
/* Tern s390x guest start code. Entered at 0x10000 with a 64-bit PSW, DAT
 * off, interrupts off (QEMU -kernel and a Tern partition alike). Clears
 * .bss, sets the stack, calls sdk_start(). Also the interruption stubs the
 * lowcore new PSWs point at, the secondary-CPU entry, and the problem-state
 * trampoline. */
#include <tern/s390x.h>

#define STACK_SIZE 16384
#define FRAME 160        /* ABI register save area */
#define CTX 144          /* struct irq_ctx: 16 GPRs + PSW */

	.section .head.text, "ax"
	.globl _start
_start:
	larl	%r2,_bss_start
	larl	%r3,_bss_end
1:	clgr	%r2,%r3
	jnl	2f
	xc	0(256,%r2),0(%r2)	/* .bss is 4 KiB aligned and sized */
	la	%r2,256(%r2)
	j	1b
2:	larl	%r15,sdk_stack0_top
	aghi	%r15,-FRAME
	brasl	%r14,sdk_start
3:	j	3b

	.text
/* An interruption: save the GPRs in the lowcore (per CPU, as real address
 * 0x200 is the CPU's own prefix area), build a struct irq_ctx on the
 * interrupted stack, call the C handler with it, and resume with the
 * (possibly changed) PSW from a slot of this class outside the low 512
 * bytes, which low-address protection may guard. */
	.macro	IRQ_STUB name, oldpsw, handler, resume
	.globl	\name
\name:
	stmg	%r0,%r15,LC_SAVE_GPRS
	aghi	%r15,-(FRAME + CTX)
	mvc	FRAME(128,%r15),LC_SAVE_GPRS
	mvc	FRAME+128(16,%r15),\oldpsw
	la	%r2,FRAME(%r15)
	brasl	%r14,\handler
	mvc	\resume(16),FRAME+128(%r15)
	lmg	%r0,%r15,FRAME(%r15)
	lpswe	\resume
	.endm

	IRQ_STUB sdk_ext_stub, LC_EXT_OLD_PSW, sdk_ext_handler, LC_RESUME_PSW
	IRQ_STUB sdk_pgm_stub, LC_PGM_OLD_PSW, sdk_pgm_handler, LC_RESUME_PSW+16
	IRQ_STUB sdk_svc_stub, LC_SVC_OLD_PSW, sdk_svc_handler, LC_RESUME_PSW+32
	IRQ_STUB sdk_io_stub, LC_IO_OLD_PSW, sdk_io_handler, LC_RESUME_PSW+48
	IRQ_STUB sdk_mcck_stub, LC_MCCK_OLD_PSW, sdk_mcck_handler, LC_RESUME_PSW+64
	IRQ_STUB sdk_restart_stub, LC_RESTART_OLD_PSW, sdk_restart_handler, LC_RESUME_PSW+80

/* A secondary CPU after SIGP RESTART: its prefix area holds the stack and
 * the CR0 to use (smp.c). */
	.globl	sdk_secondary_entry
sdk_secondary_entry:
	lg	%r15,LC_CPU_STACK
	lctlg	%c0,%c0,LC_CPU_CR0
	brasl	%r14,sdk_secondary_main
0:	j	0b

/* void run_in_problem_state(void (*fn)(void *), void *arg): call fn(arg)
 * with the P bit on; SVC 255 brings us back to the supervisor state. */
	.globl	run_in_problem_state
run_in_problem_state:
	stmg	%r6,%r15,48(%r15)
	aghi	%r15,-(FRAME + 16)
	larl	%r1,1f
	stg	%r1,FRAME+8(%r15)
	llihf	%r0,0x00010001		/* P, EA */
	oilf	%r0,0x80000000		/* BA */
	stg	%r0,FRAME(%r15)
	lpswe	FRAME(%r15)
1:	lgr	%r1,%r2
	lgr	%r2,%r3
	basr	%r14,%r1
	svc	255
	aghi	%r15,FRAME + 16
	lmg	%r6,%r15,48(%r15)
	br	%r14

	.section .bss
	.balign	4096
	.globl	sdk_stack0_top
sdk_stack0:
	.skip	STACK_SIZE
sdk_stack0_top:

	.section .note.GNU-stack, "", @progbits
