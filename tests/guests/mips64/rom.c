/* SPDX-License-Identifier: MIT */
/* A read-only memory slot (SLOT_F_READONLY, tests/guests/mips64/sys-rom.c):
 * the linker puts .rom (data) and .romtext (code) at the kseg0 window
 * address of the slot (rom= MiB, guest-physical; tests/guests/mips64/
 * guests.cmake), and Tern's loader fills the slot from this image at every
 * boot, zeroing the rest of it. On mips64 the slot is a ROM: the guest reads
 * and executes it, and a store into it is dropped, with no exception, the
 * guest going on with the next instruction. Under trap-and-emulate Tern maps
 * the slot without the TLB D bit, so each store traps and is emulated
 * (mips_phys_access ignores it): after a TLB refill for a page never
 * touched, a TLB Modified for one a load has mapped, an address error in
 * the ckseg and XKPHYS segments, and through a useg page of the guest's own
 * TLB that says "dirty". Every store form (sb/sh/sw/sd, the unaligned pairs,
 * Loongson's indexed GSS*X), naturally aligned, is tried through each way
 * to address the slot, and in branch delay slots; the same forms still
 * store into RAM. The test needs the slot, so it runs only as a partition:
 * without rom= it skips. */
#include "tg/tg.h"

#define MIB (1ull << 20)
#define NWORDS 32
#define COLD_WORDS 4096                 /* 32 KiB: a whole 16 KiB page pair of its own */
#define ROM_VALUE 0x5a5a5a5a5a5a5a5aull /* no byte of the ROM is 0x5a */
#define RAM_VALUE 0xf1e2d3c4b5a69788ull
#define ALIAS_VA 0x10000000ull /* useg, mapped by the guest's own TLB */
#define ALIAS_ASID 0x2b
#define CKSEG0 0xffffffff80000000ull
#define CKSEG1 0xffffffffa0000000ull
#define XKPHYS_CACHED 0x9800000000000000ull
#define XKPHYS_UNCACHED 0x9000000000000000ull

/* The same values twice: in the ROM and, as the reference, in RAM. */
#define ROM_WORDS_INIT                                                                             \
	{                                                                                          \
		0x304c42542d4d4f52ull, /* "ROM-TBL0" */                                            \
		    0x0123456789abcdefull, 0xfedcba9876543210ull, 0xa6fbc7641d3fbb66ull,           \
		    0x546cccd54959eb08ull, 0x25079fe4a376c9b7ull, 0xfe544cf85cddbf7aull,           \
		    0x563b0b93f661afc1ull, 0x90292bb15419253cull, 0x1301479fb537d0dbull,           \
		    0x92b3cb75164adcceull, 0x301eb078b2008385ull, 0x6a9504bd8b269ab0ull,           \
		    0x781bbd2cdc5e023full, 0x14e09a2959b62762ull, 0xb53eb7351e000b89ull,           \
		    0x831b1e3fa5df7f64ull, 0xf06df973d51781e3ull, 0x7789fdb71317f336ull,           \
		    0x447958c8cab30bcdull, 0x16064c19260c4758ull, 0x0bd08a96652cb3c7ull,           \
		    0x9a2ce27ea445d44aull, 0xe8c74fed03108851ull, 0x0706f8021814a68cull,           \
		    0x7a50f9e1f1243bebull, 0xee261f06f8469e9eull, 0x6e7756dade77c515ull,           \
		    0x1110073e6e739100ull, 0x3913cf931ba6fe4full, 0x130c9ea723e66632ull,           \
		    0x21444e452d4d4f52ull /* "ROM-END!" */                                         \
	}
#define COLD_INIT                                                                                  \
	{                                                                                          \
		0x30444c4f434d4f52ull /* "ROMCOLD0" */, 0x8877665544332211ull                      \
	}

__attribute__((section(".rom"), used, aligned(4096))) static const u64 rom_words[NWORDS] =
    ROM_WORDS_INIT;
/* Never touched before rom.store_cold: its first access is a store. */
__attribute__((section(".rom"), used, aligned(32768))) static const u64 rom_cold[COLD_WORDS] =
    COLD_INIT;

