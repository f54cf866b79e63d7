/* SPDX-License-Identifier: MIT */
/* Loads and stores of every width and form against memory and devices:
 * LB/LBU/LH/LHU/LW/LWU/LD, SB/SH/SW/SD, the unaligned pairs LWL/LWR/LDL/LDR
 * and SWL/SWR/SDL/SDR, and Loongson's indexed GSL*X/GSS*X. The reference is
 * always the CPU itself: the same instruction on cached RAM (natively and as
 * a partition that runs directly on QEMU's CPU), against which each target
 * must agree byte for byte, register for register:
 *   ram_uncached  the same RAM through the kseg1 window
 *   raz           the read-as-zero, write-ignored range at 0x1f000000 (as a
 *                 partition: emulated MMIO, every access trapped and decoded)
 *   uart_scr      the 16550 scratch register, a real byte-wide device
 *   mmiodev       Tern's virtual test device (arch/guest_abi.h,
 *                 TERN_GUEST_TESTDEV): 64 RAM-like bytes, an ID and a log of
 *                 the accesses it saw, so each form is checked against RAM
 *                 and for exactly the device access it implies. Natively
 *                 the address is QEMU's read-zero range: no ID, skipped. */
#include "arch/guest_abi.h"
#include "tg/tg.h"

typedef u64 (*load_fn)(u64 addr, u64 rt);
typedef void (*store_fn)(u64 addr, u64 v);

u64 m_lb(u64 addr, u64 rt);
u64 m_lbu(u64 addr, u64 rt);
u64 m_lh(u64 addr, u64 rt);
u64 m_lhu(u64 addr, u64 rt);
u64 m_lw(u64 addr, u64 rt);
u64 m_lwu(u64 addr, u64 rt);
u64 m_ld(u64 addr, u64 rt);
u64 m_lwl(u64 addr, u64 rt);
u64 m_lwr(u64 addr, u64 rt);
u64 m_ldl(u64 addr, u64 rt);
u64 m_ldr(u64 addr, u64 rt);
u64 m_gslbx(u64 addr, u64 rt);
u64 m_gslhx(u64 addr, u64 rt);
u64 m_gslwx(u64 addr, u64 rt);
u64 m_gsldx(u64 addr, u64 rt);
u64 m_gsldx_off(u64 addr, u64 rt);
void m_sb(u64 addr, u64 v);
void m_sh(u64 addr, u64 v);
void m_sw(u64 addr, u64 v);
void m_sd(u64 addr, u64 v);
void m_swl(u64 addr, u64 v);
void m_swr(u64 addr, u64 v);
void m_sdl(u64 addr, u64 v);
void m_sdr(u64 addr, u64 v);
void m_gssbx(u64 addr, u64 v);
void m_gsshx(u64 addr, u64 v);
void m_gsswx(u64 addr, u64 v);
void m_gssdx(u64 addr, u64 v);
void m_gssdx_off(u64 addr, u64 v);

/* size: the natural alignment (1 for the unaligned pairs); unit: 4 or 8
 * for the pairs (the word or doubleword they work in), with left set for
 * LWL/LDL/SWL/SDL. */
struct load_op {
	const char *name;
	load_fn fn;
	unsigned size, unit;
	bool left;
};
struct store_op {
	const char *name;
	store_fn fn;
	unsigned size, unit;
	bool left;
};

#define OP(n, sz)                                                                                  \
	{                                                                                          \
#n, m_##n, sz, 0, false                                                            \
	}
#define PAIR(n, w, l)                                                                              \
	{                                                                                          \
#n, m_##n, 1, w, l                                                                 \
	}
