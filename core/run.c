/* SPDX-License-Identifier: MIT */
/* Partitions at run time: start (load images, reset vCPUs, release the
 * CPUs), the services backends use (console, guest memory, logging), and the
 * end of a partition: stop, reset, fault policy, and the end of the run. */
#include "hv/run.h"
#include "hv/arch/cpu.h"
#include "hv/arch/ipi.h"
#include "hv/arch/mmu.h"
#include "hv/arch/timer.h"
#include "hv/arch/vcpu.h"
#include "hv/console.h"
#include "hv/elf.h"
#include "hv/hv.h"
#include "hv/lib.h"
#include "hv/panic.h"
#include "hv/percpu.h"
#include "hv/spinlock.h"
#include "hv/vcpu.h"
#include "hv/wait.h"

#define RESET_ACK_TIMEOUT_US 1000000
#define CONSOLE_BURST 256   /* lines a partition may print at once */
#define CONSOLE_LINE_US 500 /* then one line per 0.5 ms */

static u32 nr_running; /* partitions started and not yet stopped */
static int run_status; /* first non-zero partition status */
static spinlock_t stop_lock = SPINLOCK_INIT;

void partition_log(const struct partition *p, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	hv_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hv_log("p%u %s", p->id, msg);
}

void *partition_gpa_ptr(struct partition *p, gpa_t g, u64 len, bool write)
{
	if (len == 0 || g.v + len < g.v)
		return NULL;
	for (u32 s = 0; s < p->nr_slots; s++) {
		const struct mem_slot *sl = &p->slots[s];
		if (g.v < sl->gpa.v || g.v - sl->gpa.v >= sl->size ||
		    len > sl->size - (g.v - sl->gpa.v))
			continue;
		if (write && (sl->flags & SLOT_F_READONLY))
			return NULL;
		return arch_hpa_to_ptr(hpa(sl->hpa.v + (g.v - sl->gpa.v)));
	}
	return NULL;
}

u64 partition_mem_size(const struct partition *p)
{
	u64 n = 0;

	for (u32 s = 0; s < p->nr_slots; s++)
		n += p->slots[s].size;
	return n;
}

u64 partition_mem_end(const struct partition *p)
{
	u64 end = 0;

	for (u32 s = 0; s < p->nr_slots; s++)
		if (p->slots[s].gpa.v + p->slots[s].size > end)
			end = p->slots[s].gpa.v + p->slots[s].size;
	return end;
}

struct vcpu *partition_vcpu(struct partition *p, u32 id)
{
	return id < p->nr_vcpus ? &p->vcpus[id] : NULL;
}

/* Console budget of a partition: a burst of CONSOLE_BURST lines, then one
 * line per CONSOLE_LINE_US. Guest output is hostile: one 4 KiB write full of
 * newlines must not become 4096 lines on the console every partition shares.
 * Called under p->line_lock. */
static bool console_budget(struct partition *p)
{
	u64 now = arch_timer_now(), per_line = hv_us_to_ticks(CONSOLE_LINE_US);

	if (p->con_tokens < CONSOLE_BURST && per_line && now > p->con_refill) {
		u64 add = (now - p->con_refill) / per_line;
		if (add) {
			p->con_tokens = add >= CONSOLE_BURST - p->con_tokens
			                    ? CONSOLE_BURST
			                    : p->con_tokens + (u32)add;
			p->con_refill = now;
		}
	}
	if (!p->con_tokens) {
		p->con_dropped++;
		return false;
	}
	p->con_tokens--;
	return true;
}

void partition_console_write(struct partition *p, const char *buf, size_t len)
{
	char tag[8], out[sizeof(p->line)];
	u32 dropped = 0;
	bool emit = false;

	hv_snprintf(tag, sizeof(tag), "p%u", p->id);
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (c == '\r')
			continue;
		/* Guest bytes are hostile: keep the console printable. */
		if (c != '\n' && (c < 0x20 || c > 0x7e))
			c = '.';
		unsigned long flags = arch_irq_save();
		spin_lock(&p->line_lock);
		if (c != '\n')
			p->line[p->line_len++] = c;
		if (c == '\n' || p->line_len == sizeof(p->line) - 1) {
			p->line[p->line_len] = 0;
			memcpy(out, p->line, p->line_len + 1);
			p->line_len = 0;
			emit = console_budget(p);
			if (emit) {
				dropped = p->con_dropped;
				p->con_dropped = 0;
			}
		}
		spin_unlock(&p->line_lock);
		arch_irq_restore(flags);
		/* Print with interrupts enabled again and no partition lock held. */
		if (emit) {
			if (dropped)
				partition_log(p, "console: %u line(s) dropped (rate limit)",
				              dropped);
			console_printf(tag, "%s", out);
			emit = false;
		}
	}
}

void vcpu_kick(struct vcpu *v)
{
	__atomic_store_n(&v->kick, 1, __ATOMIC_RELEASE);
	if (v->pcpu != arch_cpu_id())
		arch_ipi_send(v->pcpu);
}

static void flush_console(struct partition *p)
{
	if (p->line_len)
		partition_console_write(p, "\n", 1);
}

/* The partition is over: report it, park its vCPUs, and end the run when
 * it was the last one. Any of its vCPUs' CPUs. */
