/* SPDX-License-Identifier: MIT */
/* Exception dispatch for the guest's own vectors (vectors.S): per-ExcCode
 * handlers, tg_try() to catch an expected exception, and the way back from
 * the guest's user mode. Anything unexpected fails the running test. */
#include "tg/tg.h"

#include "sdk.h"

u64 tg_kstack_top; /* the kernel stack for exceptions from user mode */
struct tg_jmp tg_user_jmp;
struct tg_caught tg_last;

bool (*tg_smp_irq_hook)(struct tg_frame *f);
bool (*tg_smp_exc_hook)(struct tg_frame *f);

static tg_handler_fn handlers[32];
static struct tg_jmp try_jmp;
static u32 try_mask;
static volatile int try_on;

static const char *const exc_names[32] = {
    [EXC_INT] = "Int",   [EXC_MOD] = "Mod",   [EXC_TLBL] = "TLBL", [EXC_TLBS] = "TLBS",
    [EXC_ADEL] = "AdEL", [EXC_ADES] = "AdES", [EXC_IBE] = "IBE",   [EXC_DBE] = "DBE",
    [EXC_SYS] = "Sys",   [EXC_BP] = "Bp",     [EXC_RI] = "RI",     [EXC_CPU] = "CpU",
    [EXC_OV] = "Ov",     [EXC_TR] = "Tr",
};

const char *tg_exc_name(u32 code)
{
	return code < 32 && exc_names[code] ? exc_names[code] : "?";
}

void tg_set_handler(u32 exccode, tg_handler_fn fn)
{
	if (exccode < 32)
		handlers[exccode] = fn;
}

void tg_trap_reset(void)
{
	for (u32 i = 0; i < 32; i++)
		handlers[i] = NULL;
	try_on = 0;
}

void tg_frame_longjmp(struct tg_frame *f, const struct tg_jmp *j, long val)
{
	for (int i = 0; i < 8; i++)
		f->r[16 + i] = j->s[i];
	f->r[30] = j->fp;
	f->r[29] = j->sp;
	f->r[28] = j->gp;
	f->r[2] = (u64)val;
	f->epc = j->ra;
	f->status &= ~(u64)ST_KSU; /* back in kernel mode */
}

void tg_user_return(struct tg_frame *f, long val)
{
	tg_frame_longjmp(f, &tg_user_jmp, val);
}

int tg_try(u32 mask, void (*fn)(void *), void *arg)
{
	int r = tg_setjmp(&try_jmp);

	if (r) {
		try_on = 0;
		return r;
	}
	try_mask = mask;
	try_on = 1;
	fn(arg);
	try_on = 0;
	return 0;
}

void tg_trap(struct tg_frame *f);
void tg_trap(struct tg_frame *f)
{
	u32 code = tg_exccode(f);

	if (code == EXC_INT && tg_smp_irq_hook && tg_smp_irq_hook(f))
		return;
	if (tg_smp_exc_hook && tg_smp_exc_hook(f))
		return; /* a secondary CPU: tg_last, tg_try and the tests are the boot CPU's */
	if (code != EXC_INT) {
		tg_last.count++;
		tg_last.exccode = code;
		tg_last.vec = (u32)f->vec;
		tg_last.epc = f->epc;
		tg_last.badvaddr = f->badvaddr;
		tg_last.cause = f->cause;
		tg_last.status = f->status;
		tg_last.entryhi = tg_dmfc0(CP0_ENTRYHI, 0);
		tg_last.context = tg_dmfc0(CP0_CONTEXT, 0);
		if (try_on && (try_mask & (1u << code))) {
			try_on = 0;
			tg_frame_longjmp(f, &try_jmp, (long)code + 1);
			return;
		}
	}
	if (handlers[code]) {
		handlers[code](f);
		return;
	}
	tg_printf("  unexpected exception %s (ExcCode %u) at EPC 0x%llx, BadVAddr 0x%llx, "
	          "Cause 0x%llx, Status 0x%llx, vector +0x%llx\n",
	          tg_exc_name(code), code, (unsigned long long)f->epc,
	          (unsigned long long)f->badvaddr, (unsigned long long)f->cause,
	          (unsigned long long)f->status, (unsigned long long)f->vec);
	tg_test_abort(f);
}
