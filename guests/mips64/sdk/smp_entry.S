/* SPDX-License-Identifier: MIT */
/* SMP entry stub and the race-free wait (tg_smp.h, smp.c).
 *
 * tg_smp_entry: where a parked CPU jumps when its MAILBOX0 is written, with
 * sp, gp and a1 from MAILBOX1..3 (a1 = its struct in smp.c). Natively on
 * QEMU 10 it comes from the boot ROM with Status = BEV|KX|SX|UX|ERL and
 * kseg0 uncached; under Tern with Status = 0. Either way: Status = KX
 * (kernel mode, ERL/BEV/IE clear), kseg0 cacheable, EBase on the SDK's
 * vectors (bits 29:12 only, as crt0), then C. */
#include "asm.h"

	.set	mips64r2
	.set	noreorder

	.text
	.globl	tg_smp_entry
	.type	tg_smp_entry, @function
	.balign	8
tg_smp_entry:
	li	t0, ST_KX
	mtc0	t0, C0_STATUS
	ehb
	mfc0	t0, C0_CONFIG
	ori	t0, t0, CONF_K0_MASK
	xori	t0, t0, CONF_K0_MASK ^ CONF_K0_CACHED
	mtc0	t0, C0_CONFIG
	ehb
	mfc0	t0, C0_EBASE
	li	t1, 0x3ffff000
	nor	t2, t1, zero
	and	t0, t0, t2
	la	t2, tg_vectors
	and	t2, t2, t1
	or	t0, t0, t2
	mtc0	t0, C0_EBASE
	ehb
	jal	tg_smp_secondary	/* (struct tg_smp_cpu *a1): never returns */
	 move	a0, a1
1:	b	1b
	 nop
	.size	tg_smp_entry, . - tg_smp_entry

/* void tg_smp_wait_region(const volatile u32 *p, u32 old, u32 compare):
 * Compare = compare (the wait's timeout), then one `wait` unless *p != old
 * or Count has already reached compare (the CPU did not run for a while
 * after computing it: a Compare in the past would only match after Count
 * wraps, 10.7 s later). An interrupt taken anywhere from tg_smp_wait_start
 * up to the `wait` returns to tg_smp_wait_end (smp.c moves EPC), so
 * neither a wakeup that comes after the checks nor the timer expiring just
 * before the `wait` is slept through. Needs Status.IE and the IM bits of
 * the wakeups (IM6, IM7) set. */
	.globl	tg_smp_wait_region
	.globl	tg_smp_wait_start
	.globl	tg_smp_wait_end
	.type	tg_smp_wait_region, @function
	.balign	8
tg_smp_wait_region:
tg_smp_wait_start:
	mtc0	a2, $11			/* Compare */
	ehb
	mfc0	t0, $9			/* Count */
	subu	t0, a2, t0
	blez	t0, tg_smp_wait_end	/* (s32)(compare - Count) <= 0: due */
	 nop
	lw	t0, 0(a0)
	bne	t0, a1, tg_smp_wait_end
	 nop
	wait
tg_smp_wait_end:
	jr	ra
	 nop
	.size	tg_smp_wait_region, . - tg_smp_wait_region
