/* SPDX-License-Identifier: MIT */
/* The mips64 guest ABI of Tern: what a guest may rely on, stable across
 * releases and the same for the trap-and-emulate backend (QEMU) and the VZ
 * backend (Loongson-3A R4). Shared by C and assembler; the guest SDK
 * includes it.
 *
 * Address space seen by a trap-and-emulate guest (it runs in user mode):
 *   0x00000000-0x3fffffff  guest useg: mapped by the guest's own TLB writes
 *                          (guest-virtual = what the guest wrote in EntryHi)
 *   0x40000000-0x5fffffff  "kseg0" window: guest-physical 0 + offset, cached
 *                          by Config0.K0 (uncached, K0 = 2, after reset)
 *   0x60000000-0x7fffffff  "kseg1" window: guest-physical 0 + offset, uncached
 *   ckseg0/ckseg1/XKPHYS   reachable too, but every access traps and is
 *                          emulated (slow); a jump into ckseg0/ckseg1 continues
 *                          at the window alias. Link for 0x40000000 (kseg0).
 * Only guest kernel mode (KSU = 0, or EXL/ERL) reaches the windows; guest
 * user mode gets an address error there, as native user mode gets in kseg0.
 * Exception vectors follow EBase as hardware does (EBase is kept in its
 * architectural ckseg0 form, 0xffffffff80000000 + base; the vector runs at
 * the kseg0-window alias, 0x40000000 + base).
 *
 * Guest-physical map (the native loongson3-virt addresses):
 *   0 ...                  RAM: the partition's memory slots
 *   0x10080010             PM register: byte 0xff = power off (exit status
 *                          0), byte 0x00 = reset (re-IPL the partition)
 *   0x1fe001e0 (8 bytes)   16550 UART (byte registers) -> the "[pN]" console;
 *                          interrupt on vINTC input 0
 *   0x3ff01400 (0x60)      LIOINTC-like interrupt controller: mapper bytes,
 *                          IEN_SET/IEN_CLR, ISR, per-core ISR; drives IP2-IP5
 *   0x1ff00000 (0x60)      the test device (below): 64 bytes of RAM-like
 *                          storage, an ID and an access log
 *   0x10000000-0x1fffffff, 0x30000000-0x3fffffff (elsewhere): read zero,
 *                          writes ignored (QEMU's "mmio fallback")
 *   anything else          bus error: DBE (data) or IBE (fetch), also when
 *                          the guest's TLB points at memory it does not own
 * Entry (boot vCPU): as QEMU's -kernel loader enters a kernel: kernel mode,
 * Status = 0, pc = the ELF entry (a ckseg0 entry continues at its window
 * alias), a0 = argc, a1 = argv: with a command line (mkconfig --append)
 * argc = 2 and argv[] holds 32-bit kseg0-window pointers to "g" and the
 * text, in a 4 KiB block at guest-physical 0x0ff00000 if that is RAM, else
 * in the last 4 KiB of the slot at guest-physical 0; else argc = 0.
 * Other vCPUs wait in a virtual firmware boot loop until their IPI
 * MAILBOX0 is written (arch/vipi.h): then they start at that pc in kernel
 * mode, Status = 0, with sp, gp and a1 from MAILBOX1..3.
 *
 * Interrupt lines: IP7 CP0 timer (Count/Compare, IntCtl.IPTI = 7), IP2-IP5
 * from the vINTC, IP0/IP1 software, IP6 the vCPU's IPI mailbox (STATUS &
 * EN, at guest-physical 0x3ff01000 + core * 0x100 + node << 44).
 *
 * Hypercalls: `hypcall` (VZ encoding 0x42000028, code field 0). In user
 * mode on a non-VZ CPU it traps as Coprocessor Unusable, so both backends
 * see it. Function in v0 ($2), arguments in a0-a3 ($4-$7), result in v0.
 * `sdbbp` (UHI semihosting on the bare QEMU machine) is NOT an exit: the
 * guest gets Reserved Instruction, as on a CPU without EJTAG. */
#ifndef ARCH_GUEST_ABI_H
#define ARCH_GUEST_ABI_H

#define TERN_GUEST_KSEG0 0x40000000
#define TERN_GUEST_KSEG1 0x60000000
#define TERN_GUEST_WINDOW_SIZE 0x20000000
#define TERN_GUEST_PM_CNTL 0x10080010 /* guest-physical */
#define TERN_GUEST_PM_POWEROFF 0xff
#define TERN_GUEST_PM_RESET 0x00
#define TERN_GUEST_UART 0x1fe001e0  /* guest-physical */
#define TERN_GUEST_VINTC 0x3ff01400 /* guest-physical */

/* The test device, one per partition: lets a guest check each emulated
 * load/store form against the same instruction on RAM and see exactly the
 * device accesses the emulation made. The bare machine has QEMU's
 * read-zero range there, so a guest that finds no ID knows it has none.
 * Every load/store form reaches it: a misaligned LH/LW/LD/SH/SW/SD (or GS*X)
 * is an address error, as at every emulated device; LWL/LWR/LDL/LDR and
 * SWL/SWR/SDL/SDR make one access of just the bytes they name. Offsets:
 *   +0x00-0x3f RAM       any width, keeps what is stored
 *   +0x40      ID        32 bits, read-only: TERN_TESTDEV_ID_VALUE
 *   +0x48      COUNT     64 bits: accesses that began below +0x48 since the
 *                        last clear; a store to it clears the whole log
 *   +0x50      LAST      the last such access: offset (bits 7:0), bytes
 *                        (bits 15:8), 1 for a store (bit 16); 0 after a clear
 *   +0x58      LASTDATA  its bytes (zero-extended): read or stored
 * Reads of COUNT, LAST and LASTDATA are not logged themselves. */
#define TERN_GUEST_TESTDEV 0x1ff00000 /* guest-physical */
#define TERN_TESTDEV_RAM 0x00
#define TERN_TESTDEV_RAM_SIZE 0x40
#define TERN_TESTDEV_ID 0x40
#define TERN_TESTDEV_COUNT 0x48
#define TERN_TESTDEV_LAST 0x50
#define TERN_TESTDEV_LASTDATA 0x58
#define TERN_TESTDEV_SIZE 0x60
#define TERN_TESTDEV_ID_VALUE 0x54455354 /* "TEST" */
#define TERN_TESTDEV_LAST_OFF(v) ((v)&0xff)
#define TERN_TESTDEV_LAST_SIZE(v) (((v) >> 8) & 0xff)
#define TERN_TESTDEV_LAST_STORE 0x10000

#define TERN_HYPCALL_INSN 0x42000028 /* hypcall 0 */

/* Hypercall functions (v0). */
#define TERN_HC_VERSION 0 /* -> v0 = TERN_GUEST_ABI_MAGIC, v1 = version */
#define TERN_HC_EXIT 1    /* a0 = status: the partition ends with it */
#define TERN_HC_PUTC 2    /* a0 = byte to the console */
#define TERN_HC_WRITE                                                                              \
	3               /* a0 = guest-physical buffer, a1 = length (<= 4096)                       \
	                   -> v0 = bytes written */
#define TERN_HC_RESET 4 /* re-IPL the partition */

#define TERN_GUEST_ABI_MAGIC 0x5445524e /* "TERN" */
#define TERN_GUEST_ABI_VERSION 1

/* Hypercall errors (v0, negative). */
#define TERN_HC_ENOSYS (-1) /* unknown function or non-zero code field */
#define TERN_HC_EFAULT (-2) /* a buffer outside the partition's memory */

#endif
