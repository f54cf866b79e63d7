/* SPDX-License-Identifier: MIT */
/* Synchronous exceptions taken by the guest's own handler at EBase+0x180:
 * syscall, break, trap, overflow, address errors (load, store, fetch),
 * reserved instruction and coprocessor unusable, with EPC, Cause.BD and
 * BadVAddr as the architecture defines them; EXL set while handling, EPC
 * kept when EXL was already set; resuming after the faulting instruction. */
#include "insn.h"

static u64 scratch[4];

static void call(void *fn)
{
	((void (*)(void))fn)();
}

#define EXPECT(fn, code, epc_, bd)                                                                 \
	do {                                                                                       \
		TG_EQ(tg_try(TG_EXC(code), call, (void *)(fn)), (code) + 1);                       \
		TG_EQ(tg_last.vec, VEC_GENERAL);                                                   \
		TG_EQ(tg_last.epc, epc_);                                                          \
		TG_EQ(tg_last.cause &CAUSE_BD, (bd) ? CAUSE_BD : 0);                               \
		TG_EQ(tg_last.status &ST_EXL, ST_EXL);                                             \
	} while (0)

TG_TEST(exc, syscall)
{
	EXPECT(t_syscall, EXC_SYS, fn_addr(t_syscall), false);
}

TG_TEST(exc, syscall_delay_slot)
{
	EXPECT(t_syscall_bd, EXC_SYS, fn_addr(t_syscall_bd), true);
}

TG_TEST(exc, break_code)
{
	EXPECT(t_break, EXC_BP, fn_addr(t_break), false);
	/* the code field is in the instruction word at EPC */
	TG_EQ((*(const u32 *)(uintptr_t)tg_last.epc >> 16) & 0x3ff, 7);
}

TG_TEST(exc, trap)
{
	EXPECT(t_teq, EXC_TR, fn_addr(t_teq), false);
}

static s32 ov_result;
static void add_overflow(void *a)
{
	(void)a;
	ov_result = t_add_ov(0x7fffffff, 1);
}

TG_TEST(exc, overflow)
{
	ov_result = 0x55;
	TG_EQ(tg_try(TG_EXC(EXC_OV), add_overflow, NULL), EXC_OV + 1);
	TG_EQ(tg_last.epc, fn_addr(t_add_ov));
	TG_EQ(ov_result, 0x55); /* no result written */
	TG_EQ(t_add_ov(5, 6), 11);
}

static u64 addr_arg;
static void load32(void *a)
{
	(void)a;
	t_load32(addr_arg);
}
static void load16(void *a)
{
	(void)a;
	t_load16(addr_arg);
}
static void store32(void *a)
{
	(void)a;
	t_store32(addr_arg, 1);
}
static void store64(void *a)
{
	(void)a;
	t_store64(addr_arg, 1);
}
static void jump(void *a)
{
	(void)a;
	t_jump(addr_arg);
}

/* Addresses outside the segments Status enables: xkphys with KX = 0 (the
 * alignment checks are no use here: QEMU's Loongson-3 models, like the
 * hardware, do unaligned loads and stores without an exception). */
#define XKPHYS_ADDR 0x9800000000200000ull
#define XSSEG_ADDR 0x4000000000001000ull

TG_TEST(exc, address_error_load)
{
	addr_arg = XKPHYS_ADDR + 0x40;
	TG_EQ(tg_try(TG_EXC(EXC_ADEL), load32, NULL), EXC_ADEL + 1);
	TG_EQ(tg_last.epc, fn_addr(t_load32));
	TG_EQ(tg_last.badvaddr, addr_arg);
	addr_arg = XSSEG_ADDR + 2;
	TG_EQ(tg_try(TG_EXC(EXC_ADEL), load16, NULL), EXC_ADEL + 1);
	TG_EQ(tg_last.badvaddr, addr_arg);
}

TG_TEST(exc, address_error_store)
{
	addr_arg = XKPHYS_ADDR + 0x48;
	TG_EQ(tg_try(TG_EXC(EXC_ADES), store32, NULL), EXC_ADES + 1);
	TG_EQ(tg_last.epc, fn_addr(t_store32));
	TG_EQ(tg_last.badvaddr, addr_arg);
	addr_arg = XSSEG_ADDR + 8;
	TG_EQ(tg_try(TG_EXC(EXC_ADES), store64, NULL), EXC_ADES + 1);
	TG_EQ(tg_last.badvaddr, addr_arg);
}

