/* SPDX-License-Identifier: MIT */
/* What a VZ exit means, and what to do about it (see arch/vz.h).
 *
 * Two tables: the root Cause.ExcCode, and for a guest exit (ExcCode 27)
 * GuestCtl0.GExcCode. Instructions come from root BadInstr/BadInstrP,
 * captured by the hardware at the exit: guest memory is never read to find
 * out what the guest did, so another vCPU rewriting the code cannot change
 * the answer. Every handler checks that the instruction is one the exit
 * code can bring; anything else is hostile or broken state and gets the
 * architected answer for the guest (Reserved Instruction, bus error), never
 * an emulation of something the hardware did not trap.
 *
 * The shared emulation layer works on ctx->cp0. Around an emulation the
 * "exit set" of guest CP0 registers is copied in and the changed ones
 * written back (vz_sync_in / vz_sync_out, vz_context.c); Config6 and Diag
 * live only in ctx->cp0 (Loongson's guest context has neither: they exit). */
#include "arch/frame.h"
#include "arch/vz.h"
#include "arch/vz_hw.h"

#define PAGE4K_MASK 0xfffull
#define XKPHYS_PA_MASK ((1ull << 48) - 1)

const char *const vz_exit_names[VZ_EXIT_NR] = {
    [VZ_EXIT_IRQ] = "irq",           [VZ_EXIT_GPSI] = "gpsi", [VZ_EXIT_GSFC] = "gsfc",
    [VZ_EXIT_HCALL] = "hcall",       [VZ_EXIT_GRR] = "grr",   [VZ_EXIT_GHFC] = "ghfc",
    [VZ_EXIT_TLB_FILL] = "tlb-fill", [VZ_EXIT_MMIO] = "mmio", [VZ_EXIT_BUS] = "bus-error",
    [VZ_EXIT_HOSTILE] = "hostile",   [VZ_EXIT_VIRQ] = "virq",
};

static struct vz_vcpu *zof(struct mips_guest_ctx *c)
{
	return c->opaque;
}

/* --- the emulation layer's view of a VZ guest ------------------------------------ */

static u64 op_now(struct mips_guest_ctx *c)
{
	(void)c;
	return vz_now();
}

/* Only the instruction(s) the hardware captured. */
static bool op_fetch(struct mips_guest_ctx *c, u64 va, u32 *insn)
{
	const struct vz_exit *x = zof(c)->x;
	bool bd = x->cause & C0_CAUSE_BD;

	if (va == x->epc) {
		*insn = bd ? x->badinstrp : x->badinstr;
		return true;
	}
	if (bd && va == x->epc + 4) {
		*insn = x->badinstr;
		return true;
	}
	return false;
}

static u32 exc_code(const struct vz_exit *x)
{
	return (x->cause >> 2) & 0x1f;
}

static void hostile(struct vz_vcpu *z, u32 code)
{
	z->exits[VZ_EXIT_HOSTILE]++;
	mips_emu_raise_here(z->ctx, code, 0, 0);
}

/* A load/store that took a root TLB exception on a guest-physical address
 * with no RAM behind it (or a write to a read-only slot). The access the
 * layer decoded must be the one the hardware reported: same doubleword of
 * the same page (the page offset of a virtual and a physical address are
 * the same), same direction. */
static int op_access(struct mips_guest_ctx *c, u64 va, unsigned size, bool write, u64 *val)
{
	struct vz_vcpu *z = zof(c);
	const struct vz_exit *x = z->x;

	if (!x || ((va ^ x->badvaddr) & (PAGE4K_MASK & ~7ull)) ||
	    write != (exc_code(x) != EXC_CODE_TLBL)) {
		hostile(z, EXC_CODE_DBE);
		return EMU_EXCEPTION;
	}
	u64 pa = (x->badvaddr & ~7ull) | (va & 7);
	int r = z->phys(z, pa, size, write, val);
	if (r == EMU_FAIL) {
		z->exits[VZ_EXIT_BUS]++;
		mips_emu_raise_here(c, EXC_CODE_DBE, 0, 0);
		return EMU_EXCEPTION;
	}
	if (r == EMU_DONE)
		z->exits[VZ_EXIT_MMIO]++;
	return r;
}

/* Hit cache ops and SYNCI run in the guest (GuestCtl0.CG); one that exits
 * anyway has nothing to do here. */
static int op_translate(struct mips_guest_ctx *c, u64 va, bool write, u64 *gpa)
{
	(void)c;
	(void)va;
	(void)write;
	*gpa = ~0ull;
	return EMU_DONE;
}

