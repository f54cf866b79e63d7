/* SPDX-License-Identifier: MIT */
/* Inline wrappers for the privileged and system instructions Tern uses. */
#ifndef ARCH_INSN_H
#define ARCH_INSN_H

#include "arch/psw.h"
#include "hv/types.h"

static inline u16 stap(void)
{
	u16 addr;

	__asm__ volatile("stap %0" : "=Q"(addr));
	return addr;
}

static inline u64 stck(void)
{
	u64 tod;

	__asm__ volatile("stck %0" : "=Q"(tod) : : "cc");
	return tod;
}

static inline u64 stckf(void)
{
	u64 tod;

	__asm__ volatile("stckf %0" : "=Q"(tod) : : "cc");
	return tod;
}

static inline void sckc(u64 value)
{
	__asm__ volatile("sckc %0" : : "Q"(value) : "memory");
}

static inline u64 ctl0_get(void)
{
	u64 v;

	__asm__ volatile("stctg %%c0,%%c0,%0" : "=Q"(v));
	return v;
}

static inline void ctl0_set(u64 v)
{
	__asm__ volatile("lctlg %%c0,%%c0,%0" : : "Q"(v) : "memory");
}

static inline void ctl_store_all(u64 crs[16])
{
	__asm__ volatile("stctg %%c0,%%c15,%0" : "=Q"(*(u64(*)[16])crs));
}

/* Clear the I/O and external bits of the PSW system mask; returns the old
 * system mask byte. */
static inline u8 stnsm_disable(void)
{
	u8 old;

	__asm__ volatile("stnsm %0,%1" : "=Q"(old) : "i"(0xff & ~PSW_SYSMASK_IO_EXT) : "memory");
	return old;
}

static inline void ssm(u8 mask)
{
	__asm__ volatile("ssm %0" : : "Q"(mask) : "memory");
}

/* Load an enabled wait PSW (external interruptions only). The external
 * handler turns the old PSW, which points at the label, into a disabled
 * one, so this returns with interruptions disabled after the handler ran:
 * no window in which a wakeup is lost. */
static inline void enabled_wait(void)
{
	struct psw psw = {.mask = PSW_MASK_ENABLED_WAIT, .addr = 0};
	unsigned long tmp;

	__asm__ volatile("larl %[t],0f\n"
	                 "stg %[t],8+%[psw]\n"
	                 "lpswe %[psw]\n"
	                 "0:\n"
	                 : [t] "=&a"(tmp), [psw] "+Q"(psw)
	                 :
	                 : "memory", "cc");
}

static inline __noreturn void disabled_wait(u64 addr)
{
	struct psw psw = {.mask = PSW_MASK_DISABLED_WAIT, .addr = addr};

	__asm__ volatile("lpswe %0" : : "Q"(psw) : "memory");
	__builtin_unreachable();
}

/* STORE FACILITY LIST EXTENDED, first doubleword: facility bits 0-63. */
static inline u64 stfle_first(void)
{
	register unsigned long r0 __asm__("0") = 0; /* one doubleword */
	u64 list = 0;

	__asm__ volatile("stfle %[l]" : [l] "=Q"(list), "+d"(r0) : : "cc", "memory");
	return list;
}

static inline bool facility(unsigned nr)
{
	return nr < 64 && ((stfle_first() >> (63 - nr)) & 1);
}

#endif
