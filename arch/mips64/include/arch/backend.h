/* SPDX-License-Identifier: MIT */
/* The two ways a MIPS guest runs: trap-and-emulate (te*.c: any MIPS64, the
 * only way under QEMU) and VZ (vz*.c: a Loongson-3A R4 with the VZ
 * extension). One is chosen at boot from Config3 and the GuestCtl
 * registers (vz_probe_decide) and serves core's arch_partition_init,
 * arch_vcpu_reset, arch_vcpu_run and arch_partition_report. */
#ifndef ARCH_BACKEND_H
#define ARCH_BACKEND_H

#include "hv/vcpu.h"

struct mips_backend {
	const char *name;
	void (*cpu_setup)(void); /* every CPU, once VZ or T&E is chosen */
	int (*partition_init)(struct partition *p);
	void (*vcpu_reset)(struct vcpu *v, const struct vcpu_boot *b);
	void (*vcpu_run)(struct vcpu *v, struct vcpu_exit *e);
	u64 (*entry_pc)(u64 pc); /* where a guest entry address runs */
	/* exit statistics: names, count, a vCPU's counters */
	const char *const *exit_names;
	u32 nr_exits;
	const u32 *(*exit_counts)(const struct vcpu *v);
	/* which emulated instructions are listed under exit reason r:
	 * 0 none, 1 privileged ones, 2 CPUCFG/RDHWR, 3 loads and stores,
	 * 4 all but loads and stores */
	u32 (*insn_group)(u32 r);
};

extern const struct mips_backend mips_te_backend, mips_vz_backend;
extern const struct mips_backend *mips_backend;

/* Every CPU, from mips_cpu_setup(); the first call (boot CPU) chooses. */
void mips_backend_cpu_setup(void);
/* The banner's "guests:" text: the backend and why. */
const char *mips_backend_describe(void);

/* guest.c: what both backends share. */
/* The -kernel entry state (kernel mode, Status 0, a0-a3, the command
 * line block) with the guest starting at pc. */
void mips_guest_boot(struct vcpu *v, const struct vcpu_boot *b, u64 pc);
/* An EMU_* result of the emulation layer: true to keep running the guest,
 * false when *e says what core must do. */
bool mips_guest_result(struct vcpu *v, int r, struct vcpu_exit *e);
void mips_guest_fault(struct vcpu *v, struct vcpu_exit *e, const char *what);
/* Before v runs with Status.CU1 (fr: its Status.FR): the FPU gets v's
 * state, the previous user's saved (vCPUs taking turns on a CPU). */
void mips_fpu_claim(struct vcpu *v, bool fr);
/* A secondary vCPU's start from the firmware boot loop: kernel mode
 * (Status 0), pc (through the backend's entry_pc), sp, gp, a1. */
void mips_guest_start(struct vcpu *v, u64 pc, u64 sp, u64 gp, u64 a1);

#endif
