/* SPDX-License-Identifier: MIT */
/* mips64 benchmark guest: the same source runs natively on QEMU
 * (bench-native.elf) and as a Tern partition (tern-mips64-bench.elf); run
 * by bench/mips64/run.sh. Each phase times K repetitions of one operation
 * and K repetitions of the empty loop (bench-asm.S) with CP0 Count:
 *   mfc0    mfc0 Status (as a partition: Coprocessor Unusable, emulated)
 *   mtc0    mtc0 Status, writing the value it has
 *   uart    sb to the 16550 scratch register (kseg1 window; a partition's
 *           virtual UART: a host TLB miss, decoded and emulated)
 *   refill  two loads per iteration from two useg pages whose guest TLB
 *           entries keep evicting each other: each load takes a TLB refill
 *           into the guest's own handler (bench-asm.S), which writes the
 *           entry and returns with eret; the empty loop loads one page
 *           twice, with its entry present
 * and prints "BENCH <phase> k=K reps=R empty=<ticks> op=<ticks>", the
 * Count deltas; per operation: (op - empty) * 2.5 / (K * reps) instructions
 * under `-icount shift=0` (an instruction is 1 ns, Count ticks every
 * 2.5 ns), or nanoseconds of host time without it. Then a CPU-bound loop
 * (registers only, no traps): "BENCH loop n=N ticks=T sum=S".
 * Command line: k=K (default 100000), refill_k=K (default 20000),
 * loop=N (default 100000000), only=PHASE. */
#include "tg/tg.h"

void b_empty(u64 n);
void b_mfc0_status(u64 n);
void b_mtc0_status(u64 n, u64 status);
void b_store_byte(u64 n, u64 addr);
void b_load2(u64 n, u64 va_a, u64 va_b);
u64 b_cpu(u64 n);
extern char b_vectors[], tg_vectors[];
extern u64 b_refill_lo[2];

#define UART_SCR_PA (0x1fe001e0u + 7)
#define REFILL_VA_A 0x10000000ull /* two 16 KiB page pairs (VPN2 differs) */
#define REFILL_VA_B 0x10008000ull
#define REFILL_ASID 0x5a
#define REFILL_INDEX 1
#define WARMUP 64

static u8 pages[2][PAGE16K] __attribute__((aligned(2 * PAGE16K)));

static u64 arg(const char *name, u64 def)
{
	const char *p = tg_cmdline();
	size_t n = strlen(name);

	while (*p) {
		while (*p == ' ')
			p++;
		if (strncmp(p, name, n) == 0 && p[n] == '=') {
			u64 v = 0;
			for (p += n + 1; *p >= '0' && *p <= '9'; p++)
				v = v * 10 + (u64)(*p - '0');
			return v;
		}
		while (*p && *p != ' ')
			p++;
	}
	return def;
}

static bool wanted(const char *phase)
{
	const char *p = tg_cmdline();
	size_t n = strlen(phase);

	while (*p) {
		while (*p == ' ')
			p++;
		if (strncmp(p, "only=", 5) == 0)
			return strncmp(p + 5, phase, n) == 0 && (p[5 + n] == ' ' || !p[5 + n]);
		while (*p && *p != ' ')
			p++;
	}
	return true;
}

/* One phase: warm up, then time `empty` and `op` over k iterations each. */
struct phase {
	const char *name;
	void (*run)(u64 n, bool op);
	unsigned reps; /* operations per iteration */
};

static u64 mtc0_value, uart_addr;

static void run_mfc0(u64 n, bool op)
{
	if (op)
		b_mfc0_status(n);
	else
		b_empty(n);
}
static void run_mtc0(u64 n, bool op)
{
	if (op)
		b_mtc0_status(n, mtc0_value);
	else
		b_empty(n);
}
static void run_uart(u64 n, bool op)
{
	if (op)
		b_store_byte(n, uart_addr);
	else
		b_empty(n);
}
static void run_refill(u64 n, bool op)
{
	b_load2(n, REFILL_VA_A, op ? REFILL_VA_B : REFILL_VA_A);
}

static void measure(const struct phase *ph, u64 k)
{
	ph->run(WARMUP, false);
	ph->run(WARMUP, true);
	ph->run(WARMUP, false);
	u32 c0 = tg_read_count();
	ph->run(k, false);
	u32 c1 = tg_read_count();
	ph->run(k, true);
	u32 c2 = tg_read_count();
	tg_printf("BENCH %s k=%llu reps=%u empty=%u op=%u\n", ph->name, (unsigned long long)k,
	          ph->reps, c1 - c0, c2 - c1);
}

static void set_ebase(const void *vectors)
{
	u32 eb = tg_mfc0(15, 1);

	tg_mtc0(15, 1, (eb & ~0x3ffff000u) | ((u32)(uintptr_t)vectors & 0x3ffff000u));
}

static void refill_phase(u64 k)
{
	static const struct phase ph = {"refill", run_refill, 2};
	u64 hi = tg_dmfc0(CP0_ENTRYHI, 0);

	tg_tlb_flush();
	b_refill_lo[0] = tg_entrylo(tg_pa(pages[0]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V);
	b_refill_lo[1] = tg_entrylo(tg_pa(pages[1]), ENTRYLO_C_CACHED | ENTRYLO_D | ENTRYLO_V);
	tg_mtc0(CP0_PAGEMASK, 0, PM_16K);
	tg_mtc0(CP0_INDEX, 0, REFILL_INDEX);
	tg_dmtc0(CP0_ENTRYHI, 0, REFILL_ASID);
	set_ebase(b_vectors);
	measure(&ph, k);
	set_ebase(tg_vectors);
	tg_dmtc0(CP0_ENTRYHI, 0, hi);
	tg_tlb_flush();
}

int main(void)
{
	u64 k = arg("k", 100000), rk = arg("refill_k", 20000), loop = arg("loop", 100000000);
	static const struct phase phases[] = {
	    {"mfc0", run_mfc0, 1},
	    {"mtc0", run_mtc0, 1},
	    {"uart", run_uart, 1},
	};

	if (k == 0 || rk == 0)
		k = rk = 1;
	mtc0_value = tg_read_status();
	uart_addr = (u64)(uintptr_t)tg_kseg1(UART_SCR_PA);
	tg_printf("BENCH start host=%s model=%s\n", tg_native() ? "native" : "tern",
	          tg_model_3a1000()   ? "3A1000"
	          : tg_model_3a4000() ? "3A4000"
	                              : "other");
	for (unsigned i = 0; i < sizeof(phases) / sizeof(phases[0]); i++)
		if (wanted(phases[i].name))
			measure(&phases[i], k);
	if (wanted("refill"))
		refill_phase(rk);
	if (wanted("loop")) {
		u32 c0 = tg_read_count();
		u64 sum = b_cpu(loop);
		u32 c1 = tg_read_count();
		tg_printf("BENCH loop n=%llu ticks=%u sum=%016llx\n", (unsigned long long)loop,
		          c1 - c0, (unsigned long long)sum);
	}
	tg_printf("BENCH end\n");
	return tg_tests_done();
}
