/* SPDX-License-Identifier: MIT */
/* Entry of the emulation layer: fetch the trapped instruction (from the
 * delay slot when Cause.BD says so, evaluating its branch first), run it on
 * the guest context, and move pc on; plus exceptions raised into the guest
 * exactly as hardware raises them, and the privileged instructions. */
#include "arch/emulate.h"

const char *const mips_emu_stat_names[ST_NR] = {
    [ST_MFC0] = "mfc0",       [ST_MTC0] = "mtc0",      [ST_DMFC0] = "dmfc0",
    [ST_DMTC0] = "dmtc0",     [ST_TLBR] = "tlbr",      [ST_TLBWI] = "tlbwi",
    [ST_TLBWR] = "tlbwr",     [ST_TLBP] = "tlbp",      [ST_TLBINV] = "tlbinv",
    [ST_TLBINVF] = "tlbinvf", [ST_ERET] = "eret",      [ST_WAIT] = "wait",
    [ST_DI] = "di",           [ST_EI] = "ei",          [ST_CACHE] = "cache",
    [ST_SYNCI] = "synci",     [ST_RDHWR] = "rdhwr",    [ST_CPUCFG] = "cpucfg",
    [ST_HYPCALL] = "hypcall", [ST_LOAD] = "mmio-load", [ST_STORE] = "mmio-store",
};

#define BEV_BASE 0xffffffffbfc00200ull
#define KSEG0_BASE 0xffffffff80000000ull
#define CACHE_OP_SYNCI 0x100u /* pseudo op for cache_hit(): SYNCI */

static u64 sext32(u64 v)
{
	return (u64)(s64)(s32)(u32)v;
}

/* The XTLB refill vector (0x080) serves addresses of a 64-bit segment
 * enabled for the mode: xuseg (UX), xsseg (SX), xkseg (KX). */
static bool xtlb_refill(const struct mips_guest_ctx *c, u64 va)
{
	switch (va >> 62) {
	case 0:
		return c->cp0.status & C0_ST_UX;
	case 1:
		return c->cp0.status & C0_ST_SX;
	case 3:
		return c->cp0.status & C0_ST_KX;
	default:
		return false;
	}
}

void mips_emu_raise(struct mips_guest_ctx *c, u32 code, u64 epc, bool bd, u64 badvaddr, u32 flags,
                    u32 ce)
{
	struct mips_cp0 *p = &c->cp0;
	u64 off = 0x180;

	if (!(p->status & C0_ST_EXL)) {
		p->epc = epc;
		p->cause = bd ? p->cause | C0_CAUSE_BD : p->cause & ~(u64)C0_CAUSE_BD;
		if (flags & RAISE_REFILL)
			off = xtlb_refill(c, badvaddr) ? 0x080 : 0x000;
		else if (code == EXC_CODE_INT && (p->cause & C0_CAUSE_IV))
			off = 0x200;
	}
	p->cause = (p->cause & ~(0x7cull | (3ull << C0_CAUSE_CE_SHIFT))) | (code & 0x1f) << 2 |
	           (u64)(ce & 3) << C0_CAUSE_CE_SHIFT;
	if (flags & (RAISE_BADVADDR | RAISE_TLB))
		p->badvaddr = badvaddr;
	if (flags & RAISE_TLB) {
		p->context = (p->context & ~0x7fffffull) | ((badvaddr >> 9) & 0x7ffff0ull);
		p->xcontext = (p->xcontext & (~0ull << (MIPS_SEGBITS - 7))) |
		              ((badvaddr >> 62) << (MIPS_SEGBITS - 9)) |
		              (((badvaddr >> 13) & ((1ull << (MIPS_SEGBITS - 13)) - 1)) << 4);
		p->entryhi =
		    (p->entryhi & C0_ENTRYHI_ASID) |
		    (badvaddr & ((3ull << 62) | ((1ull << MIPS_SEGBITS) - 1)) & ~0x1fffull);
	}
	p->status |= C0_ST_EXL;
	if (p->status & C0_ST_BEV)
		c->pc = BEV_BASE + off;
	else
		c->pc = KSEG0_BASE + (p->ebase & 0x3ffff000ull) + off;
}

void mips_emu_raise_here(struct mips_guest_ctx *c, u32 code, u64 badvaddr, u32 flags)
{
	mips_emu_raise(c, code, c->trap_pc, c->trap_bd, badvaddr, flags, 0);
}

