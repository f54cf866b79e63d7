/* SPDX-License-Identifier: MIT */
/* The guest's soft CP0: reset state, MFC0/MTC0 semantics (read-only and
 * masked bits), the virtual Count/Compare timer and the interrupt lines.
 *
 * The guest is presented as the host's Loongson-3 (PRId, caches and TLB
 * geometry from the host) with what Tern does not virtualise hidden:
 * no watch registers, performance counters, EJTAG, MSA, BadInstr, RI/XI or
 * large physical addresses; 64 TLB entries; KScratch 2-3, UserLocal and
 * TLBINV always present (they are software here). Unimplemented registers
 * read all-ones, as on the pre-R6 cores QEMU models. */
#include "arch/emulate.h"

#define CONF1_HIDE 0x7eu /* EP, CA, WR, PC, MD, C2 */
#define CONF1_MMU_SHIFT 25
#define CONF1_FP 0x1u
#define CONF3_GUEST 0x80002000u /* M, ULRI */
#define CONF4_GUEST 0x600c0000u /* IE = 3 (TLBINV/TLBINVF), KScrExist sel 2-3 */
#define CONF0_K0 0x7u
#define INTCTL_GUEST 0xe0000000u /* IPTI = 7: the timer on IP7 */
#define HWRENA_MASK 0x2000000fu  /* CPUNum, SYNCI_Step, CC, CCRes, ULR */
#define ENTRYHI_MASK ((3ull << 62) | (((1ull << MIPS_SEGBITS) - 1) & ~0x1fffull) | 0xffull)
#define EBASE_MASK 0x3ffff000ull
#define STATUS_BASE_WMASK (0xffu | C0_ST_IM | C0_ST_BEV | C0_ST_PX | C0_ST_CU0)
#define STATUS_FPU_WMASK (C0_ST_CU1 | C0_ST_FR)
#define CAUSE_WMASK (C0_CAUSE_IP_SW | C0_CAUSE_IV | C0_CAUSE_DC)
#define UNIMPLEMENTED (~0ull)
#define REG(r, s) ((r)*8 + (s))

static u64 sext32(u64 v)
{
	return (u64)(s64)(s32)(u32)v;
}

static u64 now(struct mips_guest_ctx *c)
{
	return c->ops && c->ops->now ? c->ops->now(c) : 0;
}

static bool has_fpu(const struct mips_guest_ctx *c)
{
	return c->cp0.config[1] & CONF1_FP;
}

void mips_emu_reset(struct mips_guest_ctx *c, u32 cpunum, u32 host_prid, const u32 host_config[4])
{
	const struct mips_emu_ops *ops = c->ops;
	void *opaque = c->opaque;
	struct mips_cp0 *p = &c->cp0;

	*c = (struct mips_guest_ctx){0};
	c->ops = ops;
	c->opaque = opaque;
	c->cpunum = cpunum;
	c->nr_tlb = MIPS_GUEST_TLB_SIZE;
	for (u32 i = 0; i < c->nr_tlb; i++)
		c->tlb[i].hi = C0_ENTRYHI_EHINV; /* empty: matches nothing */

	p->prid = host_prid;
	/* kseg0 uncached at reset, as the boot ROM leaves it (K0 = 2) */
	p->config[0] = (host_config[0] & ~CONF0_K0) | 2 | 0x80000000u;
	p->config[1] = (host_config[1] & ~(CONF1_HIDE | (0x3fu << CONF1_MMU_SHIFT))) |
	               ((MIPS_GUEST_TLB_SIZE - 1u) << CONF1_MMU_SHIFT) | 0x80000000u;
	p->config[2] = host_config[2] | 0x80000000u;
	p->config[3] = CONF3_GUEST;
	p->config[4] = CONF4_GUEST;
	p->intctl = INTCTL_GUEST;
	p->ebase = 0xffffffff80000000ull | (cpunum & 0x3ff);
	p->random = c->nr_tlb - 1;
	p->random_state = 0x2545f491u ^ cpunum;
	p->status = C0_ST_ERL | C0_ST_BEV;
	p->count_bias = -now(c);
	p->compare = 0;
	p->timer_next = now(c) + (1ull << 32);
}

