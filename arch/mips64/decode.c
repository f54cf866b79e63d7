/* SPDX-License-Identifier: MIT */
/* Decoding the instructions the emulation layer handles: CP0 and TLB
 * operations, cache ops, RDHWR/CPUCFG, every load/store form an emulated
 * device can see, and the branches whose delay slot may trap. Anything else,
 * including reserved encodings of known opcodes (non-zero must-be-zero
 * fields), decodes to OP_INVALID, so a guest cannot make the layer act on a
 * half-understood word. */
#include "arch/emulate.h"

#define OPC(w) ((w) >> 26)
#define RS(w) (((w) >> 21) & 0x1f)
#define RT(w) (((w) >> 16) & 0x1f)
#define RD(w) (((w) >> 11) & 0x1f)
#define SA(w) (((w) >> 6) & 0x1f)
#define FUNC(w) ((w)&0x3f)
#define SIMM16(w) ((s64)(s16)((w)&0xffff))

static bool set(struct mips_insn *in, u16 op)
{
	in->op = op;
	return op != OP_INVALID;
}

static bool mem(struct mips_insn *in, u16 op, u8 size)
{
	in->size = size;
	return set(in, op);
}

static bool decode_cop0(u32 w, struct mips_insn *in)
{
	u32 rs = RS(w);

	in->sel = w & 7;
	if (rs & 0x10) { /* CO: TLB ops, ERET, WAIT, HYPCALL */
		switch (FUNC(w)) {
		case 0x01:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_TLBR);
		case 0x02:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_TLBWI);
		case 0x03:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_TLBINV);
		case 0x04:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_TLBINVF);
		case 0x06:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_TLBWR);
		case 0x08:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_TLBP);
		case 0x18:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_ERET);
		case 0x1f:
			return set(in, (w & 0x01ffffc0) ? OP_INVALID : OP_DERET);
		case 0x20: /* bits 24:6 are an implementation-dependent code */
			return set(in, OP_WAIT);
		case 0x28: /* HYPCALL: code in 20:11, 24:21 and 10:6 zero */
			if (w & 0x01e007c0)
				return set(in, OP_INVALID);
			in->imm = (w >> 11) & 0x3ff;
			return set(in, OP_HYPCALL);
		default:
			return set(in, OP_INVALID);
		}
	}
	switch (rs) {
	case 0x00:
	case 0x01:
	case 0x04:
	case 0x05:
		if (w & 0x7f8) /* bits 10:3 must be zero */
			return set(in, OP_INVALID);
		return set(in, rs == 0   ? OP_MFC0
		               : rs == 1 ? OP_DMFC0
		               : rs == 4 ? OP_MTC0
		                         : OP_DMTC0);
	case 0x0b: /* MFMC0: DI/EI, rd must be 12 (Status), sel 0 */
		if (in->rd != 12 || (w & 0x7df) != 0)
			return set(in, OP_INVALID);
		return set(in, (w & 0x20) ? OP_EI : OP_DI);
	default:
		return set(in, OP_INVALID);
	}
}

static bool decode_regimm(u32 w, struct mips_insn *in)
{
	switch (RT(w)) {
	case 0x00:
		return set(in, OP_BLTZ);
	case 0x01:
		return set(in, OP_BGEZ);
	case 0x02:
		in->likely = true;
		return set(in, OP_BLTZ);
	case 0x03:
		in->likely = true;
		return set(in, OP_BGEZ);
	case 0x10:
		in->link = true;
		return set(in, OP_BLTZAL);
	case 0x11:
		in->link = true;
		return set(in, OP_BGEZAL);
	case 0x12:
		in->link = in->likely = true;
		return set(in, OP_BLTZAL);
	case 0x13:
		in->link = in->likely = true;
		return set(in, OP_BGEZAL);
	case 0x1f:
		return set(in, OP_SYNCI);
	default:
		return set(in, OP_INVALID);
	}
}

/* Loongson-3 LDC2/SDC2: opcode | base | rt | index | offset(8) | opcode1(3);
 * the offset is in bytes, sign-extended. */
