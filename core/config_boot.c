/* SPDX-License-Identifier: MIT */
/* Boot-time re-check of the linked config against the real machine: the
 * build host could not know which CPUs and RAM this machine has. */
#include "hv/config.h"
#include "hv/console.h"
#include "hv/lib.h"
#include "hv/smp.h"

int config_check_at_boot(const struct boot_info *bi)
{
	static char err[1024];
	const struct hv_limits *arch = config_arch_limits(bi->arch);
	struct hv_limits lim;
	u64 present = 0;

	if (!arch) {
		hv_log("config: no limits known for arch %s", bi->arch);
		return HV_E_INVAL;
	}
	lim = *arch;
	for (u32 i = 0; i < bi->nr_mem && lim.nr_ram < ARRAY_SIZE(lim.ram); i++) {
		if (bi->mem[i].type != MEM_RAM)
			continue;
		lim.ram[lim.nr_ram].base = bi->mem[i].base.v;
		lim.ram[lim.nr_ram].size = bi->mem[i].size;
		lim.nr_ram++;
	}
	lim.avoid[0].base = bi->image_start.v;
	lim.avoid[0].size = bi->image_end.v - bi->image_start.v;
	lim.nr_avoid = 1;

	int n = config_check(&hv_config, &lim, err, sizeof(err));
	for (u32 i = 0; i < bi->nr_cpus; i++)
		present |= 1ull << bi->cpu_hwid[i];
	for (u32 p = 0; p < hv_config.nr_partitions && p < HV_MAX_PARTITIONS; p++) {
		u64 missing = hv_config.partitions[p].cpus & ~present;
		if (missing) {
			hv_log("config: p%u wants CPU(s) 0x%llx that this machine does not have", p,
			       (unsigned long long)missing);
			n++;
		}
	}
	if (n) {
		hv_log("config '%s' rejected at boot, %d problem(s):",
		       hv_config.name ? hv_config.name : "?", n);
		console_printf("hv", "%s", err);
		return HV_E_INVAL;
	}
	hv_log("config '%s' revision %u: %u partition(s), checked against this machine",
	       hv_config.name, hv_config.revision, hv_config.nr_partitions);
	return HV_OK;
}