/* --- timer ----------------------------------------------------------------- */

u32 mips_timer_count(struct mips_guest_ctx *c)
{
	if (c->cp0.cause & C0_CAUSE_DC)
		return c->cp0.count_frozen;
	return (u32)(now(c) + c->cp0.count_bias);
}

static void timer_rearm(struct mips_guest_ctx *c)
{
	u64 t = now(c);
	u32 delta = (u32)c->cp0.compare - (u32)(t + c->cp0.count_bias);

	c->cp0.timer_next = t + (delta ? delta : (1ull << 32));
}

void mips_timer_update(struct mips_guest_ctx *c)
{
	if (c->cp0.cause & C0_CAUSE_DC)
		return;
	u64 t = now(c);
	if (t < c->cp0.timer_next)
		return;
	c->cp0.cause |= C0_CAUSE_TI | C0_CAUSE_IP7;
	/* the next match is whole Count wraps later */
	c->cp0.timer_next += (((t - c->cp0.timer_next) >> 32) + 1) << 32;
}

u64 mips_timer_deadline(const struct mips_guest_ctx *c)
{
	if (c->cp0.cause & C0_CAUSE_DC)
		return ~0ull;
	return c->cp0.timer_next;
}

/* --- interrupts ------------------------------------------------------------ */

void mips_set_irq_lines(struct mips_guest_ctx *c, u32 cause_ip_bits)
{
	c->cp0.cause = (c->cp0.cause & ~0x7c00ull) | (cause_ip_bits & 0x7c00u);
}

bool mips_irq_pending(const struct mips_guest_ctx *c)
{
	return (c->cp0.cause & c->cp0.status & C0_ST_IM) != 0;
}

bool mips_irq_deliverable(const struct mips_guest_ctx *c)
{
	return mips_irq_pending(c) && (c->cp0.status & C0_ST_IE) &&
	       !(c->cp0.status & (C0_ST_EXL | C0_ST_ERL));
}

void mips_deliver_irq(struct mips_guest_ctx *c, bool bd)
{
	mips_emu_raise(c, EXC_CODE_INT, c->pc, bd, 0, 0, 0);
}

/* --- MFC0 / MTC0 -------------------------------------------------------- */

static u32 random_next(struct mips_guest_ctx *c)
{
	u32 wired = (u32)c->cp0.wired;

	if (wired >= c->nr_tlb)
		return c->nr_tlb - 1;
	c->cp0.random_state = c->cp0.random_state * 1103515245u + 12345u;
	return wired + (c->cp0.random_state >> 16) % (c->nr_tlb - wired);
}

u64 mips_cp0_read(struct mips_guest_ctx *c, u32 reg, u32 sel)
{
	struct mips_cp0 *p = &c->cp0;

	switch (REG(reg, sel)) {
	case REG(0, 0):
		return sext32(p->index);
	case REG(1, 0):
		p->random = random_next(c);
		return p->random;
	case REG(2, 0):
		return p->entrylo0;
	case REG(3, 0):
		return p->entrylo1;
	case REG(4, 0):
		return p->context;
	case REG(4, 2):
		return p->userlocal;
	case REG(5, 0):
		return p->pagemask;
	case REG(5, 1):
		return p->pagegrain;
	case REG(6, 0):
		return p->wired;
	case REG(7, 0):
		return p->hwrena;
	case REG(8, 0):
		return p->badvaddr;
	case REG(9, 0):
		return sext32(mips_timer_count(c));
	case REG(10, 0):
		return p->entryhi;
	case REG(11, 0):
		return sext32(p->compare);
	case REG(12, 0):
		return sext32(p->status);
	case REG(12, 1):
		return sext32(p->intctl);
	case REG(12, 2):
	case REG(12, 3):
		return 0; /* SRSCtl, SRSMap: one shadow set */
	case REG(13, 0):
		return sext32(p->cause);
	case REG(14, 0):
		return p->epc;
	case REG(15, 0):
		return sext32(p->prid);
	case REG(15, 1):
		return sext32(p->ebase);
	case REG(16, 0):
	case REG(16, 1):
	case REG(16, 2):
	case REG(16, 3):
	case REG(16, 4):
	case REG(16, 5):
	case REG(16, 6):
	case REG(16, 7):
		return sext32(p->config[sel]);
	case REG(17, 0):
		return p->lladdr;
	case REG(20, 0):
		return p->xcontext;
	case REG(22, 0):
		return 0; /* Diag: its bits are actions, nothing is stored */
	case REG(26, 0):
		return sext32(p->errctl);
	case REG(27, 0):
		return 0; /* CacheErr: no cache errors are reported */
	case REG(28, 0):
	case REG(28, 1):
	case REG(28, 2):
	case REG(28, 3):
		return p->taglo[sel];
	case REG(29, 0):
	case REG(29, 1):
	case REG(29, 2):
	case REG(29, 3):
		return p->taghi[sel];
	case REG(30, 0):
		return p->errorepc;
	case REG(31, 0):
		return p->desave;
	case REG(31, 2):
	case REG(31, 3):
		return p->kscratch[sel];
	default:
		return UNIMPLEMENTED;
	}
}

