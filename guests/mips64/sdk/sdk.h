/* SPDX-License-Identifier: MIT */
/* Guest SDK internals shared by its files. */
#ifndef TG_SDK_H
#define TG_SDK_H

#include "tg/tg.h"

extern struct tg_jmp tg_user_jmp;
const char *tg_exc_name(u32 code);
void tg_trap_reset(void);
/* An unexpected exception: fail the running test and resume after it. */
void tg_test_abort(struct tg_frame *f);
int tg_start(long argc, const s32 *argv, u64 bootp);

/* SMP (smp.c sets these in tg_smp_init; a guest without it leaves them
 * NULL/false). irq: an interrupt, before handlers[0]; true if nothing is
 * left for it. exc: any other exception, or an interrupt left over, on a
 * secondary CPU; true if it took it there (it parks that CPU). console:
 * tg_vprintf takes the console lock. */
extern bool (*tg_smp_irq_hook)(struct tg_frame *f);
extern bool (*tg_smp_exc_hook)(struct tg_frame *f);
extern bool tg_console_smp;

#endif
