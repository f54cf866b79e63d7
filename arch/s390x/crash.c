/* SPDX-License-Identifier: MIT */
/* Crash dumps: an unexpected interruption (any program check, SVC, machine
 * check, I/O or restart interruption, or an external one nobody enabled)
 * prints what the CPU saved and ends the run with status 3; panic() prints
 * the current registers. One CPU reports; a fault inside the report goes to
 * dblfault_entry (the crash entry already pointed the program new PSW
 * there), which stops the other CPUs and waits disabled: never a loop. */
#include <arch/insn.h>
#include <arch/lowcore.h>
#include <arch/s390x.h>
#include <arch/sigp.h>

#include "hv/arch/power.h"
#include "hv/console.h"
#include "hv/panic.h"

struct crash_state {
	const char *what;
	u32 code;
	const char *code_name;
	u32 ilc;
	const char *extra_name; /* NULL if there is no extra word */
	u64 extra;
	struct psw psw;
	const u64 *gprs;
	u64 crs[16];
};

static u32 reporter; /* CPU address + 1 of the CPU that reports a crash */

/* Returns only on the one CPU that may report. */
static void claim_report(void)
{
	u32 me = (u32)stap() + 1, expected = 0;

	if (__atomic_compare_exchange_n(&reporter, &expected, me, false, __ATOMIC_ACQ_REL,
	                                __ATOMIC_ACQUIRE))
		return;
	if (expected == me)
		dblfault(); /* a fault inside our own report */
	/* Another CPU reports and will end the run: stop quietly. An enabled
	 * wait with every subclass off, not a disabled wait, which QEMU would
	 * take for the end of the run. */
	sigp(stap(), SIGP_STOP, 0, NULL);
	ctl0_set(ctl0_get() & ~(u64)CR0_SUBCLASS_MASKS);
	for (;;)
		enabled_wait();
}

static const char *pgm_name(u32 code)
{
	static const char *const names[] = {
	    [0x01] = "operation",
	    [0x02] = "privileged operation",
	    [0x03] = "execute",
	    [0x04] = "protection",
	    [0x05] = "addressing",
	    [0x06] = "specification",
	    [0x07] = "data",
	    [0x08] = "fixed-point overflow",
	    [0x09] = "fixed-point divide",
	    [0x10] = "segment translation",
	    [0x11] = "page translation",
	    [0x12] = "translation specification",
	    [0x13] = "special operation",
	    [0x38] = "ASCE type",
	    [0x39] = "region-first translation",
	    [0x3a] = "region-second translation",
	    [0x3b] = "region-third translation",
	};
	u32 c = code & 0x7f; /* without the PER and transaction bits */

	return c < ARRAY_SIZE(names) && names[c] ? names[c] : "unknown";
}

/* PSW, GPRs, CR0 and CR14: the lines shared by crash dumps and panic(). */
static void print_regs(const char *psw_label, const struct psw *psw, const u64 *r, const u64 *crs)
{
	static const char *const label[] = {"r0-r3  ", "r4-r7  ", "r8-r11 ", "r12-r15"};

	console_printf_unlocked("hv", "  %s %016llx %016llx", psw_label,
	                        (unsigned long long)psw->mask, (unsigned long long)psw->addr);
	for (int i = 0; i < 16; i += 4)
		console_printf_unlocked("hv", "  %s %016llx %016llx %016llx %016llx", label[i / 4],
		                        (unsigned long long)r[i], (unsigned long long)r[i + 1],
		                        (unsigned long long)r[i + 2], (unsigned long long)r[i + 3]);
	console_printf_unlocked("hv", "  cr0     %016llx cr14 %016llx", (unsigned long long)crs[0],
	                        (unsigned long long)crs[14]);
}

static void print_state(const struct crash_state *cs)
{
	if (cs->code_name)
		console_printf_unlocked("hv", "CRASH on cpu %u: %s interruption, code 0x%04x (%s)",
		                        stap(), cs->what, cs->code, cs->code_name);
	else
		console_printf_unlocked("hv", "CRASH on cpu %u: %s interruption", stap(), cs->what);
	if (cs->ilc)
		console_printf_unlocked("hv", "  instruction length %u", cs->ilc);
	if (cs->extra_name)
		console_printf_unlocked("hv", "  %s %016llx", cs->extra_name,
		                        (unsigned long long)cs->extra);
	print_regs("old PSW", &cs->psw, cs->gprs, cs->crs);
}

static __noreturn void report_and_exit(const struct crash_state *cs)
{
	print_state(cs);
	console_printf_unlocked("hv", "EXIT status=%d", HV_EXIT_EXCEPTION);
	arch_power_off(HV_EXIT_EXCEPTION);
}

void arch_crash(u64 kind)
{
	struct lowcore *lc = lowcore();
	struct crash_state cs = {.gprs = lc->crash_gprs};

	claim_report();
	for (int i = 0; i < 16; i++)
		cs.crs[i] = lc->crash_crs[i];
	switch (kind) {
	case CRASH_PGM:
		cs.what = "program";
		cs.code = lc->pgm_code;
		cs.code_name = pgm_name(lc->pgm_code);
		cs.ilc = lc->pgm_ilc & 0x6;
		cs.extra_name = "TEID";
		cs.extra = lc->teid;
		cs.psw = lc->pgm_old_psw;
		break;
	case CRASH_SVC:
		cs.what = "supervisor-call";
		cs.code = lc->svc_code;
		cs.code_name = "SVC number";
		cs.ilc = lc->svc_ilc & 0x6;
		cs.psw = lc->svc_old_psw;
		break;
	case CRASH_MCCK:
		cs.what = "machine-check";
		cs.extra_name = "interruption code";
		cs.extra = lc->mcck_code;
		cs.psw = lc->mcck_old_psw;
		break;
	case CRASH_IO:
		cs.what = "I/O";
		cs.extra_name = "subsystem id";
		cs.extra = lc->subchannel_id;
		cs.psw = lc->io_old_psw;
		break;
	default:
		cs.what = "restart";
		cs.psw = lc->restart_old_psw;
		break;
	}
	report_and_exit(&cs);
}

void crash_unexpected_ext(u16 code, const struct ext_frame *f)
{
	struct lowcore *lc = lowcore();
	struct crash_state cs = {
	    .what = "external",
	    .code = code,
	    .code_name = "not enabled by Tern",
	    .psw = f->old_psw,
	    .gprs = f->gprs,
	};

	/* As the stubs do for the others: a program check from here on ends
	 * in a disabled wait. */
	lc->new_psws[3] = lc->dblfault_psw;
	claim_report();
	ctl_store_all(cs.crs);
	report_and_exit(&cs);
}

void arch_dump_current(void)
{
	u64 gprs[16], crs[16];
	struct psw psw;
	unsigned long hi, lo;

	claim_report();
	__asm__ volatile("stmg %%r0,%%r15,%0" : "=Q"(gprs));
	__asm__ volatile("epsw %0,%1" : "=d"(hi), "=d"(lo));
	psw.mask = (u64)hi << 32 | (u32)lo;
	psw.addr = (u64)__builtin_return_address(0);
	ctl_store_all(crs);
	console_printf_unlocked("hv", "registers of cpu %u (PSW address: the caller of the dump)",
	                        stap());
	print_regs("PSW    ", &psw, gprs, crs);
}

void arch_selftest_fault(void)
{
	/* A load past the end of RAM: addressing exception (code 5). */
	unsigned long addr = (unsigned long)s390x_ram_end;
	unsigned long val;

	__asm__ volatile("lg %0,0(%1)" : "=d"(val) : "a"(addr) : "memory");
	(void)val;
}
