/* SPDX-License-Identifier: MIT */
/* A fake guest for the emulation-layer tests: 64 KiB of RAM at guest
 * virtual RAM_BASE (code and data), a 256-byte device at DEV_BASE that
 * records every access, a bus-error range, and nothing else (any other
 * address takes a TLB refill, as an unmapped page would). */
#ifndef TESTS_MIPS64_HARNESS_H
#define TESTS_MIPS64_HARNESS_H

#include "arch/emulate.h"
#include <string.h>

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x10000u
#define DEV_BASE 0x7fe00000ull
#define DEV_SIZE 0x100u
#define BUS_BASE 0x7ff00000ull
#define BUS_SIZE 0x1000u
#define CODE (RAM_BASE + 0x100)

struct access_log {
	u64 va;
	unsigned size;
	bool write;
	u64 val;
};

extern u8 ram[RAM_SIZE];
extern u8 dev[DEV_SIZE];
extern struct access_log log_[16];
extern unsigned nlog;
extern u64 fake_now;
extern unsigned tlb_changes, cache_index_calls, cache_hit_calls;
extern u32 last_cache_op;
extern u64 last_cache_addr;
extern bool host_cfg_present;
extern struct mips_guest_ctx G;

/* The other test files of test_mips64_emulate (failure counts). */
int run_mem_tests(void);
int run_branch_tests(void);

void harness_reset(void);
/* Put insns at CODE (and on), pc = CODE. */
void code(const u32 *w, unsigned n);
int run(enum mips_trap_kind k, bool bd);
u32 exc_code(void);

/* encoders */
u32 e_mfc0(u32 rt, u32 rd, u32 sel);
u32 e_dmfc0(u32 rt, u32 rd, u32 sel);
u32 e_mtc0(u32 rt, u32 rd, u32 sel);
u32 e_dmtc0(u32 rt, u32 rd, u32 sel);
u32 e_i(u32 opc, u32 rs, u32 rt, s32 imm);
u32 e_gsx(bool store, u32 op1, u32 base, u32 rt, u32 index, s32 off);
u32 e_cpucfg(u32 rd, u32 rs);
u32 e_rdhwr(u32 rt, u32 rd);
u32 e_cache(u32 op, u32 base, s32 off);

#define I_TLBR 0x42000001u
#define I_TLBWI 0x42000002u
#define I_TLBINV 0x42000003u
#define I_TLBINVF 0x42000004u
#define I_TLBWR 0x42000006u
#define I_TLBP 0x42000008u
#define I_ERET 0x42000018u
#define I_DERET 0x4200001fu
#define I_WAIT 0x42000020u
#define I_HYPCALL(code) (0x42000028u | (u32)(code) << 11)
#define I_DI(rt) (0x41606000u | (u32)(rt) << 16)
#define I_EI(rt) (0x41606020u | (u32)(rt) << 16)
#define I_NOP 0u

#endif
