/* SPDX-License-Identifier: MIT */
#include "harness.h"

u8 ram[RAM_SIZE];
u8 dev[DEV_SIZE];
struct access_log log_[16];
unsigned nlog;
u64 fake_now;
unsigned tlb_changes, cache_index_calls, cache_hit_calls;
u32 last_cache_op;
u64 last_cache_addr;
bool host_cfg_present;
struct mips_guest_ctx G;

static u64 now(struct mips_guest_ctx *c)
{
	(void)c;
	return fake_now;
}

static bool fetch(struct mips_guest_ctx *c, u64 va, u32 *w)
{
	(void)c;
	if (va < RAM_BASE || va + 4 > RAM_BASE + RAM_SIZE || (va & 3))
		return false;
	memcpy(w, &ram[va - RAM_BASE], 4);
	return true;
}

static int fail_translation(struct mips_guest_ctx *c, u64 va, bool write)
{
	mips_emu_raise_here(c, write ? EXC_CODE_TLBS : EXC_CODE_TLBL, va, RAISE_TLB | RAISE_REFILL);
	return EMU_EXCEPTION;
}

static int access(struct mips_guest_ctx *c, u64 va, unsigned size, bool write, u64 *val)
{
	if (size == 0 || size > 8 || ((va & 7) + size > 8))
		return EMU_FAIL; /* the layer never splits over a doubleword */
	if (va >= DEV_BASE && va + size <= DEV_BASE + DEV_SIZE) {
		if (nlog < 16)
			log_[nlog++] = (struct access_log){va, size, write, write ? *val : 0};
		if (write)
			memcpy(&dev[va - DEV_BASE], val, size);
		else
			memcpy(val, &dev[va - DEV_BASE], size);
		return EMU_DONE;
	}
	if (va >= RAM_BASE && va + size <= RAM_BASE + RAM_SIZE) {
		if (write)
			memcpy(&ram[va - RAM_BASE], val, size);
		else
			memcpy(val, &ram[va - RAM_BASE], size);
		return EMU_DONE;
	}
	if (va >= BUS_BASE && va < BUS_BASE + BUS_SIZE) {
		mips_emu_raise_here(c, EXC_CODE_DBE, 0, 0);
		return EMU_EXCEPTION;
	}
	return fail_translation(c, va, write);
}

/* RAM_BASE.. is guest-physical 0..; the device and the bus-error window
 * are at their own addresses, as in an unmapped segment. */
static int translate(struct mips_guest_ctx *c, u64 va, bool write, u64 *gpa)
{
	if (va >= RAM_BASE && va < RAM_BASE + RAM_SIZE) {
		*gpa = va - RAM_BASE;
		return EMU_DONE;
	}
	if ((va >= DEV_BASE && va < DEV_BASE + DEV_SIZE) ||
	    (va >= BUS_BASE && va < BUS_BASE + BUS_SIZE)) {
		*gpa = va;
		return EMU_DONE;
	}
	return fail_translation(c, va, write);
}

static bool is_memory(struct mips_guest_ctx *c, u64 gpa)
{
	(void)c;
	return gpa < RAM_SIZE;
}

static void cache_index(struct mips_guest_ctx *c, u32 op, u64 va)
{
	(void)c;
	cache_index_calls++;
	last_cache_op = op;
	last_cache_addr = va;
}

static void cache_hit(struct mips_guest_ctx *c, u32 op, u64 gpa)
{
	(void)c;
	cache_hit_calls++;
	last_cache_op = op;
	last_cache_addr = gpa;
}

static void tlb_changed(struct mips_guest_ctx *c)
{
	(void)c;
	tlb_changes++;
}

static bool host_cpucfg(struct mips_guest_ctx *c, u32 sel, u32 *val)
{
	(void)c;
	if (!host_cfg_present)
		return false;
	*val = sel == 3 ? 0x1234u : 0xffffffffu;
	return true;
}

static bool fp_cc(struct mips_guest_ctx *c, u32 cc)
{
	(void)c;
	return cc == 1; /* condition code 1 true, every other false */
}

static const struct mips_emu_ops ops = {
    .now = now,
    .fetch = fetch,
    .access = access,
    .translate = translate,
    .cache_index = cache_index,
    .cache_hit = cache_hit,
    .tlb_changed = tlb_changed,
    .host_cpucfg = host_cpucfg,
    .fp_cc = fp_cc,
    .is_memory = is_memory,
};

void harness_reset(void)
{
	static const u32 cfg[4] = {0x80004482u, 0xfee3719bu, 0x80000743u, 0x00000080u};

	memset(ram, 0, sizeof(ram));
	memset(dev, 0, sizeof(dev));
	nlog = 0;
	fake_now = 1000;
	tlb_changes = cache_index_calls = cache_hit_calls = 0;
	host_cfg_present = false;
	G.ops = &ops;
	mips_emu_reset(&G, 0, 0x6305, cfg);
	G.cp0.status = 0; /* kernel mode, as a -kernel image starts */
	G.pc = CODE;
	tlb_changes = 0;
}

void code(const u32 *w, unsigned n)
{
	memcpy(&ram[CODE - RAM_BASE], w, 4 * n);
	G.pc = CODE;
}

int run(enum mips_trap_kind k, bool bd)
{
	return mips_emulate(&G, k, bd);
}

u32 exc_code(void)
{
	return (u32)(G.cp0.cause >> 2) & 0x1f;
}

u32 e_mfc0(u32 rt, u32 rd, u32 sel)
{
	return 0x40000000u | rt << 16 | rd << 11 | sel;
}
u32 e_dmfc0(u32 rt, u32 rd, u32 sel)
{
	return 0x40200000u | rt << 16 | rd << 11 | sel;
}
u32 e_mtc0(u32 rt, u32 rd, u32 sel)
{
	return 0x40800000u | rt << 16 | rd << 11 | sel;
}
u32 e_dmtc0(u32 rt, u32 rd, u32 sel)
{
	return 0x40a00000u | rt << 16 | rd << 11 | sel;
}
u32 e_i(u32 opc, u32 rs, u32 rt, s32 imm)
{
	return opc << 26 | rs << 21 | rt << 16 | ((u32)imm & 0xffff);
}
u32 e_gsx(bool store, u32 op1, u32 base, u32 rt, u32 index, s32 off)
{
	return (store ? 0x3eu : 0x36u) << 26 | base << 21 | rt << 16 | index << 11 |
	       ((u32)off & 0xff) << 3 | op1;
}
u32 e_cpucfg(u32 rd, u32 rs)
{
	return 0xc8080118u | rs << 21 | rd << 11;
}
u32 e_rdhwr(u32 rt, u32 rd)
{
	return 0x7c00003bu | rt << 16 | rd << 11;
}
u32 e_cache(u32 op, u32 base, s32 off)
{
	return e_i(0x2f, base, op, off);
}