static const struct load_op loads[] = {
    OP(lb, 1),           OP(lbu, 1),         OP(lh, 2),           OP(lhu, 2),
    OP(lw, 4),           OP(lwu, 4),         OP(ld, 8),           PAIR(lwl, 4, true),
    PAIR(lwr, 4, false), PAIR(ldl, 8, true), PAIR(ldr, 8, false), OP(gslbx, 1),
    OP(gslhx, 2),        OP(gslwx, 4),       OP(gsldx, 8),        OP(gsldx_off, 8),
};
static const struct store_op stores[] = {
    OP(sb, 1),           OP(sh, 2),          OP(sw, 4),           OP(sd, 8),    PAIR(swl, 4, true),
    PAIR(swr, 4, false), PAIR(sdl, 8, true), PAIR(sdr, 8, false), OP(gssbx, 1), OP(gsshx, 2),
    OP(gsswx, 4),        OP(gssdx, 8),       OP(gssdx_off, 8),
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

#define RT_BEFORE 0x0123456789abcdefull
#define VALUE 0xf1e2d3c4b5a69788ull
#define RAZ_PA 0x1f000000u
#define UART_SCR_PA (0x1fe001e0u + 7)

static u64 ref[4] __attribute__((aligned(32)));
static u64 buf[4] __attribute__((aligned(32)));
static u64 zeros[4] __attribute__((aligned(32)));

static void fill(u64 *p)
{
	static const u64 pattern[4] = {0x8172e354c536a718ull, 0x29fa6b0c7dde4f90ull,
	                               0xa1b2c3d4e5f60718ull, 0x0f1e2d3c4b5a6978ull};
	for (int i = 0; i < 4; i++)
		p[i] = pattern[i];
}

/* Every load form at every offset of the 16 bytes at `target` against the
 * same on `reference`; returns the number of mismatches (each reported). */
static int compare_loads(u64 target, const u64 *reference, unsigned only_size)
{
	int bad = 0;

	for (unsigned i = 0; i < N(loads); i++) {
		if (only_size && loads[i].size != only_size)
			continue;
		for (unsigned off = 0; off < 16; off += loads[i].size) {
			u64 want = loads[i].fn((u64)(uintptr_t)reference + off, RT_BEFORE);
			u64 got = loads[i].fn(target + off, RT_BEFORE);
			if (got != want) {
				tg_note("%s at +%u: 0x%016llx, the CPU on RAM gives 0x%016llx",
				        loads[i].name, off, (unsigned long long)got,
				        (unsigned long long)want);
				bad++;
			}
		}
	}
	return bad;
}

/* Every store form at every offset: the bytes at `target` (read back with
 * `readback`) against the same store on RAM. */
static int compare_stores(u64 target, void (*reset)(u64 target),
                          void (*readback)(u64 target, u64 *out))
{
	int bad = 0;

	for (unsigned i = 0; i < N(stores); i++) {
		for (unsigned off = 0; off < 16; off += stores[i].size) {
			u64 got[4];
			fill(ref);
			reset(target);
			stores[i].fn((u64)(uintptr_t)ref + off, VALUE);
			stores[i].fn(target + off, VALUE);
			readback(target, got);
			if (memcmp(got, ref, sizeof(got)) != 0) {
				tg_note("%s at +%u: 0x%016llx %016llx, on RAM 0x%016llx %016llx",
				        stores[i].name, off, (unsigned long long)got[0],
				        (unsigned long long)got[1], (unsigned long long)ref[0],
				        (unsigned long long)ref[1]);
				bad++;
			}
		}
	}
	return bad;
}

TG_TEST(mmio, extension)
{
	/* the reference itself: sign and zero extension as the ISA says */
	u64 b = 0xffull | 0x8000ull << 16 | 0x80000000ull << 32;
	TG_EQ(m_lb((u64)(uintptr_t)&b, 0), 0xffffffffffffffffull);
	TG_EQ(m_lbu((u64)(uintptr_t)&b, 0), 0xff);
	TG_EQ(m_lh((u64)(uintptr_t)&b + 2, 0), 0xffffffffffff8000ull);
	TG_EQ(m_lhu((u64)(uintptr_t)&b + 2, 0), 0x8000);
	TG_EQ(m_lw((u64)(uintptr_t)&b + 4, 0), 0xffffffff80000000ull);
	TG_EQ(m_lwu((u64)(uintptr_t)&b + 4, 0), 0x80000000ull);
	TG_EQ(m_ld((u64)(uintptr_t)&b, 0), b);
}

static void ram_reset(u64 target)
{
	fill((u64 *)tg_kseg0(target - TG_KSEG1));
}
static void ram_readback(u64 target, u64 *out)
{
	memcpy(out, tg_kseg0(target - TG_KSEG1), 32);
}

TG_TEST(mmio, ram_uncached)
{
	u64 t = (u64)(uintptr_t)tg_kseg1(tg_pa(buf));

	fill(ref);
	fill(buf);
	TG_EQ(compare_loads(t, ref, 0), 0);
	TG_EQ(compare_stores(t, ram_reset, ram_readback), 0);
}

TG_TEST(mmio, raz_loads)
{
	u64 t = (u64)(uintptr_t)tg_kseg1(RAZ_PA);

	TG_EQ(compare_loads(t, zeros, 0), 0);
}

TG_TEST(mmio, raz_stores_ignored)
{
	u64 t = (u64)(uintptr_t)tg_kseg1(RAZ_PA);

	for (unsigned i = 0; i < N(stores); i++)
		for (unsigned off = 0; off < 16; off += stores[i].size)
			stores[i].fn(t + off, VALUE);
	TG_EQ(compare_loads(t, zeros, 8), 0);
}

TG_TEST(mmio, uart_scr)
{
	/* the 16550 scratch register keeps a byte: every byte-wide form */
	u64 scr = (u64)(uintptr_t)tg_kseg1(UART_SCR_PA);
	static const u8 values[] = {0x00, 0x5a, 0x7f, 0x80, 0xa5, 0xff};

	for (unsigned i = 0; i < sizeof(values); i++) {
		u64 r = values[i];
		m_sb(scr, values[i]);
		TG_EQ(m_lbu(scr, RT_BEFORE), values[i]);
		TG_EQ(m_lb(scr, RT_BEFORE), m_lb((u64)(uintptr_t)&r, RT_BEFORE));
		TG_EQ(m_gslbx(scr, RT_BEFORE), m_lb((u64)(uintptr_t)&r, RT_BEFORE));
		m_gssbx(scr, (u64)values[i] ^ 0xff);
		TG_EQ(m_lbu(scr, 0), (u64)values[i] ^ 0xff);
	}
}

/* --- the test device ------------------------------------------------------ */

static u64 dev(unsigned off)
{
	return (u64)(uintptr_t)tg_kseg1(TERN_GUEST_TESTDEV + off);
}
static bool testdev_present(void)
{
	/* natively this is read-as-zero; a partition's device answers "TEST" */
	return (u32)m_lwu(dev(TERN_TESTDEV_ID), 0) == TERN_TESTDEV_ID_VALUE;
}
static void log_clear(void)
{
	m_sd(dev(TERN_TESTDEV_COUNT), 0);
}
static u64 log_count(void)
{
	return m_ld(dev(TERN_TESTDEV_COUNT), 0);
}
static void dev_reset(u64 target)
{
	u64 p[4];
	fill(p);
	for (int i = 0; i < 4; i++)
		m_sd(target + 8 * (u64)i, p[i]);
}
static void dev_readback(u64 target, u64 *out)
{
	for (int i = 0; i < 4; i++)
		out[i] = m_ld(target + 8 * (u64)i, 0);
}
/* All 64 bytes: the pattern twice, the second copy inverted. */
static void dev_fill_all(u64 *mirror)
{
	fill(mirror);
	for (int i = 0; i < 4; i++)
		mirror[4 + i] = ~mirror[i];
	for (unsigned i = 0; i < 8; i++)
		m_sd(dev(8 * i), mirror[i]);
}

#define SKIP_IF_NO_DEVICE()                                                                        \
	do {                                                                                       \
		if (!testdev_present())                                                            \
			TG_SKIP("no virtual test device at 0x1ff00000");                           \
	} while (0)

TG_TEST(mmiodev, id)
{
	SKIP_IF_NO_DEVICE();
	u64 id = dev(TERN_TESTDEV_ID);
	TG_EQ(m_lw(id, RT_BEFORE), TERN_TESTDEV_ID_VALUE);
	TG_EQ(m_ld(id, RT_BEFORE), TERN_TESTDEV_ID_VALUE);
	TG_EQ(m_lhu(id + 2, RT_BEFORE), TERN_TESTDEV_ID_VALUE >> 16);
	TG_EQ(m_lbu(id + 3, RT_BEFORE), 'T');
	TG_EQ(m_gslwx(id, RT_BEFORE), TERN_TESTDEV_ID_VALUE);
	/* read-only: stores are logged and change nothing */
	log_clear();
	m_sw(id, 0);
	m_sd(id, ~0ull);
	m_sb(id, 0);
	TG_EQ(log_count(), 3);
	TG_EQ(m_lw(id, RT_BEFORE), TERN_TESTDEV_ID_VALUE);
}

TG_TEST(mmiodev, loads)
{
	SKIP_IF_NO_DEVICE();
	u64 t = dev(0);
	dev_reset(t);
	fill(ref);
	TG_EQ(compare_loads(t, ref, 0), 0);
}

TG_TEST(mmiodev, stores)
{
	SKIP_IF_NO_DEVICE();
	TG_EQ(compare_stores(dev(0), dev_reset, dev_readback), 0);
}

/* The one access the device must see for a form at byte off: the pairs
 * touch the bytes from off to the edge of their word or doubleword (LWL
 * and friends, little-endian: down to its start; LWR: up to its end). */
static void expected_access(unsigned size, unsigned unit, bool left, unsigned off, unsigned *o,
                            unsigned *n)
{
	unsigned b = unit ? off & (unit - 1) : 0;

	if (!unit) {
		*o = off;
		*n = size;
	} else if (left) {
		*o = off - b;
		*n = b + 1;
	} else {
		*o = off;
		*n = unit - b;
	}
}

static u64 bytes_at(const u64 *mem, unsigned o, unsigned n)
{
	u64 v = 0;
	memcpy(&v, (const u8 *)mem + o, n);
	return v;
}

static int check_log(const char *name, unsigned off, unsigned o, unsigned n, bool store, u64 data)
{
	u64 cnt = log_count(), last = m_ld(dev(TERN_TESTDEV_LAST), 0);
	u64 got = m_ld(dev(TERN_TESTDEV_LASTDATA), 0);
	u64 want_last = o | n << 8 | (store ? TERN_TESTDEV_LAST_STORE : 0);

	if (cnt == 1 && last == want_last && got == data)
		return 0;
	tg_note("%s at +%u: device saw %llu access(es), last 0x%llx data 0x%llx; want 1, 0x%llx "
	        "data 0x%llx",
	        name, off, (unsigned long long)cnt, (unsigned long long)last,
	        (unsigned long long)got, (unsigned long long)want_last, (unsigned long long)data);
	return 1;
}

TG_TEST(mmiodev, access_log_loads)
{
	/* each load form at each offset of the 64 bytes: exactly one access,
	 * of the bytes the form names, and the right value */
	static u64 mirror[8];
	int bad = 0;

	SKIP_IF_NO_DEVICE();
	dev_fill_all(mirror);
	for (unsigned i = 0; i < N(loads); i++) {
		const struct load_op *op = &loads[i];
		for (unsigned off = 0; off + op->size <= TERN_TESTDEV_RAM_SIZE; off += op->size) {
			unsigned o, n;
			expected_access(op->size, op->unit, op->left, off, &o, &n);
			log_clear();
			u64 got = op->fn(dev(off), RT_BEFORE);
			bad += check_log(op->name, off, o, n, false, bytes_at(mirror, o, n));
			if (got != op->fn((u64)(uintptr_t)mirror + off, RT_BEFORE)) {
				tg_note("%s at +%u: 0x%016llx, not as on RAM", op->name, off,
				        (unsigned long long)got);
				bad++;
			}
		}
	}
	TG_EQ(bad, 0);
}

TG_TEST(mmiodev, access_log_stores)
{
	/* each store form at each offset: one access, of exactly the bytes the
	 * same store changes in RAM */
	static u64 mirror[8], ram[8];
	int bad = 0;

	SKIP_IF_NO_DEVICE();
	for (unsigned i = 0; i < N(stores); i++) {
		const struct store_op *op = &stores[i];
		for (unsigned off = 0; off + op->size <= TERN_TESTDEV_RAM_SIZE; off += op->size) {
			unsigned o, n;
			expected_access(op->size, op->unit, op->left, off, &o, &n);
			dev_fill_all(mirror);
			memcpy(ram, mirror, sizeof(ram));
			op->fn((u64)(uintptr_t)ram + off, VALUE);
			log_clear();
			op->fn(dev(off), VALUE);
			bad += check_log(op->name, off, o, n, true, bytes_at(ram, o, n));
			for (unsigned k = 0; k < 8; k++) {
				if (m_ld(dev(8 * k), 0) != ram[k]) {
					tg_note("%s at +%u: doubleword %u differs from RAM",
					        op->name, off, k);
					bad++;
				}
			}
		}
	}
	TG_EQ(bad, 0);
}

static const void *try_op;
static u64 try_addr;
static void try_load(void *a)
{
	(void)a;
	((const struct load_op *)try_op)->fn(try_addr, RT_BEFORE);
}
static void try_store(void *a)
{
	(void)a;
	((const struct store_op *)try_op)->fn(try_addr, VALUE);
}

static int misaligned(const char *name, void (*call)(void *), u32 code)
{
	static u64 mirror[8];
	int r;

	dev_fill_all(mirror);
	log_clear();
	r = tg_try(TG_EXC(code), call, NULL);
	if (r != (int)code + 1 || tg_last.badvaddr != try_addr || log_count() != 0) {
		tg_note("%s at 0x%llx: exception %d badvaddr 0x%llx, device saw %llu access(es)",
		        name, (unsigned long long)try_addr, r - 1,
		        (unsigned long long)tg_last.badvaddr, (unsigned long long)log_count());
		return 1;
	}
	for (unsigned k = 0; k < 8; k++)
		if (m_ld(dev(8 * k), 0) != mirror[k]) {
			tg_note("%s at 0x%llx: the device changed", name,
			        (unsigned long long)try_addr);
			return 1;
		}
	return 0;
}

TG_TEST(mmiodev, misaligned)
{
	/* a misaligned access of a form with an alignment: AdEL/AdES with
	 * BadVAddr, before the device sees anything */
	int bad = 0;

	SKIP_IF_NO_DEVICE();
	for (unsigned i = 0; i < N(loads); i++) {
		for (unsigned mis = 1; mis < loads[i].size; mis++) {
			try_op = &loads[i];
			try_addr = dev(8 + mis);
			bad += misaligned(loads[i].name, try_load, EXC_ADEL);
		}
	}
	for (unsigned i = 0; i < N(stores); i++) {
		for (unsigned mis = 1; mis < stores[i].size; mis++) {
			try_op = &stores[i];
			try_addr = dev(8 + mis);
			bad += misaligned(stores[i].name, try_store, EXC_ADES);
		}
	}
	TG_EQ(bad, 0);
}

#define ALIAS_VA 0x10000000ull /* useg, mapped below to the device page */
#define ALIAS_ASID 0x21

TG_TEST(mmiodev, aliases)
{
	/* the same device through each way a guest kernel can address it:
	 * the kseg1 and kseg0 windows, ckseg1, uncached XKPHYS (with KX) and
	 * a useg page of its own TLB; each access reaches it exactly once */
	SKIP_IF_NO_DEVICE();
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);
	u32 st = tg_read_status();
	const u64 pa = TERN_GUEST_TESTDEV;
	const u64 via[] = {
	    TG_KSEG1 + pa, TG_KSEG0 + pa, 0xffffffffa0000000ull + pa, 0x9000000000000000ull + pa,
	    ALIAS_VA,
	};
	struct tg_tlbe e = {
	    .hi = ALIAS_VA | ALIAS_ASID,
	    .lo0 = tg_entrylo(pa, ENTRYLO_C_UNCACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = 0,
	    .mask = PM_16K,
	};
	int bad = 0;

	tg_tlb_flush();
	tg_tlb_write(0, &e);
	tg_dmtc0(CP0_ENTRYHI, 0, ALIAS_ASID);
	tg_write_status(st | ST_KX);
	for (unsigned i = 0; i < N(via); i++) {
		u64 v = 0x1111111111111111ull * (i + 1);
		log_clear();
		m_sd(via[i] + 0x20, v);
		u64 id = m_lwu(via[i] + TERN_TESTDEV_ID, 0);
		u64 back = m_ld(dev(0x20), 0);
		u64 cnt = log_count();
		/* three accesses: the store, the ID and the read back */
		if (id != TERN_TESTDEV_ID_VALUE || back != v || cnt != 3) {
			tg_note("via 0x%llx: id 0x%llx, stored 0x%llx read 0x%llx, %llu accesses",
			        (unsigned long long)via[i], (unsigned long long)id,
			        (unsigned long long)v, (unsigned long long)back,
			        (unsigned long long)cnt);
			bad++;
		}
	}
	tg_write_status(st);
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
	tg_tlb_flush();
	TG_EQ(bad, 0);
}

int main(void)
{
	TG_RUN(mmio, extension);
	TG_RUN(mmio, ram_uncached);
	TG_RUN(mmio, raz_loads);
	TG_RUN(mmio, raz_stores_ignored);
	TG_RUN(mmio, uart_scr);
	TG_RUN(mmiodev, id);
	TG_RUN(mmiodev, loads);
	TG_RUN(mmiodev, stores);
	TG_RUN(mmiodev, access_log_loads);
	TG_RUN(mmiodev, access_log_stores);
	TG_RUN(mmiodev, misaligned);
	TG_RUN(mmiodev, aliases);
	return tg_tests_done();
}
