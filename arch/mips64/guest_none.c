/* SPDX-License-Identifier: MIT */
/* Placeholder until this arch's guest backend lands: partitions with an image
 * are reported as not startable instead of pretending to run. */
#include "hv/arch/vcpu.h"

int arch_partition_init(struct partition *p)
{
	partition_log(p, "this build has no guest backend for this arch yet");
	return HV_E_NODEV;
}

void arch_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b)
{
	(void)v;
	(void)b;
}

bool arch_vcpu_runnable(const struct vcpu *v)
{
	(void)v;
	return false;
}

void arch_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	(void)v;
	e->kind = VEXIT_FAULT;
}

void arch_partition_report(struct partition *p)
{
	(void)p;
}

u64 arch_elf_segment_gpa(u64 vaddr, u64 paddr)
{
	(void)vaddr;
	return paddr;
}

u16 arch_elf_machine(void)
{
	return 0;
}
