/* SPDX-License-Identifier: MIT */
/* Exception vectors and the common save/restore path.
 *
 * Every GPR of the interrupted code, k0 and k1 included, is saved into a
 * frame of the CPU's exception area (found through CP0 DESAVE). k1 has to be
 * parked in a CP0 register first: KScratch1 where the CPU has one (3A4000
 * model), else ErrorEPC (3A1000 model: no KScratch; ErrorEPC only matters
 * after an ERL exception, and those come through the cache-error vector,
 * which parks the low half of k1 in DDataLo instead). The two variants are
 * two vector pages; mips_cpu_early (head.S) points EBase at one of them.
 *
 * Nesting: the area counts levels. Level 1 is an ordinary exception, level 2
 * a fault inside the level-1 handler (the C code runs with EXL clear, so the
 * hardware records where it faulted); a third level means the crash path
 * itself faulted, and ends the run from assembler without touching memory
 * other than the UART and the power-off register. Nothing can loop. */
#include "arch/cp0.h"
#include "arch/frame.h"
#include "arch/platform.h"

	.set	mips64r2
	.set	sym32		/* ckseg0 image: 2-instruction la */
	.set	noreorder
	.set	noat

#define PARK_ERROREPC	dmtc0 $27, $30, 0
#define FETCH_ERROREPC	dmfc0 $26, $30, 0
#define PARK_KSCRATCH	dmtc0 $27, $31, 2
#define FETCH_KSCRATCH	dmfc0 $26, $31, 2
#define PARK_DDATALO	mtc0 $27, $28, 3
#define FETCH_DDATALO	mfc0 $26, $28, 3

/* k1 parked, k1 = area, k0 saved, k1 saved, k0 = vector id, on to common. */
#define VECTOR_STUB(park, fetch, id)						\
	park;									\
	mfc0	$27, $31, 0;							\
	sd	$26, AREA_TMP_K0($27);						\
	ehb;									\
	fetch;									\
	sd	$26, AREA_TMP_K1($27);						\
	li	$26, (id);							\
	j	mips_exc_common;						\
	 sd	$26, AREA_VECTOR($27)

	.section .vectors.errorepc, "ax"
	.balign	4096
	.globl	mips_vectors_errorepc
mips_vectors_errorepc:
	VECTOR_STUB(PARK_ERROREPC, FETCH_ERROREPC, VEC_TLB_REFILL | VECF_ERROREPC_LOST)
	.org	0x080
	VECTOR_STUB(PARK_ERROREPC, FETCH_ERROREPC, VEC_XTLB_REFILL | VECF_ERROREPC_LOST)
	.org	0x100
	VECTOR_STUB(PARK_DDATALO, FETCH_DDATALO, VEC_CACHE_ERROR | VECF_K1_LOW32)
	.org	0x180
	VECTOR_STUB(PARK_ERROREPC, FETCH_ERROREPC, VEC_GENERAL | VECF_ERROREPC_LOST)
	.org	0x200	/* interrupt vector, used only if Cause.IV were set */
	VECTOR_STUB(PARK_ERROREPC, FETCH_ERROREPC, VEC_GENERAL | VECF_ERROREPC_LOST)

	.section .vectors.kscratch, "ax"
	.balign	4096
	.globl	mips_vectors_kscratch
mips_vectors_kscratch:
	VECTOR_STUB(PARK_KSCRATCH, FETCH_KSCRATCH, VEC_TLB_REFILL)
	.org	0x080
	VECTOR_STUB(PARK_KSCRATCH, FETCH_KSCRATCH, VEC_XTLB_REFILL)
	.org	0x100
	VECTOR_STUB(PARK_KSCRATCH, FETCH_KSCRATCH, VEC_CACHE_ERROR)
	.org	0x180
	VECTOR_STUB(PARK_KSCRATCH, FETCH_KSCRATCH, VEC_GENERAL)
	.org	0x200
	VECTOR_STUB(PARK_KSCRATCH, FETCH_KSCRATCH, VEC_GENERAL)

	.text
/* k1 = area; the interrupted k0, k1 and the vector id are in the area. */
	.globl	mips_exc_common
	.type	mips_exc_common, @function
