/* SPDX-License-Identifier: MIT */
/* A read-only memory slot (SLOT_F_READONLY, tests/guests/s390x/sys-rom.c):
 * the linker puts .rom (data) and .romtext (code) at rom= MiB, in the
 * read-only slot. Tern's loader fills the slot from this image; the guest
 * reads and executes it. A store into it, by the CPU under SIE or by an
 * instruction Tern emulates (STSI, TEST BLOCK), is a protection exception that
 * suppresses the store, and so is an SCLP command whose SCCB lies there
 * (refused before it acts); TPROT says "fetch only"; RAM is not affected. The
 * test needs the slot, so it runs only as a partition (no native run). */
#include <tern/test.h>

#define S "rom"
#define MIB (1ull << 20)
#define NWORDS 16

__attribute__((section(".rom"), used, aligned(4096))) static const u64 rom_words[NWORDS] = {
    0x524f4d0000000000ull,
    0x0123456789abcdefull,
    0xfedcba9876543210ull,
    1,
    2,
    3,
    5,
    8,
    13,
    21,
    34,
    55,
    89,
    144,
    233,
    0x524f4d00454e4400ull};

/* A page of the slot for STSI, which stores a 4 KiB SYSIB. */
__attribute__((section(".rom"), used, aligned(4096))) static const u8 rom_page[4096] = {0x5a};

__attribute__((section(".romtext"), noipa)) static u64 rom_fn(u64 x)
{
	return x * 3 + 7;
}

static u64 ram_word;
static u8 buf[256];

static u64 store(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "lghi %%r1,-1\n"
	                 "stg %%r1,0(%1)\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr)
	                 : "r1", "cc", "memory");
	return next;
}

static u64 move_in(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "mvc 0(256,%1),0(%2)\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr), "a"(buf)
	                 : "cc", "memory");
	return next;
}

static u64 stsi_111(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "llilh %%r0,0x1000\n" /* function code 1 */
	                 "oill %%r0,1\n"       /* selector 1 */
	                 "lghi %%r1,1\n"
	                 "stsi 0(%1)\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr)
	                 : "r0", "r1", "cc", "memory");
	return next;
}

static u64 servc_info(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 ".insn rre,0xb2200000,%2,%1\n" /* SERVC: READ SCP INFO */
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr), "d"(0x00020001ul)
	                 : "cc", "memory");
	return next;
}

static u64 test_block(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 ".insn rre,0xb22c0000,0,%1\n" /* TEST BLOCK: clears the 4 KiB block */
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr)
	                 : "r0", "cc", "memory");
	return next;
}

/* op(addr) must be a protection exception that left the PSW after it. */
static bool protected(const char *what, u64 (*op)(u64), u64 addr)
{
	struct pgm_info pi;

	pgm_expect();
	u64 next = op(addr);
	u16 code = pgm_result(&pi);
	/* TEID bit 61 clear: not the guest's own DAT protection */
	if (code != PGM_PROTECTION || pi.old.addr != next || (pi.teid & 4)) {
		test_detail("%s at 0x%llx: code 0x%x, old psw address 0x%llx (next 0x%llx), teid "
		            "0x%llx",
		            what, (unsigned long long)addr, code, (unsigned long long)pi.old.addr,
		            (unsigned long long)next, (unsigned long long)pi.teid);
		return false;
	}
	printf("rom: %s: protection, ilc %u, teid 0x%llx\n", what, pi.ilc,
	       (unsigned long long)pi.teid);
	return true;
}

static unsigned long rom_addr(const volatile void *p)
{
	unsigned long a = (unsigned long)p;

	__asm__ volatile("" : "+d"(a)); /* an address the compiler cannot see through */
	return a;
}

static bool rom_intact(void)
{
	/* read back through the slot, not from what the compiler knows */
	const volatile u64 *w = (const volatile u64 *)rom_addr(rom_words);
	const volatile u8 *pg = (const volatile u8 *)rom_addr(rom_page);

	return w[0] == 0x524f4d0000000000ull && w[1] == 0x0123456789abcdefull && w[5] == 3 &&
	       w[14] == 233 && w[NWORDS - 1] == 0x524f4d00454e4400ull && pg[0] == 0x5a &&
	       pg[1] == 0;
}

int main(void)
{
	u64 base = cmdline_u64("rom", 0) * MIB;

	if (!base) {
		test_skip(S, "contents", "needs rom= (a read-only slot at that MiB)");
		return tests_done();
	}
	u64 words = (u64)(unsigned long)rom_words;
	printf("rom: slot at 0x%llx, words at 0x%llx, code at 0x%llx\n", (unsigned long long)base,
	       (unsigned long long)words, (unsigned long long)(unsigned long)rom_fn);
	CHECK(S, "placed",
	      words >= base && words < base + MIB && (unsigned long)rom_fn >= base &&
	          (unsigned long)rom_fn < base + MIB);
	CHECK(S, "contents", rom_intact());
	CHECK_EQ(S, "execute", rom_fn(5), 22);

	CHECK(S, "store", protected("stg", store, words + 8));
	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = (u8)i;
	CHECK(S, "move", protected("mvc", move_in, words));
	CHECK(S, "emulated_store", protected("stsi", stsi_111, (u64)(unsigned long)rom_page));
	CHECK(S, "sclp_answer", protected("servc", servc_info, (u64)(unsigned long)rom_page));
	CHECK(S, "test_block", protected("tb", test_block, (u64)(unsigned long)rom_page));
	CHECK(S, "unchanged", rom_intact());

	CHECK_EQ(S, "tprot_rom", tprot(words), 1);
	CHECK_EQ(S, "tprot_ram", tprot((u64)(unsigned long)&ram_word), 0);
	pgm_expect();
	ram_word = 0x1122334455667788ull;
	store((u64)(unsigned long)&ram_word);
	CHECK_EQ(S, "ram_writable", pgm_result(NULL), 0);
	CHECK_EQ(S, "ram_stored", ram_word, ~0ull);
	return tests_done();
}
