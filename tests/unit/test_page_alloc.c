/* SPDX-License-Identifier: MIT */
/* The page allocator against a simple model: no page is ever handed out
 * twice, reserved pages never, counts stay exact. */
#include <stdlib.h>

#include "check.h"
#include "hv/page_alloc.h"

static u64 bm[64]; /* up to 4096 pages */

TEST(init_clips_to_pages)
{
	struct page_pool p;

	EXPECT_EQ(page_pool_init(&p, hpa(0x1001), 0x5000, bm, sizeof(bm)), HV_OK);
	EXPECT_EQ(p.base, 0x2000);
	EXPECT_EQ(p.nr_pages, 4); /* [0x2000, 0x6000) */
	EXPECT_EQ(page_pool_init(&p, hpa(0x1000), 0x800, bm, sizeof(bm)), HV_E_NOMEM);
	/* The bitmap bounds the pool, never the other way round. */
	EXPECT_EQ(page_pool_init(&p, hpa(0), GiB(1), bm, 16), HV_OK);
	EXPECT_EQ(p.nr_pages, 128);
}

TEST(reserve_and_alloc)
{
	struct page_pool p;
	hpa_t a;

	page_pool_init(&p, hpa(0x100000), 16 * PAGE_SIZE, bm, sizeof(bm));
	page_pool_reserve(&p, hpa(0x100800), 0x1000); /* straddles pages 0 and 1 */
	EXPECT_EQ(page_pool_free_pages(&p), 14);
	page_pool_reserve(&p, hpa(0x0), 0x101000); /* clipped: overlaps page 0 only */
	EXPECT_EQ(page_pool_free_pages(&p), 14);
	page_pool_reserve(&p, hpa(0x10f000), ~0ull); /* wraps: clipped to the pool */
	EXPECT_EQ(page_pool_free_pages(&p), 13);
	EXPECT_EQ(page_pool_alloc(&p, 3, 0, &a), HV_OK);
	EXPECT_EQ(a.v, 0x102000);
	EXPECT_EQ(page_pool_alloc(&p, 2, 2, &a), HV_OK); /* 16 KiB aligned */
	EXPECT_EQ(a.v, 0x108000);
	EXPECT_EQ(page_pool_free_pages(&p), 8);
	EXPECT_EQ(page_pool_alloc(&p, 9, 0, &a), HV_E_NOMEM);
	EXPECT_EQ(page_pool_alloc(&p, 0, 0, &a), HV_E_NOMEM);
	page_pool_free(&p, hpa(0x102000), 3);
	EXPECT_EQ(page_pool_free_pages(&p), 11);
	page_pool_free(&p, hpa(0x102000), 3); /* double free is harmless */
	EXPECT_EQ(page_pool_free_pages(&p), 11);
	page_pool_free(&p, hpa(0x102800), 1); /* misaligned: ignored */
	EXPECT_EQ(page_pool_free_pages(&p), 11);
}

TEST(random_against_model)
{
	struct page_pool p;
	static unsigned char owner[256];
	struct {
		u64 base;
		size_t n;
	} live[256];
	int nlive = 0;

	srand(1);
	page_pool_init(&p, hpa(0x40000000), 256 * PAGE_SIZE, bm, sizeof(bm));
	memset(owner, 0, sizeof(owner));
	for (int step = 0; step < 20000; step++) {
		if (nlive < 256 && (rand() % 3) != 0) {
			size_t n = 1 + (size_t)(rand() % 8);
			unsigned order = (unsigned)(rand() % 3);
			hpa_t a;
			if (page_pool_alloc(&p, n, order, &a) != HV_OK)
				continue;
			EXPECT_TRUE(IS_ALIGNED(a.v, PAGE_SIZE << order));
			size_t first = (size_t)((a.v - 0x40000000) >> PAGE_SHIFT);
			EXPECT_TRUE(first + n <= 256);
			for (size_t i = first; i < first + n && i < 256; i++) {
				EXPECT_EQ(owner[i], 0);
				owner[i] = 1;
			}
			live[nlive].base = a.v;
			live[nlive].n = n;
			nlive++;
		} else if (nlive) {
			int k = rand() % nlive;
			size_t first = (size_t)((live[k].base - 0x40000000) >> PAGE_SHIFT);
			for (size_t i = first; i < first + live[k].n; i++)
				owner[i] = 0;
			page_pool_free(&p, hpa(live[k].base), live[k].n);
			live[k] = live[--nlive];
		}
		size_t used = 0;
		for (int i = 0; i < 256; i++)
			used += owner[i];
		if (256 - used != page_pool_free_pages(&p)) {
			EXPECT_EQ(256 - used, page_pool_free_pages(&p));
			break;
		}
	}
}

int main(void)
{
	RUN(init_clips_to_pages);
	RUN(reserve_and_alloc);
	RUN(random_against_model);
	return CHECK_DONE();
}