static void write_status(struct mips_guest_ctx *c, u64 v)
{
	u64 wmask = STATUS_BASE_WMASK | (has_fpu(c) ? STATUS_FPU_WMASK : 0);
	u64 old = c->cp0.status;
	/* NMI and SR can only be cleared by software */
	u64 clear_only = old & (C0_ST_NMI | C0_ST_SR) & v;

	c->cp0.status = (old & ~wmask & ~(u64)(C0_ST_NMI | C0_ST_SR)) | (v & wmask) | clear_only;
	c->cp0.status &= 0xffffffffull;
}

static void write_cause(struct mips_guest_ctx *c, u64 v)
{
	u64 old = c->cp0.cause;

	if ((old ^ v) & C0_CAUSE_DC) {
		if (v & C0_CAUSE_DC) {
			c->cp0.count_frozen = mips_timer_count(c);
		} else {
			c->cp0.count_bias = c->cp0.count_frozen - now(c);
			c->cp0.cause = old & ~(u64)C0_CAUSE_DC;
			timer_rearm(c);
		}
	}
	c->cp0.cause = (old & ~(u64)CAUSE_WMASK) | (v & CAUSE_WMASK);
}

static void tlb_changed(struct mips_guest_ctx *c)
{
	if (c->ops && c->ops->tlb_changed)
		c->ops->tlb_changed(c);
}

static void write_diag(struct mips_guest_ctx *c, u64 v)
{
	c->cp0.diag = v;      /* the last write, for tlb_changed() to see which flush */
	if (v & C0_DIAG_VTLB) /* the guest's whole (variable) TLB is cleared */
		for (u32 i = 0; i < c->nr_tlb; i++)
			c->tlb[i] = (struct mips_tlbe){.hi = C0_ENTRYHI_EHINV};
	/* ITLB/DTLB: the micro-TLBs are the shadow here; FTLB: the guest has
	 * none; BTB: no guest-visible state. Each flushes the shadow. */
	if (v & (C0_DIAG_VTLB | C0_DIAG_FTLB | C0_DIAG_ITLB | C0_DIAG_DTLB | C0_DIAG_BTB))
		tlb_changed(c);
}