static const u64 want_words[NWORDS] = ROM_WORDS_INIT;
static const u64 want_cold[2] = COLD_INIT;

__attribute__((section(".romtext"), noipa)) static u64 rom_fn(u64 x)
{
	return x * 3 + 7;
}

static u64 rom_base; /* guest-physical */
static u32 code_copy[8];

static u64 pa_of(const volatile void *p)
{
	return tg_pa(p);
}

/* rom=N: the slot's guest-physical address in MiB; 0 if absent. */
static u64 rom_mib(void)
{
	const char *p = tg_cmdline();

	while (*p) {
		while (*p == ' ')
			p++;
		if (strncmp(p, "rom=", 4) == 0 && p[4] >= '0' && p[4] <= '9') {
			u64 v = 0;
			for (p += 4; *p >= '0' && *p <= '9'; p++)
				v = v * 10 + (u64)(*p - '0');
			return v;
		}
		while (*p && *p != ' ')
			p++;
	}
	return 0;
}

/* --- the store forms ---------------------------------------------------------
 * Each returns 3 when the store ran once and execution went on with the
 * next instruction (two adds after it). The GS*X forms address base +
 * index, with index 16. */
#define ST(name, insn)                                                                             \
	static u64 st_##name(u64 addr, u64 v)                                                      \
	{                                                                                          \
		u64 n;                                                                             \
		__asm__ volatile(".set push\n\t.set noreorder\n\t"                                 \
		                 "move %0, $0\n\t" insn " %2, 0(%1)\n\t"                           \
		                 "daddiu %0, %0, 1\n\t"                                            \
		                 "daddiu %0, %0, 2\n\t"                                            \
		                 ".set pop"                                                        \
		                 : "=&r"(n)                                                        \
		                 : "r"(addr), "r"(v)                                               \
		                 : "memory");                                                      \
		return n;                                                                          \
	}
#define GSST(name, insn)                                                                           \
	static u64 st_##name(u64 addr, u64 v)                                                      \
	{                                                                                          \
		u64 n;                                                                             \
		__asm__ volatile(".set push\n\t.set noreorder\n\t.set loongson-ext\n\t"            \
		                 "move %0, $0\n\t" insn " %2, 0(%1, %3)\n\t"                       \
		                 "daddiu %0, %0, 1\n\t"                                            \
		                 "daddiu %0, %0, 2\n\t"                                            \
		                 ".set pop"                                                        \
		                 : "=&r"(n)                                                        \
		                 : "r"(addr - 16), "r"(v), "r"(16ull)                              \
		                 : "memory");                                                      \
		return n;                                                                          \
	}
ST(sb, "sb")
ST(sh, "sh")
ST(sw, "sw")
ST(sd, "sd")
ST(swl, "swl")
ST(swr, "swr")
ST(sdl, "sdl")
ST(sdr, "sdr")
GSST(gssbx, "gssbx")
GSST(gsshx, "gsshx")
GSST(gsswx, "gsswx")
GSST(gssdx, "gssdx")

/* sd in the delay slot of a taken branch (3: the branch was taken) and of
 * one not taken (11: the instruction after the slot ran too). */
#define ST_BD(name, branch)                                                                        \
	static u64 name(u64 addr, u64 v)                                                           \
	{                                                                                          \
		u64 n;                                                                             \
		__asm__ volatile(".set push\n\t.set noreorder\n\t"                                 \
		                 "move %0, $0\n\t" branch " $0, $0, 1f\n\t"                        \
		                 " sd %2, 0(%1)\n\t"                                               \
		                 "daddiu %0, %0, 8\n"                                              \
		                 "1:\tdaddiu %0, %0, 1\n\t"                                        \
		                 "daddiu %0, %0, 2\n\t"                                            \
		                 ".set pop"                                                        \
		                 : "=&r"(n)                                                        \
		                 : "r"(addr), "r"(v)                                               \
		                 : "memory");                                                      \
		return n;                                                                          \
	}
ST_BD(st_sd_bd_taken, "beq")
ST_BD(st_sd_bd_not_taken, "bne")

/* off: where in a 16-byte block the form stores (aligned as it must be);
 * unit: 4 or 8 for the unaligned pairs, left for SWL/SDL. */
