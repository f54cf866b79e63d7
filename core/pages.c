/* SPDX-License-Identifier: MIT */
/* The hypervisor's page pools: one per RAM region of the memory map, with the
 * image and every partition's memory taken out. */
#include "hv/config.h"
#include "hv/console.h"
#include "hv/page_alloc.h"
#include "hv/smp.h"

#define MAX_POOLS 8
#define BITMAP_PAGES_TOTAL (GiB(4) >> PAGE_SHIFT) /* up to 4 GiB managed */

static struct page_pool pools[MAX_POOLS];
static u32 nr_pools;
static u64 bitmap_store[BITMAP_PAGES_TOTAL / 64];

int pages_init(const struct boot_info *bi)
{
	size_t used_words = 0;

	for (u32 i = 0; i < bi->nr_mem && nr_pools < MAX_POOLS; i++) {
		const struct mem_region *m = &bi->mem[i];
		if (m->type != MEM_RAM)
			continue;
		size_t words_left = ARRAY_SIZE(bitmap_store) - used_words;
		struct page_pool *p = &pools[nr_pools];
		if (words_left == 0 ||
		    page_pool_init(p, m->base, m->size, &bitmap_store[used_words],
		                   words_left * 8) != HV_OK)
			continue;
		if ((u64)p->nr_pages << PAGE_SHIFT < m->size)
			hv_log("pages: managing only %llu MiB of region %u",
			       (unsigned long long)(((u64)p->nr_pages << PAGE_SHIFT) >> 20), i);
		used_words += (p->nr_pages + 63) / 64;
		page_pool_reserve(p, bi->image_start, bi->image_end.v - bi->image_start.v);
		for (u32 q = 0; q < hv_config.nr_partitions && q < HV_MAX_PARTITIONS; q++)
			for (u32 s = 0; s < hv_config.partitions[q].nr_slots && s < HV_MAX_SLOTS;
			     s++)
				page_pool_reserve(p, hpa(hv_config.partitions[q].slots[s].hpa),
				                  hv_config.partitions[q].slots[s].size);
		nr_pools++;
	}
	hv_log("pages: %zu free 4 KiB pages (%llu MiB) in %u pool(s)", pages_free_total(),
	       (unsigned long long)(((u64)pages_free_total() << PAGE_SHIFT) >> 20), nr_pools);
	return pages_free_total() ? HV_OK : HV_E_NOMEM;
}

int pages_alloc(size_t n, hpa_t *out)
{
	for (u32 i = 0; i < nr_pools; i++)
		if (page_pool_alloc(&pools[i], n, 0, out) == HV_OK)
			return HV_OK;
	return HV_E_NOMEM;
}

size_t pages_free_total(void)
{
	size_t n = 0;

	for (u32 i = 0; i < nr_pools; i++)
		n += page_pool_free_pages(&pools[i]);
	return n;
}
