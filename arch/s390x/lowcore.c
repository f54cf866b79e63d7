/* SPDX-License-Identifier: MIT */
/* Lowcore set-up for CPUs the boot CPU starts (the boot CPU's own lowcore is
 * set up by boot/s390x/head.S before any C code runs). */
#include <arch/lowcore.h>
#include <arch/s390x.h>

#include "hv/lib.h"

void lowcore_install(struct lowcore *lc, void *crash_stack_top)
{
	memcpy(lc->new_psws, lowcore_new_psws, sizeof(lc->new_psws));
	lc->dblfault_psw = dblfault_psw;
	lc->crash_stack = (u64)crash_stack_top - STACK_FRAME;
}
