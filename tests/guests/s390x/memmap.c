/* SPDX-License-Identifier: MIT */
/* The guest's storage as READ SCP INFO and the CPU see it, with a hole:
 * the command line names the hole in MiB (hole=16-32) where the machine
 * has one (a partition with two memory slots); without it the storage is
 * one piece (QEMU). Each MiB increment up to rnmax * rnsize is probed
 * with TPROT, a load and a store: storage must be usable and keep what
 * was written, the hole must answer every probe with an addressing
 * exception, and the console must work after each probe. */
#include <tern/test.h>

#define S "memmap"
#define MIB (1ull << 20)
#define MAGIC 0x5445524e4d454d00ull /* "TERNMEM" */

static u64 load(u64 addr)
{
	u64 v = 0;

	__asm__ volatile("lg %0,0(%1)\n" : "+d"(v) : "a"(addr) : "memory");
	return v;
}

static u64 iske(u64 addr)
{
	u64 key = 0;

	__asm__ volatile("iske %0,%1\n" : "+d"(key) : "a"(addr) : "memory");
	return key;
}

static void sske(u64 addr, u64 key)
{
	__asm__ volatile("sske %0,%1\n" : : "d"(key), "a"(addr) : "memory");
}

static int rrbe(u64 addr)
{
	int cc;

	__asm__ volatile("rrbe 0,%[a]\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [cc] "=d"(cc)
	                 : [a] "a"(addr)
	                 : "cc", "memory");
	return cc;
}

static void store(u64 addr, u64 v)
{
	__asm__ volatile("stg %0,0(%1)\n" : : "d"(v), "a"(addr) : "memory");
}

/* Probe one MiB: 0 = storage, 1 = addressing exception everywhere, 2 = a
 * mixed or wrong answer. */
static int probe(u64 base, u64 *how)
{
	struct pgm_info pi;
	u64 a = base + MIB - 4096; /* the last page of the increment */
	int cc;
	u16 c1, c2, c3;

	pgm_expect();
	cc = tprot(a);
	c1 = pgm_result(&pi);
	pgm_expect();
	u64 old = load(a);
	c2 = pgm_result(&pi);
	pgm_expect();
	store(a, MAGIC | (base >> 20));
	c3 = pgm_result(&pi);
	*how = (u64)c1 << 32 | (u64)c2 << 16 | c3;
	if (!c1 && !c2 && !c3 && cc == 0) {
		(void)old;
		return 0;
	}
	if (c1 == PGM_ADDRESSING && c2 == PGM_ADDRESSING && c3 == PGM_ADDRESSING)
		return 1;
	return 2;
}

int main(void)
{
	u64 mem = sclp_memory_size();
	u64 hole_lo = 0, hole_hi = 0;
	char buf[32];

	printf("memmap: READ SCP INFO: %llu MiB\n", (unsigned long long)(mem >> 20));
	CHECK(S, "mem_nonzero", mem >= 2 * MIB);
	if (cmdline_get("hole", buf, sizeof(buf))) {
		const char *p = buf;
		while (*p >= '0' && *p <= '9')
			hole_lo = hole_lo * 10 + (u64)(*p++ - '0');
		if (*p == '-')
			p++;
		while (*p >= '0' && *p <= '9')
			hole_hi = hole_hi * 10 + (u64)(*p++ - '0');
		hole_lo *= MIB;
		hole_hi *= MIB;
	}
	u64 want = cmdline_u64("mem", 0) * MIB;
	if (want)
		CHECK_EQ(S, "mem_size", mem, want);
	else
		test_skip(S, "mem_size", "no mem= in the command line");

	/* Every increment but the first (our image, stack and lowcore). */
	u32 bad_storage = 0, bad_hole = 0, storage = 0, hole = 0;
	for (u64 base = MIB; base < mem; base += MIB) {
		u64 how;
		int r = probe(base, &how);
		bool in_hole = base >= hole_lo && base < hole_hi;
		if (in_hole) {
			hole++;
			if (r != 1) {
				if (bad_hole++ < 4)
					test_detail("hole MiB %llu: answers %012llx",
					            (unsigned long long)(base >> 20),
					            (unsigned long long)how);
			}
		} else {
			storage++;
			if (r != 0) {
				if (bad_storage++ < 4)
					test_detail("storage MiB %llu: answers %012llx",
					            (unsigned long long)(base >> 20),
					            (unsigned long long)how);
			}
		}
	}
	printf("memmap: %u MiB of storage, %u MiB of hole probed\n", storage, hole);
	CHECK_EQ(S, "storage_usable", bad_storage, 0);
	CHECK_EQ(S, "hole_addressing", bad_hole, 0);
	if (!hole_hi)
		test_skip(S, "hole_present", "no hole= in the command line");
	else
		CHECK_EQ(S, "hole_present", hole, (hole_hi - hole_lo) >> 20);

	/* What was stored is still there. */
	u32 lost = 0;
	for (u64 base = MIB; base < mem; base += MIB) {
		if (base >= hole_lo && base < hole_hi)
			continue;
		if (load(base + MIB - 4096) != (MAGIC | (base >> 20)))
			lost++;
	}
	CHECK_EQ(S, "storage_kept", lost, 0);

	/* The last doubleword of storage, and the first one past it. */
	struct pgm_info pi;
	pgm_expect();
	store(mem - 8, MAGIC);
	CHECK_EQ(S, "last_doubleword", pgm_result(&pi), 0);
	pgm_expect();
	(void)load(mem);
	CHECK_EQ(S, "beyond_end", pgm_result(&pi), PGM_ADDRESSING);
	/* Storage keys: the hole has none (addressing), storage has them. */
	if (hole_hi) {
		u64 h = hole_lo + 0x3000;
		pgm_expect();
		(void)iske(h);
		u16 c1 = pgm_result(&pi);
		pgm_expect();
		sske(h, 0x30);
		u16 c2 = pgm_result(&pi);
		pgm_expect();
		(void)rrbe(h);
		u16 c3 = pgm_result(&pi);
		test_detail("hole keys: iske 0x%x sske 0x%x rrbe 0x%x", c1, c2, c3);
		CHECK(S, "hole_keys",
		      c1 == PGM_ADDRESSING && c2 == PGM_ADDRESSING && c3 == PGM_ADDRESSING);
	} else {
		test_skip(S, "hole_keys", "no hole= in the command line");
	}
	u64 page = mem - 0x5000;
	pgm_expect();
	sske(page, 0x36);
	u64 k = iske(page);
	sske(page, 0x06);
	u64 k0 = iske(page);
	u16 kc = pgm_result(&pi);
	test_detail("storage keys: 0x%llx then 0x%llx (pgm 0x%x)", (unsigned long long)k,
	            (unsigned long long)k0, kc);
	CHECK(S, "storage_keys", kc == 0 && (k & 0xf8) == 0x30 && (k0 & 0xf8) == 0);
	printf("memmap: still running\n");
	return tests_done();
}