TG_TEST(exc, address_error_fetch)
{
	/* a jump into xkphys: AdEL on the fetch, EPC = BadVAddr = target */
	addr_arg = XKPHYS_ADDR + 0x100;
	TG_EQ(tg_try(TG_EXC(EXC_ADEL), jump, NULL), EXC_ADEL + 1);
	TG_EQ(tg_last.epc, addr_arg);
	TG_EQ(tg_last.badvaddr, addr_arg);
	TG_EQ(tg_last.cause & CAUSE_BD, 0);
	TG_EQ(t_jump(fn_addr(t_ret42)), 42);
}

TG_TEST(exc, unaligned_access)
{
	/* Loongson-3 does unaligned loads and stores in hardware */
	scratch[0] = 0x8877665544332211ull;
	scratch[1] = 0;
	TG_EQ((u32)t_load32((u64)(uintptr_t)scratch + 1), 0x55443322u);
	TG_EQ(t_load64((u64)(uintptr_t)scratch + 3), 0x0000008877665544ull);
	t_store32((u64)(uintptr_t)scratch + 6, 0xaabbccddu);
	TG_EQ(scratch[0], 0xccdd665544332211ull);
	TG_EQ(scratch[1], 0xaabbull);
}

TG_TEST(exc, reserved_instruction)
{
	EXPECT(t_reserved, EXC_RI, fn_addr(t_reserved), false);
}

TG_TEST(exc, coprocessor_unusable)
{
	/* FPU off (Status.CU1 = 0): CpU with Cause.CE = 1 */
	EXPECT(t_fpu, EXC_CPU, fn_addr(t_fpu), false);
	TG_EQ((tg_last.cause >> CAUSE_CE_SHIFT) & 3, 1);
}

static u32 resumed;
static void skip_handler(struct tg_frame *f)
{
	/* not in a delay slot here: resume after the instruction */
	TG_EQ(f->cause & CAUSE_BD, 0);
	f->epc += 4;
	resumed++;
}

TG_TEST(exc, resume_after)
{
	/* a handler that returns: eret continues after the syscall, with the
	 * registers as they were */
	resumed = 0;
	tg_set_handler(EXC_SYS, skip_handler);
	tg_set_handler(EXC_BP, skip_handler);
	register u64 a __asm__("$16") = 0x1234;
	register u64 b __asm__("$2") = 0x5678;
	__asm__ volatile("syscall\n\tbreak 3" : "+r"(a), "+r"(b) : : "memory");
	TG_EQ(resumed, 2);
	TG_EQ(a, 0x1234);
	TG_EQ(b, 0x5678);
	TG_EQ(tg_read_status() & ST_EXL, 0);
}

TG_TEST(exc, nested_exl)
{
	/* an exception with EXL already set keeps EPC and Cause.BD */
	tg_dmtc0(CP0_EPC, 0, 0x0123456789abcdecull);
	tg_write_status(ST_EXL);
	int r = tg_try(TG_EXC(EXC_SYS), call, (void *)t_syscall_bd);
	tg_write_status(0);
	TG_EQ(r, EXC_SYS + 1);
	TG_EQ(tg_last.epc, 0x0123456789abcdecull);
	TG_EQ(tg_last.cause & CAUSE_BD, 0);
}

TG_TEST(exc, eret_clears_exl)
{
	/* ERET from kernel code: continue at EPC with EXL clear */
	tg_write_status(ST_EXL);
	TG_EQ(t_eret_here() & ST_EXL, 0);
}

int main(void)
{
	TG_RUN(exc, syscall);
	TG_RUN(exc, syscall_delay_slot);
	TG_RUN(exc, break_code);
	TG_RUN(exc, trap);
	TG_RUN(exc, overflow);
	TG_RUN(exc, address_error_load);
	TG_RUN(exc, address_error_store);
	TG_RUN(exc, address_error_fetch);
	TG_RUN(exc, unaligned_access);
	TG_RUN(exc, reserved_instruction);
	TG_RUN(exc, coprocessor_unusable);
	TG_RUN(exc, resume_after);
	TG_RUN(exc, nested_exl);
	TG_RUN(exc, eret_clears_exl);
	return tg_tests_done();
}
