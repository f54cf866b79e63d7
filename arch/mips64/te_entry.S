/* SPDX-License-Identifier: MIT */
/* Entering a trap-and-emulate guest and coming back.
 *
 * te_enter() saves the host's callee-saved registers on its stack, parks the
 * stack pointer in the CPU's exception area, loads the guest's registers
 * (k0 and k1 too: they belong to the guest) and erets into user mode. Any
 * exception from there goes through the ordinary vectors, which save every
 * guest GPR into the level-1 frame and, seeing user mode, jump to
 * mips_te_exit: depth back to 0, kernel mode, host stack back, and
 * te_enter() returns the frame. One exit path, no second set of vectors. */
#include "arch/cp0.h"
#include "arch/frame.h"

	.set	mips64r2
	.set	sym32
	.set	noreorder
	.set	noat

#define HOST_SAVE 96

/* struct mips_frame *te_enter(struct mips_guest_ctx *g, u64 status, u64 entryhi, u64 gctl0)
 * g starts with gpr[32], hi, lo, pc laid out like struct mips_frame.
 * status: the host Status to run it with (EXL set; KSU user for
 * trap-and-emulate, kernel for VZ); entryhi: ASID. gctl0: 0 for
 * trap-and-emulate; for VZ the GuestCtl0 to enter with (GM set), written
 * while EXL holds the CPU in root mode, and recorded in the area so that
 * the vectors know the exception left a VZ guest (arch/mips64/vz_entry.S). */
	.text
	.globl	te_enter
	.type	te_enter, @function
te_enter:
	daddiu	$sp, $sp, -HOST_SAVE
	sd	$16, 0($sp)
	sd	$17, 8($sp)
	sd	$18, 16($sp)
	sd	$19, 24($sp)
	sd	$20, 32($sp)
	sd	$21, 40($sp)
	sd	$22, 48($sp)
	sd	$23, 56($sp)
	sd	$28, 64($sp)
	sd	$30, 72($sp)
	sd	$31, 80($sp)
	mfc0	$8, $31, 0		/* DESAVE: this CPU's exception area */
	sd	$sp, AREA_HOST_SP($8)
	mtc0	$5, $12, 0		/* EXL set: still kernel mode, no interrupts */
	ehb
	sd	$7, AREA_GUEST_VZ($8)
	beqz	$7, 1f
	 nop
	mtc0	$7, $12, 6		/* GuestCtl0 with GM: the eret enters guest mode */
	ehb
1:
	dmtc0	$6, $10, 0		/* EntryHi: the guest space's ASID */
	ld	$8, FRAME_EPC($4)
	dmtc0	$8, $14, 0
	ld	$8, FRAME_HI($4)
	mthi	$8
	ld	$8, FRAME_LO($4)
	mtlo	$8
	move	$27, $4
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,28,29,30,31
	ld	$\n, (\n * 8)($27)
	.endr
	ld	$27, (27 * 8)($27)
	eret
	.size	te_enter, . - te_enter

/* From mips_exc_common: s0 ($16) = the frame with the guest's state,
 * s1 ($17) = the exception area. */
	.globl	mips_te_exit
	.type	mips_te_exit, @function
mips_te_exit:
	sd	$0, AREA_DEPTH($17)
	/* ASID 0 is never a guest's: a stray useg access by the hypervisor
	 * faults instead of reaching a guest's shadow mappings */
	dmtc0	$0, $10, 0
	mfc0	$8, $12, 0
	ins	$8, $0, 0, 5		/* IE, EXL, ERL, KSU: host kernel mode */
	mtc0	$8, $12, 0
	ehb
	move	$2, $16
	ld	$sp, AREA_HOST_SP($17)
	sd	$0, AREA_HOST_SP($17)
	ld	$16, 0($sp)
	ld	$17, 8($sp)
	ld	$18, 16($sp)
	ld	$19, 24($sp)
	ld	$20, 32($sp)
	ld	$21, 40($sp)
	ld	$22, 48($sp)
	ld	$23, 56($sp)
	ld	$28, 64($sp)
	ld	$30, 72($sp)
	ld	$31, 80($sp)
	jr	$31
	 daddiu	$sp, $sp, HOST_SAVE
	.size	mips_te_exit, . - mips_te_exit
