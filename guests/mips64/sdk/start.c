/* SPDX-License-Identifier: MIT */
/* Start and end of a guest: the command line, where it runs, and exit.
 *
 * Where it runs: a guest linked in the trap-and-emulate layout cannot run
 * on the bare machine (its addresses are in useg, unmapped at reset), so
 * that layout means "a partition of Tern". The native (ckseg0) layout runs
 * on the bare machine; a future VZ backend could run it as a partition too,
 * and would then be told apart by the hypercall probe of the guest ABI.
 *
 * Exit: natively status 0 writes 0xff to the PM register (QEMU powers off
 * with rc 0); another status uses UHI exit (sdbbp 1, $25 = 1, $4 = status)
 * when the command line says "semihosting" (tools/run-qemu-mips64 does),
 * else the PM register too. As a partition the guest writes the same PM
 * register through its kseg1 window, which Tern's virtual PM register turns
 * into the end of the partition. */
#include "tg/tg.h"

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

enum tg_env tg_env(void)
{
	return tg_layout_te() ? TG_ENV_TERN : TG_ENV_NATIVE;
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
	if (tg_native() && status != 0 && tg_cmdline_has("semihosting")) {
		register long op __asm__("$25") = 1;
		register long code __asm__("$4") = status;
		__asm__ volatile("sdbbp 1" : : "r"(op), "r"(code) : "memory");
	}
	*(volatile u8 *)tg_kseg1(PM_CNTL_PA) = PM_SHUTDOWN;
	for (;;)
		__asm__ volatile("wait");
}