static bool decode_gsx(u32 w, struct mips_insn *in, bool store)
{
	static const u16 loads[4] = {OP_GSLBX, OP_GSLHX, OP_GSLWX, OP_GSLDX};
	static const u16 stores[4] = {OP_GSSBX, OP_GSSHX, OP_GSSWX, OP_GSSDX};
	u32 op1 = w & 7;

	in->index = RD(w);
	in->imm = (s64)(s8)((w >> 3) & 0xff);
	if (op1 < 4)
		return mem(in, store ? stores[op1] : loads[op1], (u8)(1u << op1));
	if (op1 == 6 || op1 == 7) /* GS{L,S}{W,D}XC1: FP registers */
		return mem(in, OP_FPMEM, op1 == 6 ? 4 : 8);
	return set(in, OP_INVALID);
}

static bool decode_special(u32 w, struct mips_insn *in)
{
	switch (FUNC(w)) {
	case 0x08: /* JR: rt, rd zero; hint 0 or .hb */
		if ((w & 0x001ff800) || (SA(w) & 0xf))
			return set(in, OP_INVALID);
		return set(in, OP_JR);
	case 0x09: /* JALR: rt zero */
		if ((w & 0x001f0000) || (SA(w) & 0xf))
			return set(in, OP_INVALID);
		in->link = true;
		return set(in, OP_JALR);
	default:
		return set(in, OP_INVALID);
	}
}

bool mips_decode(u32 w, struct mips_insn *in)
{
	*in = (struct mips_insn){.raw = w, .rs = RS(w), .rt = RT(w), .rd = RD(w), .imm = SIMM16(w)};

	switch (OPC(w)) {
	case 0x00:
		return decode_special(w, in);
	case 0x01:
		return decode_regimm(w, in);
	case 0x02:
	case 0x03:
		in->target = w & 0x03ffffff;
		in->link = OPC(w) == 0x03;
		return set(in, in->link ? OP_JAL : OP_J);
	case 0x04:
	case 0x14:
		in->likely = OPC(w) == 0x14;
		return set(in, OP_BEQ);
	case 0x05:
	case 0x15:
		in->likely = OPC(w) == 0x15;
		return set(in, OP_BNE);
	case 0x06:
	case 0x16:
		in->likely = OPC(w) == 0x16;
		return set(in, in->rt ? OP_INVALID : OP_BLEZ);
	case 0x07:
	case 0x17:
		in->likely = OPC(w) == 0x17;
		return set(in, in->rt ? OP_INVALID : OP_BGTZ);
	case 0x10:
		return decode_cop0(w, in);
	case 0x11: /* COP1: only BC1F/BC1T(L) matter here */
		if (in->rs != 0x08)
			return set(in, OP_INVALID);
		in->likely = (w >> 17) & 1;
		in->sel = (w >> 18) & 7; /* condition code */
		return set(in, (w >> 16) & 1 ? OP_BC1T : OP_BC1F);
	case 0x1f: /* SPECIAL3: RDHWR (R2: bits 10:6 zero, rs zero) */
		if (FUNC(w) != 0x3b || in->rs || SA(w))
			return set(in, OP_INVALID);
		return set(in, OP_RDHWR);
	case 0x1a:
		return mem(in, OP_LDL, 8);
	case 0x1b:
		return mem(in, OP_LDR, 8);
	case 0x20:
		return mem(in, OP_LB, 1);
	case 0x21:
		return mem(in, OP_LH, 2);
	case 0x22:
		return mem(in, OP_LWL, 4);
	case 0x23:
		return mem(in, OP_LW, 4);
	case 0x24:
		return mem(in, OP_LBU, 1);
	case 0x25:
		return mem(in, OP_LHU, 2);
	case 0x26:
		return mem(in, OP_LWR, 4);
	case 0x27:
		return mem(in, OP_LWU, 4);
	case 0x28:
		return mem(in, OP_SB, 1);
	case 0x29:
		return mem(in, OP_SH, 2);
	case 0x2a:
		return mem(in, OP_SWL, 4);
	case 0x2b:
		return mem(in, OP_SW, 4);
	case 0x2c:
		return mem(in, OP_SDL, 8);
	case 0x2d:
		return mem(in, OP_SDR, 8);
	case 0x2e:
		return mem(in, OP_SWR, 4);
	case 0x2f:
		return set(in, OP_CACHE);
	case 0x30:
		return mem(in, OP_LL, 4);
	case 0x34:
		return mem(in, OP_LLD, 8);
	case 0x38:
		return mem(in, OP_SC, 4);
	case 0x3c:
		return mem(in, OP_SCD, 8);
	case 0x31:
	case 0x39:
		return mem(in, OP_FPMEM, 4);
	case 0x35:
	case 0x3d:
		return mem(in, OP_FPMEM, 8);
	case 0x32: /* LWC2: Loongson CPUCFG rd, rs = 0xc8080118 | rs << 21 | rd << 11 */
		if (in->rt == 8 && (w & 0x7ff) == 0x118)
			return set(in, OP_CPUCFG);
		return set(in, OP_INVALID);
	case 0x36:
		return decode_gsx(w, in, false);
	case 0x3e:
		return decode_gsx(w, in, true);
	case 0x37:
		return mem(in, OP_LD, 8);
	case 0x3f:
		return mem(in, OP_SD, 8);
	default:
		return set(in, OP_INVALID);
	}
}

