/* SPDX-License-Identifier: MIT */
/* The VZ guest-physical page table (arch/mips64/gpt.c) against an
 * independent walker: a model of Loongson's lddir/ldpte that knows only
 * the PWBase/PWField/PWSize/PWCtl values gpt_pw_regs() gives, as the
 * hardware would, and a plain list of the mappings that were asked for. */
#include "arch/gpt.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

static unsigned allocated;
static u64 *alloc_table(void *c)
{
	(void)c;
	allocated++;
	return aligned_alloc(GPT_PAGE_SIZE, GPT_PAGE_SIZE);
}

/* --- the model of the instructions --------------------------------------- */

static struct gpt_pw pw;
static unsigned bad_derefs;

static u32 field(u64 reg, unsigned shift)
{
	return (u32)(reg >> shift) & 0x3f;
}

static u64 load(u64 addr)
{
	if (addr == 0 || (addr & 7)) {
		bad_derefs++;
		return 0;
	}
	return *(const u64 *)(uintptr_t)addr;
}

/* lddir rt, rs, level: the directory entry for BadVAddr at `level`
 * (3: GDI/GDW, 2: UDI/UDW, 1: MDI/MDW). */
static u64 lddir(u64 base, u64 badvaddr, unsigned level)
{
	unsigned sh = level == 3 ? 24 : level == 2 ? 18 : 12;
	u32 idx = field(pw.pwfield, sh), w = field(pw.pwsize, sh);
	return load(base + ((badvaddr >> idx) & ((1ull << w) - 1)) * 8);
}

/* ldpte rs, odd: the even/odd PTE of BadVAddr's pair, shifted by PTEI. */
static u64 ldpte(u64 base, u64 badvaddr, unsigned odd)
{
	u32 idx = field(pw.pwfield, 6), w = field(pw.pwsize, 6);
	u64 i = (((badvaddr >> idx) & ((1ull << w) - 1)) & ~1ull) | odd;
	return load(base + i * 8) >> field(pw.pwfield, 0);
}

/* The refill sequence: lddir 3, lddir 1, ldpte 0/1; EntryLo of gpa. */
static u64 hw_walk(u64 gpa)
{
	u64 pmd = lddir(pw.pwbase, gpa, 3);
	u64 pte = lddir(pmd, gpa, 1);
	u64 lo0 = ldpte(pte, gpa, 0), lo1 = ldpte(pte, gpa, 1);
	u32 idx = field(pw.pwfield, 6);
	return (gpa >> idx) & 1 ? lo1 : lo0;
}

/* --- the reference ---------------------------------------------------------- */

struct ref {
	u64 gpa, hpa, size;
	u32 flags;
};
static const struct ref maps[] = {
    {0x0, 0x80000000ull, 64ull << 20, GPT_F_WRITE},
    {0x1c000000ull, 0xa0000000ull, 0x8000, 0},
    {0x1fe00000ull, 0x3ff00000ull, 0x4000, GPT_F_WRITE | GPT_F_UNCACHED},
    {0x2000000000ull, 0x100000000ull, 0x2000000ull, GPT_F_WRITE},   /* crosses PMD tables */
    {(1ull << 47) - 0x8000, 0xfffffff8000ull, 0x8000, GPT_F_WRITE}, /* the top */
};

static u64 ref_lo(u64 gpa)
{
	for (unsigned i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
		const struct ref *m = &maps[i];
		if (gpa >= m->gpa && gpa - m->gpa < m->size) {
			u64 hpa = m->hpa + ((gpa - m->gpa) & ~(GPT_PAGE_SIZE - 1));
			u64 cca = m->flags & GPT_F_UNCACHED ? 2 : 3;
			return (hpa >> 12) << 6 | cca << 3 | (m->flags & GPT_F_WRITE ? 4 : 0) | 2 |
			       1;
		}
	}
	return 0;
}

static u64 rng = 0x9e3779b97f4a7c15ull;
static u64 next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

