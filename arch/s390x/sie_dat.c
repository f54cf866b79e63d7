/* SPDX-License-Identifier: MIT */
/* Host DAT tables for a partition's guest storage. Under SIE a guest
 * absolute address is a host virtual address (MSO 0) translated through
 * the host primary ASCE in CR1, even while the host itself runs with DAT
 * off (Hercules dat.h; hercules.md §7.1). Each partition gets its own
 * tables, built from its memory slots: 4 KiB pages, a segment table for up
 * to 2 GiB of guest storage, a region-third table above that. Pages that
 * no slot backs are invalid, so the guest touching them raises a host
 * translation exception that sie.c turns into the guest's addressing
 * exception; read-only slots get protected pages. */
#include <arch/sie_dat.h>

#include "hv/arch/mmu.h"
#include "hv/lib.h"
#include "hv/page_alloc.h"
#include "hv/vcpu.h"

#define PAGE 4096ull
#define SEG (1ull << 20)
#define REGION3 (1ull << 31) /* what one segment table maps */
#define ENTRIES_PER_PAGE 512
#define PT_ENTRIES 256

#define ASCE_DT_SEGMENT 0x0ull
#define ASCE_DT_REGION3 0x4ull
#define RTTE_TT_REGION3 0x4ull
#define ENTRY_INVALID_TABLE 0x20ull /* region and segment entries */
#define PTE_INVALID 0x400ull
#define PTE_PROTECT 0x200ull

static u64 *alloc_table(size_t pages)
{
	hpa_t pa;

	if (pages_alloc(pages, &pa) != HV_OK)
		return NULL;
	u64 *t = arch_hpa_to_ptr(pa);
	memset(t, 0, pages * PAGE);
	return t;
}

/* Page tables are 2 KiB: two share one page. */
static u64 *alloc_page_table(u64 **spare)
{
	u64 *pt = *spare;

	if (pt) {
		*spare = NULL;
		return pt;
	}
	pt = alloc_table(1);
	if (pt)
		*spare = pt + PT_ENTRIES;
	return pt;
}

static const struct mem_slot *slot_of(const struct partition *p, u64 g)
{
	for (u32 s = 0; s < p->nr_slots; s++) {
		const struct mem_slot *sl = &p->slots[s];
		if (g >= sl->gpa.v && g - sl->gpa.v < sl->size)
			return sl;
	}
	return NULL;
}

/* One segment table (pages of 512 entries) for guest [base, base + 2 GiB). */
static int fill_segment_table(const struct partition *p, u64 *st, size_t st_pages, u64 base,
                              u64 end, u64 **spare)
{
	for (size_t sx = 0; sx < st_pages * ENTRIES_PER_PAGE; sx++) {
		u64 seg = base + sx * SEG;
		st[sx] = ENTRY_INVALID_TABLE;
		if (seg >= end)
			continue;
		u64 *pt = NULL;
		for (u32 px = 0; px < PT_ENTRIES; px++) {
			u64 g = seg + px * PAGE;
			const struct mem_slot *sl = g < end ? slot_of(p, g) : NULL;
			if (!sl)
				continue;
			if (!pt) {
				pt = alloc_page_table(spare);
				if (!pt)
					return HV_E_NOMEM;
				for (u32 i = 0; i < PT_ENTRIES; i++)
					pt[i] = PTE_INVALID;
			}
			pt[px] = (sl->hpa.v + (g - sl->gpa.v)) |
			         ((sl->flags & SLOT_F_READONLY) ? PTE_PROTECT : 0);
		}
		if (pt)
			st[sx] = (u64)(unsigned long)pt;
	}
	return HV_OK;
}

int sie_dat_build(struct partition *p, u64 *asce)
{
	u64 end = ALIGN_UP(partition_mem_end(p), SEG);
	u64 *spare = NULL;

	if (!end)
		return HV_E_RANGE;
	if (end <= REGION3) {
		size_t pages = (size_t)((end / SEG + ENTRIES_PER_PAGE - 1) / ENTRIES_PER_PAGE);
		u64 *st = alloc_table(pages);
		if (!st)
			return HV_E_NOMEM;
		int rc = fill_segment_table(p, st, pages, 0, end, &spare);
		if (rc != HV_OK)
			return rc;
		*asce = (u64)(unsigned long)st | ASCE_DT_SEGMENT | (pages - 1);
		return HV_OK;
	}
	/* Region-third table: each entry maps 2 GiB through a full segment
	 * table; up to 2048 entries (4 TiB). */
	u64 n = (end + REGION3 - 1) / REGION3;
	if (n > 4 * ENTRIES_PER_PAGE)
		return HV_E_RANGE;
	size_t rt_pages = (size_t)((n + ENTRIES_PER_PAGE - 1) / ENTRIES_PER_PAGE);
	u64 *rt = alloc_table(rt_pages);
	if (!rt)
		return HV_E_NOMEM;
	for (u64 i = 0; i < rt_pages * ENTRIES_PER_PAGE; i++)
		rt[i] = ENTRY_INVALID_TABLE | RTTE_TT_REGION3;
	for (u64 i = 0; i < n; i++) {
		u64 *st = alloc_table(4);
		if (!st)
			return HV_E_NOMEM;
		int rc = fill_segment_table(p, st, 4, i * REGION3, end, &spare);
		if (rc != HV_OK)
			return rc;
		rt[i] = (u64)(unsigned long)st | RTTE_TT_REGION3 | 3; /* TL: 4 pages */
	}
	*asce = (u64)(unsigned long)rt | ASCE_DT_REGION3 | (rt_pages - 1);
	return HV_OK;
}
