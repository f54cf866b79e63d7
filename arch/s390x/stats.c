/* SPDX-License-Identifier: MIT */
/* The per-partition intercept statistics line(s). */
#include <arch/stats.h>

#include "hv/lib.h"
#include "hv/vcpu.h"

static const char *const reason_name[STAT_NR_REASONS] = {
    [STAT_INST] = "inst",           [STAT_PGM] = "pgm",
    [STAT_INSTPGM] = "inst+pgm",    [STAT_EXTREQ] = "extreq",
    [STAT_EXTINT] = "extint",       [STAT_IOREQ] = "ioreq",
    [STAT_WAIT] = "wait",           [STAT_VALIDITY] = "validity",
    [STAT_STOP] = "stop",           [STAT_OPEREXC] = "operexc",
    [STAT_HOSTFAULT] = "hostfault", [STAT_OTHER] = "other",
};

static const char *const insn_name[SI_NR] = {
    [SI_DIAG44] = "diag44",   [SI_DIAG9C] = "diag9c",   [SI_DIAG288] = "diag288",
    [SI_DIAG308] = "diag308", [SI_DIAG318] = "diag318", [SI_DIAG_OTHER] = "diag-other",
    [SI_SERVC] = "servc",     [SI_SIGP] = "sigp",       [SI_STSI] = "stsi",
    [SI_STIDP] = "stidp",     [SI_STFL] = "stfl",       [SI_STFLE] = "stfle",
    [SI_SPX] = "spx",         [SI_STPX] = "stpx",       [SI_STAP] = "stap",
    [SI_SCK] = "sck",         [SI_TB] = "tb",           [SI_IO] = "io",
    [SI_CHSC] = "chsc",       [SI_TPROT] = "tprot",     [SI_SKEY] = "skey",
    [SI_OTHER] = "other",
};

static size_t append(char *buf, size_t size, size_t at, const char *fmt, ...) __printf(4, 5);
static size_t append(char *buf, size_t size, size_t at, const char *fmt, ...)
{
	va_list ap;

	if (at >= size)
		return at;
	va_start(ap, fmt);
	int n = hv_vsnprintf(buf + at, size - at, fmt, ap);
	va_end(ap);
	return at + (n > 0 ? (size_t)n : 0);
}

void stats_report(struct partition *p)
{
	const struct s390_stats *st = &p->arch.stats;
	char line[160];
	size_t at = 0;

	/* Console lines are short: reasons, then instructions, then injections. */
	at = append(line, sizeof(line), at, "intercepts:");
	for (u32 r = 0; r < STAT_NR_REASONS; r++) {
		u32 n = __atomic_load_n(&st->reason[r], __ATOMIC_RELAXED);
		if (n || r == STAT_INST)
			at = append(line, sizeof(line), at, "%s %s %u", r ? "," : "",
			            reason_name[r], n);
	}
	partition_log(p, "%s", line);
	at = append(line, sizeof(line), 0, "intercepted instructions:");
	for (u32 i = 0; i < SI_NR; i++) {
		u32 n = __atomic_load_n(&st->insn[i], __ATOMIC_RELAXED);
		if (n)
			at = append(line, sizeof(line), at, "%s %s %u", at > 25 ? "," : "",
			            insn_name[i], n);
	}
	partition_log(p, "%s", line);
	partition_log(p, "injected: %u program, %u external interruption(s)",
	              __atomic_load_n(&st->injected_pgm, __ATOMIC_RELAXED),
	              __atomic_load_n(&st->injected_ext, __ATOMIC_RELAXED));
}
