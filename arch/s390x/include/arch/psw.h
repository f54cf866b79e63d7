/* SPDX-License-Identifier: MIT */
/* z/Architecture PSW and control-register 0 bits (bit 0 = most significant). */
#ifndef ARCH_PSW_H
#define ARCH_PSW_H

#define PSW_MASK_PER 0x4000000000000000
#define PSW_MASK_DAT 0x0400000000000000
#define PSW_MASK_IO 0x0200000000000000
#define PSW_MASK_EXT 0x0100000000000000
#define PSW_MASK_MCHK 0x0004000000000000
#define PSW_MASK_WAIT 0x0002000000000000
#define PSW_MASK_PSTATE 0x0001000000000000
#define PSW_MASK_64 0x0000000180000000 /* EA + BA: 64-bit addressing */

/* Supervisor, DAT off, key 0, every interruption class disabled. */
#define PSW_MASK_KERNEL PSW_MASK_64
#define PSW_MASK_DISABLED_WAIT (PSW_MASK_WAIT | PSW_MASK_64)
#define PSW_MASK_ENABLED_WAIT (PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64)

/* Bits of the PSW system mask byte (bits 0-7), for STNSM/SSM. */
#define PSW_SYSMASK_IO_EXT 0x03

/* CR0 external-interruption subclass masks (bits 48-63). */
#define CR0_EMERGENCY_SIGNAL 0x4000 /* bit 49: SIGP emergency signal, code 1201 */
#define CR0_CLOCK_COMPARATOR 0x0800 /* bit 52: code 1004 */
#define CR0_SERVICE_SIGNAL 0x0200   /* bit 54: SCLP, code 2401 */
#define CR0_SUBCLASS_MASKS 0xffff
#define CR0_RESET 0xe0 /* what reset leaves in CR0 */
/* Every CPU runs with these; the service signal is enabled only by the CPU
 * that waits for the SCLP (io/drivers/sclp.c). */
#define CR0_INIT (CR0_RESET | CR0_EMERGENCY_SIGNAL | CR0_CLOCK_COMPARATOR)

/* External interruption codes. */
#define EXT_CLOCK_COMPARATOR 0x1004
#define EXT_EMERGENCY_SIGNAL 0x1201
#define EXT_SERVICE_SIGNAL 0x2401

/* Address of the disabled wait that ends a fault inside the crash path. */
#define DBLFAULT_WAIT_ADDR 0xdeaddf03

#ifndef __ASSEMBLER__
#include "hv/types.h"

/* LPSWE needs a doubleword-aligned operand. */
struct psw {
	u64 mask;
	u64 addr;
} __aligned(8);
#endif

#endif