void mips_cp0_write(struct mips_guest_ctx *c, u32 reg, u32 sel, u64 v)
{
	struct mips_cp0 *p = &c->cp0;

	switch (REG(reg, sel)) {
	case REG(0, 0):
		p->index = (p->index & C0_INDEX_P) | ((u32)v % c->nr_tlb);
		break;
	case REG(2, 0):
		p->entrylo0 = v & C0_ENTRYLO_MASK;
		break;
	case REG(3, 0):
		p->entrylo1 = v & C0_ENTRYLO_MASK;
		break;
	case REG(4, 0):
		p->context = (p->context & 0x7fffffull) | (v & ~0x7fffffull);
		break;
	case REG(4, 2):
		p->userlocal = v;
		break;
	case REG(5, 0):
		p->pagemask = v & C0_PAGEMASK_MASK;
		break;
	case REG(6, 0):
		p->wired = (u32)v % c->nr_tlb;
		p->random = c->nr_tlb - 1;
		break;
	case REG(7, 0):
		p->hwrena = v & HWRENA_MASK;
		break;
	case REG(9, 0):
		if (p->cause & C0_CAUSE_DC) {
			p->count_frozen = (u32)v;
		} else {
			p->count_bias = (u32)v - now(c);
			timer_rearm(c);
		}
		break;
	case REG(10, 0):
		p->entryhi = v & (ENTRYHI_MASK | C0_ENTRYHI_EHINV);
		break;
	case REG(11, 0):
		p->compare = (u32)v;
		p->cause &= ~(u64)(C0_CAUSE_TI | C0_CAUSE_IP7);
		if (!(p->cause & C0_CAUSE_DC))
			timer_rearm(c);
		break;
	case REG(12, 0):
		write_status(c, v);
		break;
	case REG(13, 0):
		write_cause(c, v);
		break;
	case REG(14, 0):
		p->epc = v;
		break;
	case REG(15, 1):
		p->ebase = (p->ebase & ~EBASE_MASK) | (v & EBASE_MASK);
		break;
	case REG(16, 0):
		if ((p->config[0] ^ v) & CONF0_K0) {
			p->config[0] = (p->config[0] & ~(u64)CONF0_K0) | (v & CONF0_K0);
			tlb_changed(c); /* kseg0 cacheability of the shadow */
		}
		break;
	case REG(16, 6):
		p->config[6] = (p->config[6] & ~(u64)C0_CONFIG6_GUEST_WRITABLE) |
		               (v & C0_CONFIG6_GUEST_WRITABLE);
		break;
	case REG(20, 0): {
		u64 ro = (1ull << (MIPS_SEGBITS - 7)) - 1;
		p->xcontext = (p->xcontext & ro) | (v & ~ro);
		break;
	}
	case REG(22, 0):
		write_diag(c, v);
		break;
	case REG(26, 0):
		p->errctl = (u32)v;
		break;
	case REG(28, 0):
	case REG(28, 1):
	case REG(28, 2):
	case REG(28, 3):
		p->taglo[sel] = v;
		break;
	case REG(29, 0):
	case REG(29, 1):
	case REG(29, 2):
	case REG(29, 3):
		p->taghi[sel] = v;
		break;
	case REG(30, 0):
		p->errorepc = v;
		break;
	case REG(31, 0):
		p->desave = v;
		break;
	case REG(31, 2):
	case REG(31, 3):
		p->kscratch[sel] = v;
		break;
	default:
		/* read-only (Random, BadVAddr, PRId, IntCtl, Config1-5/7,
		 * PageGrain, LLAddr ...) or unimplemented: ignored */
		break;
	}
}

/* --- Loongson CPUCFG --------------------------------------------------- */

/* Baseline for hosts without CPUCFG (3A1000): what a Loongson-3 has. */
static const u32 cpucfg_baseline[4] = {LOONGSON_CFG0_PRID, 0x00000011u /* FP, MMI */,
                                       0x00000007u /* LEXT1-3 */, 0};

u32 mips_cpucfg_value(struct mips_guest_ctx *c, u32 sel)
{
	u32 host = 0;

	if (sel > 3)
		return 0;
	if (!c->ops || !c->ops->host_cpucfg || !c->ops->host_cpucfg(c, sel, &host))
		host = cpucfg_baseline[sel];
	switch (sel) {
	case 0:
		return LOONGSON_CFG0_PRID;
	case 1:
		return host & LOONGSON_CFG1_GUEST_MASK;
	case 2:
		return host & LOONGSON_CFG2_GUEST_MASK;
	default:
		return host; /* CFG3: the cache-access fields, as the host has them */
	}
}
