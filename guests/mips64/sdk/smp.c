/* SPDX-License-Identifier: MIT */
/* Guest SDK SMP support (tg_smp.h): starting parked CPUs through the
 * Loongson-3 IPI mailbox, per-CPU stacks, IPIs and their IP6 handler, and
 * a wait that sleeps in `wait` without losing a wakeup. */
#include "tg_smp.h"

#include "sdk.h"

enum { CPU_PARKED, CPU_STARTING, CPU_RUNNING, CPU_DONE, CPU_FAULTED };

struct tg_smp_cpu {
	void (*fn)(void *);
	void *arg;
	volatile u32 state;
	volatile u32 ipis;
	bool owns_timer; /* tg_ipi_enable or a wait: IP7 is the SDK's */
};

static struct tg_smp_cpu cpus[TG_SMP_MAX];
static u8 stacks[TG_SMP_MAX][TG_SMP_STACK] __attribute__((aligned(64)));
static u32 ncpus, boot_cpu;
static bool reversed; /* natively on QEMU 10: slot k interrupts CPU n-1-k */
static tg_ipi_fn ipi_fn;
static volatile u32 faults;

void tg_smp_secondary(struct tg_smp_cpu *c);
void tg_smp_wait_region(const volatile u32 *p, u32 old, u32 compare);
extern char tg_smp_entry[], tg_smp_wait_start[], tg_smp_wait_end[];

static inline u32 rd32(u64 a)
{
	return *(volatile u32 *)(uintptr_t)a;
}
static inline void wr32(u64 a, u32 v)
{
	*(volatile u32 *)(uintptr_t)a = v;
}
static inline void wr64(u64 a, u64 v)
{
	*(volatile u64 *)(uintptr_t)a = v;
}
static inline void sync_mem(void)
{
	__asm__ volatile("sync" ::: "memory");
}

u32 tg_smp_ncpus(void)
{
	return ncpus;
}

u32 tg_smp_boot_cpu(void)
{
	return boot_cpu;
}

u32 tg_smp_self(void)
{
	u64 sp, base = (u64)(uintptr_t)stacks;

	__asm__("move %0, $sp" : "=r"(sp));
	if (sp > base && sp <= base + sizeof(stacks))
		return (u32)((sp - base - 1) / TG_SMP_STACK);
	return boot_cpu;
}

u32 tg_ipi_irq_slot(u32 cpu)
{
	return reversed ? ncpus - 1 - cpu : cpu;
}

/* IP6 (and, on a CPU that waits, IP7) before the guest's own handler for
 * ExcCode 0; true if nothing is left for it. */
static bool smp_irq(struct tg_frame *f)
{
	u32 self = tg_smp_self();
	u32 pend = (u32)(f->cause & f->status) & CAUSE_IP_MASK;

	if (self >= TG_SMP_MAX)
		return false;
	struct tg_smp_cpu *c = &cpus[self];
	if (pend & CAUSE_IP(6)) {
		u64 b = tg_ipi_block(tg_ipi_irq_slot(self));
		u32 bits = rd32(b + TG_IPI_STATUS);
		if (bits) {
			wr32(b + TG_IPI_CLEAR, bits);
			c->ipis++;
			if (ipi_fn)
				ipi_fn(self, bits);
		}
		pend &= ~CAUSE_IP(6);
	}
	if ((pend & CAUSE_IP(7)) && c->owns_timer) {
		/* writing Compare drops the timer interrupt; the next wait arms it */
		tg_mtc0(CP0_COMPARE, 0, tg_mfc0(CP0_COMPARE, 0));
		pend &= ~CAUSE_IP(7);
	}
	u64 start = (u64)(uintptr_t)tg_smp_wait_start, end = (u64)(uintptr_t)tg_smp_wait_end;
	if (f->epc >= start && f->epc < end)
		f->epc = end; /* woken before or in its `wait`: return and re-check */
	return pend == 0;
}

/* Any other exception on a secondary CPU: report, count, park it. */
static bool smp_exc(struct tg_frame *f)
{
	u32 self = tg_smp_self();

	if (self == boot_cpu || self >= TG_SMP_MAX)
		return false;
	__atomic_fetch_add(&faults, 1, __ATOMIC_RELAXED);
	cpus[self].state = CPU_FAULTED;
	u32 code = tg_exccode(f);
	tg_printf("  cpu %u: unexpected exception %s (ExcCode %u) at EPC 0x%llx, BadVAddr 0x%llx: "
	          "parked\n",
	          self, tg_exc_name(code), code, (unsigned long long)f->epc,
	          (unsigned long long)f->badvaddr);
	tg_smp_park();
}