struct st_op {
	const char *name;
	u64 (*fn)(u64 addr, u64 v);
	unsigned off, size, unit;
	bool left;
};
static const struct st_op ops[] = {
    {"sb", st_sb, 3, 1, 0, false},        {"sh", st_sh, 6, 2, 0, false},
    {"sw", st_sw, 4, 4, 0, false},        {"sd", st_sd, 8, 8, 0, false},
    {"swl", st_swl, 1, 1, 4, true},       {"swr", st_swr, 6, 1, 4, false},
    {"sdl", st_sdl, 11, 1, 8, true},      {"sdr", st_sdr, 3, 1, 8, false},
    {"gssbx", st_gssbx, 7, 1, 0, false},  {"gsshx", st_gsshx, 10, 2, 0, false},
    {"gsswx", st_gsswx, 12, 4, 0, false}, {"gssdx", st_gssdx, 0, 8, 0, false},
};
#define NOPS (sizeof(ops) / sizeof(ops[0]))
#define BASIC 4 /* ops[0..3]: sb, sh, sw, sd */

/* --- checks ------------------------------------------------------------------- */

/* The ROM as the image has it, seen through the cached and the uncached
 * window: the number of words that differ, the first `notes` of them
 * noted. */
static int rom_differs_noted(int notes)
{
	const u64 windows[2] = {TG_KSEG0, TG_KSEG1};
	int bad = 0;

	for (unsigned w = 0; w < 2; w++) {
		const volatile u64 *words =
		    (const volatile u64 *)(uintptr_t)(windows[w] + pa_of(rom_words));
		const volatile u64 *cold =
		    (const volatile u64 *)(uintptr_t)(windows[w] + pa_of(rom_cold));
		const volatile u32 *code =
		    (const volatile u32 *)(uintptr_t)(windows[w] + pa_of((const void *)rom_fn));
		for (unsigned i = 0; i < NWORDS + COLD_WORDS; i++) {
			const volatile u64 *at = i < NWORDS ? &words[i] : &cold[i - NWORDS];
			u64 want = i < NWORDS       ? want_words[i]
			           : i < NWORDS + 2 ? want_cold[i - NWORDS]
			                            : 0;
			u64 got = *at;
			if (got != want && bad++ < notes)
				tg_note("%s word %u at 0x%llx: 0x%016llx, the image has 0x%016llx",
				        i < NWORDS ? "table" : "cold page",
				        i < NWORDS ? i : i - NWORDS,
				        (unsigned long long)(uintptr_t)at, (unsigned long long)got,
				        (unsigned long long)want);
		}
		for (unsigned i = 0; i < 8; i++) {
			u32 got = code[i];
			if (got != code_copy[i] && bad++ < notes)
				tg_note("code word %u at 0x%llx: 0x%08x, was 0x%08x", i,
				        (unsigned long long)(uintptr_t)&code[i], got, code_copy[i]);
		}
	}
	return bad;
}

static int rom_differs(void)
{
	return rom_differs_noted(8);
}

static const char *exc_name(int code)
{
	static const char *const names[] = {"Int",  "Mod", "TLBL", "TLBS", "AdEL",
	                                    "AdES", "IBE", "DBE",  "Sys",  "Bp"};
	return code >= 0 && code < 10 ? names[code] : "other";
}

static struct {
	u64 (*fn)(u64 addr, u64 v);
	u64 addr, v, ret;
} att;

static void run_att(void *arg)
{
	(void)arg;
	att.ret = att.fn(att.addr, att.v);
}

/* One store into the ROM: no exception, execution goes on after it
 * (fn returns want), the ROM unchanged (unless deferred: rom.store_cold
 * reads nothing before its last store). 0 if so. */
