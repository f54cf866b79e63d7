/* SPDX-License-Identifier: MIT */
/* Single-instruction helpers (insn.S). */
#ifndef TG_TEST_INSN_H
#define TG_TEST_INSN_H

#include "tg/tg.h"

u64 t_load64(u64 va);
s32 t_load32(u64 va);
s16 t_load16(u64 va);
void t_store64(u64 va, u64 v);
void t_store32(u64 va, u32 v);
u64 t_load64_bd(u64 va);
void t_syscall(void);
void t_syscall_bd(void);
void t_break(void);
void t_teq(void);
s32 t_add_ov(s32 a, s32 b);
void t_reserved(void);
u64 t_fpu(void);
void t_sdbbp(u64 ra);
extern char t_sdbbp_insn[];
u64 t_jump(u64 target);
u64 t_ret42(void);
u32 t_eret_here(void);

static inline u64 fn_addr(const void *f)
{
	return (u64)(uintptr_t)f;
}

#endif
