/* SPDX-License-Identifier: MIT */
/* Exit statistics of a partition, summed over its vCPUs, by the reasons
 * of the backend that ran it (trap-and-emulate or VZ):
 * "[hv] pN exits: cpu 123 (mfc0 40, mtc0 30, ...), tlb-shadow 55, ...". */
#include "arch/backend.h"
#include "arch/te.h"
#include "hv/arch/vcpu.h"
#include "hv/console.h"
#include "hv/lib.h"

const char *const te_exit_names[TE_EXIT_NR] = {
    [TE_EXIT_IRQ] = "irq",
    [TE_EXIT_CPU] = "cpu",
    [TE_EXIT_RI] = "ri",
    [TE_EXIT_TLB_SHADOW] = "tlb-shadow",
    [TE_EXIT_TLB_GUEST] = "tlb-guest",
    [TE_EXIT_MMIO] = "mmio",
    [TE_EXIT_KSEG] = "kseg",
    [TE_EXIT_ADDR] = "addr-error",
    [TE_EXIT_BUS] = "bus-error",
    [TE_EXIT_REFLECT] = "reflect",
    [TE_EXIT_HCALL] = "hypercall",
    [TE_EXIT_VIRQ] = "virq",
};

/* Which emulated instructions are listed after which exit reason. */
static bool belongs(u32 reason, u32 st)
{
	bool mem = st == ST_LOAD || st == ST_STORE;

	switch (mips_backend->insn_group(reason)) {
	case 1:
		return st != ST_CPUCFG && st != ST_RDHWR && !mem;
	case 2:
		return st == ST_CPUCFG || st == ST_RDHWR;
	case 3:
		return mem;
	case 4:
		return !mem;
	default:
		return false;
	}
}

/* Items are appended to the line and a line that would grow past the
 * console's width is printed first, so nothing is cut. */
struct report {
	struct partition *p;
	char line[CONSOLE_LINE_MAX - 24];
	size_t len;
	bool first;
};

static void flush(struct report *r)
{
	if (!r->len)
		return;
	partition_log(r->p, "%s%s", r->first ? "" : "  ", r->line);
	r->first = false;
	r->len = 0;
	r->line[0] = 0;
}

static void item(struct report *r, const char *text)
{
	size_t n = strlen(text);

	if (r->len + n >= sizeof(r->line)) {
		/* a separator ends the line, not the next one */
		if (text[0] == ',' && r->len + 1 < sizeof(r->line)) {
			r->line[r->len++] = ',';
			r->line[r->len] = 0;
			text += 2;
		}
		flush(r);
	}
	hv_strlcpy(r->line + r->len, text, sizeof(r->line) - r->len);
	r->len = strlen(r->line);
}

void arch_partition_report(struct partition *p)
{
	const struct mips_backend *b = mips_backend;
	u64 exits[32] = {0}, insns[ST_NR] = {0}, total = 0;
	struct report r = {.p = p, .first = true};
	char buf[48];

	for (u32 i = 0; i < p->nr_vcpus; i++) {
		const u32 *n = b->exit_counts(&p->vcpus[i]);
		for (u32 e = 0; e < b->nr_exits && e < 32; e++)
			exits[e] += n[e];
		for (u32 s = 0; s < ST_NR; s++)
			insns[s] += p->vcpus[i].arch.ctx.insn_stats[s];
	}
	for (u32 e = 0; e < b->nr_exits && e < 32; e++)
		if (strcmp(b->exit_names[e], "virq") != 0) /* not an exit */
			total += exits[e];
	hv_snprintf(buf, sizeof(buf), "exits %llu:%s", (unsigned long long)total,
	            total ? "" : " none");
	item(&r, buf);
	bool any = false;
	for (u32 e = 0; e < b->nr_exits && e < 32; e++) {
		if (!exits[e])
			continue;
		hv_snprintf(buf, sizeof(buf), "%s %s %llu", any ? "," : "", b->exit_names[e],
		            (unsigned long long)exits[e]);
		item(&r, buf);
		any = true;
		bool open = false;
		for (u32 s = 0; s < ST_NR; s++) {
			if (!insns[s] || !belongs(e, s))
				continue;
			hv_snprintf(buf, sizeof(buf), "%s%s %llu", open ? ", " : " (",
			            mips_emu_stat_names[s], (unsigned long long)insns[s]);
			item(&r, buf);
			open = true;
		}
		if (open)
			item(&r, ")");
	}
	flush(&r);
}