static void count(struct mips_guest_ctx *c, enum mips_emu_stat s)
{
	c->insn_stats[s]++;
}

static void set_gpr(struct mips_guest_ctx *c, u32 r, u64 v)
{
	if (r)
		c->gpr[r] = v;
}

/* CP0 use from the guest's user mode needs Status.CU0 (as on hardware). */
static bool cp0_usable(const struct mips_guest_ctx *c)
{
	return mips_guest_kernel(c) || (c->cp0.status & C0_ST_CU0);
}

static int cache_op(struct mips_guest_ctx *c, const struct mips_insn *in)
{
	u64 va = c->gpr[in->rs] + (u64)in->imm;
	u32 op = in->rt;
	u64 pa;

	count(c, ST_CACHE);
	if ((op >> 2) < 4) { /* index ops (and the implementation-specific 3) */
		if (c->ops->cache_index)
			c->ops->cache_index(c, op, va);
		return EMU_DONE;
	}
	/* hit ops: the guest address is translated (and may fault) first */
	int r = c->ops->translate(c, va, false, &pa);
	if (r != EMU_DONE)
		return r;
	if (c->ops->cache_hit)
		c->ops->cache_hit(c, op, pa);
	return EMU_DONE;
}

static int synci(struct mips_guest_ctx *c, const struct mips_insn *in)
{
	u64 pa;

	count(c, ST_SYNCI);
	int r = c->ops->translate(c, c->gpr[in->rs] + (u64)in->imm, false, &pa);
	if (r != EMU_DONE)
		return r;
	if (c->ops->cache_hit)
		c->ops->cache_hit(c, CACHE_OP_SYNCI, pa);
	return EMU_DONE;
}

/* Coprocessor-Unusable / GPSI: CP0, TLB, ERET, WAIT, DI/EI, CACHE, HYPCALL. */
static int emulate_priv(struct mips_guest_ctx *c, const struct mips_insn *in, u64 *next)
{
	if (in->op == OP_SYNCI)
		return synci(c, in);
	if (in->op < OP_MFC0 || in->op > OP_CACHE || in->op == OP_DERET) { /* incl. OP_INVALID */
		mips_emu_raise_here(c, EXC_CODE_RI, 0, 0);
		return EMU_EXCEPTION;
	}
	if (!cp0_usable(c)) {
		mips_emu_raise(c, EXC_CODE_CPU, c->trap_pc, c->trap_bd, 0, 0, 0);
		return EMU_EXCEPTION;
	}
	switch (in->op) {
	case OP_MFC0:
		count(c, ST_MFC0);
		set_gpr(c, in->rt, sext32(mips_cp0_read(c, in->rd, in->sel)));
		return EMU_DONE;
	case OP_DMFC0:
		count(c, ST_DMFC0);
		set_gpr(c, in->rt, mips_cp0_read(c, in->rd, in->sel));
		return EMU_DONE;
	case OP_MTC0:
		count(c, ST_MTC0);
		mips_cp0_write(c, in->rd, in->sel, sext32(c->gpr[in->rt]));
		return EMU_DONE;
	case OP_DMTC0:
		count(c, ST_DMTC0);
		mips_cp0_write(c, in->rd, in->sel, c->gpr[in->rt]);
		return EMU_DONE;
	case OP_DI:
	case OP_EI:
		count(c, in->op == OP_DI ? ST_DI : ST_EI);
		set_gpr(c, in->rt, sext32(c->cp0.status));
		if (in->op == OP_DI)
			c->cp0.status &= ~(u64)C0_ST_IE;
		else
			c->cp0.status |= C0_ST_IE;
		return EMU_DONE;
	case OP_TLBR:
		count(c, ST_TLBR);
		mips_tlb_read(c);
		return EMU_DONE;
	case OP_TLBWI:
		count(c, ST_TLBWI);
		mips_tlb_write(c, (u32)(c->cp0.index & 0x3f));
		return EMU_DONE;
	case OP_TLBWR:
		count(c, ST_TLBWR);
		mips_tlb_write(c, (u32)mips_cp0_read(c, 1, 0));
		return EMU_DONE;
	case OP_TLBP:
		count(c, ST_TLBP);
		mips_tlb_probe(c);
		return EMU_DONE;
	case OP_TLBINV:
	case OP_TLBINVF:
		count(c, in->op == OP_TLBINV ? ST_TLBINV : ST_TLBINVF);
		mips_tlb_invalidate(c, in->op == OP_TLBINVF);
		return EMU_DONE;
	case OP_ERET:
		count(c, ST_ERET);
		if (c->trap_bd) { /* ERET has no delay slot: unpredictable there */
			mips_emu_raise_here(c, EXC_CODE_RI, 0, 0);
			return EMU_EXCEPTION;
		}
		if (c->cp0.status & C0_ST_ERL) {
			*next = c->cp0.errorepc;
			c->cp0.status &= ~(u64)C0_ST_ERL;
		} else {
			*next = c->cp0.epc;
			c->cp0.status &= ~(u64)C0_ST_EXL;
		}
		c->llbit = 0;
		return EMU_DONE;
	case OP_WAIT:
		count(c, ST_WAIT);
		return EMU_WAIT;
	case OP_HYPCALL:
		count(c, ST_HYPCALL);
		c->hcall_code = (u32)in->imm;
		return EMU_HYPERCALL;
	case OP_CACHE:
		return cache_op(c, in);
	default:
		mips_emu_raise_here(c, EXC_CODE_RI, 0, 0);
		return EMU_EXCEPTION;
	}
}

