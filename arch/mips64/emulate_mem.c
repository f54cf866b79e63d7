/* SPDX-License-Identifier: MIT */
/* Loads and stores to emulated addresses (devices, or memory the backend
 * serves itself): every width, the unaligned LWL/LWR/LDL/LDR/SWL/SWR/SDL/SDR
 * pairs and Loongson's indexed GS*X forms, with the sign and zero extension
 * of each. Guests are little-endian (mips64el), so byte k of a register is
 * bits 8k+7..8k.
 *
 * Only the bytes the instruction touches are accessed: LWL at byte b of a
 * word reads bytes 0..b of that word, LWR bytes b..3; a device never sees a
 * read of a byte the instruction did not name. A naturally misaligned
 * access raises AdEL/AdES, unless it goes to memory (ops->is_memory: a
 * read-only slot), where it is done byte by byte as the CPU would do it;
 * LL/SC and FP loads/stores to an emulated address have no device meaning
 * and raise a bus error. */
#include "arch/emulate.h"

static u64 sext(u64 v, unsigned bytes)
{
	unsigned sh = 64 - 8 * bytes;

	return bytes >= 8 ? v : (u64)((s64)(v << sh) >> sh);
}

static u64 low_mask(unsigned bytes)
{
	return bytes >= 8 ? ~0ull : (1ull << (8 * bytes)) - 1;
}

static int load(struct mips_guest_ctx *c, u64 va, unsigned n, u64 *v)
{
	*v = 0;
	int r = c->ops->access(c, va, n, false, v);
	*v &= low_mask(n);
	return r;
}

static void set_rt(struct mips_guest_ctx *c, u32 rt, u64 v)
{
	if (rt)
		c->gpr[rt] = v;
}

/* LWL/LWR/LDL/LDR: merge the loaded bytes into rt. w = 4 or 8. */
static int load_partial(struct mips_guest_ctx *c, const struct mips_insn *in, u64 ea, unsigned w,
                        bool left)
{
	unsigned b = (unsigned)(ea & (w - 1));
	u64 rt = c->gpr[in->rt], v, res;
	int r;

	if (left) { /* bytes 0..b of the unit -> the top b+1 bytes of rt */
		unsigned n = b + 1, sh = 8 * (w - n);
		r = load(c, ea - b, n, &v);
		if (r != EMU_DONE)
			return r;
		res = (rt & low_mask(w - n)) | (v << sh);
	} else { /* bytes b..w-1 -> the low w-b bytes of rt */
		unsigned n = w - b;
		r = load(c, ea, n, &v);
		if (r != EMU_DONE)
			return r;
		res = (rt & ~low_mask(n)) | v;
	}
	/* the 32-bit forms leave a sign-extended word (as QEMU does) */
	set_rt(c, in->rt, w == 4 ? sext(res, 4) : res);
	return EMU_DONE;
}

static int store_partial(struct mips_guest_ctx *c, const struct mips_insn *in, u64 ea, unsigned w,
                         bool left)
{
	unsigned b = (unsigned)(ea & (w - 1));
	u64 rt = c->gpr[in->rt] & low_mask(w), v;

	if (left) { /* the top b+1 bytes of rt -> bytes 0..b of the unit */
		unsigned n = b + 1;
		v = rt >> (8 * (w - n));
		return c->ops->access(c, ea - b, n, true, &v);
	}
	unsigned n = w - b; /* the low w-b bytes of rt -> bytes b..w-1 */
	v = rt & low_mask(n);
	return c->ops->access(c, ea, n, true, &v);
}

static bool is_plain(const struct mips_insn *in)
{
	switch (in->op) {
	case OP_LH:
	case OP_LW:
	case OP_LD:
	case OP_LHU:
	case OP_LWU:
	case OP_GSLHX:
	case OP_GSLWX:
	case OP_GSLDX:
	case OP_SH:
	case OP_SW:
	case OP_SD:
	case OP_GSSHX:
	case OP_GSSWX:
	case OP_GSSDX:
		return true;
	default:
		return false;
	}
}

/* A misaligned plain load or store to memory, one byte at a time: each
 * byte goes where memory takes it (a read-only slot drops stores), across
 * pages and slots alike. */
static int bytewise(struct mips_guest_ctx *c, const struct mips_insn *in, u64 ea, unsigned n,
                    bool st)
{
	u64 v = st ? c->gpr[in->rt] : 0;

	for (unsigned i = 0; i < n; i++) {
		u64 b = st ? (v >> (8 * i)) & 0xff : 0;
		int r = c->ops->access(c, ea + i, 1, st, &b);
		if (r != EMU_DONE)
			return r;
		if (!st)
			v |= (b & 0xff) << (8 * i);
	}
	if (!st) {
		bool zext = in->op == OP_LHU || in->op == OP_LWU;
		set_rt(c, in->rt, zext ? v : sext(v, n));
	}
	return EMU_DONE;
}

int mips_emulate_mem(struct mips_guest_ctx *c, const struct mips_insn *in)
{
	u64 ea = c->gpr[in->rs] + (u64)in->imm, v;
	unsigned n = in->size;
	bool st = mips_is_store(in);
	int r;

	if (in->op >= OP_GSLBX && in->op <= OP_GSSDX)
		ea += c->gpr[in->index];
	c->insn_stats[st ? ST_STORE : ST_LOAD]++;
	switch (in->op) {
	case OP_LWL:
	case OP_LWR:
		return load_partial(c, in, ea, 4, in->op == OP_LWL);
	case OP_LDL:
	case OP_LDR:
		return load_partial(c, in, ea, 8, in->op == OP_LDL);
	case OP_SWL:
	case OP_SWR:
		return store_partial(c, in, ea, 4, in->op == OP_SWL);
	case OP_SDL:
	case OP_SDR:
		return store_partial(c, in, ea, 8, in->op == OP_SDL);
	default:
		break;
	}
	if (ea & (n - 1)) {
		u64 pa;
		if (c->ops->is_memory && is_plain(in)) {
			r = c->ops->translate(c, ea, st, &pa);
			if (r != EMU_DONE)
				return r; /* the TLB exception comes first */
			if (c->ops->is_memory(c, pa))
				return bytewise(c, in, ea, n, st);
		}
		mips_emu_raise_here(c, st ? EXC_CODE_ADES : EXC_CODE_ADEL, ea, RAISE_BADVADDR);
		return EMU_EXCEPTION;
	}
	switch (in->op) {
	case OP_LB:
	case OP_LH:
	case OP_LW:
	case OP_LD:
	case OP_GSLBX:
	case OP_GSLHX:
	case OP_GSLWX:
	case OP_GSLDX:
		r = load(c, ea, n, &v);
		if (r == EMU_DONE)
			set_rt(c, in->rt, sext(v, n));
		return r;
	case OP_LBU:
	case OP_LHU:
	case OP_LWU:
		r = load(c, ea, n, &v);
		if (r == EMU_DONE)
			set_rt(c, in->rt, v);
		return r;
	case OP_SB:
	case OP_SH:
	case OP_SW:
	case OP_SD:
	case OP_GSSBX:
	case OP_GSSHX:
	case OP_GSSWX:
	case OP_GSSDX:
		v = c->gpr[in->rt] & low_mask(n);
		return c->ops->access(c, ea, n, true, &v);
	default: /* LL/SC/LLD/SCD, FP forms: no meaning for a device */
		mips_emu_raise_here(c, EXC_CODE_DBE, 0, 0);
		return EMU_EXCEPTION;
	}
}
