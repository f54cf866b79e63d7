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
 *   testdev       a RAM-like virtual test device, where Tern provides one
 *                 (not natively: that suite is skipped there). */
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

struct load_op {
	const char *name;
	load_fn fn;
	unsigned size; /* natural alignment */
};
struct store_op {
	const char *name;
	store_fn fn;
	unsigned size;
};

#define OP(n, sz)                                                                                  \
	{                                                                                          \
#n, m_##n, sz                                                                      \
	}
static const struct load_op loads[] = {
    OP(lb, 1),    OP(lbu, 1),   OP(lh, 2),    OP(lhu, 2),       OP(lw, 4),  OP(lwu, 4),
    OP(ld, 8),    OP(lwl, 1),   OP(lwr, 1),   OP(ldl, 1),       OP(ldr, 1), OP(gslbx, 1),
    OP(gslhx, 2), OP(gslwx, 4), OP(gsldx, 8), OP(gsldx_off, 8),
};
static const struct store_op stores[] = {
    OP(sb, 1),    OP(sh, 2),    OP(sw, 4),        OP(sd, 8),    OP(swl, 1),
    OP(swr, 1),   OP(sdl, 1),   OP(sdr, 1),       OP(gssbx, 1), OP(gsshx, 2),
    OP(gsswx, 4), OP(gssdx, 8), OP(gssdx_off, 8),
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

#define RT_BEFORE 0x0123456789abcdefull
#define VALUE 0xf1e2d3c4b5a69788ull
#define RAZ_PA 0x1f000000u
#define UART_SCR_PA (0x1fe001e0u + 7)
#define TESTDEV_PA 0x1ff00000u /* proposed: see testdev_present() */
#define TESTDEV_ID 0x54455354u /* "TEST" at +0x40 */

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

static bool testdev_present(void)
{
	/* natively this is read-as-zero; a partition's device answers "TEST" */
	return (u32)m_lwu((u64)(uintptr_t)tg_kseg1(TESTDEV_PA + 0x40), 0) == TESTDEV_ID;
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

TG_TEST(mmiodev, loads)
{
	if (!testdev_present())
		TG_SKIP("no virtual test device at 0x1ff00000");
	u64 t = (u64)(uintptr_t)tg_kseg1(TESTDEV_PA);
	dev_reset(t);
	fill(ref);
	TG_EQ(compare_loads(t, ref, 0), 0);
}

TG_TEST(mmiodev, stores)
{
	if (!testdev_present())
		TG_SKIP("no virtual test device at 0x1ff00000");
	TG_EQ(compare_stores((u64)(uintptr_t)tg_kseg1(TESTDEV_PA), dev_reset, dev_readback), 0);
}

int main(void)
{
	TG_RUN(mmio, extension);
	TG_RUN(mmio, ram_uncached);
	TG_RUN(mmio, raz_loads);
	TG_RUN(mmio, raz_stores_ignored);
	TG_RUN(mmio, uart_scr);
	TG_RUN(mmiodev, loads);
	TG_RUN(mmiodev, stores);
	return tg_tests_done();
}
