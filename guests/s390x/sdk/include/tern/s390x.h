/* SPDX-License-Identifier: MIT */
/* z/Architecture facts the guest SDK uses: lowcore offsets, PSW and CR0
 * bits, interruption codes, and one-instruction helpers. */
#ifndef TERN_S390X_H
#define TERN_S390X_H

/* Lowcore (prefix area, real address 0 of each CPU), architected fields. */
#define LC_EXT_PARAMS 0x080
#define LC_EXT_CPU_ADDR 0x084
#define LC_EXT_INT_CODE 0x086
#define LC_SVC_CODE 0x08a
#define LC_PGM_ILC 0x08c
#define LC_PGM_CODE 0x08e
#define LC_TEID 0x0a8
#define LC_RESTART_OLD_PSW 0x120
#define LC_EXT_OLD_PSW 0x130
#define LC_SVC_OLD_PSW 0x140
#define LC_PGM_OLD_PSW 0x150
#define LC_MCCK_OLD_PSW 0x160
#define LC_IO_OLD_PSW 0x170
#define LC_RESTART_NEW_PSW 0x1a0
#define LC_EXT_NEW_PSW 0x1b0
#define LC_SVC_NEW_PSW 0x1c0
#define LC_PGM_NEW_PSW 0x1d0
#define LC_MCCK_NEW_PSW 0x1e0
#define LC_IO_NEW_PSW 0x1f0
/* The SDK's own words in 0x200-0x2ff (left to the program). */
#define LC_SAVE_GPRS 0x200  /* r0-r15 at an interruption, 128 bytes */
#define LC_RESUME_PSW 0x280 /* 6 x 16: the PSW each interruption class resumes with */
#define LC_CPU_STACK 0x2e0  /* secondary CPU: initial r15 */
#define LC_CPU_CR0 0x2e8    /* secondary CPU: CR0 to load */
#define LC_SIZE 0x2000      /* 8 KiB prefix area */

#ifndef __ASSEMBLER__

#include <tern/types.h>

/* PSW mask bits (64-bit PSW). */
#define PSW_MASK_PER 0x4000000000000000ull
#define PSW_MASK_DAT 0x0400000000000000ull
#define PSW_MASK_IO 0x0200000000000000ull
#define PSW_MASK_EXT 0x0100000000000000ull
#define PSW_MASK_MCHECK 0x0004000000000000ull
#define PSW_MASK_WAIT 0x0002000000000000ull
#define PSW_MASK_PSTATE 0x0001000000000000ull
#define PSW_MASK_EA 0x0000000100000000ull
#define PSW_MASK_BA 0x0000000080000000ull
#define PSW_MASK_64 (PSW_MASK_EA | PSW_MASK_BA)

/* CR0 bits. */
#define CR0_LOW_ADDR_PROT 0x0000000010000000ull /* bit 35 */
#define CR0_EMERGENCY_SIG 0x0000000000004000ull /* bit 49 */
#define CR0_EXTERNAL_CALL 0x0000000000002000ull /* bit 50 */
#define CR0_CLOCK_COMP 0x0000000000000800ull    /* bit 52 */
#define CR0_CPU_TIMER 0x0000000000000400ull     /* bit 53 */
#define CR0_SERVICE_SIG 0x0000000000000200ull   /* bit 54 */

/* External interruption codes. */
#define EXT_CLOCK_COMP 0x1004
#define EXT_CPU_TIMER 0x1005
#define EXT_EMERGENCY 0x1201
#define EXT_EXTERNAL_CALL 0x1202
#define EXT_SERVICE_SIG 0x2401

/* Program interruption codes. */
#define PGM_OPERATION 0x01
#define PGM_PRIVILEGED 0x02
#define PGM_EXECUTE 0x03
#define PGM_PROTECTION 0x04
#define PGM_ADDRESSING 0x05
#define PGM_SPECIFICATION 0x06
#define PGM_DATA 0x07
#define PGM_FIXED_DIVIDE 0x09

struct psw {
	u64 mask;
	u64 addr;
} __aligned(8);

static inline u64 lc_read64(unsigned long off)
{
	return *(volatile u64 *)off;
}

static inline u32 lc_read32(unsigned long off)
{
	return *(volatile u32 *)off;
}

static inline u16 lc_read16(unsigned long off)
{
	return *(volatile u16 *)off;
}

static inline void lc_write64(unsigned long off, u64 v)
{
	*(volatile u64 *)off = v;
}

static inline u64 stck(void)
{
	u64 t;
	__asm__ volatile("stck %0" : "=Q"(t) : : "cc");
	return t;
}

/* TOD clock units: bit 51 = 1 microsecond. */
#define TOD_PER_US 4096ull
#define TOD_PER_MS (4096ull * 1000)

static inline u16 stap(void)
{
	u16 a;
	__asm__ volatile("stap %0" : "=Q"(a));
	return a;
}

/* TEST PROTECTION of addr with access key 0: cc 0 fetch and store
 * permitted, 1 fetch only, 2 neither, 3 not available. */
static inline int tprot(u64 addr)
{
	int cc;

	__asm__ volatile("tprot 0(%[a]),0\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [cc] "=d"(cc)
	                 : [a] "a"(addr)
	                 : "cc", "memory");
	return cc;
}

static inline u64 stidp(void)
{
	u64 id;
	__asm__ volatile("stidp %0" : "=Q"(id));
	return id;
}

static inline u64 ctl0_get(void)
{
	u64 v;
	__asm__ volatile("stctg %%c0,%%c0,%0" : "=QS"(v));
	return v;
}

static inline void ctl0_set(u64 v)
{
	__asm__ volatile("lctlg %%c0,%%c0,%0" : : "QS"(v) : "memory");
}

static inline void ctl0_or(u64 bits)
{
	ctl0_set(ctl0_get() | bits);
}

static inline void ctl0_clear(u64 bits)
{
	ctl0_set(ctl0_get() & ~bits);
}

static inline void set_clock_comparator(u64 v)
{
	__asm__ volatile("sckc %0" : : "Q"(v));
}

static inline u64 get_clock_comparator(void)
{
	u64 v;
	__asm__ volatile("stckc %0" : "=Q"(v));
	return v;
}

static inline void set_cpu_timer(s64 v)
{
	__asm__ volatile("spt %0" : : "Q"(v));
}

static inline s64 get_cpu_timer(void)
{
	s64 v;
	__asm__ volatile("stpt %0" : "=Q"(v));
	return v;
}

/* Disable I/O and external interruptions; returns the old system mask. */
static inline u8 irq_disable(void)
{
	u8 old;
	__asm__ volatile("stnsm %0,0xfc" : "=Q"(old) : : "memory");
	return old;
}

static inline void irq_restore(u8 mask)
{
	__asm__ volatile("ssm %0" : : "Q"(mask) : "memory");
}

static inline void cpu_relax(void)
{
	barrier();
}

#endif /* !__ASSEMBLER__ */

#endif
