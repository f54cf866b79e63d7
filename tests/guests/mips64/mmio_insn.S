/* SPDX-License-Identifier: MIT */
/* Every load and store form a guest can point at a device, one function
 * each: loads are u64 f(u64 addr, u64 rt_before) and return rt after the
 * instruction (so merges and sign/zero extension show); stores are
 * void f(u64 addr, u64 value). The GS*X forms use base + index registers
 * (and one an 8-bit offset too) that add up to addr. */
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

	.macro	LOAD name, insn
FUNC m_\name
	move	$2, $5
	\insn	$2, 0($4)
	jr	$31
	 nop
	.endm

	.macro	STORE name, insn
FUNC m_\name
	\insn	$5, 0($4)
	jr	$31
	 nop
	.endm

	.macro	GSLOAD name, insn, off
FUNC m_\name
	move	$2, $5
	li	$6, 40
	daddiu	$4, $4, -(40 + \off)
	.set	push
	.set	loongson-ext
	\insn	$2, \off($4, $6)
	.set	pop
	jr	$31
	 nop
	.endm

	.macro	GSSTORE name, insn, off
FUNC m_\name
	li	$6, 40
	daddiu	$4, $4, -(40 + \off)
	.set	push
	.set	loongson-ext
	\insn	$5, \off($4, $6)
	.set	pop
	jr	$31
	 nop
	.endm

	LOAD	lb, lb
	LOAD	lbu, lbu
	LOAD	lh, lh
	LOAD	lhu, lhu
	LOAD	lw, lw
	LOAD	lwu, lwu
	LOAD	ld, ld
	LOAD	lwl, lwl
	LOAD	lwr, lwr
	LOAD	ldl, ldl
	LOAD	ldr, ldr
	GSLOAD	gslbx, gslbx, 0
	GSLOAD	gslhx, gslhx, 0
	GSLOAD	gslwx, gslwx, 0
	GSLOAD	gsldx, gsldx, 0
	GSLOAD	gsldx_off, gsldx, -16
	STORE	sb, sb
	STORE	sh, sh
	STORE	sw, sw
	STORE	sd, sd
	STORE	swl, swl
	STORE	swr, swr
	STORE	sdl, sdl
	STORE	sdr, sdr
	GSSTORE	gssbx, gssbx, 0
	GSSTORE	gsshx, gsshx, 0
	GSSTORE	gsswx, gsswx, 0
	GSSTORE	gssdx, gssdx, 0
	GSSTORE	gssdx_off, gssdx, 24
