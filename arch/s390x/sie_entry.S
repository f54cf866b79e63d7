/* SPDX-License-Identifier: MIT */
/* SIE entry and exit, in the shape of Linux's sie64a: guest r0-r13 travel
 * in host r0-r13 across SIE (r14/r15 in the state description), so the
 * host's own registers are saved around it. Host external interruptions
 * are enabled only across the SIE instruction: one that arrives there
 * leaves its old PSW pointing at SIE, and ext.c asks the state description
 * for a stop (intercept 0x28). A host program interruption there (a host
 * DAT fault on guest storage) is sent to sie_exit_fault by entry.S. */
#include <arch/lowcore.h>

#define FRAME 184
#define F_GPRS 160  /* the guest GPR array */
#define F_MASK 168  /* the system mask before stosm */
#define F_TRACE 176 /* nonzero: a trace window is open (S390_FEAT_TRACE) */

/* Trace windows (S390_FEAT_TRACE, emulate_diag.c): with r4 nonzero,
 * Hercules' instruction trace is switched off (DIAG 8 "t-") before the
 * guest runs and on again ("t+") once SIE has ended, so that a window
 * traces host instructions only. Traced, SIE would leave after about each
 * guest instruction (Hercules implements tracing as a pending host
 * interruption), and the guest's instructions would be in the trace. */
	.macro	HERCULES_CMD cmd
	larl	%r1,\cmd
	lghi	%r2,2
	diag	%r1,%r2,8			/* DIAG 8: r1 command, r2 length */
	.endm

	.text
	.globl	sie64a
sie64a:
	stmg	%r6,%r14,48(%r15)
	aghi	%r15,-FRAME
	stg	%r3,F_GPRS(%r15)
	stg	%r4,F_TRACE(%r15)
	lgr	%r14,%r2
	ltgr	%r4,%r4
	jz	0f
	HERCULES_CMD trace_off
	lg	%r3,F_GPRS(%r15)
0:	lmg	%r0,%r13,0(%r3)
	stosm	F_MASK(%r15),0x01		/* host external interruptions on */
	.globl	sie_insn
sie_insn:
	.insn	s,0xb2140000,0(%r14)		/* SIE */
	stnsm	F_MASK(%r15),0xfe		/* and off again */
	lg	%r14,F_GPRS(%r15)
	stmg	%r0,%r13,0(%r14)
	lghi	%r2,0
.Lsie_trace:
	ltg	%r1,F_TRACE(%r15)
	jz	.Lsie_done
	lgr	%r6,%r2
	HERCULES_CMD trace_on
	lgr	%r2,%r6
.Lsie_done:
	lmg	%r6,%r14,FRAME+48(%r15)
	aghi	%r15,FRAME
	br	%r14

/* From pgm_entry, disabled, with every register as SIE left it. */
	.globl	sie_exit_fault
sie_exit_fault:
	lg	%r14,F_GPRS(%r15)
	stmg	%r0,%r13,0(%r14)
	lghi	%r2,1				/* SIE_EXIT_HOST_FAULT */
	j	.Lsie_trace

/* Probe for SIE at run time: SIE with a misaligned operand is a
 * specification exception where SIE exists and an operation exception
 * where it does not (QEMU TCG). Either way suppressed, so the old PSW
 * points at sie_probe_end, where pgm_entry resumes with r2 = the program
 * interruption code. Returns that code. */
	.globl	sie_probe
sie_probe:
	lgr	%r1,%r15
	nill	%r1,0xfe00
	la	%r1,8(%r1)
	lghi	%r2,-1
	.insn	s,0xb2140000,0(%r1)
	.globl	sie_probe_end
sie_probe_end:
	br	%r14

	.section .rodata
	.balign	8				/* LARL targets are halfword aligned */
trace_on:
	.byte	0xa3,0x4e			/* "t+" in IBM-1047 */
	.balign	2
trace_off:
	.byte	0xa3,0x60			/* "t-" */

	.section .note.GNU-stack, "", @progbits
