/* SPDX-License-Identifier: MIT */
/* Loongson-3 / QEMU loongson3-virt physical layout, as CPU addresses.
 * Shared by C and assembler. Devices below 512 MiB are reached through
 * ckseg1 (uncached); the IPI block only through XKPHYS uncached. */
#ifndef ARCH_PLATFORM_H
#define ARCH_PLATFORM_H

#define XKPHYS_UNCACHED 0x9000000000000000
#define XKPHYS_CACHED 0x9800000000000000 /* CCA 3, cacheable coherent */
#define CKSEG0 0xffffffff80000000
#define CKSEG1 0xffffffffa0000000
#define KSEG_PHYS_MASK 0x1fffffff

#define UART0_BASE 0xffffffffbfe001e0 /* NS16550, regshift 0 */
#define PM_CNTL 0xffffffffb0080010    /* byte access only; 0xff = power off */
#define PM_CNTL_SHUTDOWN 0xff
#define RTC_BASE 0xffffffffb0081000 /* goldfish RTC, nanoseconds */
#define RTC_TIME_LOW 0x00           /* reading it latches TIME_HIGH */
#define RTC_TIME_HIGH 0x04

/* IPI block of slot k: IPI_BASE + (k & 3) * 0x100 + ((k >> 2) << 44) */
#define IPI_BASE 0x900000003ff01000
#define IPI_STATUS 0x00
#define IPI_EN 0x04
#define IPI_SET 0x08
#define IPI_CLEAR 0x0c
#define IPI_MAILBOX0 0x20 /* entry PC; the boot ROM jumps once it is non-zero */
#define IPI_MAILBOX1 0x28 /* sp */
#define IPI_MAILBOX2 0x30 /* gp */
#define IPI_MAILBOX3 0x38 /* a1 */

/* Physical RAM layout of loongson3-virt (and Loongson-3 boards): all RAM
 * at 0x80000000, its first 256 MiB also aliased at physical 0. */
#define LOWMEM_ALIAS_SIZE 0x10000000
#define HIGHRAM_BASE 0x80000000

#ifndef __ASSEMBLER__
#include "hv/types.h"

static inline u32 mmio_read32(u64 addr)
{
	return *(volatile u32 *)(uintptr_t)addr;
}

static inline void mmio_write32(u64 addr, u32 v)
{
	*(volatile u32 *)(uintptr_t)addr = v;
}

static inline void mmio_write64(u64 addr, u64 v)
{
	*(volatile u64 *)(uintptr_t)addr = v;
}

static inline void mmio_write8(u64 addr, u8 v)
{
	*(volatile u8 *)(uintptr_t)addr = v;
}

static inline u64 ipi_slot_base(u32 slot)
{
	return IPI_BASE + (u64)(slot & 3) * 0x100 + ((u64)(slot >> 2) << 44);
}

#endif /* __ASSEMBLER__ */
#endif