static bool defer_check;
static int dropped(const char *name, u64 (*fn)(u64, u64), u64 addr, u64 want)
{
	att.fn = fn;
	att.addr = addr;
	att.v = ROM_VALUE;
	att.ret = 0;
	int r = tg_try(~1u, run_att, NULL);
	if (r) {
		tg_note("%s at 0x%llx: exception %s (ExcCode %d), EPC 0x%llx, BadVAddr 0x%llx",
		        name, (unsigned long long)addr, exc_name(r - 1), r - 1,
		        (unsigned long long)tg_last.epc, (unsigned long long)tg_last.badvaddr);
		return 1;
	}
	if (att.ret != want) {
		tg_note("%s at 0x%llx: went on wrong after the store (%llu, want %llu)", name,
		        (unsigned long long)addr, (unsigned long long)att.ret,
		        (unsigned long long)want);
		return 1;
	}
	if (!defer_check && rom_differs_noted(2)) {
		tg_note("%s at 0x%llx: the ROM changed", name, (unsigned long long)addr);
		return 1;
	}
	return 0;
}

/* Every form (or the first n) at its offset in block i of the table,
 * through base (the table's address in some segment). */
static int all_forms(u64 base, unsigned n)
{
	int bad = 0;

	for (unsigned i = 0; i < n; i++)
		bad += dropped(ops[i].name, ops[i].fn, base + 16 * i + ops[i].off, 3);
	return bad;
}

/* --- tests -------------------------------------------------------------------- */

TG_TEST(rom, placed)
{
	u64 w = pa_of(rom_words), c = pa_of(rom_cold), f = pa_of((const void *)rom_fn);

	tg_printf("rom: slot at gpa 0x%llx: words at 0x%llx (gpa 0x%llx), cold page at 0x%llx, "
	          "code at 0x%llx\n",
	          (unsigned long long)rom_base, (unsigned long long)(uintptr_t)rom_words,
	          (unsigned long long)w, (unsigned long long)(uintptr_t)rom_cold,
	          (unsigned long long)(uintptr_t)rom_fn);
	TG_CHECK(w >= rom_base && w + sizeof(rom_words) <= rom_base + MIB);
	TG_CHECK(c >= rom_base && c + sizeof(rom_cold) <= rom_base + MIB);
	TG_CHECK(f >= rom_base && f + sizeof(code_copy) <= rom_base + MIB);
	TG_EQ(w & 4095, 0);
	TG_EQ(c & 32767, 0);
	/* the table and the cold page do not share a 16 KiB page pair */
	TG_CHECK((w & ~32767ull) != c);
}

TG_TEST(rom, store_cold)
{
	/* the first access to a page pair is a store (a TLB refill, where the
	 * other store tests find the page mapped by a load and take a TLB
	 * Modified), through each window and into each page of the pair */
	u64 c = pa_of(rom_cold);
	int bad = 0;

	defer_check = true;
	bad += dropped("sd (uncached, cold)", st_sd, TG_KSEG1 + c + 8, 3);
	bad += dropped("sd (cached, cold)", st_sd, TG_KSEG0 + c, 3);
	bad += dropped("sw (cached, cold, zeros)", st_sw, TG_KSEG0 + c + PAGE16K + 4, 3);
	bad += dropped("sb (uncached, cold, zeros)", st_sb, TG_KSEG1 + c + PAGE16K + 9, 3);
	defer_check = false;
	TG_EQ(bad, 0);
	TG_EQ(rom_differs(), 0);
}

TG_TEST(rom, contents)
{
	/* what the loader put there, read through both windows */
	TG_CHECK(code_copy[0] != 0);
	TG_EQ(rom_differs(), 0);
	TG_EQ(((const volatile u64 *)rom_words)[NWORDS - 1], 0x21444e452d4d4f52ull);
	TG_EQ(*(const volatile u64 *)tg_kseg1(pa_of(rom_words)), 0x304c42542d4d4f52ull);
}

TG_TEST(rom, zeroed)
{
	/* the slot outside the image's sections is zero: every boot clears it */
	u64 w = pa_of(rom_words), c = pa_of(rom_cold), f = pa_of((const void *)rom_fn) & ~4095ull;
	unsigned nonzero = 0;

	for (u64 pa = rom_base; pa < rom_base + MIB; pa += 8) {
		if ((pa >= w && pa < w + sizeof(rom_words)) ||
		    (pa >= c && pa < c + sizeof(rom_cold)) || (pa >= f && pa < f + 4096))
			continue;
		u64 x = *(const volatile u64 *)tg_kseg0(pa);
		if (x && nonzero++ < 4)
			tg_note("gpa 0x%llx: 0x%016llx", (unsigned long long)pa,
			        (unsigned long long)x);
	}
	TG_EQ(nonzero, 0);
}