static void op_cache_index(struct mips_guest_ctx *c, u32 op, u64 va)
{
	(void)c;
	vz_cache_index(op, va);
}

/* A Diag write (the layer kept it in cp0.diag): VTLB/FTLB clear the
 * guest's TLB (its entries of this GuestID; the window wired in again),
 * ITLB/DTLB/BTB are the CPU's micro-TLBs and branch buffer. */
static void op_tlb_changed(struct mips_guest_ctx *c)
{
	struct vz_vcpu *z = zof(c);
	u32 d = (u32)c->cp0.diag;

	if (d & (C0_DIAG_VTLB | C0_DIAG_FTLB)) {
		vz_guest_tlb_flush(z->guestid);
		vz_window_map(z);
	}
	if (d & (C0_DIAG_ITLB | C0_DIAG_DTLB | C0_DIAG_BTB))
		vz_root_diag(d & (C0_DIAG_ITLB | C0_DIAG_DTLB | C0_DIAG_BTB));
}

static bool op_host_cpucfg(struct mips_guest_ctx *c, u32 sel, u32 *val)
{
	(void)c;
	return vz_host_cpucfg(sel, val);
}

/* BC1T/BC1F deciding where a delay slot's instruction continues: the
 * guest's FPU state is live in the hardware (the root runs it with the
 * guest's CU1). */
static bool op_fp_cc(struct mips_guest_ctx *c, u32 cc)
{
	bool set = false;

	(void)c;
	return vz_fp_cc(cc, &set) && set;
}

static const struct mips_emu_ops vz_emu_ops = {
    .now = op_now,
    .fetch = op_fetch,
    .access = op_access,
    .translate = op_translate,
    .cache_index = op_cache_index,
    .cache_hit = NULL,
    .tlb_changed = op_tlb_changed,
    .host_cpucfg = op_host_cpucfg,
    .fp_cc = op_fp_cc,
};

void vz_vcpu_bind(struct vz_vcpu *z, struct mips_guest_ctx *ctx)
{
	z->ctx = ctx;
	ctx->ops = &vz_emu_ops;
	ctx->opaque = z;
}

/* --- exits -------------------------------------------------------------------------- */

static bool bd_of(const struct vz_exit *x)
{
	return x->cause & C0_CAUSE_BD;
}

/* Emulate the captured instruction with the exit set synced. */
static int emulate(struct vz_vcpu *z, const struct vz_exit *x, enum mips_trap_kind kind)
{
	vz_sync_in(z);
	int r = mips_emulate(z->ctx, kind, bd_of(x));
	vz_sync_out(z);
	return r == EMU_EXCEPTION ? EMU_DONE : r; /* raised into the guest: run it */
}

/* The instruction is not one this exit brings: RI for the guest. */
/* Exception `code` for the guest at the exit's instruction; counted
 * under `counter` (VZ_EXIT_NR: not counted again). */
static int raise_exc(struct vz_vcpu *z, const struct vz_exit *x, u32 code,
                     enum vz_exit_reason counter)
{
	vz_sync_in(z);
	z->ctx->trap_pc = x->epc;
	z->ctx->trap_bd = bd_of(x);
	if (counter < VZ_EXIT_NR)
		z->exits[counter]++;
	mips_emu_raise_here(z->ctx, code, 0, 0);
	vz_sync_out(z);
	return EMU_DONE;
}

static int refuse(struct vz_vcpu *z, const struct vz_exit *x)
{
	return raise_exc(z, x, EXC_CODE_RI, VZ_EXIT_HOSTILE);
}

static bool decode_exit(const struct vz_exit *x, struct mips_insn *in)
{
	return mips_decode(x->badinstr, in);
}

#define R(reg, sel) ((reg) << 3 | (sel))
#define CONFIG5_GUEST ((1ull << 30) | (1ull << 29) | (1ull << 6)) /* K, CV, SBRI */

/* CP0 registers a guest access to which exits as GPSI on a Loongson-3A R4
 * (no copy in the guest context, or a write the root must see). */
static bool gpsi_cp0(u32 rs)
{
	switch (rs) {
	case R(9, 0):  /* Count (write: GTOffset) */
	case R(11, 0): /* Compare */
	case R(12, 2): /* SRSCtl */
	case R(15, 0): /* PRId */
	case R(16, 6): /* Config6 */
	case R(16, 7): /* Config7 */
	case R(17, 0): /* LLAddr */
	case R(22, 0): /* Diag */
	case R(26, 0): /* ErrCtl */
		return true;
	default:
		return false;
	}
}

