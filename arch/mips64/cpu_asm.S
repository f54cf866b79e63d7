/* SPDX-License-Identifier: MIT */
/* The idle instruction sequence and a register snapshot for panic(). */
#include "arch/cp0.h"
#include "arch/frame.h"

	.set	mips64r2
	.set	sym32		/* ckseg0 image: 2-instruction la */
	.set	noreorder

/* void arch_cpu_idle(void): called with IE clear. An interrupt taken
 * anywhere in [mips_idle_window, mips_idle_wait] returns to
 * mips_idle_resume (mips_exception steps EPC), so a wakeup that lands between
 * enabling IE and `wait` ends the idle instead of being slept through. */
	.text
	.globl	arch_cpu_idle
	.type	arch_cpu_idle, @function
arch_cpu_idle:
	mfc0	$12, $12
	ori	$12, $12, ST_IE
	.globl	mips_idle_window
mips_idle_window:
	mtc0	$12, $12
	ehb
	.globl	mips_idle_wait
mips_idle_wait:
	wait
	.globl	mips_idle_resume
mips_idle_resume:
	di
	jr.hb	$ra
	 nop
	.size	arch_cpu_idle, . - arch_cpu_idle

/* void mips_save_regs(struct mips_frame *f): the caller's registers as
 * they are at the call (temporaries are whatever the call left in them);
 * "EPC" is the return address. */
	.globl	mips_save_regs
	.type	mips_save_regs, @function
mips_save_regs:
	.set	push
	.set	noat
	sd	$0, 0($4)
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sd	$\n, (\n * 8)($4)
	.endr
	.set	pop
	mfhi	$12
	sd	$12, FRAME_HI($4)
	mflo	$12
	sd	$12, FRAME_LO($4)
	sd	$ra, FRAME_EPC($4)
	mfc0	$12, $12, 0
	sd	$12, FRAME_STATUS($4)
	mfc0	$12, $13, 0
	sd	$12, FRAME_CAUSE($4)
	dmfc0	$12, $8, 0
	sd	$12, FRAME_BADVADDR($4)
	dmfc0	$12, $30, 0
	sd	$12, FRAME_ERROREPC($4)
	dmfc0	$12, $10, 0
	sd	$12, FRAME_ENTRYHI($4)
	mfc0	$12, $15, 1
	sd	$12, FRAME_EBASE($4)
	li	$12, -1			/* no vector: a snapshot */
	sd	$12, FRAME_VECTOR($4)
	jr	$ra
	 sd	$0, FRAME_LEVEL($4)
	.size	mips_save_regs, . - mips_save_regs
