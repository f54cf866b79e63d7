/* SPDX-License-Identifier: MIT */
#include "vz_model.h"

#include <string.h>

struct vz_model M;

void model_reset(void)
{
	memset(&M, 0, sizeof(M));
	M.now = 1000000;
	M.cpucfg_present = true;
	M.fcsr_cc = -1;
}

u64 vz_gc0_read(enum vz_gc0 r)
{
	if (r == GC0_COUNT)
		return (u32)((u32)M.now + M.gtoffset);
	return M.gc0[r];
}

void vz_gc0_write(enum vz_gc0 r, u64 v)
{
	M.gc0_writes[r]++;
	if (r == GC0_CAUSE) /* IP7..IP2 follow the hardware (VIP, timer) */
		v = (v & ~0xfc00ull) | (M.gc0[r] & 0xfc00ull);
	if (r == GC0_COMPARE) /* writing Compare acknowledges the timer */
		M.gc0[GC0_CAUSE] &= ~(1ull << 30);
	if (r != GC0_COUNT && r != GC0_BADINSTR && r != GC0_BADINSTRP)
		M.gc0[r] = v;
}

u32 vz_guestctl0_read(void)
{
	return M.gctl0;
}
void vz_guestctl0_write(u32 v)
{
	M.gctl0 = v;
}
u32 vz_guestctl0ext_read(void)
{
	return M.gctl0ext;
}
void vz_guestctl0ext_write(u32 v)
{
	M.gctl0ext = v;
}
u32 vz_guestctl1_read(void)
{
	return M.gctl1;
}
void vz_guestctl1_write(u32 v)
{
	M.gctl1 = v;
}
void vz_guestctl2_write(u32 v)
{
	M.gctl2 = v;
	M.gctl2_writes++;
}
u32 vz_gtoffset_read(void)
{
	return M.gtoffset;
}
void vz_gtoffset_write(u32 v)
{
	M.gtoffset = v;
	M.gtoffset_writes++;
}
u64 vz_now(void)
{
	return M.now;
}

static bool match(const struct model_tlbe *e, u32 guestid, u64 va)
{
	u64 span = ((u64)e->mask | 0x1fffu) + 1; /* the pair */
	return e->valid && e->guestid == guestid && (va & ~(span - 1)) == (e->hi & ~(span - 1));
}

void vz_root_tlb_map(u32 guestid, u64 hi, u64 lo0, u64 lo1, u32 pagemask)
{
	int slot = -1;

	M.root_maps++;
	for (int i = 0; i < MODEL_ROOT_TLB; i++)
		if (match(&M.root[i], guestid, hi))
			slot = i;
	for (int i = 0; i < MODEL_ROOT_TLB && slot < 0; i++)
		if (!M.root[i].valid)
			slot = i;
	if (slot < 0)
		slot = (int)(M.root_maps % MODEL_ROOT_TLB);
	M.root[slot] = (struct model_tlbe){true, guestid, hi, lo0, lo1, pagemask};
}

void vz_root_tlb_flush_guest(u32 guestid)
{
	for (int i = 0; i < MODEL_ROOT_TLB; i++)
		if (M.root[i].guestid == guestid)
			M.root[i].valid = false;
}

void vz_guest_tlb_flush(u32 guestid)
{
	M.guest_flushes++;
	M.last_flush_guestid = guestid;
	for (int i = 0; i < 8; i++)
		if (M.guest_wired[i].guestid == guestid)
			M.guest_wired[i].valid = false;
}

void vz_root_diag(u32 bits)
{
	M.root_diag |= bits;
}

bool vz_fp_cc(u32 cc, bool *set)
{
	if (M.fcsr_cc < 0)
		return false;
	*set = cc == 0 && M.fcsr_cc;
	return true;
}

void vz_guest_tlb_write(u32 guestid, u32 index, u64 hi, u64 lo0, u64 lo1, u32 pagemask)
{
	if (index < 8)
		M.guest_wired[index] = (struct model_tlbe){true, guestid, hi, lo0, lo1, pagemask};
}

void vz_cache_index(u32 op, u64 va)
{
	M.cache_index_calls++;
	M.last_cache_op = op;
	M.last_cache_va = va;
}

bool vz_host_cpucfg(u32 sel, u32 *val)
{
	if (!M.cpucfg_present)
		return false;
	*val = sel == 1 ? 0x6e3f0025u : sel == 2 ? 0x18000001u : 0;
	return true;
}

const struct model_tlbe *model_root_lookup(u32 guestid, u64 gpa)
{
	for (int i = 0; i < MODEL_ROOT_TLB; i++)
		if (match(&M.root[i], guestid, gpa))
			return &M.root[i];
	return NULL;
}

bool vz_root_tlb_refill_hw(u32 guestid, const struct gpt *t, u64 gpa)
{
	(void)guestid;
	(void)t;
	if (!M.has_lddir)
		return false;
	M.hw_refills++;
	M.hw_refill_gpa = gpa;
	return true;
}
