/* SPDX-License-Identifier: MIT */
/* A VZ vCPU's guest context on a CPU (see arch/vz.h): loading and putting
 * it (GuestCtl1.ID, the guest CP0 context, the window entries), the exit
 * set the emulation layer works on, the guest timer across the times the
 * vCPU is not in guest mode, and virtual interrupt lines. Touches the
 * hardware only through arch/vz_hw.h (host-tested against a model). */
#include "arch/vz.h"
#include "arch/vz_hw.h"

#define CP0_FIELD(f) ((u16) __builtin_offsetof(struct mips_cp0, f))

struct gc0_map {
	u8 reg;  /* enum vz_gc0 */
	u16 off; /* in struct mips_cp0 */
};

/* The first VZ_SYNC_NR are the exit set. Compare comes before Cause: a
 * root write of Compare acknowledges the timer interrupt, so Cause (TI)
 * must be written after it. */
static const struct gc0_map context_map[] = {
    {GC0_COMPARE, CP0_FIELD(compare)},
    {GC0_STATUS, CP0_FIELD(status)},
    {GC0_CAUSE, CP0_FIELD(cause)},
    {GC0_EPC, CP0_FIELD(epc)},
    {GC0_BADVADDR, CP0_FIELD(badvaddr)},
    {GC0_EBASE, CP0_FIELD(ebase)},
    {GC0_ENTRYHI, CP0_FIELD(entryhi)},
    {GC0_CONTEXT, CP0_FIELD(context)},
    {GC0_XCONTEXT, CP0_FIELD(xcontext)},
    {GC0_INTCTL, CP0_FIELD(intctl)},
    {GC0_CONFIG5, CP0_FIELD(config[5])},
    {GC0_HWRENA, CP0_FIELD(hwrena)},
    {GC0_USERLOCAL, CP0_FIELD(userlocal)},
    /* the rest of the context */
    {GC0_INDEX, CP0_FIELD(index)},
    {GC0_ENTRYLO0, CP0_FIELD(entrylo0)},
    {GC0_ENTRYLO1, CP0_FIELD(entrylo1)},
    {GC0_PAGEMASK, CP0_FIELD(pagemask)},
    {GC0_PAGEGRAIN, CP0_FIELD(pagegrain)},
    {GC0_WIRED, CP0_FIELD(wired)},
    {GC0_ERROREPC, CP0_FIELD(errorepc)},
    {GC0_KSCRATCH1, CP0_FIELD(kscratch[2])},
    {GC0_KSCRATCH2, CP0_FIELD(kscratch[3])},
    {GC0_KSCRATCH3, CP0_FIELD(kscratch[4])},
    {GC0_KSCRATCH4, CP0_FIELD(kscratch[5])},
    {GC0_KSCRATCH5, CP0_FIELD(kscratch[6])},
    {GC0_KSCRATCH6, CP0_FIELD(kscratch[7])},
};
#define NR_MAP (sizeof(context_map) / sizeof(context_map[0]))
#define SET_CAUSE 2
_Static_assert(VZ_SYNC_NR <= NR_MAP, "exit set");

static u64 *field(struct vz_vcpu *z, const struct gc0_map *m)
{
	return (u64 *)((u8 *)&z->ctx->cp0 + m->off);
}

/* --- the exit set --------------------------------------------------------------- */

void vz_sync_in(struct vz_vcpu *z)
{
	struct mips_cp0 *p = &z->ctx->cp0;

	for (u32 i = 0; i < VZ_SYNC_NR; i++)
		z->snap[i] = *field(z, &context_map[i]) = vz_gc0_read(context_map[i].reg);
	z->snap_gtoffset = vz_gtoffset_read();
	p->count_bias = z->snap_gtoffset;              /* guest Count = root Count + GTOffset */
	p->count_frozen = (u32)vz_gc0_read(GC0_COUNT); /* what Count reads while DC is set */
}

void vz_sync_out(struct vz_vcpu *z)
{
	u32 gto = (u32)z->ctx->cp0.count_bias;

	for (u32 i = 0; i < VZ_SYNC_NR; i++) {
		u64 v = *field(z, &context_map[i]);
		if (v == z->snap[i])
			continue;
		/* a timer match since sync_in stays, unless the emulation
		 * itself changed TI */
		if (i == SET_CAUSE && !((v ^ z->snap[i]) & C0_CAUSE_TI))
			v |= vz_gc0_read(GC0_CAUSE) & C0_CAUSE_TI;
		vz_gc0_write(context_map[i].reg, v);
		if (i == 0 && gto != z->snap_gtoffset) { /* Compare, then GTOffset */
			vz_gtoffset_write(gto);
			z->snap_gtoffset = gto;
		}
	}
	if (gto != z->snap_gtoffset)
		vz_gtoffset_write(gto);
}