int tg_smp_init(u32 n)
{
	u32 self = tg_mfc0(15, 1) & 0x3ff;

	if (n == 0 || n > TG_SMP_MAX)
		return -1;
	if (self >= n)
		return -2;
	ncpus = n;
	boot_cpu = self;
	reversed = tg_native();
	for (u32 i = 0; i < TG_SMP_MAX; i++)
		cpus[i] = (struct tg_smp_cpu){.state = CPU_PARKED};
	cpus[boot_cpu].state = CPU_RUNNING;
	tg_smp_irq_hook = smp_irq;
	tg_smp_exc_hook = smp_exc;
	tg_console_smp = true;
	return 0;
}

int tg_smp_start(u32 cpu, void (*fn)(void *), void *arg)
{
	if (cpu >= ncpus || cpu == boot_cpu || cpus[cpu].state != CPU_PARKED)
		return -1;
	struct tg_smp_cpu *c = &cpus[cpu];
	u64 b = tg_ipi_block(cpu); /* CPU c polls the mailbox of slot c */
	u64 gp;

	__asm__("move %0, $28" : "=r"(gp));
	c->fn = fn;
	c->arg = arg;
	c->state = CPU_STARTING;
	wr64(b + TG_IPI_MAILBOX(1), (u64)(uintptr_t)&stacks[cpu][TG_SMP_STACK]);
	wr64(b + TG_IPI_MAILBOX(2), gp);
	wr64(b + TG_IPI_MAILBOX(3), (u64)(uintptr_t)c);
	sync_mem();
	wr64(b + TG_IPI_MAILBOX(0), (u64)(uintptr_t)tg_smp_entry); /* last: it starts */
	return 0;
}

bool tg_smp_started(u32 cpu)
{
	return cpu < TG_SMP_MAX && cpus[cpu].state >= CPU_RUNNING;
}

u32 tg_smp_faults(void)
{
	return faults;
}

_Noreturn void tg_smp_park(void)
{
	tg_write_status(ST_KX);
	for (;;)
		__asm__ volatile("wait");
}

void tg_smp_secondary(struct tg_smp_cpu *c)
{
	c->state = CPU_RUNNING;
	sync_mem();
	c->fn(c->arg);
	c->state = CPU_DONE;
	tg_smp_park();
}

void tg_ipi_set_handler(tg_ipi_fn fn)
{
	ipi_fn = fn;
}

void tg_ipi_enable(void)
{
	u32 self = tg_smp_self(), st = tg_read_status() | ST_KX;

	if (self < TG_SMP_MAX)
		cpus[self].owns_timer = true; /* IM7 is on from here: its IP7 is ours */
	tg_write_status(st);                  /* XKPHYS first */
	wr32(tg_ipi_block(tg_ipi_irq_slot(self)) + TG_IPI_EN, ~0u);
	tg_write_status(st | ST_IM(6) | ST_IM(7) | ST_IE);
}

void tg_ipi_send(u32 cpu, u32 bits)
{
	if (cpu >= ncpus)
		return;
	sync_mem(); /* what the message says is visible before it arrives */
	wr32(tg_ipi_block(tg_ipi_irq_slot(cpu)) + TG_IPI_SET, bits);
}

u32 tg_ipi_taken(u32 cpu)
{
	return cpu < TG_SMP_MAX ? cpus[cpu].ipis : 0;
}

bool tg_smp_wait_u32(const volatile u32 *p, u32 old, u32 ticks)
{
	u32 self = tg_smp_self(), t0 = tg_read_count();
	u32 need = ST_IE | ST_IM(7), st = tg_read_status() & (need | ST_EXL | ST_ERL);
	bool sleep = self < TG_SMP_MAX && st == need; /* the timer can wake it */

	if (sleep)
		cpus[self].owns_timer = true;
	for (;;) {
		if (*p != old)
			return true;
		u32 now = tg_read_count(), el = now - t0;
		if (el >= ticks)
			return *p != old;
		if (!sleep)
			continue; /* interrupts off: poll */
		u32 step = ticks - el < TG_SMP_SLEEP ? ticks - el : TG_SMP_SLEEP;
		tg_smp_wait_region(p, old, now + step);
	}
}

bool tg_smp_wait_at_least(const volatile u32 *p, u32 want, u32 ms)
{
	u64 limit = (u64)ms * (TG_COUNT_HZ / 1000u), spent = 0;
	u32 last = tg_read_count();

	for (;;) {
		u32 v = *p; /* once: a change after this read ends the sleep below */
		if (v >= want)
			return true;
		if (spent >= limit)
			return false;
		u64 left = limit - spent;
		tg_smp_wait_u32(p, v, left > TG_SMP_SLEEP ? TG_SMP_SLEEP : (u32)left);
		u32 now = tg_read_count();
		spent += now - last;
		last = now;
	}
}

u64 tg_cmdline_u64(const char *name, u64 def)
{
	const char *p = tg_cmdline();
	size_t n = strlen(name);

	while (*p) {
		while (*p == ' ')
			p++;
		if (strncmp(p, name, n) == 0 && p[n] == '=' && p[n + 1] >= '0' && p[n + 1] <= '9') {
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
