/* SPDX-License-Identifier: MIT */
/* Single instructions at known addresses for the test guests: each faulting
 * instruction is the first of its function (so EPC is the function's
 * address) or sits in a branch-delay slot right after it (EPC is the
 * function's address with Cause.BD set). */
#include "tg/cp0.h"

	.set	mips64r2
	.set	noreorder
	.set	noat
	.text

	.macro	FUNC name
	.globl	\name
	.type	\name, @function
	.balign	8
\name:
	.endm

FUNC t_load64			/* u64 t_load64(u64 va) */
	ld	$2, 0($4)
	jr	$31
	 nop
FUNC t_load32			/* s32 t_load32(u64 va) */
	lw	$2, 0($4)
	jr	$31
	 nop
FUNC t_load16
	lh	$2, 0($4)
	jr	$31
	 nop
FUNC t_store64			/* void t_store64(u64 va, u64 v) */
	sd	$5, 0($4)
	jr	$31
	 nop
FUNC t_store32
	sw	$5, 0($4)
	jr	$31
	 nop
FUNC t_load64_bd		/* the load in the delay slot of a taken branch */
	beq	$0, $0, 1f
	 ld	$2, 0($4)
	nop
1:	jr	$31
	 nop
FUNC t_syscall
	syscall
	jr	$31
	 nop
FUNC t_syscall_bd
	beq	$0, $0, 1f
	 syscall
	nop
1:	jr	$31
	 nop
FUNC t_break
	break	7
	jr	$31
	 nop
FUNC t_teq
	teq	$0, $0
	jr	$31
	 nop
FUNC t_add_ov			/* s32 t_add_ov(s32 a, s32 b): add, trapping */
	add	$2, $4, $5
	jr	$31
	 nop
FUNC t_reserved			/* opcode 0x3b: reserved in MIPS64 Release 2 */
	.word	0xec000000
	jr	$31
	 nop
FUNC t_fpu			/* mfc1 with Status.CU1 = 0 */
	.set	push
	.set	hardfloat
	mfc1	$2, $f0
	.set	pop
	jr	$31
	 nop
FUNC t_sdbbp			/* sdbbp with $ra = a0 (back if it returns) */
	move	$3, $31
	move	$31, $4
	.globl	t_sdbbp_insn
t_sdbbp_insn:
	sdbbp	0
	jr	$3
	 move	$31, $3
FUNC t_jump			/* jr to a0: fetch from there */
	jr	$4
	 nop
FUNC t_ret42			/* a target for t_jump */
	jr	$31
	 li	$2, 42
FUNC t_eret_here		/* u32 t_eret_here(void): eret to the next label, return Status */
	dla	$12, 1f
	dmtc0	$12, C0_EPC
	ehb
	eret
	nop
	nop
1:	mfc0	$2, C0_STATUS
	jr	$31
	 nop
