/* SPDX-License-Identifier: MIT */
/* The measured loops of bench-guest.c, in assembler so that each is the
 * same instructions natively and as a partition. Each b_* loop runs n
 * times (n >= 1): a body, then `daddiu a0, a0, -1; bnez a0; nop`;
 * b_empty is that loop with no body. The body is never in a delay slot. */
#include "asm.h"

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

	.macro	LOOP_END
	daddiu	a0, a0, -1
	bnez	a0, 1b
	 nop
	jr	ra
	 nop
	.endm

FUNC b_empty			/* void b_empty(u64 n) */
1:	LOOP_END

FUNC b_mfc0_status		/* void b_mfc0_status(u64 n) */
1:	mfc0	t0, C0_STATUS
	LOOP_END

FUNC b_mtc0_status		/* void b_mtc0_status(u64 n, u64 status) */
1:	mtc0	a1, C0_STATUS
	LOOP_END

FUNC b_store_byte		/* void b_store_byte(u64 n, u64 addr) */
1:	sb	a0, 0(a1)
	LOOP_END

FUNC b_load2			/* void b_load2(u64 n, u64 va_a, u64 va_b) */
1:	ld	t0, 0(a1)
	ld	t1, 0(a2)
	LOOP_END

/* u64 b_cpu(u64 n): an xorshift loop, registers only */
FUNC b_cpu
	li	v0, 0
	dli	t0, 0x9e3779b97f4a7c15
1:	dsll	t1, t0, 13
	xor	t0, t0, t1
	dsrl	t1, t0, 7
	xor	t0, t0, t1
	dsll	t1, t0, 17
	xor	t0, t0, t1
	daddu	v0, v0, t0
	LOOP_END

/* The benchmark's own exception vectors (EBase while the refill phase
 * runs). The TLB refill handler is a minimal one, as an OS has it: the
 * hardware has set EntryHi (VPN2 and ASID) and Index is preset by the
 * benchmark, so it writes the one page pair every faulting address maps
 * to (b_refill_lo[0..1]) at that index and returns. 32-bit (UX = 0) and
 * 64-bit refills come here; every other exception goes to the SDK's. */
	.macro	REFILL
	lui	k0, %hi(b_refill_lo)
	ld	k1, %lo(b_refill_lo)(k0)
	dmtc0	k1, $2			/* EntryLo0 */
	ld	k1, %lo(b_refill_lo + 8)(k0)
	dmtc0	k1, $3			/* EntryLo1 */
	ehb
	tlbwi
	eret
	.endm

	.section .vectors, "ax"
	.balign	4096
	.globl	b_vectors
b_vectors:
	.org	VEC_REFILL
	REFILL
	.org	VEC_XREFILL
	REFILL
	.org	VEC_CACHEERR
	j	tg_vectors + VEC_CACHEERR
	 nop
	.org	VEC_GENERAL
	j	tg_vectors + VEC_GENERAL
	 nop
	.org	VEC_INT
	j	tg_vectors + VEC_INT
	 nop
	.org	0x400

	.data
	.balign	8
	.globl	b_refill_lo
b_refill_lo:
	.dword	0, 0
