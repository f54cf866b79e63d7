/* SPDX-License-Identifier: MIT */
/* The architected state of one virtual CPU, as the instruction emulation
 * layer and interrupt injection see it. Nothing here knows how the guest
 * runs (SIE or trap-and-emulate): each backend copies its own state (the
 * SIE state description, a trap frame) into and out of struct s390_cpu. */
#ifndef ARCH_GUEST_H
#define ARCH_GUEST_H

#include "arch/psw.h"
#include "hv/types.h"

/* Program interruption codes. */
#define PGM_OPERATION 0x01
#define PGM_PRIVILEGED_OP 0x02
#define PGM_EXECUTE 0x03
#define PGM_PROTECTION 0x04
#define PGM_ADDRESSING 0x05
#define PGM_SPECIFICATION 0x06
#define PGM_DATA 0x07
#define PGM_SEGMENT_TRANSLATION 0x10
#define PGM_PAGE_TRANSLATION 0x11
#define PGM_TRANSLATION_SPEC 0x12
#define PGM_SPECIAL_OPERATION 0x13
#define PGM_OPERAND 0x15
#define PGM_ASCE_TYPE 0x38
#define PGM_REGION_FIRST_TRANS 0x39
#define PGM_REGION_SECOND_TRANS 0x3a
#define PGM_REGION_THIRD_TRANS 0x3b

/* External interruption codes a guest can get from Tern. */
#define EXT_CPU_TIMER 0x1005
#define EXT_EXTERNAL_CALL 0x1202
/* EXT_CLOCK_COMPARATOR, EXT_EMERGENCY_SIGNAL, EXT_SERVICE_SIGNAL: psw.h */

/* More CR0 subclass masks (psw.h has emergency, clock comparator, service). */
#define CR0_EXTERNAL_CALL 0x2000 /* bit 50 */
#define CR0_CPU_TIMER 0x0400     /* bit 53 */

/* PSW address-space control (bits 16-17) and addressing mode. */
#define PSW_MASK_ASC 0x0000c00000000000
#define PSW_ASC_PRIMARY 0x0000000000000000
#define PSW_ASC_ACCREG 0x0000400000000000
#define PSW_ASC_SECONDARY 0x0000800000000000
#define PSW_ASC_HOME 0x0000c00000000000
#define PSW_MASK_EA 0x0000000100000000
#define PSW_MASK_BA 0x0000000080000000
#define PSW_MASK_CC 0x0000300000000000
#define PSW_CC_SHIFT 44

/* Where QEMU's -kernel puts the boot state (s390x.md §1-§3, §8.1). */
#define GUEST_ENTRY_PSW_MASK PSW_MASK_64
#define GUEST_CR0_RESET 0xe0ull
#define GUEST_CR14_RESET 0xc2000000ull
#define GUEST_LINUX_ENTRY 0x10000ull
#define GUEST_CMDLINE_ADDR 0x10480ull
#define GUEST_CMDLINE_MAX 0x380

/* The TOD clock: bit 51 is one microsecond. */
#define TOD_TICKS_PER_SECOND 4096000000ull

struct s390_cpu {
	struct psw psw; /* after an intercepted instruction: the next one */
	u64 gprs[16];
	u64 crs[16];
	u64 ckc;   /* clock comparator (compared with host TOD + epoch) */
	u64 cputm; /* CPU timer */
	u64 epoch; /* guest TOD - host TOD */
	u32 prefix;
	u32 todpr;
};

static inline void psw_set_cc(struct psw *psw, unsigned cc)
{
	psw->mask = (psw->mask & ~PSW_MASK_CC) | ((u64)(cc & 3) << PSW_CC_SHIFT);
}

/* Length of the instruction whose first byte is op (bits 0-1 of it). */
static inline u32 insn_length(u8 op)
{
	return op < 0x40 ? 2 : op < 0xc0 ? 4 : 6;
}

/* Real to absolute: the prefix area and page 0-1 swap places. */
static inline u64 real_to_abs(u64 real, u32 prefix)
{
	if (real < 0x2000)
		return real + prefix;
	if (real >= prefix && real < (u64)prefix + 0x2000)
		return real - prefix;
	return real;
}

#endif
