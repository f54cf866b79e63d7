/* SPDX-License-Identifier: MIT */
/* Guest entry, for both layouts. QEMU's -kernel (native) and Tern (as a
 * partition) enter at _start with a0 = argc, a1 = argv (32-bit pointers),
 * a2 = boot parameters and Status = 0: kernel mode, interrupts off. The
 * stack, BSS, kseg0 cacheability and EBase are ours to set. */
#include "asm.h"

	.set	mips64r2
	.set	noreorder

	.section .text.entry, "ax"
	.globl	_start
	.type	_start, @function
_start:
	mtc0	zero, C0_STATUS		/* kernel mode, IE/EXL/ERL/BEV clear */
	ehb
	mfc0	t0, C0_CONFIG		/* kseg0 cacheable (QEMU resets K0 to 2) */
	ori	t0, t0, CONF_K0_MASK
	xori	t0, t0, CONF_K0_MASK ^ CONF_K0_CACHED
	mtc0	t0, C0_CONFIG
	ehb

	la	t0, __bss_start		/* a0-a2 must survive */
	la	t1, __bss_end
1:	beq	t0, t1, 2f
	 nop
	sd	zero, 0(t0)
	b	1b
	 daddiu	t0, t0, 8
2:
	/* EBase: keep the bits the CPU fixes (63:30, CPUNum), replace 29:12. */
	mfc0	t0, C0_EBASE
	li	t1, 0x3ffff000
	nor	t2, t1, zero
	and	t0, t0, t2
	la	t2, tg_vectors
	and	t2, t2, t1
	or	t0, t0, t2
	mtc0	t0, C0_EBASE
	ehb

	la	sp, tg_kstack_end
	la	t0, tg_kstack_top
	sd	sp, 0(t0)
	jal	tg_start		/* tg_start(argc, argv, bootparams) */
	 nop
	move	a0, v0
	jal	tg_exit
	 nop
3:	b	3b
	 nop
	.size	_start, . - _start

	.section .bss.tg_kstack, "aw", @nobits
	.balign	16
	.space	16384
	.globl	tg_kstack_end
tg_kstack_end:
