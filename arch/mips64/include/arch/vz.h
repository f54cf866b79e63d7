/* SPDX-License-Identifier: MIT */
/* The VZ backend: MIPS guests in the VZ extension's guest mode on a
 * Loongson-3A R4. The guest runs its own kernel mode natively with its own
 * CP0 context and TLB (GuestCtl0.CP0, AT = 3); guest-physical addresses go
 * through the root TLB, filled from the partition's page table (gpt.h).
 * What exits is what the hypervisor must see: the instructions the seed's
 * KVM emulates (CPUCFG, Config6, Diag, indexed CACHE, WAIT), hypercalls,
 * guest-physical accesses outside RAM (devices), and host interrupts.
 *
 * vz_exit.c decides what an exit means and feeds the shared instruction
 * emulation layer (emulate*.c, which trap-and-emulate runs on QEMU);
 * it touches the hardware only through arch/vz_hw.h, so the host unit
 * tests run it against a model. vz.c binds it to core and vz_entry.S enters
 * and leaves guest mode. */
#ifndef ARCH_VZ_H
#define ARCH_VZ_H

#include "arch/emulate.h"
#include "arch/gpt.h"

/* Root Cause.ExcCode of a guest exit. */
#define EXC_CODE_GE 27

/* GuestCtl0 (CP0 12, 6). */
#define GCTL0_GM (1u << 31)
#define GCTL0_RI (1u << 30)
#define GCTL0_MC (1u << 29)
#define GCTL0_CP0 (1u << 28)
#define GCTL0_AT_SHIFT 26
#define GCTL0_AT (3u << GCTL0_AT_SHIFT)
#define GCTL0_GT (1u << 25)
#define GCTL0_CG (1u << 24)
#define GCTL0_CF (1u << 23)
#define GCTL0_G1 (1u << 22)
#define GCTL0_G0E (1u << 19)
#define GCTL0_PT (1u << 18)
#define GCTL0_RAD (1u << 9)
#define GCTL0_DRG (1u << 8)
#define GCTL0_G2 (1u << 7)
#define GCTL0_GEXC_SHIFT 2
#define GCTL0_GEXC_MASK 0x1fu
/* GuestCtl0Ext (CP0 11, 4). */
#define GCTL0EXT_CGI (1u << 4)
#define GCTL0EXT_FCD (1u << 3)
/* GuestCtl1 (CP0 10, 4). */
#define GCTL1_ID_MASK 0xffu
#define GCTL1_RID_SHIFT 16
/* GuestCtl2 (CP0 10, 5), non-EIC: VIP[15:10] raise guest Cause.IP7..IP2. */
#define GCTL2_VIP_MASK 0xfc00u

/* Guest exit codes (GuestCtl0.GExcCode). */
enum {
	GEXC_GPSI = 0, /* guest privileged sensitive instruction */
	GEXC_GSFC = 1, /* guest software field change */
	GEXC_HC = 2,   /* hypercall */
	GEXC_GRR = 3,  /* guest reserved instruction redirect */
	GEXC_GVA = 8,  /* guest virtual address available (root TLB exc.) */
	GEXC_GHFC = 9, /* guest hardware field change */
	GEXC_GPA = 10, /* guest physical address available (root TLB exc.) */
	GEXC_NR = 32
};

/* What the backend needs of the machine to use VZ, read at boot. */
struct vz_probe {
	u32 config3;
	u32 guestctl0;     /* as read, and after writing the fields we need */
	u32 guestctl0_w;   /* GuestCtl0 read back after writing VZ_GCTL0_RUN */
	u32 guestid_max;   /* GuestCtl1.ID read back after writing all ones */
	u32 gtoffset_mask; /* GTOffset read back after writing all ones */
	u32 partitions;    /* partitions the config runs */
};
#define CONFIG3_VZ (1u << 23)
#define CONFIG3_BI (1u << 26)
#define CONFIG3_BP (1u << 27)
/* GuestCtl0 while guests run: guest CP0 context, guest owns its TLB, guest
 * timer, hit cache ops allowed (index ones exit: Loongson, see vz.c),
 * Config writes allowed. */
#define VZ_GCTL0_RUN (GCTL0_CP0 | GCTL0_AT | GCTL0_GT | GCTL0_CG | GCTL0_CF)
/* Whether VZ can run guests here; why (or why not) into why[n]. */
bool vz_probe_decide(const struct vz_probe *p, char *why, unsigned n);

/* The exit being handled, as the root registers held it. */
struct vz_exit {
	u64 epc;      /* root EPC: the guest instruction (the branch, with BD) */
	u64 badvaddr; /* root BadVAddr: the guest-physical address of a root TLB exception */
	u32 cause;    /* root Cause */
	u32 gctl0;    /* GuestCtl0 (GExcCode) */
	u32 badinstr, badinstrp;
	u32 vector; /* VEC_* of arch/frame.h: which vector took it */
};

