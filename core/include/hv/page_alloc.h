/* SPDX-License-Identifier: MIT */
/* Physical page allocator: a bitmap over the RAM regions from boot_info,
 * minus the hypervisor image and every partition's memory. 4 KiB pages. */
#ifndef HV_PAGE_ALLOC_H
#define HV_PAGE_ALLOC_H

#include "hv/types.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ul << PAGE_SHIFT)

struct page_pool;

/* Initialise the pool to manage [base, base+size) (page-aligned inward),
 * using `bitmap` (bitmap_bytes long) for bookkeeping; all pages start free. */
int page_pool_init(struct page_pool *p, hpa_t base, u64 size, u64 *bitmap, size_t bitmap_bytes);
/* Mark [base, base+size) as used (clipped to the pool). */
void page_pool_reserve(struct page_pool *p, hpa_t base, u64 size);
/* Allocate n contiguous pages aligned to 2^align_order pages. */
int page_pool_alloc(struct page_pool *p, size_t n, unsigned align_order, hpa_t *out);
void page_pool_free(struct page_pool *p, hpa_t base, size_t n);
size_t page_pool_free_pages(const struct page_pool *p);

struct page_pool {
	u64 base; /* first page address */
	size_t nr_pages;
	size_t nr_free;
	u64 *bitmap; /* bit set = page in use */
};

/* The hypervisor's pools, one per RAM region (set up by hv_main()). */
int pages_alloc(size_t n, hpa_t *out);
size_t pages_free_total(void);

#endif
