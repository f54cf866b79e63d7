/* SPDX-License-Identifier: MIT */
/* The VZ backend bound to core (see arch/vz.h): GuestIDs and page tables
 * per partition, the guest context per vCPU, and the run loop. What an
 * exit means is vz_exit.c's business (host-tested); this file is the
 * glue that only a Loongson-3A R4 runs.
 *
 * GuestCtl0 while guests run: CP0 (guest CP0 context), AT = 3 (the guest
 * owns its TLB), GT (its timer: guest Count = root Count + GTOffset), CG
 * (hit cache ops in the guest), CF (Config writes). GuestCtl0Ext.CGI is
 * clear, so indexed cache ops exit, as the seed wants on Loongson (they
 * carry a node number a guest may get wrong). Loongson's IOCSR 0xffffffec
 * bit 0 makes the root TLB's cache attribute the guest's, so guest RAM is
 * cacheable coherent whatever the guest's own TLB says.
 *
 * A vCPU's GPRs live in ctx like a trap-and-emulate guest's and go in and
 * out through te_enter / the vectors (mips_vz_exit). Its guest CP0 context
 * is restored when arch_vcpu_run starts and saved when it returns. Images
 * built for trap-and-emulate's window (kseg0 at 0x40000000, kseg1 at
 * 0x60000000) run unchanged: two wired guest TLB entries map the window
 * onto guest-physical 0-512 MiB, as trap-and-emulate presents it. */
#include "arch/vz.h"
#include "arch/backend.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "arch/te.h"
#include "arch/vz_hw.h"
#include "hv/arch/cpu.h"
#include "hv/arch/mmu.h"
#include "hv/arch/timer.h"
#include "hv/console.h"
#include "hv/lib.h"
#include "hv/page_alloc.h"
#include "hv/panic.h"
#include "hv/percpu.h"

#define IOCSR_GUEST_CCA 0xffffffecu
#define CPUCFG2_LCSRP (1u << 27)
#define PAGEGRAIN_ELPA (1u << 29)

static struct vcpu *loaded[HV_MAX_CPUS]; /* whose guest TLB this CPU holds */

static u32 iocsr_read(u32 addr)
{
	u32 v;
	/* csrrd.w $5, $4 (Loongson lwc2 form) */
	__asm__ volatile("move $4, %1\n\t.word 0xc8802918\n\tmove %0, $5"
	                 : "=r"(v)
	                 : "r"(addr)
	                 : "$4", "$5");
	return v;
}

static void iocsr_write(u32 addr, u32 v)
{
	/* csrwr.w $5, $4 */
	__asm__ volatile("move $4, %0\n\tmove $5, %1\n\t.word 0xc8812918"
	                 :
	                 : "r"(addr), "r"(v)
	                 : "$4", "$5", "memory");
}

static void vz_cpu_setup(void)
{
	u32 cfg2;

	vz_guestctl0_write(VZ_GCTL0_RUN);
	if (vz_guestctl0_read() & GCTL0_G0E)
		vz_guestctl0ext_write(vz_guestctl0ext_read() & ~GCTL0EXT_CGI);
	vz_guestctl1_write(0);
	vz_guestctl2_write(0);
	vz_gtoffset_write(0);
	/* root EntryLo PFNs above bit 29 (Loongson LPA) */
	__asm__ volatile("mfc0 $8, $5, 1\n\tor $8, $8, %0\n\tmtc0 $8, $5, 1\n\tehb"
	                 :
	                 : "r"(PAGEGRAIN_ELPA)
	                 : "$8", "memory");
	if (mips_host_cpucfg(2, &cfg2) && (cfg2 & CPUCFG2_LCSRP))
		iocsr_write(IOCSR_GUEST_CCA, iocsr_read(IOCSR_GUEST_CCA) | 1u);
	vz_hw_cpu_setup();
}

static u64 *alloc_table(void *ctx)
{
	hpa_t pa;

	(void)ctx;
	if (pages_alloc(GPT_PAGE_SIZE / PAGE_SIZE, &pa) != HV_OK)
		return NULL;
	return arch_hpa_to_ptr(pa);
}

static int vz_partition_init(struct partition *p)
{
	struct arch_partition *a = &p->arch;

	a->lock = (spinlock_t)SPINLOCK_INIT;
	te_devices_reset(p);
	a->guestid = p->id + 1; /* 0 is the root's */
	if (gpt_init(&a->gpt, alloc_table, NULL) != HV_OK)
		return HV_E_NOMEM;
	for (u32 s = 0; s < p->nr_slots; s++) {
		const struct mem_slot *m = &p->slots[s];
		int rc = gpt_map(&a->gpt, m->gpa.v, m->hpa.v, m->size,
		                 m->flags & SLOT_F_READONLY ? 0 : GPT_F_WRITE);
		if (rc != HV_OK) {
			partition_log(
			    p, "slot %u cannot be mapped for VZ (%d): 16 KiB alignment needed", s,
			    rc);
			return rc;
		}
	}
	partition_log(p, "VZ: GuestID %u, guest-physical table of %u tables", a->guestid,
	              a->gpt.tables);
	return HV_OK;
}

/* vz_exit.c's way to RAM and devices. */
static int vz_phys(struct vz_vcpu *z, u64 gpa, unsigned size, bool write, u64 *val)
{
	return mips_phys_access(z->opaque, gpa, size, write, val);
}

