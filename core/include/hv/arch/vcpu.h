/* SPDX-License-Identifier: MIT */
/* Arch hooks: the guest backend (s390x SIE, MIPS trap-and-emulate or VZ). */
#ifndef HV_ARCH_VCPU_H
#define HV_ARCH_VCPU_H

#include "hv/vcpu.h"

/* Prepare p's guest-physical address space from its slots (s390x: host DAT
 * tables for SIE; MIPS: the GPA map the shadow TLB / root TLB uses) and any
 * per-partition devices. Boot CPU, before any vCPU of p runs. */
int arch_partition_init(struct partition *p);

/* Put v into its architected reset state. The boot vCPU (id 0) is made
 * runnable at b->entry with the entry state the native machine gives a
 * -kernel image; every other vCPU is left stopped, for the guest to start
 * (SIGP on s390x). b is NULL for vCPUs other than 0. May run on any CPU
 * while v is not running. */
void arch_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b);

/* Whether core should call arch_vcpu_run(v) now: v is started and not
 * stopped, or it has work of its own to do before it can say it is stopped
 * (an order another vCPU posted to it, which arch_vcpu_run carries out and
 * then reports VEXIT_STOPPED if v stays stopped). */
bool arch_vcpu_runnable(const struct vcpu *v);

/* Run v on this CPU (v->pcpu) until something needs core; fill *e. Handles
 * every intercept it can (emulation, injection) internally. Interrupts
 * disabled on entry and return. */
void arch_vcpu_run(struct vcpu *v, struct vcpu_exit *e);

/* Print p's exit/intercept statistics by reason ("[hv] pN ..." lines). */
void arch_partition_report(struct partition *p);

/* ELF loading: the guest-physical address a PT_LOAD segment goes to
 * (s390x: p_paddr; MIPS: kseg0/kseg1/useg-window virtual to physical), and
 * the ELF machine number the arch accepts. */
u64 arch_elf_segment_gpa(u64 vaddr, u64 paddr);
u16 arch_elf_machine(void);

#endif
