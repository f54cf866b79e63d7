/* SPDX-License-Identifier: MIT */
/* Entry from QEMU's -kernel loader (boot CPU) and from the boot ROM's
 * mailbox loop (secondaries). Both reach C with KX set, BEV and ERL clear,
 * EBase on our vectors, DESAVE on the CPU's exception area, IE clear.
 *
 * Boot CPU at _start: a0 = argc, a1 = argv (32-bit pointers), a2 = LEFI
 * boot parameters, Status = 0 (so KX = 0: XKPHYS would raise AdEL).
 * Secondary at mips_secondary_start: sp = MAILBOX1, a1 = MAILBOX3 (hwid),
 * Status = BEV|ERL|KX|SX|UX. */
#include "arch/cp0.h"
#include "arch/frame.h"

	.set	mips64r2
	.set	sym32		/* ckseg0 image: 2-instruction la */
	.set	noreorder

	.section .text.entry, "ax"
	.globl	_start
	.type	_start, @function
_start:
	li	$12, ST_KX | ST_BEV	/* KX before anything touches XKPHYS */
	mtc0	$12, $12
	ehb
	bal	set_kseg0_cached
	 nop

	dla	$12, __bss_start	/* a0-a2 must survive: t0/t1 only */
	dla	$13, __bss_end
1:	beq	$12, $13, 2f
	 nop
	sd	$0, 0($12)
	b	1b
	 daddiu	$12, $12, 8
2:
	bal	mips_cpu_early		/* needs a zeroed exception area */
	 nop
	dla	$sp, __boot_stack_top
	jal	mips_boot_main
	 nop
	b	halt
	 nop
	.size	_start, . - _start

	.globl	mips_secondary_start
	.type	mips_secondary_start, @function
mips_secondary_start:
	li	$12, ST_KX | ST_BEV	/* ERL off; BEV until EBase is ours */
	mtc0	$12, $12
	ehb
	bal	set_kseg0_cached
	 nop
	bal	mips_cpu_early
	 nop
	move	$a0, $a1
	jal	mips_secondary_main
	 nop
	b	halt
	 nop
	.size	mips_secondary_start, . - mips_secondary_start

/* The boot ROM leaves kseg0 uncached (K0 = 2) while the hypervisor reaches
 * RAM through cached XKPHYS (CCA 3) too: one cache attribute for both. */
	.type	set_kseg0_cached, @function
set_kseg0_cached:
	mfc0	$12, $16, 0
	li	$13, CONF_K0_CACHED
	ins	$12, $13, 0, 3
	mtc0	$12, $16, 0
	jr.hb	$ra
	 nop
	.size	set_kseg0_cached, . - set_kseg0_cached

/* Per-CPU exception state and vectors, before BEV is cleared so that no
 * exception can find a half-set-up CPU. Uses t0-t3 only. */
	.type	mips_cpu_early, @function
mips_cpu_early:
	mfc0	$12, $15, 1		/* EBase.CPUNum */
	andi	$12, $12, EBASE_CPUNUM_MASK
	sltiu	$13, $12, MIPS_MAX_CPUS
	beqz	$13, halt		/* no per-CPU room for this CPU: stop it */
	 nop
	dsll	$13, $12, AREA_SHIFT	/* t1 = &mips_exc_area[cpu] */
	dla	$14, mips_exc_area
	daddu	$13, $13, $14
	mtc0	$13, $31, 0		/* DESAVE: a ckseg0 pointer survives 32 bits */
	dsll	$14, $12, EXC_STACK_SHIFT + 1
	dla	$15, mips_exc_stacks
	daddu	$14, $14, $15
	daddiu	$14, $14, (1 << EXC_STACK_SHIFT)
	sd	$14, AREA_STACK($13)
	daddiu	$14, $14, (1 << EXC_STACK_SHIFT)
	sd	$14, AREA_STACK + 8($13)
	sd	$0, AREA_DEPTH($13)

	/* With a KScratch register (3A4000 model) k1 is parked there and
	 * ErrorEPC survives into crash dumps; without (3A1000), in ErrorEPC. */
	dla	$14, mips_vectors_errorepc
	mfc0	$15, $16, 3		/* Config3.M: Config4 exists */
	bgez	$15, 3f
	 nop
	mfc0	$15, $16, 4
	srl	$15, $15, CONF4_KSCR_SHIFT
	andi	$15, $15, CONF4_KSCR_SEL2
	beqz	$15, 3f
	 nop
	dla	$14, mips_vectors_kscratch
3:	mtc0	$14, $15, 1		/* EBase, written while BEV = 1 */
	ehb
	mfc0	$15, $12
	ins	$15, $0, 0, 3		/* IE, EXL, ERL */
	ins	$15, $0, 22, 1		/* BEV: our vectors from now on */
	ori	$15, $15, ST_KX
	mtc0	$15, $12
	jr.hb	$ra
	 nop
	.size	mips_cpu_early, . - mips_cpu_early

/* Nothing sensible left to do: stop this CPU without spinning (wait with
 * IE = 0 is never woken). */
halt:
	di
1:	wait
	b	1b
	 nop

	.section .bss.boot_stack, "aw", @nobits
	.balign	16
	.space	16384
	.globl	__boot_stack_top
__boot_stack_top:
