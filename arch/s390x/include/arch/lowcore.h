/* SPDX-License-Identifier: MIT */
/* The z/Architecture lowcore (prefix area): the architected interruption
 * fields and new/old PSWs, plus the words Tern keeps there for its entry
 * code. Each CPU reaches its own lowcore at real address 0. Included by
 * assembly too, so the offsets are plain numbers. */
#ifndef ARCH_LOWCORE_H
#define ARCH_LOWCORE_H

#define LC_SIZE 0x2000 /* a prefix area is 8 KiB, 8 KiB aligned */

/* Architected. */
#define LC_EXT_PARAMS 0x080
#define LC_EXT_CPU_ADDR 0x084
#define LC_EXT_INT_CODE 0x086
#define LC_SVC_ILC 0x088
#define LC_SVC_CODE 0x08a
#define LC_PGM_ILC 0x08c
#define LC_PGM_CODE 0x08e
#define LC_TEID 0x0a8
#define LC_SUBCHANNEL_ID 0x0b8
#define LC_MCCK_CODE 0x0e8
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
#define LC_NR_NEW_PSWS 6

/* Tern's own words, in 0x200-0x3ff, which the architecture leaves to the
 * program (the store-status and machine-check save areas start at 0x1200). */
#define LC_CRASH_GPRS 0x280   /* GPRs at an unexpected interruption */
#define LC_CRASH_STACK 0x308  /* r15 for the crash path */
#define LC_START_STACK 0x310  /* r15 for a secondary CPU's first instruction */
#define LC_SCRATCH 0x318      /* a word for the double-fault stub */
#define LC_DBLFAULT_PSW 0x320 /* loaded on a fault in the crash path: dblfault_entry */
#define LC_CRASH_CRS 0x340    /* CR0-CR15 at an unexpected interruption */

/* Kinds of unexpected interruption, passed from the entry stubs to C. */
#define CRASH_RESTART 1
#define CRASH_SVC 3
#define CRASH_PGM 4
#define CRASH_MCCK 5
#define CRASH_IO 6

#ifndef __ASSEMBLER__

#include "arch/psw.h"
#include "hv/types.h"

struct lowcore {
	u8 pad_000[0x080];
	u32 ext_params;
	u16 ext_cpu_addr;
	u16 ext_int_code;
	u16 svc_ilc;
	u16 svc_code;
	u16 pgm_ilc;
	u16 pgm_code;
	u8 pad_090[0x0a8 - 0x090];
	u64 teid;
	u8 pad_0b0[0x0b8 - 0x0b0];
	u32 subchannel_id;
	u8 pad_0bc[0x0e8 - 0x0bc];
	u64 mcck_code;
	u8 pad_0f0[0x120 - 0x0f0];
	struct psw restart_old_psw;
	struct psw ext_old_psw;
	struct psw svc_old_psw;
	struct psw pgm_old_psw;
	struct psw mcck_old_psw;
	struct psw io_old_psw;
	u8 pad_180[0x1a0 - 0x180];
	struct psw new_psws[LC_NR_NEW_PSWS]; /* restart, ext, svc, pgm, mcck, io */
	u8 pad_200[0x280 - 0x200];
	u64 crash_gprs[16];
	u64 pad_300;
	u64 crash_stack;
	u64 start_stack;
	u32 scratch;
	u32 pad_31c;
	struct psw dblfault_psw;
	u8 pad_330[0x340 - 0x330];
	u64 crash_crs[16];
	u8 pad_3c0[LC_SIZE - 0x3c0];
} __aligned(LC_SIZE);

_Static_assert(__builtin_offsetof(struct lowcore, ext_params) == LC_EXT_PARAMS, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, ext_int_code) == LC_EXT_INT_CODE, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, svc_code) == LC_SVC_CODE, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, pgm_ilc) == LC_PGM_ILC, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, pgm_code) == LC_PGM_CODE, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, teid) == LC_TEID, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, subchannel_id) == LC_SUBCHANNEL_ID, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, mcck_code) == LC_MCCK_CODE, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, restart_old_psw) == LC_RESTART_OLD_PSW,
               "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, ext_old_psw) == LC_EXT_OLD_PSW, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, pgm_old_psw) == LC_PGM_OLD_PSW, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, io_old_psw) == LC_IO_OLD_PSW, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, new_psws) == LC_RESTART_NEW_PSW, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, new_psws[5]) == LC_IO_NEW_PSW, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, crash_gprs) == LC_CRASH_GPRS, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, crash_stack) == LC_CRASH_STACK, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, start_stack) == LC_START_STACK, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, scratch) == LC_SCRATCH, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, dblfault_psw) == LC_DBLFAULT_PSW, "lowcore");
_Static_assert(__builtin_offsetof(struct lowcore, crash_crs) == LC_CRASH_CRS, "lowcore");
_Static_assert(sizeof(struct lowcore) == LC_SIZE, "lowcore");

/* This CPU's lowcore: real address 0. Hidden from the compiler so that it
 * neither warns about nor reasons from a null pointer. */
static inline struct lowcore *lowcore(void)
{
	struct lowcore *lc;

	__asm__("lghi %0,0" : "=d"(lc));
	return lc;
}

/* Prepare a CPU's lowcore: every new PSW leads to Tern's entry stubs. */
void lowcore_install(struct lowcore *lc, void *crash_stack_top);

#endif /* __ASSEMBLER__ */
#endif
