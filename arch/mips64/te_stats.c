/* SPDX-License-Identifier: MIT */
/* Exit statistics of a trap-and-emulate partition, summed over its vCPUs:
 * "[hv] pN exits: cpu 123 (mfc0 40, mtc0 30, ...), tlb-shadow 55, ...". */
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
	switch (reason) {
	case TE_EXIT_CPU:
		return st != ST_CPUCFG && st != ST_RDHWR && st != ST_LOAD && st != ST_STORE;
	case TE_EXIT_RI:
		return st == ST_CPUCFG || st == ST_RDHWR;
	case TE_EXIT_MMIO:
		return st == ST_LOAD || st == ST_STORE;
	default:
		return false;
	}
}

static size_t add(char *buf, size_t len, size_t size, const char *fmt, const char *name, u64 n)
{
	if (len < size)
		len += (size_t)hv_snprintf(buf + len, size - len, fmt, name, (unsigned long long)n);
	return len;
}

void arch_partition_report(struct partition *p)
{
	u64 exits[TE_EXIT_NR] = {0}, insns[ST_NR] = {0}, total = 0;
	char line[CONSOLE_LINE_MAX];
	size_t len = 0;

	for (u32 i = 0; i < p->nr_vcpus; i++) {
		for (u32 r = 0; r < TE_EXIT_NR; r++)
			exits[r] += p->vcpus[i].arch.exits[r];
		for (u32 s = 0; s < ST_NR; s++)
			insns[s] += p->vcpus[i].arch.ctx.insn_stats[s];
	}
	for (u32 r = 0; r < TE_EXIT_NR; r++)
		if (r != TE_EXIT_VIRQ)
			total += exits[r];
	line[0] = 0;
	for (u32 r = 0; r < TE_EXIT_NR; r++) {
		if (!exits[r])
			continue;
		len = add(line, len, sizeof(line), len ? ", %s %llu" : "%s %llu", te_exit_names[r],
		          exits[r]);
		bool open = false;
		for (u32 s = 0; s < ST_NR; s++) {
			if (!insns[s] || !belongs(r, s))
				continue;
			len = add(line, len, sizeof(line), open ? ", %s %llu" : " (%s %llu",
			          mips_emu_stat_names[s], insns[s]);
			open = true;
		}
		if (open && len < sizeof(line))
			len += (size_t)hv_snprintf(line + len, sizeof(line) - len, ")");
	}
	partition_log(p, "exits %llu: %s", (unsigned long long)total, total ? line : "none");
}
