/* SPDX-License-Identifier: MIT */
/* Touching memory outside the guest's own: loads, stores and a move just
 * past the end of memory (where, on the host, another partition's memory
 * may well lie), further out, and at the top of the address space. Each is
 * an addressing exception for this guest, which then goes on. */
#include <tern/test.h>

#define S "addressing"

static u64 load(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "lg %%r1,0(%1)\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr)
	                 : "r1", "cc", "memory");
	return next;
}

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

static u8 buf[256];

static u64 move_out(u64 addr)
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

static bool refused(u64 (*op)(u64), u64 addr)
{
	struct pgm_info pi;

	pgm_expect();
	u64 next = op(addr);
	u16 code = pgm_result(&pi);
	if (code != PGM_ADDRESSING || pi.old.addr != next) {
		test_detail("address 0x%llx: code 0x%x, old psw address 0x%llx (next 0x%llx)",
		            (unsigned long long)addr, code, (unsigned long long)pi.old.addr,
		            (unsigned long long)next);
		return false;
	}
	return true;
}

int main(void)
{
	u64 mem = sclp_memory_size();

	printf("addressing: memory ends at 0x%llx\n", (unsigned long long)mem);
	if (!mem) {
		test_skip(S, "memory_size", "READ SCP INFO gave no size");
		return tests_done();
	}
	/* The last doubleword is ours. */
	pgm_expect();
	load(mem - 8);
	store(mem - 8);
	CHECK_EQ(S, "last_doubleword", pgm_result(NULL), 0);

	bool ok = true;
	for (u64 off = 0; off < 64ull << 20; off += 1ull << 20)
		ok = refused(load, mem + off) && ok;
	CHECK(S, "load_past_end", ok);
	ok = true;
	for (u64 off = 0; off < 64ull << 20; off += 1ull << 20)
		ok = refused(store, mem + off + 0x1000) && ok;
	CHECK(S, "store_past_end", ok);
	CHECK(S, "move_past_end", refused(move_out, mem));
	CHECK(S, "store_4g", refused(store, 0x100000000ull));
	CHECK(S, "load_1t", refused(load, 1ull << 40));
	CHECK(S, "load_top", refused(load, 0xfffffffffffff000ull));
	printf("addressing: still running\n");
	CHECK_EQ(S, "still_running", console_last_response(), 0x0020);
	return tests_done();
}