static bool is_cp0_move(const struct mips_insn *in)
{
	return in->op == OP_MFC0 || in->op == OP_DMFC0 || in->op == OP_MTC0 || in->op == OP_DMTC0;
}

static int gpsi(struct vz_vcpu *z, const struct vz_exit *x)
{
	struct mips_insn in;

	decode_exit(x, &in);
	z->exits[VZ_EXIT_GPSI]++;
	if (in.op == OP_CPUCFG || in.op == OP_RDHWR)
		return emulate(z, x, TRAP_RI);
	if ((is_cp0_move(&in) && gpsi_cp0(R(in.rd, in.sel))) || in.op == OP_CACHE ||
	    in.op == OP_WAIT)
		return emulate(z, x, TRAP_PRIV);
	return refuse(z, x);
}

/* Guest software field change: an MTC0 to Status, Cause, IntCtl or
 * Config5 that changes a field the root controls; the layer applies the
 * write with the guest-writable masks. */
static int gsfc(struct vz_vcpu *z, const struct vz_exit *x)
{
	struct mips_insn in;

	decode_exit(x, &in);
	z->exits[VZ_EXIT_GSFC]++;
	if (in.op != OP_MTC0 && in.op != OP_DMTC0)
		return refuse(z, x);
	u32 rs = R(in.rd, in.sel);
	if (rs == R(12, 0) || rs == R(13, 0))
		return emulate(z, x, TRAP_PRIV);
	if (rs != R(12, 1) && rs != R(16, 5))
		return refuse(z, x);
	/* IntCtl straight through; Config5's guest fields (K, CV, SBRI).
	 * The layer moves the pc on (a delay slot included). */
	u64 v = (u64)(s64)(s32)z->ctx->gpr[in.rt];
	int r = emulate(z, x, TRAP_PRIV);
	if (r == EMU_DONE) {
		if (rs == R(12, 1))
			vz_gc0_write(GC0_INTCTL, v);
		else
			vz_gc0_write(GC0_CONFIG5, (vz_gc0_read(GC0_CONFIG5) & ~CONFIG5_GUEST) |
			                              (v & CONFIG5_GUEST));
	}
	return r;
}

static int hcall(struct vz_vcpu *z, const struct vz_exit *x)
{
	struct mips_insn in;

	decode_exit(x, &in);
	z->exits[VZ_EXIT_HCALL]++;
	if (in.op != OP_HYPCALL)
		return refuse(z, x);
	return emulate(z, x, TRAP_PRIV);
}

/* Guest reserved instruction redirect: what the root emulates (CPUCFG,
 * RDHWR) or the guest's own Reserved Instruction exception. */
static int grr(struct vz_vcpu *z, const struct vz_exit *x)
{
	struct mips_insn in;

	decode_exit(x, &in);
	z->exits[VZ_EXIT_GRR]++;
	if (in.op == OP_CPUCFG || in.op == OP_RDHWR)
		return emulate(z, x, TRAP_RI);
	return raise_exc(z, x, EXC_CODE_RI, VZ_EXIT_NR); /* the guest's own RI */
}

static int ghfc(struct vz_vcpu *z, const struct vz_exit *x)
{
	(void)x;
	z->exits[VZ_EXIT_GHFC]++;
	return EMU_DONE; /* the change has happened; nothing to mirror */
}

typedef int (*vz_handler)(struct vz_vcpu *z, const struct vz_exit *x);

static const vz_handler gexc_table[GEXC_NR] = {
    [GEXC_GPSI] = gpsi, [GEXC_GSFC] = gsfc, [GEXC_HC] = hcall, [GEXC_GRR] = grr, [GEXC_GHFC] = ghfc,
};

static int guest_exit(struct vz_vcpu *z, const struct vz_exit *x)
{
	vz_handler h = gexc_table[(x->gctl0 >> GCTL0_GEXC_SHIFT) & GCTL0_GEXC_MASK];

	return h ? h(z, x) : EMU_FAIL;
}

static int host_irq(struct vz_vcpu *z, const struct vz_exit *x)
{
	(void)x;
	z->exits[VZ_EXIT_IRQ]++;
	return VZ_HOST_IRQ;
}

/* The guest-physical address of a root TLB exception: root BadVAddr when
 * GExcCode says GPA; for a guest-virtual one only the unmapped segments
 * (ckseg0/1, XKPHYS) are translated here. */