/* --- the whole context ---------------------------------------------------------- */

void vz_context_save(struct vz_vcpu *z)
{
	for (u32 i = 0; i < NR_MAP; i++)
		*field(z, &context_map[i]) = vz_gc0_read(context_map[i].reg);
	z->ctx->cp0.badinstr = vz_gc0_read(GC0_BADINSTR);
	z->gtoffset = vz_gtoffset_read();
	/* when the guest timer fires next, for while the vCPU is away */
	z->ctx->cp0.timer_next = vz_timer_deadline(z);
}

/* Compare, GTOffset, then the rest (Cause after Compare), then a match
 * missed while away. */
void vz_context_restore(struct vz_vcpu *z)
{
	vz_gc0_write(context_map[0].reg, *field(z, &context_map[0]));
	vz_gtoffset_write(z->gtoffset);
	for (u32 i = 1; i < NR_MAP; i++)
		vz_gc0_write(context_map[i].reg, *field(z, &context_map[i]));
	vz_timer_check(z);
}

/* The two wired guest TLB entries of the window (arch/vz.h). */
#define PM_256M 0x1fffe000u
#define WINDOW_LO(gpa, cca) ((((gpa) >> 12) << 6) | (u64)(cca) << 3 | 0x7u) /* D V G */

void vz_window_map(struct vz_vcpu *z)
{
	vz_guest_tlb_write(z->guestid, 0, VZ_WINDOW_KSEG0, WINDOW_LO(0ull, 3u),
	                   WINDOW_LO(0x10000000ull, 3u), PM_256M);
	vz_guest_tlb_write(z->guestid, 1, VZ_WINDOW_KSEG1, WINDOW_LO(0ull, 2u),
	                   WINDOW_LO(0x10000000ull, 2u), PM_256M);
}

void vz_vcpu_load(struct vz_vcpu *z, bool fresh)
{
	vz_guestctl1_write(z->guestid & GCTL1_ID_MASK); /* ID = this guest, RID = root */
	if (fresh) {
		vz_root_tlb_flush_guest(z->guestid);
		vz_guest_tlb_flush(z->guestid);
		vz_window_map(z);
	}
	vz_context_restore(z);
}

void vz_vcpu_put(struct vz_vcpu *z, bool teardown)
{
	vz_context_save(z);
	vz_guestctl2_write(0);
	if (teardown) {
		vz_root_tlb_flush_guest(z->guestid);
		vz_guest_tlb_flush(z->guestid);
	}
	vz_guestctl1_write(0);
}

/* --- timer and interrupts ----------------------------------------------------- */

u64 vz_timer_deadline(struct vz_vcpu *z)
{
	(void)z; /* loaded: its timer is in the hardware */
	u64 now = vz_now();
	u32 count = (u32)now + vz_gtoffset_read();
	u32 delta = (u32)vz_gc0_read(GC0_COMPARE) - count;

	return now + (delta ? delta : (1ull << 32));
}

/* A Count = Compare match the hardware could not see (the vCPU was not
 * in guest mode): raise guest Cause.TI, as the timer would have. */
void vz_timer_check(struct vz_vcpu *z)
{
	if (vz_now() < z->ctx->cp0.timer_next)
		return;
	vz_gc0_write(GC0_CAUSE, vz_gc0_read(GC0_CAUSE) | C0_CAUSE_TI);
	z->ctx->cp0.timer_next = vz_timer_deadline(z);
	z->exits[VZ_EXIT_VIRQ]++;
}

void vz_set_irq_lines(struct vz_vcpu *z, u32 cause_ip_bits)
{
	(void)z;
	/* IP2..IP6: the timer (IP7) is the guest's own, through Cause.TI */
	vz_guestctl2_write(cause_ip_bits & 0x7c00u);
}

bool vz_irq_pending(struct vz_vcpu *z, u32 lines)
{
	struct mips_cp0 *p = &z->ctx->cp0;
	u64 ip = (p->cause & C0_CAUSE_IP) | (lines & 0x7c00u);

	if (vz_now() >= p->timer_next || (p->cause & C0_CAUSE_TI))
		ip |= C0_CAUSE_IP7;
	return (ip & p->status & C0_ST_IM) != 0;
}