mips_exc_common:
	ld	$26, AREA_DEPTH($27)
	daddiu	$26, $26, 1
	sd	$26, AREA_DEPTH($27)
	sltiu	$26, $26, AREA_MAX_LEVEL + 1
	beqz	$26, mips_exc_last_resort
	 nop
	ld	$26, AREA_DEPTH($27)
	dsll	$26, $26, FRAME_SHIFT
	daddu	$26, $26, $27		/* k0 = this level's frame */
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	sd	$\n, (\n * 8)($26)
	.endr
	sd	$0, 0($26)
	move	$16, $26		/* s0 = frame, s1 = area: kept across the C call */
	move	$17, $27
	ld	$8, AREA_TMP_K0($17)
	sd	$8, FRAME_GPR(26)($16)
	ld	$8, AREA_TMP_K1($17)
	sd	$8, FRAME_GPR(27)($16)
	ld	$8, AREA_VECTOR($17)
	sd	$8, FRAME_VECTOR($16)
	ld	$8, AREA_DEPTH($17)
	sd	$8, FRAME_LEVEL($16)
	mfhi	$8
	sd	$8, FRAME_HI($16)
	mflo	$8
	sd	$8, FRAME_LO($16)
	dmfc0	$8, $14, 0		/* EPC */
	sd	$8, FRAME_EPC($16)
	mfc0	$8, $12, 0		/* Status */
	sd	$8, FRAME_STATUS($16)
	mfc0	$8, $13, 0		/* Cause */
	sd	$8, FRAME_CAUSE($16)
	dmfc0	$8, $8, 0		/* BadVAddr */
	sd	$8, FRAME_BADVADDR($16)
	dmfc0	$8, $30, 0		/* ErrorEPC */
	sd	$8, FRAME_ERROREPC($16)
	dmfc0	$8, $10, 0		/* EntryHi */
	sd	$8, FRAME_ENTRYHI($16)
	mfc0	$8, $15, 1		/* EBase */
	sd	$8, FRAME_EBASE($16)
	/* The hypervisor itself never runs in user mode: an exception from
	 * user mode is a trap-and-emulate guest leaving (arch/mips64/te_entry.S). */
	ld	$8, FRAME_STATUS($16)
	andi	$8, $8, ST_KSU
	bnez	$8, mips_te_exit
	 nop
	/* ... and one taken while a VZ guest ran (GuestCtl0.GM set by
	 * te_enter) is that guest leaving (arch/mips64/vz_entry.S). */
	ld	$8, AREA_GUEST_VZ($17)
	bnez	$8, mips_vz_exit
	 nop

	ld	$8, AREA_DEPTH($17)	/* each level has its own stack */
	dsll	$8, $8, 3
	daddu	$8, $8, $17
	ld	$sp, (AREA_STACK - 8)($8)
	/* C runs in kernel mode with EXL clear (IE still clear): a fault in
	 * the handler then records its own EPC and nests one level. */
	mfc0	$8, $12, 0
	ins	$8, $0, 0, 5		/* IE, EXL, ERL, KSU */
	mtc0	$8, $12, 0
	ehb
	jal	mips_exception
	 move	$4, $16

	/* Returns only for a handled interrupt. Status gets EXL back, so no
	 * interrupt can come in before the eret. */
	ld	$8, FRAME_STATUS($16)
	mtc0	$8, $12, 0
	ehb
	ld	$8, FRAME_EPC($16)
	dmtc0	$8, $14, 0
	ld	$8, FRAME_HI($16)
	mthi	$8
	ld	$8, FRAME_LO($16)
	mtlo	$8
	ld	$8, AREA_DEPTH($17)
	daddiu	$8, $8, -1
	sd	$8, AREA_DEPTH($17)
	move	$27, $16
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
	ld	$\n, (\n * 8)($27)
	.endr
	ld	$26, FRAME_GPR(26)($27)
	ld	$27, FRAME_GPR(27)($27)
	ehb
	eret
	.size	mips_exc_common, . - mips_exc_common

/* The crash path itself faulted: registers of this level are not saved and
 * no stack is trusted. A fixed message, then the exit the C path would have
 * taken. The UART wait is bounded. */
	.type	mips_exc_last_resort, @function
mips_exc_last_resort:
	dla	$8, last_resort_msg
	dli	$9, UART0_BASE
1:	lbu	$10, 0($8)
	beqz	$10, 4f
	 nop
	li	$11, 100000
2:	lbu	$12, 5($9)		/* LSR */
	andi	$12, $12, 0x20		/* THRE */
	bnez	$12, 3f
	 addiu	$11, $11, -1
	bnez	$11, 2b
	 nop
3:	sb	$10, 0($9)
	b	1b
	 daddiu	$8, $8, 1
4:	dla	$8, mips_exit_semihosting
	lw	$8, 0($8)
	beqz	$8, 5f
	 nop
	li	$25, 1			/* UHI exit(3) */
	li	$4, 3
	sdbbp	1
5:	dli	$9, PM_CNTL
	li	$10, PM_CNTL_SHUTDOWN
	sb	$10, 0($9)
	di
6:	wait
	b	6b
	 nop
	.size	mips_exc_last_resort, . - mips_exc_last_resort

	.section .rodata
last_resort_msg:
	.asciz	"[hv] exception inside the crash handler: no register dump\r\n[hv] EXIT status=3\r\n"

	.section .bss.mips_exc, "aw", @nobits
	.balign	(1 << AREA_SHIFT)
	.globl	mips_exc_area
mips_exc_area:
	.space	MIPS_MAX_CPUS << AREA_SHIFT
	.balign	16
	.globl	mips_exc_stacks
mips_exc_stacks:
	.space	MIPS_MAX_CPUS * 2 << EXC_STACK_SHIFT
