/* SPDX-License-Identifier: MIT */
/* Crash dumps: an unexpected exception in the hypervisor, and panic()'s
 * register dump. Printed without the console lock (the crashing CPU may
 * hold it, or another CPU may hold it forever). */
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "hv/arch/cpu.h"
#include "hv/arch/power.h"
#include "hv/console.h"
#include "hv/panic.h"

#define crash_log(...) console_printf_unlocked("hv", __VA_ARGS__)

static const char *const gpr_names[32] = {"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
                                          "a4",   "a5", "a6", "a7", "t0", "t1", "t2", "t3",
                                          "s0",   "s1", "s2", "s3", "s4", "s5", "s6", "s7",
                                          "t8",   "t9", "k0", "k1", "gp", "sp", "s8", "ra"};

static const char *const exc_names[32] = {
    "Int",    "Mod",    "TLBL",   "TLBS",  "AdEL",  "AdES",   "IBE",      "DBE",
    "Sys",    "Bp",     "RI",     "CpU",   "Ov",    "Tr",     "MSAFPE",   "FPE",
    "Exc16",  "Exc17",  "C2E",    "TLBRI", "TLBXI", "MSADis", "MDMX",     "WATCH",
    "MCheck", "Thread", "DSPDis", "GE",    "Exc28", "Exc29",  "CacheErr", "Exc31"};

static const char *const exc_what[32] = {
    [0] = "interrupt",
    [1] = "store to a clean TLB page",
    [2] = "TLB miss or invalid on load or fetch",
    [3] = "TLB miss or invalid on store",
    [4] = "address error on load or fetch",
    [5] = "address error on store",
    [6] = "bus error on fetch",
    [7] = "bus error on load or store",
    [8] = "syscall",
    [9] = "breakpoint",
    [10] = "reserved instruction",
    [11] = "coprocessor unusable",
    [12] = "integer overflow",
    [13] = "trap",
    [15] = "floating-point exception",
    [19] = "TLB read-inhibit",
    [20] = "TLB execute-inhibit",
    [23] = "watchpoint",
    [24] = "machine check",
    [27] = "guest exit",
    [EXC_CACHEERR] = "cache error",
};

static const char *const vector_names[4] = {"TLB refill", "XTLB refill", "cache error", "general"};

static u32 crash_owner; /* 1 + hwid of the CPU printing a crash */

static u32 exc_code(const struct mips_frame *f)
{
	return ((u32)f->cause >> CAUSE_EXC_SHIFT) & CAUSE_EXC_MASK;
}

static void dump_gprs(const struct mips_frame *f)
{
	for (u32 r = 0; r < 32; r += 4)
		crash_log("  %-4s %016llx  %-4s %016llx  %-4s %016llx  %-4s %016llx", gpr_names[r],
		          (unsigned long long)f->gpr[r], gpr_names[r + 1],
		          (unsigned long long)f->gpr[r + 1], gpr_names[r + 2],
		          (unsigned long long)f->gpr[r + 2], gpr_names[r + 3],
		          (unsigned long long)f->gpr[r + 3]);
	crash_log("  hi   %016llx  lo   %016llx", (unsigned long long)f->hi,
	          (unsigned long long)f->lo);
}

static void dump_cp0(const struct mips_frame *f)
{
	u32 cause = (u32)f->cause, code = exc_code(f);

	crash_log("  Cause    %08x (ExcCode %u %s, IP %02x%s)  EPC      %016llx", cause, code,
	          exc_names[code], (cause >> 8) & 0xff, (cause & CAUSE_BD) ? ", BD" : "",
	          (unsigned long long)f->epc);
	crash_log("  Status   %08x  BadVAddr %016llx  EntryHi  %016llx", (u32)f->status,
	          (unsigned long long)f->badvaddr, (unsigned long long)f->entryhi);
	if (f->vector & VECF_ERROREPC_LOST)
		crash_log("  EBase    %08x (CPUNum %u)  ErrorEPC (used to save k1: no KScratch)",
		          (u32)f->ebase, (u32)f->ebase & EBASE_CPUNUM_MASK);
	else
		crash_log("  EBase    %08x (CPUNum %u)  ErrorEPC %016llx", (u32)f->ebase,
		          (u32)f->ebase & EBASE_CPUNUM_MASK, (unsigned long long)f->errorepc);
	if (f->vector & VECF_K1_LOW32)
		crash_log("  k1: low 32 bits only (saved in DDataLo)");
}

void mips_crash(const struct mips_frame *f)
{
	u32 me = arch_cpu_id();
	u32 code = exc_code(f);
	u32 expected = 0;

	arch_irq_save();
	/* One CPU reports; a fault inside this very report (level 2 on the
	 * same CPU) still gets through. Other CPUs stop here. */
	if (!__atomic_compare_exchange_n(&crash_owner, &expected, me + 1, false, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE) &&
	    expected != me + 1)
		mips_halt();
	/* A cache error does not set ExcCode: Cause is whatever it was. */
	if ((f->vector & 0xff) == VEC_CACHE_ERROR)
		code = EXC_CACHEERR;
	crash_log("EXCEPTION on cpu %u: %s (%s) through the %s vector%s", me, exc_names[code],
	          exc_what[code] ? exc_what[code] : "reserved", vector_names[f->vector & 3],
	          f->level > 1 ? ", nested inside the exception handler" : "");
	dump_cp0(f);
	dump_gprs(f);
	if (f->level > 1) {
		const struct mips_frame *first = &mips_exc_area[me].level[0].f;
		u32 c1 = exc_code(first);
		crash_log("  while handling: %s through the %s vector, EPC %016llx, BadVAddr "
		          "%016llx",
		          exc_names[c1], vector_names[first->vector & 3],
		          (unsigned long long)first->epc, (unsigned long long)first->badvaddr);
	}
	crash_log("EXIT status=%d", HV_EXIT_EXCEPTION);
	arch_power_off(HV_EXIT_EXCEPTION);
}

void arch_dump_current(void)
{
	struct mips_frame f;

	mips_save_regs(&f);
	crash_log("registers of cpu %u (pc = return address into the caller):", arch_cpu_id());
	crash_log("  pc       %016llx  Status   %08x  Cause    %08x  EBase    %08x",
	          (unsigned long long)f.epc, (u32)f.status, (u32)f.cause, (u32)f.ebase);
	dump_gprs(&f);
}
