/* SPDX-License-Identifier: MIT */
/* The guest's own exception vectors (EBase points here) and the way in and
 * out of C: every exception saves a struct tg_frame and calls tg_trap().
 * From user mode the frame goes on the kernel stack below the frame of
 * tg_run_user (tg_kstack_top, set as it drops to user mode). k0/k1
 * are scratch, as on the bare CPU (Tern keeps them across its traps). */
#include "asm.h"

	.set	mips64r2
	.set	noreorder
	.set	noat

	.macro	VECTOR off
	.org	\off
	mfc0	k0, C0_STATUS
	andi	k0, k0, ST_KSU
	beqz	k0, 1f			/* from kernel mode: same stack */
	 move	k1, sp
	lui	k0, %hi(tg_kstack_top)
	ld	sp, %lo(tg_kstack_top)(k0)
1:	daddiu	sp, sp, -F_SIZE
	sd	k1, F_R(29)(sp)
	j	tg_trap_common
	 li	k0, \off
	.endm

	.section .vectors, "ax"
	.balign	4096
	.globl	tg_vectors
tg_vectors:
	VECTOR	VEC_REFILL
	VECTOR	VEC_XREFILL
	VECTOR	VEC_CACHEERR
	VECTOR	VEC_GENERAL
	VECTOR	VEC_INT
	.org	0x400

	.text
	.type	tg_trap_common, @function
tg_trap_common:
	sd	k0, F_VEC(sp)
	sd	$1, F_R(1)(sp)
	sd	$2, F_R(2)(sp)
	sd	$3, F_R(3)(sp)
	sd	$4, F_R(4)(sp)
	sd	$5, F_R(5)(sp)
	sd	$6, F_R(6)(sp)
	sd	$7, F_R(7)(sp)
	sd	$8, F_R(8)(sp)
	sd	$9, F_R(9)(sp)
	sd	$10, F_R(10)(sp)
	sd	$11, F_R(11)(sp)
	sd	$12, F_R(12)(sp)
	sd	$13, F_R(13)(sp)
	sd	$14, F_R(14)(sp)
	sd	$15, F_R(15)(sp)
	sd	$16, F_R(16)(sp)
	sd	$17, F_R(17)(sp)
	sd	$18, F_R(18)(sp)
	sd	$19, F_R(19)(sp)
	sd	$20, F_R(20)(sp)
	sd	$21, F_R(21)(sp)
	sd	$22, F_R(22)(sp)
	sd	$23, F_R(23)(sp)
	sd	$24, F_R(24)(sp)
	sd	$25, F_R(25)(sp)
	sd	$28, F_R(28)(sp)
	sd	$30, F_R(30)(sp)
	sd	$31, F_R(31)(sp)
	mfhi	t0
	sd	t0, F_HI(sp)
	mflo	t0
	sd	t0, F_LO(sp)
	dmfc0	t0, C0_EPC
	sd	t0, F_EPC(sp)
	mfc0	t0, C0_STATUS
	sd	t0, F_STATUS(sp)
	mfc0	t0, C0_CAUSE
	sd	t0, F_CAUSE(sp)
	dmfc0	t0, C0_BADVADDR
	sd	t0, F_BADVADDR(sp)

	jal	tg_trap
	 move	a0, sp

	ld	t0, F_EPC(sp)
	dmtc0	t0, C0_EPC
	ld	t0, F_STATUS(sp)
	ori	t0, t0, ST_EXL		/* eret below drops it */
	mtc0	t0, C0_STATUS
	ehb
	ld	t0, F_HI(sp)
	mthi	t0
	ld	t0, F_LO(sp)
	mtlo	t0
	ld	$1, F_R(1)(sp)
	ld	$2, F_R(2)(sp)
	ld	$3, F_R(3)(sp)
	ld	$4, F_R(4)(sp)
	ld	$5, F_R(5)(sp)
	ld	$6, F_R(6)(sp)
	ld	$7, F_R(7)(sp)
	ld	$8, F_R(8)(sp)
	ld	$9, F_R(9)(sp)
	ld	$10, F_R(10)(sp)
	ld	$11, F_R(11)(sp)
	ld	$12, F_R(12)(sp)
	ld	$13, F_R(13)(sp)
	ld	$14, F_R(14)(sp)
	ld	$15, F_R(15)(sp)
	ld	$16, F_R(16)(sp)
	ld	$17, F_R(17)(sp)
	ld	$18, F_R(18)(sp)
	ld	$19, F_R(19)(sp)
	ld	$20, F_R(20)(sp)
	ld	$21, F_R(21)(sp)
	ld	$22, F_R(22)(sp)
	ld	$23, F_R(23)(sp)
	ld	$24, F_R(24)(sp)
	ld	$25, F_R(25)(sp)
	ld	$28, F_R(28)(sp)
	ld	$30, F_R(30)(sp)
	ld	$31, F_R(31)(sp)
	ld	sp, F_R(29)(sp)
	eret
	.size	tg_trap_common, . - tg_trap_common

/* int tg_setjmp(struct tg_jmp *j) */
	.globl	tg_setjmp
	.type	tg_setjmp, @function
tg_setjmp:
	sd	s0, J_S(0)(a0)
	sd	s1, J_S(1)(a0)
	sd	s2, J_S(2)(a0)
	sd	s3, J_S(3)(a0)
	sd	s4, J_S(4)(a0)
	sd	s5, J_S(5)(a0)
	sd	s6, J_S(6)(a0)
	sd	s7, J_S(7)(a0)
	sd	fp, J_FP(a0)
	sd	sp, J_SP(a0)
	sd	gp, J_GP(a0)
	sd	ra, J_RA(a0)
	jr	ra
	 move	v0, zero
	.size	tg_setjmp, . - tg_setjmp

/* long tg_run_user(u64 pc, u64 sp, u64 arg): eret to user mode at pc; comes
 * back (returning a value) only through tg_user_return() in a handler. */
	.globl	tg_run_user
	.type	tg_run_user, @function
tg_run_user:
	daddiu	sp, sp, -32
	sd	ra, 0(sp)
	sd	s0, 8(sp)		/* ours to use below: the caller's */
	sd	s1, 16(sp)
	sd	s2, 24(sp)
	move	s0, a0
	move	s1, a1
	move	s2, a2
	la	a0, tg_user_jmp
	jal	tg_setjmp
	 nop
	bnez	v0, 1f
	 nop
	la	t0, tg_kstack_top	/* exceptions from user mode: below us */
	sd	sp, 0(t0)
	dmtc0	s0, C0_EPC
	mfc0	t0, C0_STATUS
	li	t1, ~ST_KSU
	and	t0, t0, t1
	ori	t0, t0, ST_KSU_USER | ST_EXL
	mtc0	t0, C0_STATUS
	ehb
	move	sp, s1
	move	a0, s2
	eret
1:	ld	ra, 0(sp)
	ld	s0, 8(sp)
	ld	s1, 16(sp)
	ld	s2, 24(sp)
	jr	ra
	 daddiu	sp, sp, 32
	.size	tg_run_user, . - tg_run_user