static bool exit_gpa(const struct vz_exit *x, u64 *gpa)
{
	u32 g = (x->gctl0 >> GCTL0_GEXC_SHIFT) & GCTL0_GEXC_MASK;
	u64 va = x->badvaddr;

	if (g != GEXC_GVA) {
		*gpa = va;
		return true;
	}
	if (va >= 0xffffffff80000000ull && va < 0xffffffffc0000000ull) {
		*gpa = va & 0x1fffffffull;
		return true;
	}
	if ((va >> 62) == 2) {
		*gpa = va & XKPHYS_PA_MASK;
		return true;
	}
	return false;
}

/* The guest-physical address of a guest pc in an unmapped segment. */
static bool pc_gpa(u64 pc, u64 *ga)
{
	if (pc >= 0xffffffff80000000ull && pc < 0xffffffffc0000000ull) {
		*ga = pc & 0x1fffffffull;
		return true;
	}
	if ((pc >> 62) == 2) {
		*ga = pc & XKPHYS_PA_MASK;
		return true;
	}
	return false;
}

/* No RAM there (or a write to a read-only page): a device access, a
 * fetch from nowhere, or state that does not add up. A fetch is known
 * for sure where the pc is in an unmapped segment (its GPA is the fault
 * address); elsewhere a fault whose captured instruction is no load or
 * store, at the pc's page offset, is taken for one. */
static int not_ram(struct vz_vcpu *z, const struct vz_exit *x)
{
	u64 ipc = x->epc + (bd_of(x) ? 4 : 0), pg;
	bool tlbl = exc_code(x) == EXC_CODE_TLBL;

	if (tlbl && pc_gpa(ipc, &pg) && pg == x->badvaddr)
		return raise_exc(z, x, EXC_CODE_IBE, VZ_EXIT_BUS);
	int r = emulate(z, x, TRAP_MMIO);
	if (r != EMU_UNHANDLED)
		return r;
	if (tlbl && ((x->badvaddr ^ ipc) & PAGE4K_MASK) == 0)
		return raise_exc(z, x, EXC_CODE_IBE, VZ_EXIT_BUS);
	return raise_exc(z, x, EXC_CODE_DBE, VZ_EXIT_HOSTILE);
}

static int root_tlb(struct vz_vcpu *z, const struct vz_exit *x)
{
	u64 ga;

	if (!exit_gpa(x, &ga)) {
		/* only a guest-virtual address in a mapped segment: resume,
		 * the guest's access comes again (as KVM does) */
		z->exits[VZ_EXIT_HOSTILE]++;
		return EMU_DONE;
	}
	u64 pte = gpt_lookup(z->gpt, ga);
	if ((pte & GPT_LO_V) && exc_code(x) != EXC_CODE_MOD) {
		/* a refill (no entry): the CPU's walker where it has one; an
		 * invalid entry, or no walker: the pair from the portable walk */
		u32 vec = x->vector & 0xff;
		bool refill = vec == VEC_TLB_REFILL || vec == VEC_XTLB_REFILL;
		u64 even = ga & ~(2 * GPT_PAGE_SIZE - 1);
		/* lddir walks root BadVAddr: only where that is the GPA */
		refill = refill && x->badvaddr == ga;
		if (!refill || !vz_root_tlb_refill_hw(z->guestid, z->gpt, ga))
			vz_root_tlb_map(z->guestid, even, gpt_lookup(z->gpt, even),
			                gpt_lookup(z->gpt, even + GPT_PAGE_SIZE),
			                (u32)GPT_PAGEMASK);
		z->exits[VZ_EXIT_TLB_FILL]++;
		return EMU_DONE;
	}
	struct vz_exit y = *x;
	y.badvaddr = ga;
	z->x = &y;
	int r = not_ram(z, &y);
	z->x = x;
	return r;
}

static const vz_handler root_table[32] = {
    [EXC_CODE_INT] = host_irq,  [EXC_CODE_MOD] = root_tlb,  [EXC_CODE_TLBL] = root_tlb,
    [EXC_CODE_TLBS] = root_tlb, [EXC_CODE_GE] = guest_exit,
};

int vz_handle_exit(struct vz_vcpu *z, const struct vz_exit *x)
{
	/* a cache error is not the guest's: its EPC/Cause are not even
	 * those of the guest (ERL); the partition ends, the CPU goes on */
	vz_handler h = (x->vector & 0xff) == VEC_CACHE_ERROR ? NULL : root_table[exc_code(x)];

	z->x = x;
	z->ctx->pc = x->epc;
	int r = h ? h(z, x) : EMU_FAIL;
	z->x = NULL;
	return r;
}
