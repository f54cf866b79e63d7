/* SPDX-License-Identifier: MIT */
/* Native IPL of a guest ELF on Hercules, for benchmarks: Hercules IPLs in
 * ESA/390 mode from an 8-byte PSW; the guest SDK expects what QEMU -kernel
 * gives (z/Architecture, 64-bit addressing, DAT and interrupts off, entry
 * 0x10000). Loaded at 0x8000; every instruction before sam64 is valid in
 * ESA/390 mode. */
	.section .text
	.globl _start
_start:
	slr	%r0,%r0
	lhi	%r1,1
	sigp	%r1,%r0,0x12	/* set architecture: z/Architecture */
	sam64
	llilf	%r1,0x10000
	br	%r1

	.section .iplpsw, "a"
	.long	0x00080000, 0x80008000	/* ESA/390 PSW: EC mode, 31-bit, at 0x8000 */
