/* SPDX-License-Identifier: MIT */
/* The SIE state description (format 2, z/Architecture guest): the fields
 * Tern sets and reads. Offsets are the architecture's (the same as Linux
 * KVM's struct kvm_s390_sie_block and Hercules' SIE2BK). */
#ifndef ARCH_SIE_H
#define ARCH_SIE_H

#include "arch/psw.h"
#include "hv/types.h"

/* cpuflags (offset 0, big-endian word): byte 0 holds the intervention
 * requests, byte 2 the machine mode. */
#define SIE_CPUFLAGS_WAIT 0x10000000u
#define SIE_CPUFLAGS_STOP 0x04000000u /* stop request: intercept 0x28 at once */
#define SIE_CPUFLAGS_IO 0x02000000u   /* I/O request: 0x18 when the guest enables I/O */
#define SIE_CPUFLAGS_EXT 0x01000000u  /* external request: 0x10 when it enables EXT */
#define SIE_CPUFLAGS_ZARCH 0x00000800u

/* Interception controls (ictl, offset 0x48). */
#define SIE_ICTL_OPEREXC 0x80000000u /* operation exceptions: intercept 0x2c */
#define SIE_ICTL_STFL 0x10000000u    /* STFL/STFLE (Hercules: ic[0] bit 0x10) */

/* Interception codes (offset 0x50). */
#define ICPT_INST 0x04
#define ICPT_PROGI 0x08
#define ICPT_INSTPROGI 0x0c
#define ICPT_EXTREQ 0x10
#define ICPT_EXTINT 0x14
#define ICPT_IOREQ 0x18
#define ICPT_WAIT 0x1c
#define ICPT_VALIDITY 0x20
#define ICPT_STOP 0x28
#define ICPT_OPEREXC 0x2c
#define ICPT_MAX 0x60

struct sie_block {
	u32 cpuflags; /* 0x000 */
	u32 prefix;   /* 0x004: guest prefix (bits 1-18 of the word) */
	u8 reserved08[0x28 - 0x08];
	u64 cputm;           /* 0x028 */
	u64 ckc;             /* 0x030 */
	u64 epoch;           /* 0x038 */
	u32 svcc;            /* 0x040 */
	u16 lctl;            /* 0x044 */
	u16 icpua;           /* 0x046: the guest's CPU address */
	u32 ictl;            /* 0x048 */
	u32 eca;             /* 0x04c */
	u8 icptcode;         /* 0x050 */
	u8 icptstatus;       /* 0x051 */
	u16 ihcpu;           /* 0x052 */
	u8 reserved54;       /* 0x054 */
	u8 iprcc_legacy;     /* 0x055 */
	u16 ipa;             /* 0x056 */
	u32 ipb;             /* 0x058 */
	u32 scaoh;           /* 0x05c */
	u8 fpf;              /* 0x060 */
	u8 ecb, ecb2, ecb3;  /* 0x061 */
	u32 scaol;           /* 0x064 */
	u8 sdf;              /* 0x068 */
	u8 epdx;             /* 0x069 */
	u8 cpnc;             /* 0x06a: control-program name code (DIAG 318) */
	u8 reserved6b[5];    /* 0x06b */
	u32 todpr;           /* 0x070 */
	u32 gisa;            /* 0x074 */
	u32 iopctl;          /* 0x078 */
	u8 reserved7c[4];    /* 0x07c */
	u64 mso;             /* 0x080 */
	u64 msl;             /* 0x088 */
	struct psw gpsw;     /* 0x090 */
	u64 gg14;            /* 0x0a0 */
	u64 gg15;            /* 0x0a8 */
	u8 reservedb0[0x10]; /* 0x0b0 */
	/* 0x0c0: the interruption parameters of an intercepted interruption,
	 * laid out as lowcore 0x080-0x0ff (SD offset = lowcore offset + 0x40). */
	u32 ext_params;   /* 0x0c0 (lowcore 0x080) */
	u16 ext_cpu_addr; /* 0x0c4 (lowcore 0x084) */
	u16 ext_int_code; /* 0x0c6 (lowcore 0x086) */
	u8 reservedc8[4]; /* 0x0c8 */
	u16 pgmilc;       /* 0x0cc (lowcore 0x08c) */
	u16 iprcc;        /* 0x0ce (lowcore 0x08e) */
	u32 dxc;          /* 0x0d0 (lowcore 0x090) */
	u8 reservedd4[0xe8 - 0xd4];
	u64 teid; /* 0x0e8 (lowcore 0x0a8) */
	u8 reservedf0[0x100 - 0xf0];
	u64 gcr[16]; /* 0x100 */
	u8 reserved180[0x200 - 0x180];
} __aligned(512);

_Static_assert(sizeof(struct sie_block) == 512, "sie_block size");
_Static_assert(__builtin_offsetof(struct sie_block, cputm) == 0x28, "sie cputm");
_Static_assert(__builtin_offsetof(struct sie_block, ictl) == 0x48, "sie ictl");
_Static_assert(__builtin_offsetof(struct sie_block, icptcode) == 0x50, "sie icptcode");
_Static_assert(__builtin_offsetof(struct sie_block, ipa) == 0x56, "sie ipa");
_Static_assert(__builtin_offsetof(struct sie_block, cpnc) == 0x6a, "sie cpnc");
_Static_assert(__builtin_offsetof(struct sie_block, mso) == 0x80, "sie mso");
_Static_assert(__builtin_offsetof(struct sie_block, gpsw) == 0x90, "sie gpsw");
_Static_assert(__builtin_offsetof(struct sie_block, gg14) == 0xa0, "sie gg14");
_Static_assert(__builtin_offsetof(struct sie_block, ext_int_code) == 0xc6, "sie eic");
_Static_assert(__builtin_offsetof(struct sie_block, pgmilc) == 0xcc, "sie pgmilc");
_Static_assert(__builtin_offsetof(struct sie_block, teid) == 0xe8, "sie teid");
_Static_assert(__builtin_offsetof(struct sie_block, gcr) == 0x100, "sie gcr");

/* sie_entry.S: run the guest whose r0-r13 are gprs[0..13] (r14/r15 travel
 * in the SD). Returns 0 after an interception, SIE_EXIT_HOST_FAULT when a
 * host program interruption (a host DAT fault on guest storage) ended SIE;
 * the program interruption code and TEID are then in this CPU's lowcore.
 * trace nonzero (Hercules only): a trace window is open; Hercules' trace
 * is off while the guest runs (DIAG 8 "t-" before SIE, "t+" after). */
#define SIE_EXIT_HOST_FAULT 1
int sie64a(struct sie_block *sd, u64 *gprs, u64 trace);
/* The SIE instruction, for the interruption handlers. */
extern const char sie_insn[];

/* sie.c, from the external interruption handler: the interrupted PSW
 * points at the SIE instruction, so ask the SD to stop at once (0x28). */
void sie_kick_interrupted(void);

#endif