void partition_stop(struct partition *p, int status, const char *why)
{
	spin_lock(&stop_lock);
	if (p->state != PART_RUNNING) {
		spin_unlock(&stop_lock);
		return;
	}
	p->state = PART_STOPPED;
	p->status = status;
	if (status && !run_status)
		run_status = status;
	u32 left = --nr_running;
	spin_unlock(&stop_lock);

	flush_console(p);
	partition_log(p, "stopped: %s (status %d)", why, status);
	arch_partition_report(p);
	for (u32 i = 0; i < p->nr_vcpus; i++)
		if (p->vcpus[i].pcpu != arch_cpu_id())
			vcpu_kick(&p->vcpus[i]);
	if (left == 0) {
		hv_log("all partitions stopped");
		hv_exit(run_status);
	}
}

static int partition_boot(struct partition *p)
{
	char err[160];
	struct vcpu_boot b = {.cmdline = p->cfg->cmdline};

	/* A boot or re-IPL starts from clean memory, as a load-clear does;
	 * read-only slots too: the image fills them anew. */
	for (u32 s = 0; s < p->nr_slots; s++)
		memset(arch_hpa_to_ptr(p->slots[s].hpa), 0, p->slots[s].size);
	if (elf_load(p, p->cfg->image,
	             (u64)((const u8 *)p->cfg->image_end - (const u8 *)p->cfg->image), &b.entry,
	             err, sizeof(err)) != HV_OK) {
		partition_log(p, "cannot load its image: %s", err);
		return HV_E_INVAL;
	}
	for (u32 i = 0; i < p->nr_vcpus; i++)
		arch_vcpu_reset(&p->vcpus[i], i == 0 ? &b : NULL);
	partition_log(p, "'%s' loaded, entry 0x%llx, %u vcpu(s)%s%s", p->cfg->name,
	              (unsigned long long)b.entry.v, p->nr_vcpus, b.cmdline ? ", cmdline: " : "",
	              b.cmdline ? b.cmdline : "");
	return HV_OK;
}

/* Reset / re-IPL, asked by vCPU `me` of p. The other vCPUs of p may be in
 * guest mode on other CPUs: they are kicked, see `resetting`, acknowledge
 * the new generation and wait; only then is memory reloaded and every vCPU
 * put into its reset state. */
void partition_reset(struct partition *p, struct vcpu *me)
{
	if (p->cfg->flags & PART_F_NO_REBOOT) {
		partition_stop(p, 0, "reset requested, no-reboot: ended");
		return;
	}
	/* One reset at a time: a vCPU whose request loses the race returns to
	 * its run loop, which acknowledges the winner's reset. */
	u32 idle = 0;
	if (!__atomic_compare_exchange_n(&p->resetting, &idle, 1, false, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE))
		return;
	p->reset_by = me->pcpu; /* before the generation the others acknowledge */
	u32 gen = __atomic_add_fetch(&p->reset_gen, 1, __ATOMIC_ACQ_REL);

	me->reset_gen = gen;
	for (u32 i = 0; i < p->nr_vcpus; i++) {
		struct vcpu *o = &p->vcpus[i];
		if (o == me)
			continue;
		if (o->pcpu == me->pcpu) { /* time-sliced beside me: not running now */
			__atomic_store_n(&o->reset_gen, gen, __ATOMIC_RELEASE);
			continue;
		}
		vcpu_kick(o);
		if (!hv_wait_at_least(&o->reset_gen, gen, hv_us_to_ticks(RESET_ACK_TIMEOUT_US))) {
			partition_log(p, "vcpu %u did not leave guest mode for the reset", o->id);
			__atomic_store_n(&p->resetting, 0, __ATOMIC_RELEASE);
			partition_stop(p, 1, "reset failed");
			return;
		}
	}
	p->resets++;
	partition_log(p, "reset requested (re-IPL #%u)", p->resets);
	int rc = partition_boot(p);
	__atomic_store_n(&p->resetting, 0, __ATOMIC_RELEASE);
	for (u32 i = 0; i < p->nr_vcpus; i++)
		if (&p->vcpus[i] != me)
			vcpu_kick(&p->vcpus[i]);
	if (rc != HV_OK)
		partition_stop(p, 1, "re-IPL failed");
}

int partitions_run_status(void)
{
	return run_status;
}

u32 partitions_start(void)
{
	u32 started = 0;

	for (u32 i = 0; i < hv_config.nr_partitions; i++) {
		struct partition *p = &partitions[i];
		if (!p->cfg->image) {
			partition_log(p, "has no guest image: not started");
			continue;
		}
		/* A partition that has a guest but cannot run it fails the run. */
		if (arch_partition_init(p) != HV_OK) {
			partition_log(p, "cannot set up its address space: not started");
			run_status = HV_EXIT_FAIL;
			continue;
		}
		if (partition_boot(p) != HV_OK) {
			run_status = HV_EXIT_FAIL;
			continue;
		}
		p->con_tokens = CONSOLE_BURST;
		p->con_refill = arch_timer_now();
		p->state = PART_RUNNING;
		nr_running++;
		started++;
	}
	if (!started)
		return 0;
	/* Release every CPU with a vCPU of a running partition into sched_loop(). */
	for (u32 c = 0; c < HV_MAX_CPUS; c++) {
		bool any = false;
		for (u32 i = 0; i < percpu[c].nr_runq; i++)
			any |= percpu[c].runq[i]->part->state == PART_RUNNING;
		if (!any)
			continue;
		__atomic_store_n(&percpu[c].go, 1, __ATOMIC_RELEASE);
		if (c != arch_cpu_id())
			arch_ipi_send(c);
	}
	return started;
}
