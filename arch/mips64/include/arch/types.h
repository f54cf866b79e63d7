/* SPDX-License-Identifier: MIT */
/* MIPS64 (Loongson-3) arch state embedded by value in core's structs. */
#ifndef ARCH_TYPES_H
#define ARCH_TYPES_H

#include "arch/emulate.h"
#include "arch/vintc.h"
#include "arch/vipi.h"
#include "arch/vtestdev.h"
#include "arch/vz.h"
#include "hv/spinlock.h"
#include "hv/types.h"
#include "io/vuart16550.h"

struct mips_fpu {
	u64 fpr[32];
	u32 fcsr;
};

/* Per-CPU arch state, inside core's percpu[hwid]. Touched by its own CPU
 * (timer) and, for ipi_slot, read by every sender. */
struct arch_percpu {
	u64 count_hi;    /* upper bits of the 64-bit extension of CP0 Count */
	u64 deadline;    /* one-shot deadline in extended ticks, or MIPS_NO_DEADLINE */
	u32 count_last;  /* Count at the last extension update (detects the wrap) */
	u32 ipi_slot;    /* the IPI block whose SET raises this CPU's IP6 */
	u32 irqs;        /* interrupts taken (statistics) */
	u32 asid_gen;    /* trap-and-emulate: bumped by each host TLB flush */
	u32 asid_next;   /* next free host ASID (1..255), shared by this CPU's vCPUs */
	void *fpu_owner; /* the vCPU whose FPU state the FPU holds */
};

/* Per-vCPU state of the trap-and-emulate backend (arch/mips64/te*.c).
 * The vCPU is bound to one physical CPU, whose TLB holds only its shadow
 * entries, so the host ASIDs are per vCPU. */
enum te_exit_reason {
	TE_EXIT_IRQ,        /* host interrupt (timer, IPI): back to core */
	TE_EXIT_CPU,        /* Coprocessor Unusable: privileged instruction */
	TE_EXIT_RI,         /* Reserved Instruction: CPUCFG, RDHWR */
	TE_EXIT_TLB_SHADOW, /* host TLB miss filled from the guest's mappings */
	TE_EXIT_TLB_GUEST,  /* TLB refill/invalid/modified reflected to the guest */
	TE_EXIT_MMIO,       /* device access emulated */
	TE_EXIT_KSEG,       /* ckseg/XKPHYS access or jump emulated */
	TE_EXIT_ADDR,       /* address error reflected */
	TE_EXIT_BUS,        /* bus error reflected (no memory, no device) */
	TE_EXIT_REFLECT,    /* syscall, break, trap, overflow, FP ... reflected */
	TE_EXIT_HCALL,      /* hypercall */
	TE_EXIT_VIRQ,       /* interrupt delivered to the guest */
	TE_EXIT_NR
};

struct te_asids {
	u32 gen; /* bumped when every shadow of this vCPU must go */
	u32 map_gen[2][256];
	u32 map_cpu_gen[2][256]; /* the CPU's asid_gen when made */
	u8 map[2][256];          /* [guest kernel?][guest ASID] -> host ASID */
};

struct arch_vcpu {
	struct mips_guest_ctx ctx;
	bool started;
	bool waiting;   /* in WAIT: runs again only for an interrupt */
	bool resume_bd; /* ctx.pc is a branch whose delay slot was interrupted */
	u32 exits[TE_EXIT_NR];
	struct te_asids asids;
	int exit_kind; /* a device asked to end the guest: VEXIT_DONE/RESET */
	int exit_status;
	/* VZ backend (vz*.c): the exit handlers' view and whether this CPU's
	 * root and guest TLB must drop the partition's entries before it runs */
	struct vz_vcpu vz;
	bool vz_flush;
	/* its FPU state while another vCPU of the CPU has the FPU */
	struct mips_fpu fpu;
	bool fpu_fr; /* the Status.FR it was saved with */
};

struct arch_partition {
	spinlock_t lock; /* the devices below, shared by the partition's vCPUs */
	struct vuart16550 vuart;
	struct vintc vintc;
	struct vtestdev testdev;
	struct vipi ipi;     /* the Loongson-3 IPI mailbox, a block per vCPU */
	u32 lines[VIPI_MAX]; /* each vCPU's Cause IP2..IP6, read without the lock */
	/* VZ backend: GuestID and guest-physical page table */
	u32 guestid;
	struct gpt gpt;
};

#endif
