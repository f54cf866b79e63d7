/* SPDX-License-Identifier: MIT */
/* Internals of the trap-and-emulate backend (te*.c). */
#ifndef ARCH_TE_H
#define ARCH_TE_H

#include "arch/emulate.h"
#include "arch/frame.h"
#include "arch/guest_abi.h"
#include "hv/vcpu.h"

#define TE_KSEG0 0x40000000ull
#define TE_KSEG1 0x60000000ull
#define TE_WINDOW 0x20000000ull
#define TE_USEG_END 0x40000000ull

/* te_entry.S */
struct mips_frame *te_enter(struct mips_guest_ctx *g, u64 status, u64 entryhi, u64 gctl0);

/* The guest's registers from the frame the vectors saved, on every exit
 * of either backend: unrolled, not a call. The pc too (VZ sets it again
 * from the exit). */
static inline void mips_frame_to_ctx(struct mips_guest_ctx *c, const struct mips_frame *f)
{
#pragma GCC unroll 32
	for (int i = 1; i < 32; i++)
		c->gpr[i] = f->gpr[i];
	c->gpr[0] = 0;
	c->hi = f->hi;
	c->lo = f->lo;
	c->pc = f->epc;
}

/* te_mmu.c */
extern const struct mips_emu_ops te_emu_ops;
struct vcpu *te_vcpu(struct mips_guest_ctx *c);
/* The host ASID for the guest's current address space (kernel or user
 * view of its current ASID); may flush the TLB when ASIDs run out. */
u32 te_host_asid(struct vcpu *v);
/* Drop every shadow mapping of v (new host ASIDs from now on). */
void te_shadow_drop(struct vcpu *v);
/* A host TLB refill/invalid/modified exception at va (code TLBL, TLBS or
 * MOD) while the guest ran: fill the shadow, reflect the guest's own TLB
 * exception, or emulate a device access. Returns an EMU_* result. */
int te_tlb_fault(struct vcpu *v, u32 code, u64 va, bool bd);
/* A host address error at va: emulate ckseg/XKPHYS accesses and jumps, or
 * reflect it. Returns an EMU_* result. */
int te_addr_error(struct vcpu *v, u32 code, u64 va, bool bd);
/* A kseg0/kseg1 pc continues at its window alias. */
u64 te_window_pc(u64 pc);

/* te_devices.c: guest-physical device access (EMU_DONE, EMU_EXIT, or
 * EMU_FAIL for "no device": the caller raises the bus error). */
int te_device_access(struct vcpu *v, u64 gpa, unsigned size, bool write, u64 *val);
void te_devices_reset(struct partition *p);
u32 te_device_irq_lines(struct vcpu *v);
/* RAM of the slots (writes to read-only ones ignored), else a device;
 * EMU_FAIL for nothing there. */
int mips_phys_access(struct vcpu *v, u64 pa, unsigned size, bool write, u64 *val);

/* te_hcall.c */
void te_hypercall(struct vcpu *v, struct vcpu_exit *e);

/* te_stats.c */
extern const char *const te_exit_names[TE_EXIT_NR];

#endif