TG_TEST(rom, execute)
{
	u64 (*volatile uncached)(u64) =
	    (u64(*)(u64))(uintptr_t)(TG_KSEG1 + pa_of((const void *)rom_fn));

	TG_EQ(rom_fn(5), 22);
	TG_EQ(rom_fn(1000), 3007);
	TG_EQ(uncached(5), 22);
}

TG_TEST(rom, store_cached)
{
	TG_EQ(all_forms(TG_KSEG0 + pa_of(rom_words), NOPS), 0);
}

TG_TEST(rom, store_uncached)
{
	TG_EQ(all_forms(TG_KSEG1 + pa_of(rom_words), NOPS), 0);
}

TG_TEST(rom, store_kseg)
{
	/* the kernel segments a guest kernel may use (every access traps) */
	const u64 segs[] = {CKSEG0, CKSEG1, XKPHYS_CACHED, XKPHYS_UNCACHED};
	u32 st = tg_read_status();
	int bad = 0;

	tg_write_status(st | ST_KX);
	for (unsigned s = 0; s < sizeof(segs) / sizeof(segs[0]); s++)
		bad += all_forms(segs[s] + pa_of(rom_words), BASIC);
	tg_write_status(st);
	TG_EQ(bad, 0);
}

TG_TEST(rom, store_useg)
{
	/* a useg page pair of the guest's own TLB onto the table's 16 KiB page,
	 * cached (even) and uncached (odd), both "dirty": the guest's TLB
	 * allows the store, the slot still drops it */
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);
	u64 w = pa_of(rom_words), page = w & ~(u64)(PAGE16K - 1);
	struct tg_tlbe e = {
	    .hi = ALIAS_VA | ALIAS_ASID,
	    .lo0 = tg_entrylo(page, ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V),
	    .lo1 = tg_entrylo(page, ENTRYLO_C_UNCACHED | ENTRYLO_D | ENTRYLO_V),
	    .mask = PM_16K,
	};
	int bad = 0;

	tg_tlb_flush();
	tg_tlb_write(0, &e);
	tg_dmtc0(CP0_ENTRYHI, 0, ALIAS_ASID);
	u64 via = ALIAS_VA + (w - page);
	if (*(const volatile u64 *)(uintptr_t)via != want_words[0] ||
	    *(const volatile u64 *)(uintptr_t)(via + PAGE16K) != want_words[0]) {
		tg_note("the useg alias does not read the table");
		bad++;
	}
	bad += all_forms(via, NOPS);
	bad += all_forms(via + PAGE16K, NOPS);
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
	tg_tlb_flush();
	TG_EQ(bad, 0);
}

TG_TEST(rom, store_delay_slot)
{
	u64 w = pa_of(rom_words);
	int bad = 0;

	bad += dropped("sd in a taken branch's delay slot", st_sd_bd_taken, TG_KSEG0 + w + 64, 3);
	bad += dropped("sd in a branch's delay slot, not taken", st_sd_bd_not_taken,
	               TG_KSEG0 + w + 72, 11);
	bad += dropped("sd in a taken branch's delay slot (uncached)", st_sd_bd_taken,
	               TG_KSEG1 + w + 80, 3);
	TG_EQ(bad, 0);
}

TG_TEST(rom, store_misaligned)
{
	/* Loongson-3 stores misaligned into memory; into the ROM they are
	 * dropped like aligned ones, not address errors */
	const u64 windows[2] = {TG_KSEG0, TG_KSEG1};
	u64 w = pa_of(rom_words) + 128;
	int bad = 0;

	for (unsigned k = 0; k < 2; k++) {
		u64 b = windows[k] + w;
		bad += dropped("sh at +1", st_sh, b + 1, 3);
		bad += dropped("sw at +2", st_sw, b + 18, 3);
		bad += dropped("sd at +1", st_sd, b + 33, 3);
		bad += dropped("sd at +4", st_sd, b + 52, 3);
		bad += dropped("gssdx at +3", st_gssdx, b + 67, 3);
	}
	TG_EQ(bad, 0);
}

