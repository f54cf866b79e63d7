/* SPDX-License-Identifier: MIT */
/* Start and end of a guest: the command line, where it runs, and exit.
 *
 * Where it runs (tg_env): the guest asks with the guest ABI's version
 * hypercall (`hypcall`, TERN_HC_VERSION, arch/guest_abi.h). Tern answers
 * "TERN" in v0; the bare machine has no VZ, so the instruction raises
 * Reserved Instruction (or Coprocessor Unusable), which the SDK's own
 * handler catches: native. A guest linked in the trap-and-emulate layout
 * cannot run natively at all (its addresses are in useg, unmapped at reset).
 *
 * Exit: under Tern, the exit hypercall with the status (the partition ends
 * with it). Natively, status 0 writes 0xff to the PM register (QEMU powers
 * off with rc 0); another status uses UHI exit (sdbbp 1, $25 = 1,
 * $4 = status) when the command line says "semihosting"
 * (tools/run-qemu-mips64 does), else the PM register too. sdbbp is never
 * used under Tern: there it would enter QEMU's debug mode. */
#include "tg/tg.h"

#include "arch/guest_abi.h"
#include "sdk.h"

#ifndef TG_GUEST_NAME
#define TG_GUEST_NAME "guest"
#endif

#define PM_CNTL_PA 0x10080010u
#define PM_SHUTDOWN 0xff

static char cmdline[256];

const char *tg_name(void)
{
	return TG_GUEST_NAME;
}

bool tg_layout_te(void)
{
	return TG_KSEG0 < 0x80000000ull;
}

static int env = -1;

static u64 hypcall(u64 fn, u64 a0)
{
	register u64 v0 __asm__("$2") = fn;
	register u64 r4 __asm__("$4") = a0;

	__asm__ volatile(".word %2" : "+r"(v0) : "r"(r4), "i"(TERN_HYPCALL_INSN) : "$3", "memory");
	return v0;
}

static u64 probe_result;
static void probe(void *arg)
{
	(void)arg;
	probe_result = hypcall(TERN_HC_VERSION, 0);
}

enum tg_env tg_env(void)
{
	if (env < 0) {
		probe_result = 0;
		int r = tg_try(TG_EXC(EXC_RI) | TG_EXC(EXC_CPU), probe, NULL);
		env = r == 0 && (u32)probe_result == TERN_GUEST_ABI_MAGIC ? TG_ENV_TERN
		                                                          : TG_ENV_NATIVE;
	}
	return (enum tg_env)env;
}

const char *tg_cmdline(void)
{
	return cmdline;
}

bool tg_cmdline_has(const char *word)
{
	size_t n = strlen(word);

	for (const char *p = cmdline; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if ((size_t)(e - p) == n && strncmp(p, word, n) == 0)
			return true;
		p = e;
	}
	return false;
}

bool tg_model_3a1000(void)
{
	return ((tg_mfc0(CP0_PRID, 0) >> 8) & 0xffff) == 0x0063;
}

bool tg_model_3a4000(void)
{
	return ((tg_mfc0(CP0_PRID, 0) >> 8) & 0xffff) == 0x14c0;
}

/* A pointer the loader gave us, if it lies in our kseg0 window. */
static const char *window_ptr(u64 p)
{
	return p >= TG_KSEG0 && p - TG_KSEG0 < 0x10000000ull ? (const char *)(uintptr_t)p : NULL;
}

static void copy_cmdline(long argc, const s32 *argv)
{
	if (argc < 2 || !window_ptr((u64)(uintptr_t)argv))
		return;
	const char *s = window_ptr((u64)(s64)argv[1]);
	size_t i = 0;

	for (; s && s[i] && i + 1 < sizeof(cmdline); i++)
		cmdline[i] = s[i];
	cmdline[i] = 0;
}

int tg_start(long argc, const s32 *argv, u64 bootp)
{
	(void)bootp;
	copy_cmdline(argc, argv);
	tg_env();
	tg_printf("tg: %s, %s layout, %s, PRId 0x%x, cmdline \"%s\"\n", tg_name(),
	          tg_layout_te() ? "trap-and-emulate" : "native",
	          tg_native() ? "native" : "partition of Tern", tg_mfc0(CP0_PRID, 0), cmdline);
	return main();
}

void tg_delay_ticks(u32 ticks)
{
	u32 t0 = tg_read_count();

	while (tg_read_count() - t0 < ticks)
		;
}

_Noreturn void tg_exit(int status)
{
	tg_write_status(0);
	if (!tg_native())
		hypcall(TERN_HC_EXIT, (u64)(s64)status);
	if (status != 0 && tg_cmdline_has("semihosting")) {
		register long op __asm__("$25") = 1;
		register long code __asm__("$4") = status;
		__asm__ volatile("sdbbp 1" : : "r"(op), "r"(code) : "memory");
	}
	*(volatile u8 *)tg_kseg1(PM_CNTL_PA) = PM_SHUTDOWN;
	for (;;)
		__asm__ volatile("wait");
}
