/* SPDX-License-Identifier: MIT */
/* ASCII <-> EBCDIC (IBM-1047, what Hercules uses with CODEPAGE 819/1047). */
#ifndef ARCH_EBCDIC_H
#define ARCH_EBCDIC_H

#include "hv/types.h"

/* Printable ASCII maps to its IBM-1047 code; anything else to '?'. */
u8 ascii_to_ebcdic(char c);
/* The same in code page 500, which QEMU's line-mode console reads. */
u8 ascii_to_ebcdic_500(char c);
/* The reverse for printable characters; anything else becomes '?'. */
char ebcdic_to_ascii(u8 e);

#endif
