/* SPDX-License-Identifier: MIT */
/* Leaving a VZ guest. Entering one is te_enter (arch/mips64/te_entry.S)
 * with a GuestCtl0 argument: the same GPR load and eret, with GM set while
 * EXL keeps the CPU in root mode. Any exception in guest mode comes in
 * through the ordinary vectors (root mode, EXL set), which save every
 * guest GPR into the level-1 frame and, seeing the area's guest_vz word,
 * jump here: GM is cleared before anything lowers EXL (root code with GM
 * set and EXL clear would be guest mode), then the trap-and-emulate exit
 * path returns the frame from te_enter. GuestCtl0.GExcCode, BadInstr and
 * BadInstrP stay for vz.c to read. Assembled with -Wa,-mvirt. */
#include "arch/cp0.h"
#include "arch/frame.h"

	.set	mips64r2
	.set	sym32
	.set	noreorder
	.set	noat
	.set	virt

/* From mips_exc_common: s0 ($16) = the frame, s1 ($17) = the area. */
	.text
	.globl	mips_vz_exit
	.type	mips_vz_exit, @function
mips_vz_exit:
	mfc0	$8, $12, 6		/* GuestCtl0 */
	ins	$8, $0, 31, 1		/* GM = 0: root mode from here on */
	mtc0	$8, $12, 6
	ehb
	j	mips_te_exit
	 sd	$0, AREA_GUEST_VZ($17)
	.size	mips_vz_exit, . - mips_vz_exit