static void vz_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b)
{
	struct arch_vcpu *a = &v->arch;
	const u32 cfg[4] = {read_c0_config(), read_c0_config1(), read_c0_config2(),
	                    read_c0_config3()};

	a->vz = (struct vz_vcpu){.gpt = &v->part->arch.gpt,
	                         .guestid = v->part->arch.guestid,
	                         .phys = vz_phys,
	                         .opaque = v};
	vz_vcpu_bind(&a->vz, &a->ctx);
	mips_emu_reset(&a->ctx, v->id, read_c0_prid(), cfg);
	a->ctx.cp0.wired = 2; /* the window entries */
	a->ctx.cp0.timer_next = ~0ull;
	a->waiting = false;
	a->exit_kind = 0;
	a->started = b != NULL;
	a->vz_flush = true;
	if (v->id == 0)
		te_devices_reset(v->part);
	if (b)
		mips_guest_boot(v, b, b->entry.v);
}

/* v onto this CPU; fresh the first time here or after a reset. */
static void load(struct vcpu *v)
{
	struct arch_vcpu *a = &v->arch;
	u32 cpu = arch_cpu_id();

	vz_vcpu_load(&a->vz, a->vz_flush || loaded[cpu] != v);
	loaded[cpu] = v;
	a->vz_flush = false;
}

static u32 read_badinstr(u32 sel)
{
	u32 v;

	if (sel == 1)
		__asm__ volatile("mfc0 %0, $8, 1" : "=r"(v));
	else
		__asm__ volatile("mfc0 %0, $8, 2" : "=r"(v));
	return v;
}

static void run(struct vcpu *v, struct vcpu_exit *e)
{
	struct arch_vcpu *a = &v->arch;
	struct mips_guest_ctx *c = &a->ctx;
	struct vz_vcpu *z = &a->vz;

	for (;;) {
		u32 lines = te_device_irq_lines(v);
		if (a->waiting) {
			vz_timer_check(z);
			vz_sync_in(z);
			if (!vz_irq_pending(z, lines)) {
				e->kind = VEXIT_IDLE;
				e->deadline = vz_timer_deadline(z);
				return;
			}
			a->waiting = false;
		}
		if (READ_ONCE(v->kick))
			return; /* VEXIT_PREEMPT */
		vz_set_irq_lines(z, lines);
		if (v->slice_end != ~0ull) { /* the guest's timer is its own */
			if (arch_timer_now() >= v->slice_end)
				return; /* VEXIT_PREEMPT: the turn is over */
			arch_timer_set_deadline(v->slice_end);
		}
		u32 st = (read_c0_status() & ST_IM_MASK) | ST_EXL | ST_IE | ST_KX;
		st |= (u32)vz_gc0_read(GC0_STATUS) & (C0_ST_CU1 | C0_ST_FR);
		if (st & C0_ST_CU1)
			mips_fpu_claim(v, st & C0_ST_FR);
		const struct mips_frame *f = te_enter(c, st, 0, VZ_GCTL0_RUN | GCTL0_GM);
		struct vz_exit x = {.epc = f->epc,
		                    .badvaddr = f->badvaddr,
		                    .cause = (u32)f->cause,
		                    .gctl0 = vz_guestctl0_read(),
		                    .badinstr = read_badinstr(1),
		                    .badinstrp = read_badinstr(2),
		                    .vector = (u32)f->vector};
		mips_frame_to_ctx(c, f);
		int r = vz_handle_exit(z, &x);
		if (r == VZ_HOST_IRQ) {
			/* handled here; back to core only if it kicked us */
			mips_irq_handle(x.cause & (u32)f->status & CAUSE_IP_MASK);
			continue;
		}
		if (r == EMU_WAIT)
			z->ctx->cp0.timer_next = vz_timer_deadline(z);
		if (!mips_guest_result(v, r, e))
			return;
	}
}

/* A vCPU is bound to one CPU (core/sched.c): its timer deadlines are in
 * that CPU's Count, and its guest TLB entries live there. */
static void vz_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	struct arch_vcpu *a = &v->arch;

	if (v->pcpu != arch_cpu_id())
		panic("mips64 VZ: vcpu %u of p%u bound to cpu %u runs on cpu %u", v->id,
		      v->part->id, v->pcpu, arch_cpu_id());
	load(v);
	run(v, e);
	bool gone = e->kind == VEXIT_DONE || e->kind == VEXIT_RESET || e->kind == VEXIT_FAULT;
	vz_vcpu_put(&a->vz, gone);
	if (gone)
		loaded[arch_cpu_id()] = NULL;
}

static u64 vz_entry_pc(u64 pc)
{
	return pc; /* the guest's own kseg0, or the window through its wired entries */
}

static const u32 *vz_exit_counts(const struct vcpu *v)
{
	return v->arch.vz.exits;
}

static u32 vz_insn_group(u32 r)
{
	return r == VZ_EXIT_GPSI ? 4 : r == VZ_EXIT_MMIO ? 3 : 0;
}

const struct mips_backend mips_vz_backend = {
    .name = "VZ",
    .cpu_setup = vz_cpu_setup,
    .partition_init = vz_partition_init,
    .vcpu_reset = vz_vcpu_reset,
    .vcpu_run = vz_vcpu_run,
    .entry_pc = vz_entry_pc,
    .exit_names = vz_exit_names,
    .nr_exits = VZ_EXIT_NR,
    .exit_counts = vz_exit_counts,
    .insn_group = vz_insn_group,
};
