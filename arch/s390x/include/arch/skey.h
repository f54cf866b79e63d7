/* SPDX-License-Identifier: MIT */
/* Storage keys of host frames. Under Hercules' SIE a pageable guest's
 * storage keys are those of the host frames that back its storage, so the
 * emulation of an intercepted key instruction works on the backing frame
 * (arch/s390x/skey.c; faked by the host unit tests). */
#ifndef ARCH_SKEY_H
#define ARCH_SKEY_H

#include "hv/types.h"

/* Storage-key bits (ISKE format). */
#define SKEY_ACC 0xf0
#define SKEY_FETCH 0x08
#define SKEY_REF 0x04
#define SKEY_CHANGE 0x02

/* SSKE M3 bits: reference and change bit masks, nonquiescing, multiple
 * block (EDAT-1 only). */
#define SSKE_MR 0x4
#define SSKE_MC 0x2
#define SSKE_NQ 0x1
#define SSKE_MB 0x8

/* INSERT STORAGE KEY EXTENDED of the frame at host address hpa. */
u8 skey_insert(u64 hpa);
/* SET STORAGE KEY EXTENDED with r1 and m3 (the MB bit must be clear).
 * Returns the condition code; *r1 gets what the instruction leaves in R1
 * (the old key in bits 48-55 when MR or MC is one). */
int skey_set(u64 hpa, u64 *r1, unsigned m3);
/* RESET REFERENCE BIT EXTENDED: returns the condition code. */
int skey_reset_reference(u64 hpa);

#endif
