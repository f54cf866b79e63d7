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

#endif