TEST(layout_against_hw_walk)
{
	struct gpt t;

	EXPECT_EQ(gpt_init(&t, alloc_table, NULL), HV_OK);
	for (unsigned i = 0; i < sizeof(maps) / sizeof(maps[0]); i++)
		EXPECT_EQ(gpt_map(&t, maps[i].gpa, maps[i].hpa, maps[i].size, maps[i].flags),
		          HV_OK);
	gpt_pw_regs(&t, &pw);
	EXPECT_EQ(pw.pwbase, (u64)(uintptr_t)t.root);
	EXPECT_EQ(pw.pwctl & 0x3f, 0); /* no PTE shift */

	unsigned mismatches = 0, mapped = 0;
	/* every page edge of every mapping, and its neighbours */
	for (unsigned i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
		const u64 probes[] = {maps[i].gpa, maps[i].gpa + maps[i].size - 1, maps[i].gpa - 1,
		                      maps[i].gpa + maps[i].size};
		for (unsigned j = 0; j < 4; j++) {
			u64 g = probes[j] & ((1ull << 47) - 1);
			if (hw_walk(g) != ref_lo(g) || gpt_lookup(&t, g) != ref_lo(g))
				mismatches++;
		}
	}
	/* and random addresses: inside the mappings and anywhere */
	for (unsigned n = 0; n < 200000; n++) {
		u64 r = next_rand();
		const struct ref *m = &maps[r % (sizeof(maps) / sizeof(maps[0]))];
		u64 g = (n & 1) ? m->gpa + (r >> 8) % m->size : (r >> 3) & ((1ull << 47) - 1);
		u64 want = ref_lo(g);
		mapped += want != 0;
		if (hw_walk(g) != want || gpt_lookup(&t, g) != want)
			mismatches++;
	}
	EXPECT_EQ(mismatches, 0);
	EXPECT_TRUE(mapped >= 100000);
	/* an unmapped walk reads the invalid tables, never address 0 */
	EXPECT_EQ(bad_derefs, 0);
	/* beyond 47 bits: not mapped for the portable walk */
	EXPECT_EQ(gpt_lookup(&t, 1ull << 47), 0);

	EXPECT_EQ(t.tables, allocated);
}

static unsigned budget;
static u64 *alloc_limited(void *c)
{
	if (budget == 0)
		return NULL;
	budget--;
	return alloc_table(c);
}

static unsigned visited;
static void visit(u64 *table, void *c)
{
	(void)c;
	(void)table;
	visited++;
}

TEST(for_each_and_refusals)
{
	struct gpt t;

	allocated = 0;
	EXPECT_EQ(gpt_init(&t, alloc_table, NULL), HV_OK);
	EXPECT_EQ(t.tables, 3);
	EXPECT_EQ(gpt_map(&t, 0, 0x80000000ull, 0x4000000ull, GPT_F_WRITE), HV_OK);
	visited = 0;
	gpt_for_each_table(&t, visit, NULL);
	EXPECT_EQ(visited, t.tables);
	EXPECT_EQ(t.tables, allocated);
	/* misaligned, empty, wrapping, beyond 47 bits, host beyond 48 bits */
	EXPECT_EQ(gpt_map(&t, 0x1000, 0x80000000ull, 0x4000, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, 0x4000, 0x80001000ull, 0x4000, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, 0x4000, 0x80000000ull, 0x1000, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, 0x4000, 0x80000000ull, 0, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, (1ull << 47) - 0x4000, 0x80000000ull, 0x8000, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, 1ull << 47, 0x80000000ull, 0x4000, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, 0, (1ull << 48) - 0x4000, 0x8000, 0), HV_E_INVAL);
	EXPECT_EQ(gpt_map(&t, ~0ull & ~0x3fffull, 0x80000000ull, 0x8000, 0), HV_E_INVAL);
	/* out of memory is reported, not a crash */
	struct gpt n;
	budget = 2;
	EXPECT_EQ(gpt_init(&n, alloc_limited, NULL), HV_E_NOMEM);
	budget = 4;
	EXPECT_EQ(gpt_init(&n, alloc_limited, NULL), HV_OK);
	EXPECT_EQ(gpt_map(&n, 0, 0x80000000ull, 0x4000000ull, GPT_F_WRITE), HV_E_NOMEM);
	EXPECT_EQ(gpt_lookup(&n, 0x100), 0);
}

int main(void)
{
	RUN(layout_against_hw_walk);
	RUN(for_each_and_refusals);
	return CHECK_DONE();
}
