/* SPDX-License-Identifier: MIT */
/* Code the guest runs in its own user mode. It lives in the .user pages
 * (guest-mips64*.ld), which the test maps at a useg address with the user
 * ASID, so it is position-independent: branches only, no absolute jumps.
 * Every program ends with "syscall 2" (v0 = 2, result in a0). */
	.set	mips64r2
	.set	noreorder
	.set	noat
	.section .user, "ax"

	.macro	FUNC name
	.globl	\name
	.type	\name, @function
	.balign	16
\name:
	.endm

	.macro	DONE
	li	$2, 2
	syscall
1:	b	1b
	 nop
	.endm

FUNC u_syscalls			/* three "syscall 1"s, then a0 = 7 */
	li	$2, 1
	syscall
	li	$2, 1
	syscall
	li	$2, 1
	syscall
	li	$4, 7
	DONE
FUNC u_load			/* a0 = *(u64 *)a0 */
	ld	$4, 0($4)
	DONE
FUNC u_store			/* *(u64 *)a0 = a1 */
	sd	$5, 0($4)
	DONE
FUNC u_mfc0			/* a privileged instruction */
	mfc0	$4, $12
	DONE
FUNC u_break
	break	5
	DONE
FUNC u_spin			/* until the kernel takes us back */
	b	u_spin
	 nop
FUNC u_read_sp			/* a0 = sp */
	move	$4, $29
	DONE