enum vz_exit_reason {
	VZ_EXIT_IRQ,      /* host interrupt */
	VZ_EXIT_GPSI,     /* CP0 / CACHE / CPUCFG / WAIT emulated */
	VZ_EXIT_GSFC,     /* Status/Cause/IntCtl/Config5 write emulated */
	VZ_EXIT_HCALL,    /* hypercall */
	VZ_EXIT_GRR,      /* reserved instruction redirected */
	VZ_EXIT_GHFC,     /* hardware field change (resumed) */
	VZ_EXIT_TLB_FILL, /* root TLB filled from the page table */
	VZ_EXIT_MMIO,     /* device access emulated */
	VZ_EXIT_BUS,      /* no RAM, no device: bus error to the guest */
	VZ_EXIT_HOSTILE,  /* exit state inconsistent: guest got RI / bus error */
	VZ_EXIT_VIRQ,     /* timer interrupt injected into the guest context */
	VZ_EXIT_NR
};
extern const char *const vz_exit_names[VZ_EXIT_NR];

#define VZ_SYNC_NR 13 /* registers in the exit set */

/* One vCPU as vz_exit.c sees it. */
struct vz_vcpu {
	struct mips_guest_ctx *ctx; /* GPRs, pc and the soft CP0 (Config6, Diag, exit set) */
	const struct gpt *gpt;
	u32 guestid;
	u32 gtoffset; /* guest Count - root Count, kept while not loaded */
	u32 exits[VZ_EXIT_NR];
	const struct vz_exit *x; /* during vz_handle_exit() */
	u64 snap[VZ_SYNC_NR];    /* the exit set as vz_sync_in() read it */
	u32 snap_gtoffset;
	/* Guest-physical access outside the root TLB's reach: RAM (writes to
	 * read-only slots ignored), else a device. EMU_DONE, EMU_EXIT, or
	 * EMU_FAIL for "nothing there". */
	int (*phys)(struct vz_vcpu *z, u64 gpa, unsigned size, bool write, u64 *val);
	void *opaque;
};

/* Result of vz_handle_exit(): an EMU_* code, or VZ_HOST_IRQ. */
#define VZ_HOST_IRQ 100

/* Make z's ctx ops the VZ ones (ctx->opaque = z). */
void vz_vcpu_bind(struct vz_vcpu *z, struct mips_guest_ctx *ctx);
/* Handle one exit; ctx->gpr/hi/lo/pc hold the guest's state (pc = x->epc).
 * Returns EMU_DONE (enter again), EMU_WAIT (idle until an interrupt),
 * EMU_HYPERCALL (serve ctx->hcall_code), EMU_EXIT (a device ended or reset
 * the guest), EMU_FAIL (the exit makes no sense: end the partition), or
 * VZ_HOST_IRQ (a host interrupt: back to core). */
int vz_handle_exit(struct vz_vcpu *z, const struct vz_exit *x);

/* vz_context.c. Guest context <-> ctx->cp0: the exit set (Compare, Status,
 * Cause, EPC, BadVAddr, EBase, EntryHi, Context, XContext, IntCtl, Config5,
 * HWREna, UserLocal, and Count via GTOffset) that the emulation layer reads
 * and writes. sync_out writes back what changed. */
void vz_sync_in(struct vz_vcpu *z);
void vz_sync_out(struct vz_vcpu *z);
/* The whole guest context (vCPU switch). */
void vz_context_save(struct vz_vcpu *z);
void vz_context_restore(struct vz_vcpu *z);

/* The window of trap-and-emulate images: guest kseg0 at 0x40000000 and
 * kseg1 at 0x60000000 onto guest-physical 0..512 MiB, as two wired guest
 * TLB entries (indexes 0 and 1) of 256 MiB pages. */
#define VZ_WINDOW_KSEG0 0x40000000ull
#define VZ_WINDOW_KSEG1 0x60000000ull
void vz_window_map(struct vz_vcpu *z);
/* The vCPU onto this CPU: GuestCtl1.ID = its GuestID, its guest context;
 * fresh (first time here, or after a reset): this GuestID's old root and
 * guest TLB entries dropped and the window wired in. */
void vz_vcpu_load(struct vz_vcpu *z, bool fresh);
/* Off this CPU: context saved, VIP and GuestCtl1 cleared; teardown (the
 * guest ended, reset or faulted): its TLB entries here dropped too. */
void vz_vcpu_put(struct vz_vcpu *z, bool teardown);

/* Interrupts for the guest: device lines (Cause IP2..IP6 bits) into
 * GuestCtl2.VIP, and the guest timer's interrupt if its deadline has
 * passed while the vCPU was not running. */
void vz_set_irq_lines(struct vz_vcpu *z, u32 cause_ip_bits);
void vz_timer_check(struct vz_vcpu *z);
/* When the guest timer next fires (vz_now() ticks). */
u64 vz_timer_deadline(struct vz_vcpu *z);
/* An interrupt pending for a vCPU in WAIT (after vz_sync_in). */
bool vz_irq_pending(struct vz_vcpu *z, u32 lines);

#endif