static int rdhwr(struct mips_guest_ctx *c, const struct mips_insn *in)
{
	u32 r = in->rd;
	u64 v;

	count(c, ST_RDHWR);
	if (!mips_guest_kernel(c) && !((c->cp0.hwrena >> r) & 1))
		goto ri;
	switch (r) {
	case 0:
		v = c->cpunum;
		break;
	case 1:
		v = 32; /* SYNCI step: the L1 line size */
		break;
	case 2:
		v = sext32(mips_timer_count(c));
		break;
	case 3:
		v = 2; /* CCRes: Count ticks every other cycle */
		break;
	case 29:
		v = c->cp0.userlocal;
		break;
	default:
		goto ri;
	}
	set_gpr(c, in->rt, v);
	return EMU_DONE;
ri:
	mips_emu_raise_here(c, EXC_CODE_RI, 0, 0);
	return EMU_EXCEPTION;
}

/* Reserved Instruction: CPUCFG (where the host traps it) and RDHWR. */
static int emulate_ri(struct mips_guest_ctx *c, const struct mips_insn *in)
{
	switch (in->op) {
	case OP_CPUCFG:
		count(c, ST_CPUCFG);
		/* a selector beyond 32 bits names no word */
		set_gpr(c, in->rd,
		        c->gpr[in->rs] >> 32 ? 0
		                             : sext32(mips_cpucfg_value(c, (u32)c->gpr[in->rs])));
		return EMU_DONE;
	case OP_RDHWR:
		return rdhwr(c, in);
	default:
		mips_emu_raise_here(c, EXC_CODE_RI, 0, 0);
		return EMU_EXCEPTION;
	}
}

int mips_emulate(struct mips_guest_ctx *c, enum mips_trap_kind kind, bool bd)
{
	u64 pc = c->pc, ipc = bd ? pc + 4 : pc, next = ipc + 4;
	struct mips_insn in, br;
	u32 w, bw;

	c->trap_pc = pc;
	c->trap_bd = bd;
	if (!c->ops->fetch(c, ipc, &w))
		return EMU_FAIL;
	mips_decode(w, &in);
	if (kind == TRAP_MMIO && !mips_is_load(&in) && !mips_is_store(&in) && in.op != OP_FPMEM)
		return EMU_UNHANDLED; /* the backend reflects the original trap */
	if (bd) {
		/* The branch is evaluated before its slot runs: the slot did not
		 * complete, so the registers are still the branch's inputs. A
		 * "branch" that is none means the guest's code changed under
		 * us (or the trap state lies): no architected answer. */
		if (!c->ops->fetch(c, pc, &bw) || !mips_decode(bw, &br) || !mips_is_branch(&br))
			return EMU_FAIL;
		if (!mips_branch_next(c, &br, pc, &next))
			return EMU_FAIL;
	}
	int r;
	switch (kind) {
	case TRAP_PRIV:
		r = emulate_priv(c, &in, &next);
		break;
	case TRAP_RI:
		r = emulate_ri(c, &in);
		break;
	default:
		r = mips_emulate_mem(c, &in);
		break;
	}
	if (r == EMU_DONE || r == EMU_WAIT || r == EMU_HYPERCALL || r == EMU_EXIT)
		c->pc = next;
	return r;
}