bool mips_is_branch(const struct mips_insn *in)
{
	return in->op >= OP_BEQ && in->op <= OP_BC1T;
}

bool mips_is_load(const struct mips_insn *in)
{
	switch (in->op) {
	case OP_LB:
	case OP_LBU:
	case OP_LH:
	case OP_LHU:
	case OP_LW:
	case OP_LWU:
	case OP_LD:
	case OP_LWL:
	case OP_LWR:
	case OP_LDL:
	case OP_LDR:
	case OP_GSLBX:
	case OP_GSLHX:
	case OP_GSLWX:
	case OP_GSLDX:
	case OP_LL:
	case OP_LLD:
		return true;
	default:
		return false;
	}
}

bool mips_is_store(const struct mips_insn *in)
{
	switch (in->op) {
	case OP_SB:
	case OP_SH:
	case OP_SW:
	case OP_SD:
	case OP_SWL:
	case OP_SWR:
	case OP_SDL:
	case OP_SDR:
	case OP_GSSBX:
	case OP_GSSHX:
	case OP_GSSWX:
	case OP_GSSDX:
	case OP_SC:
	case OP_SCD:
		return true;
	default:
		return false;
	}
}

/* The condition is evaluated on the registers as they are before the
 * delay slot runs (the slot trapped, so it changed nothing), and the link
 * register is written as the branch itself would (the delay slot sees it). */
bool mips_branch_next(struct mips_guest_ctx *c, const struct mips_insn *br, u64 pc, u64 *next)
{
	s64 a = (s64)c->gpr[br->rs], b = (s64)c->gpr[br->rt];
	u64 rel = pc + 4 + ((u64)br->imm << 2);
	bool taken;
	u64 target = rel;

	switch (br->op) {
	case OP_BEQ:
		taken = a == b;
		break;
	case OP_BNE:
		taken = a != b;
		break;
	case OP_BLEZ:
		taken = a <= 0;
		break;
	case OP_BGTZ:
		taken = a > 0;
		break;
	case OP_BLTZ:
	case OP_BLTZAL:
		taken = a < 0;
		break;
	case OP_BGEZ:
	case OP_BGEZAL:
		taken = a >= 0;
		break;
	case OP_J:
	case OP_JAL:
		taken = true;
		target = ((pc + 4) & ~0x0fffffffull) | ((u64)br->target << 2);
		break;
	case OP_JR:
	case OP_JALR:
		taken = true;
		target = (u64)a;
		break;
	case OP_BC1F:
	case OP_BC1T:
		if (!c->ops || !c->ops->fp_cc)
			return false;
		taken = c->ops->fp_cc(c, br->sel) == (br->op == OP_BC1T);
		break;
	default:
		return false;
	}
	if (br->link) {
		u32 lr = br->op == OP_JALR ? br->rd : 31;
		if (lr)
			c->gpr[lr] = pc + 8;
	}
	*next = taken ? target : pc + 8;
	return true;
}