TG_TEST(rom, store_straddle)
{
	/* an sd across the end of RAM and the start of the ROM: the RAM half
	 * is stored, the ROM half dropped */
	volatile u32 *ram_end = (volatile u32 *)tg_kseg0(rom_base - 4);
	u64 r;

	*ram_end = 0x11223344u;
	att.fn = st_sd;
	att.addr = (u64)(uintptr_t)tg_kseg0(rom_base - 4);
	att.v = RAM_VALUE;
	att.ret = 0;
	int e = tg_try(~1u, run_att, NULL);
	r = att.ret;
	if (e)
		tg_note("exception %s, BadVAddr 0x%llx", exc_name(e - 1),
		        (unsigned long long)tg_last.badvaddr);
	TG_EQ(e, 0);
	TG_EQ(r, 3);
	TG_EQ(*ram_end, (u32)RAM_VALUE);
	TG_EQ(rom_differs(), 0);
}

/* What a form does to RAM (little-endian): the reference for ram_store. */
static void ref_store(u8 *m, const struct st_op *op, u64 v)
{
	unsigned off = op->off;

	if (!op->unit) {
		memcpy(m + off, &v, op->size);
		return;
	}
	unsigned b = off & (op->unit - 1), base = off - b;
	if (op->left) {
		for (unsigned i = 0; i <= b; i++)
			m[base + i] = (u8)(v >> (8 * (op->unit - 1 - b + i)));
	} else {
		for (unsigned i = b; i < op->unit; i++)
			m[base + i] = (u8)(v >> (8 * (i - b)));
	}
}

TG_TEST(rom, ram_store)
{
	/* the same forms into ordinary RAM, both windows: they store */
	static u64 ram[2] __attribute__((aligned(16)));
	const u64 windows[2] = {TG_KSEG0, TG_KSEG1};
	int bad = 0;

	for (unsigned w = 0; w < 2; w++) {
		for (unsigned i = 0; i < NOPS; i++) {
			u64 want[2] = {0x0011223344556677ull, 0x8899aabbccddeeffull};
			ram[0] = want[0];
			ram[1] = want[1];
			ref_store((u8 *)want, &ops[i], RAM_VALUE);
			u64 r = ops[i].fn(windows[w] + pa_of(ram) + ops[i].off, RAM_VALUE);
			u64 got[2] = {((volatile u64 *)ram)[0], ((volatile u64 *)ram)[1]};
			if (r != 3 || got[0] != want[0] || got[1] != want[1]) {
				tg_note("%s into RAM (%s): %llu, 0x%016llx %016llx, want 0x%016llx "
				        "%016llx",
				        ops[i].name, w ? "uncached" : "cached",
				        (unsigned long long)r, (unsigned long long)got[0],
				        (unsigned long long)got[1], (unsigned long long)want[0],
				        (unsigned long long)want[1]);
				bad++;
			}
		}
	}
	TG_EQ(bad, 0);
}

TG_TEST(rom, unchanged)
{
	TG_EQ(rom_differs(), 0);
	TG_EQ(rom_fn(5), 22);
}

TG_TEST(rom, no_slot)
{
	TG_SKIP("needs rom=N, a read-only slot at N MiB (a partition of tests/guests/mips64/"
	        "sys-rom.c)");
}

int main(void)
{
	rom_base = rom_mib() * MIB;
	if (!rom_base) {
		tg_run("rom", "placed", test_rom_no_slot);
		return tg_tests_done();
	}
	/* rom_differs compares the code with what it was before any store */
	for (unsigned i = 0; i < 8; i++)
		code_copy[i] = ((const volatile u32 *)(const void *)rom_fn)[i];
	TG_RUN(rom, placed);
	TG_RUN(rom, store_cold);
	TG_RUN(rom, contents);
	TG_RUN(rom, zeroed);
	TG_RUN(rom, execute);
	TG_RUN(rom, store_cached);
	TG_RUN(rom, store_uncached);
	TG_RUN(rom, store_kseg);
	TG_RUN(rom, store_useg);
	TG_RUN(rom, store_delay_slot);
	TG_RUN(rom, store_misaligned);
	TG_RUN(rom, store_straddle);
	TG_RUN(rom, ram_store);
	TG_RUN(rom, unchanged);
	return tg_tests_done();
}
