/* SPDX-License-Identifier: MIT */
/* Boot CPU flow: banner, memory, config, partitions, SMP bring-up, exit. */
#include "hv/arch/cpu.h"
#include "hv/arch/power.h"
#include "hv/arch/timer.h"
#include "hv/config.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/lib.h"
#include "hv/page_alloc.h"
#include "hv/panic.h"
#include "hv/partition.h"
#include "hv/percpu.h"
#include "hv/smp.h"
#include "hv/vcpu.h"

const struct boot_info *hv_boot_info;
struct percpu percpu[HV_MAX_CPUS];

struct percpu *this_cpu(void)
{
	u32 id = arch_cpu_id();

	return &percpu[id < HV_MAX_CPUS ? id : 0];
}

static const char *size_str(u64 bytes, char *buf, size_t n)
{
	if (bytes >= GiB(1) && IS_ALIGNED(bytes, GiB(1)))
		hv_snprintf(buf, n, "%llu GiB", (unsigned long long)(bytes >> 30));
	else if (bytes >= MiB(1))
		hv_snprintf(buf, n, "%llu MiB", (unsigned long long)(bytes >> 20));
	else
		hv_snprintf(buf, n, "%llu KiB", (unsigned long long)(bytes >> 10));
	return buf;
}

static void banner(const struct boot_info *bi)
{
	char sz[24];

	hv_log("Tern %s (%s) - bare-metal micro-hypervisor", TERN_VERSION, bi->arch);
	hv_log("machine: %s", bi->machine);
	hv_log("firmware info: %s; cmdline: \"%s\"", bi->firmware, bi->cmdline ? bi->cmdline : "");
	hv_log("cpus: %u present, boot cpu %u", bi->nr_cpus, bi->boot_cpu);
	hv_log("memory map (%u regions):", bi->nr_mem);
	for (u32 i = 0; i < bi->nr_mem; i++) {
		const struct mem_region *m = &bi->mem[i];
		hv_log("  %016llx-%016llx %10s %s", (unsigned long long)m->base.v,
		       (unsigned long long)(m->base.v + m->size - 1),
		       size_str(m->size, sz, sizeof(sz)), m->type == MEM_RAM ? "ram" : "reserved");
	}
	hv_log("image: %016llx-%016llx (%llu KiB)", (unsigned long long)bi->image_start.v,
	       (unsigned long long)bi->image_end.v,
	       (unsigned long long)((bi->image_end.v - bi->image_start.v + 1023) >> 10));
	hv_log("timer: %llu Hz", (unsigned long long)bi->timer_hz);
	hv_log("guests: %s", bi->guests ? bi->guests : "no guest backend");
}

static void selftests(u32 flags)
{
	if (flags & CFG_F_SELFTEST_PANIC)
		panic("selftest: panic requested by config '%s'", hv_config.name);
	if (flags & CFG_F_SELFTEST_EXCEPTION) {
		hv_log("selftest: touching an unmapped address");
		arch_selftest_fault();
	}
	if (flags & CFG_F_SELFTEST_HANG) {
		hv_log("selftest: hanging on purpose");
		for (;;)
			arch_cpu_idle();
	}
	if (flags & CFG_F_SELFTEST_EXIT)
		hv_exit(5);
}

void hv_main(struct boot_info *bi)
{
	hv_boot_info = bi;
	percpu[bi->boot_cpu].hwid = bi->boot_cpu;
	percpu[bi->boot_cpu].state = CPU_ONLINE;
	percpu[bi->boot_cpu].online_at = arch_timer_now();

	banner(bi);
	if (pages_init(bi) != HV_OK)
		panic("no usable RAM for the page allocator");

	int rc = config_check_at_boot(bi);
	if (rc != HV_OK)
		hv_exit(HV_EXIT_FAIL);
	if (partitions_create() != HV_OK)
		panic("partition tables");

	bool smp_ok = smp_bring_up(bi);
	selftests(hv_config.flags);

	if (!smp_ok)
		hv_exit(HV_EXIT_FAIL);
	if (partitions_start() == 0) {
		hv_log("no partition is running a guest");
		hv_exit(partitions_run_status());
	}
	/* The last partition to stop ends the run (core/run.c). */
	struct percpu *pc = this_cpu();
	if (pc->nr_runq && pc->go)
		sched_loop(pc);
	for (;;)
		arch_cpu_idle();
}
