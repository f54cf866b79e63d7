/* SPDX-License-Identifier: MIT */
/* A first-fit bitmap page allocator. Small and obviously correct beats fast
 * here: the hypervisor allocates at boot and when partitions are created. */
#include "hv/page_alloc.h"

static bool test_bit(const u64 *bm, size_t i)
{
	return (bm[i / 64] >> (i % 64)) & 1;
}

static void set_bit(u64 *bm, size_t i)
{
	bm[i / 64] |= 1ull << (i % 64);
}

static void clear_bit(u64 *bm, size_t i)
{
	bm[i / 64] &= ~(1ull << (i % 64));
}

int page_pool_init(struct page_pool *p, hpa_t base, u64 size, u64 *bitmap, size_t bitmap_bytes)
{
	u64 start = ALIGN_UP(base.v, (u64)PAGE_SIZE);
	u64 end = ALIGN_DOWN(base.v + size, (u64)PAGE_SIZE);

	p->base = start;
	p->nr_pages = end > start ? (size_t)((end - start) >> PAGE_SHIFT) : 0;
	if (p->nr_pages > bitmap_bytes * 8)
		p->nr_pages = bitmap_bytes * 8; /* manage what the bitmap can hold */
	p->nr_free = p->nr_pages;
	p->bitmap = bitmap;
	for (size_t i = 0; i < (p->nr_pages + 63) / 64; i++)
		bitmap[i] = 0;
	return p->nr_pages ? HV_OK : HV_E_NOMEM;
}

void page_pool_reserve(struct page_pool *p, hpa_t base, u64 size)
{
	u64 pool_end = p->base + ((u64)p->nr_pages << PAGE_SHIFT);
	u64 s = ALIGN_DOWN(base.v, (u64)PAGE_SIZE);
	u64 e = base.v + size < base.v ? ~0ull : ALIGN_UP(base.v + size, (u64)PAGE_SIZE);

	if (s < p->base)
		s = p->base;
	if (e > pool_end)
		e = pool_end;
	for (u64 a = s; a < e; a += PAGE_SIZE) {
		size_t i = (size_t)((a - p->base) >> PAGE_SHIFT);
		if (!test_bit(p->bitmap, i)) {
			set_bit(p->bitmap, i);
			p->nr_free--;
		}
	}
}

int page_pool_alloc(struct page_pool *p, size_t n, unsigned align_order, hpa_t *out)
{
	size_t step = (size_t)1 << align_order;

	if (n == 0 || n > p->nr_free || align_order > 20)
		return HV_E_NOMEM;
	/* Candidate starts are aligned in host-physical terms, not pool index. */
	u64 first = ALIGN_UP(p->base, (u64)step << PAGE_SHIFT);
	for (size_t i = (size_t)((first - p->base) >> PAGE_SHIFT); i + n <= p->nr_pages;
	     i += step) {
		size_t j = 0;
		while (j < n && !test_bit(p->bitmap, i + j))
			j++;
		if (j == n) {
			for (j = 0; j < n; j++)
				set_bit(p->bitmap, i + j);
			p->nr_free -= n;
			*out = hpa(p->base + ((u64)i << PAGE_SHIFT));
			return HV_OK;
		}
	}
	return HV_E_NOMEM;
}

void page_pool_free(struct page_pool *p, hpa_t base, size_t n)
{
	if (base.v < p->base || !IS_ALIGNED(base.v, (u64)PAGE_SIZE))
		return;
	size_t i = (size_t)((base.v - p->base) >> PAGE_SHIFT);
	for (size_t j = 0; j < n && i + j < p->nr_pages; j++) {
		if (test_bit(p->bitmap, i + j)) {
			clear_bit(p->bitmap, i + j);
			p->nr_free++;
		}
	}
}

size_t page_pool_free_pages(const struct page_pool *p)
{
	return p->nr_free;
}
