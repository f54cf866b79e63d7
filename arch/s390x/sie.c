/* SPDX-License-Identifier: MIT */
/* The SIE backend: guests run as partitions under SIE (Start Interpretive
 * Execution). One state description per vCPU, guest storage through host
 * DAT tables per partition (sie_dat.c), and the one exit path:
 * sie64a() (sie_entry.S) → the interception code → icpt_handlers[] →
 * the emulation layer (emulate*.c) or interrupt injection (inject.c) →
 * back into SIE, or out to core as a struct vcpu_exit.
 *
 * The emulation layer never sees the state description: state_to_sd()
 * and state_from_sd() copy the architected state (struct s390_cpu) in and
 * out around each SIE. Interruptions are presented by hand on the guest's
 * lowcore before SIE is entered again; Hercules 3.13's SIE has no
 * interruption-injection fields. */
#include <arch/be.h>
#include <arch/cpu_state.h>
#include <arch/emulate.h>
#include <arch/features.h>
#include <arch/gmem.h>
#include <arch/hcmd.h>
#include <arch/inject.h>
#include <arch/insn.h>
#include <arch/lowcore.h>
#include <arch/s390x.h>
#include <arch/sie.h>
#include <arch/sie_dat.h>
#include <arch/skey.h>

#include "hv/arch/mmu.h"
#include "hv/arch/timer.h"
#include "hv/arch/vcpu.h"
#include "hv/console.h"
#include "hv/lib.h"
#include "hv/page_alloc.h"
#include "hv/percpu.h"
#include "hv/run.h"

#define EM_S390 22
#define POLL_TICKS (TOD_HZ / 1000) /* re-check masked interruptions every ms */
/* The longest a vCPU stays in SIE without an exit: a host clock-comparator
 * interruption ends each stint (intercept 0x28), even for a guest that
 * spins with interruptions off and never intercepts.
 *
 * Why: Hercules 3.13's watchdog thread (impl.c) looks at every started,
 * not waiting CPU each 20 s and sends SIGUSR1 to one whose instruction
 * count has not moved since its last look; the CPU thread then
 * check-stops ("HHCCP018I CPU0000: Check-Stop due to host error: User
 * defined signal 1"). Under SIE the host CPU's count is brought up to
 * date only when SIE's inner execution loop ends (sie.c: on a host
 * interruption, a change of the intervention bits, or a pending guest
 * interruption), so a guest spinning for 20-40 s without an intercept got
 * its CPU check-stopped. A bounded stint keeps the count moving, and also
 * bounds how long the run loop goes without looking at its requests. */
#define SLICE_TICKS (TOD_HZ / 100) /* 10 ms */

int sie_probe(void);

static int sie_state; /* 0 unknown, 1 available, -1 not available */
static unsigned sie_probe_code;

/* SIE exists where SIE with a misaligned operand is a specification
 * exception (code 6); QEMU TCG answers with an operation exception. */
static bool sie_available(void)
{
	if (!sie_state) {
		int code = sie_probe();
		sie_state = code == PGM_SPECIFICATION ? 1 : -1;
		sie_probe_code = (unsigned)code & 0xffff;
	}
	return sie_state > 0;
}

const char *sie_describe(void)
{
	static char why[96];

	if (sie_available())
		hv_snprintf(why, sizeof(why),
		            "under SIE (probe: SIE on a misaligned block gave 0x%04x, "
		            "specification)",
		            sie_probe_code);
	else
		hv_snprintf(why, sizeof(why),
		            "none: this machine has no SIE (probe gave program "
		            "interruption 0x%04x)",
		            sie_probe_code);
	return why;
}

static inline void load_cr1(u64 asce)
{
	__asm__ volatile("lctlg %%c1,%%c1,%0" : : "Q"(asce) : "memory");
}

static inline void ptlb(void)
{
	__asm__ volatile(".insn s,0xb20d0000,0" : : : "memory"); /* PTLB */
}

int arch_partition_init(struct partition *p)
{
	if (!sie_available()) {
		partition_log(p, "needs SIE, which this machine lacks (QEMU TCG): not startable");
		return HV_E_NODEV;
	}
	memset(&p->arch, 0, sizeof(p->arch));
	int rc = sie_dat_build(p, &p->arch.asce);
	if (rc != HV_OK) {
		partition_log(p, "cannot build its host DAT tables (%d)", rc);
		return rc;
	}
	p->arch.msl = ALIGN_UP(partition_mem_end(p), MiB(1)) - 1;
	for (u32 i = 0; i < p->nr_vcpus; i++) {
		hpa_t pa;
		if (pages_alloc(1, &pa) != HV_OK)
			return HV_E_NOMEM;
		p->vcpus[i].arch.sd = arch_hpa_to_ptr(pa);
		memset(p->vcpus[i].arch.sd, 0, sizeof(struct sie_block));
	}
	partition_log(p, "sie: asce %016llx, guest storage 0-%llx, %u state description(s)",
	              (unsigned long long)p->arch.asce, (unsigned long long)p->arch.msl,
	              p->nr_vcpus);
	return HV_OK;
}

static void sd_init(struct vcpu *v)
{
	struct sie_block *sd = v->arch.sd;

	memset(sd, 0, sizeof(*sd));
	sd->cpuflags = SIE_CPUFLAGS_ZARCH;
	sd->icpua = (u16)v->id;
	sd->ihcpu = 0xffff;
	/* STFL/STFLE: Hercules 3.13's SIE has no facility-list designation;
	 * it interprets STFLE with Hercules' own list (the host's: z/Arch,
	 * EDAT bits and all) unless ictl byte 0 bit 0x10 asks for an
	 * intercept. We ask, and emulate.c answers with a list Tern controls
	 * (tern_facilities: what the guest really gets from both). */
	sd->ictl = SIE_ICTL_STFL;
	sd->mso = 0;
	sd->msl = v->part->arch.msl;
}

/* QEMU copies -append to 0x10480 for an image entered at 0x10000 (it takes
 * it for Linux); the maximum is the u64 at 0x10430 when set. */
static void copy_cmdline(struct partition *p, const char *cmdline)
{
	u8 b[8];
	u64 max = GUEST_CMDLINE_MAX;

	if (gmem_read_abs(p, 0x10430, b, 8) && get_be64(b) && get_be64(b) < max)
		max = get_be64(b);
	size_t n = strnlen(cmdline, max - 1);
	gmem_write_abs(p, GUEST_CMDLINE_ADDR, cmdline, n);
	gmem_write_abs(p, GUEST_CMDLINE_ADDR + n, "", 1);
}

void arch_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b)
{
	struct arch_vcpu *a = &v->arch;
	struct partition *p = v->part;

	a->lock = (spinlock_t)SPINLOCK_INIT;
	cpu_state_clear_reset(v);
	a->in_guest = 0;
	a->left_guest = arch_timer_now();
	a->off_cpu = 0;
	if (a->trace && hercules_command("t-")) /* a reset closes a trace window */
		partition_log(p, "trace: window off (vcpu %u)", v->id);
	a->trace = 0;
	if (a->sd)
		sd_init(v);
	if (!b)
		return; /* stopped, for the guest's SIGP */
	/* The boot vCPU also resets what the partition shares. */
	p->arch.service_pending = 0;
	p->arch.servc_busy = 0;
	__atomic_store_n(&p->arch.wdt_deadline, 0, __ATOMIC_RELEASE); /* as QEMU's reset */
	p->arch.sclp_cp_receive = 0;
	p->arch.sclp_cp_send = 0;
	p->arch.cpc_valid = 0;
	p->arch.cpnc = 0;
	p->arch.cpvc = 0;
	/* A load-clear resets the storage keys too: the guest's SSKEs set the
	 * keys of the backing host frames, which the memory clear left alone. */
	for (u32 s = 0; s < p->nr_slots; s++)
		for (u64 off = 0; off < p->slots[s].size; off += PAGE_SIZE) {
			u64 zero = 0;
			skey_set(p->slots[s].hpa.v + off, &zero, 0);
		}
	a->cpu.psw.mask = GUEST_ENTRY_PSW_MASK;
	a->cpu.psw.addr = b->entry.v;
	if (b->cmdline && b->entry.v == GUEST_LINUX_ENTRY)
		copy_cmdline(p, b->cmdline);
	__atomic_store_n(&a->stopped, 0, __ATOMIC_RELEASE);
}

/* A stopped vCPU with posted requests runs too: a SIGP STOP posted while
 * it was running may land after it stopped itself, and SIGP answers busy
 * while requests are pending, so they must be carried out (run() does,
 * then reports VEXIT_STOPPED) or every later RESTART is refused for good. */
bool arch_vcpu_runnable(const struct vcpu *v)
{
	return !__atomic_load_n(&v->arch.stopped, __ATOMIC_ACQUIRE) ||
	       __atomic_load_n(&v->arch.requests, __ATOMIC_ACQUIRE) != 0;
}

void sie_kick_interrupted(void)
{
	struct vcpu *v = percpu[stap() % HV_MAX_CPUS].vcpu;

	if (v && v->arch.sd)
		__atomic_fetch_or(&v->arch.sd->cpuflags, SIE_CPUFLAGS_STOP, __ATOMIC_RELAXED);
}

static void state_to_sd(struct vcpu *v)
{
	const struct s390_cpu *cpu = &v->arch.cpu;
	struct sie_block *sd = v->arch.sd;

	sd->gpsw = cpu->psw;
	sd->gg14 = cpu->gprs[14];
	sd->gg15 = cpu->gprs[15];
	memcpy(sd->gcr, cpu->crs, sizeof(sd->gcr));
	sd->prefix = cpu->prefix & 0x7fffe000u;
	sd->ckc = cpu->ckc;
	sd->cputm = cpu->cputm;
	sd->epoch = cpu->epoch;
	sd->todpr = cpu->todpr;
	sd->cpnc = (u8)v->part->arch.cpnc;
}

static void state_from_sd(struct vcpu *v)
{
	struct s390_cpu *cpu = &v->arch.cpu;
	const struct sie_block *sd = v->arch.sd;

	cpu->psw = sd->gpsw;
	cpu->gprs[14] = sd->gg14;
	cpu->gprs[15] = sd->gg15;
	memcpy(cpu->crs, sd->gcr, sizeof(cpu->crs));
	cpu->ckc = sd->ckc;
	cpu->cputm = sd->cputm;
	cpu->todpr = sd->todpr;
}

static int fault(struct vcpu_exit *e, const char *fmt, ...) __printf(2, 3);
static int fault(struct vcpu_exit *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hv_vsnprintf(e->why, sizeof(e->why), fmt, ap);
	va_end(ap);
	e->kind = VEXIT_FAULT;
	return EMU_EXIT;
}

/* --- intercept handlers ------------------------------------------------- */

typedef int (*icpt_handler)(struct vcpu *v, struct vcpu_exit *e);

static int icpt_instruction(struct vcpu *v, struct vcpu_exit *e)
{
	const struct sie_block *sd = v->arch.sd;
	struct emu em = {.v = v, .p = v->part, .cpu = &v->arch.cpu, .e = e};

	put_be16(em.insn, sd->ipa);
	put_be32(em.insn + 2, sd->ipb);
	em.ilen = insn_length(em.insn[0]);
	return emulate_insn(&em);
}

/* Hercules reflects a store into a read-only slot (a host protection) as
 * the guest's own DAT protection: TEID bit 61 and the address. When the
 * guest's translation of that address permits the store and lands in a
 * read-only slot, the protection is the slot's: the guest gets the TEID
 * host_fault() gives it on a machine that reports a host interruption.
 * A guest's own DAT or low-address protection is left as it is. */
static u64 reflected_teid(struct vcpu *v, u16 code, u64 teid)
{
	u64 abs, t;

	if ((code & 0x7f) != PGM_PROTECTION || !(teid & 4) ||
	    gmem_translate(v->part, &v->arch.cpu, teid & ~0xfffull, true, &abs, &t) != 0)
		return teid;
	if (partition_gpa_ptr(v->part, gpa(abs), 1, false) &&
	    !partition_gpa_ptr(v->part, gpa(abs), 1, true))
		return 0;
	return teid;
}

/* A program interruption the guest must see (Hercules intercepts
 * addressing, specification, protection and special-operation exceptions
 * unconditionally): reflect it as it was recognised. */
static int icpt_program(struct vcpu *v, struct vcpu_exit *e)
{
	const struct sie_block *sd = v->arch.sd;

	if (inject_pgm(v, sd->iprcc, sd->pgmilc & 7, reflected_teid(v, sd->iprcc, sd->teid),
	               sd->dxc) != HV_OK)
		return fault(e, "program interruption 0x%04x with no lowcore to present it",
		             sd->iprcc);
	return EMU_CONTINUE;
}

/* The guest enabled for an interruption we asked SIE to wait for, or it
 * waits: the run loop presents what is pending, or idles. */
static int icpt_resume(struct vcpu *v, struct vcpu_exit *e)
{
	(void)v;
	(void)e;
	return EMU_CONTINUE;
}

/* An external interruption SIE recognised for the guest without
 * presenting it (its clock comparator or CPU timer): the run loop sees the
 * same condition in the stored state and presents it. Anything else is
 * presented as SIE reported it. */
static int icpt_ext_interruption(struct vcpu *v, struct vcpu_exit *e)
{
	const struct sie_block *sd = v->arch.sd;

	if (sd->ext_int_code == EXT_CLOCK_COMPARATOR || sd->ext_int_code == EXT_CPU_TIMER)
		return EMU_CONTINUE;
	if (inject_ext(v, sd->ext_int_code, sd->ext_cpu_addr, sd->ext_params) != HV_OK)
		return fault(e, "external interruption with no lowcore to present it");
	return EMU_CONTINUE;
}

static int icpt_validity(struct vcpu *v, struct vcpu_exit *e)
{
	const struct sie_block *sd = v->arch.sd;

	return fault(e, "SIE validity intercept (ipa %04x ipb %08x)", sd->ipa, sd->ipb);
}

static int icpt_operation(struct vcpu *v, struct vcpu_exit *e)
{
	const struct sie_block *sd = v->arch.sd;

	if (inject_pgm(v, PGM_OPERATION, insn_length((u8)(sd->ipa >> 8)), 0, 0) != HV_OK)
		return fault(e, "operation exception with no lowcore to present it");
	return EMU_CONTINUE;
}

static const icpt_handler icpt_handlers[ICPT_MAX / 4] = {
    [0] = icpt_resume, /* none: a host interruption ended SIE */
    [ICPT_INST / 4] = icpt_instruction,
    [ICPT_PROGI / 4] = icpt_program,
    [ICPT_INSTPROGI / 4] = icpt_program,
    [ICPT_EXTREQ / 4] = icpt_resume,
    [ICPT_EXTINT / 4] = icpt_ext_interruption,
    [ICPT_IOREQ / 4] = icpt_resume,
    [ICPT_WAIT / 4] = icpt_resume,
    [ICPT_VALIDITY / 4] = icpt_validity,
    [ICPT_STOP / 4] = icpt_resume,
    [ICPT_OPEREXC / 4] = icpt_operation,
};

static const u8 icpt_stat[ICPT_MAX / 4] = {
    [0] = STAT_OTHER,
    [ICPT_INST / 4] = STAT_INST,
    [ICPT_PROGI / 4] = STAT_PGM,
    [ICPT_INSTPROGI / 4] = STAT_INSTPGM,
    [ICPT_EXTREQ / 4] = STAT_EXTREQ,
    [ICPT_EXTINT / 4] = STAT_EXTINT,
    [ICPT_IOREQ / 4] = STAT_IOREQ,
    [ICPT_WAIT / 4] = STAT_WAIT,
    [ICPT_VALIDITY / 4] = STAT_VALIDITY,
    [ICPT_STOP / 4] = STAT_STOP,
    [ICPT_OPEREXC / 4] = STAT_OPEREXC,
};

static int dispatch(struct vcpu *v, struct vcpu_exit *e)
{
	u8 code = v->arch.sd->icptcode;
	struct s390_stats *st = &v->part->arch.stats;

	if ((code & 3) || code / 4 >= ARRAY_SIZE(icpt_handlers) || !icpt_handlers[code / 4]) {
		stat_inc(&st->reason[STAT_OTHER]);
		return fault(e, "unknown SIE interception code 0x%02x", code);
	}
	stat_inc(&st->reason[code / 4 ? icpt_stat[code / 4] : STAT_OTHER]);
	return icpt_handlers[code / 4](v, e);
}

/* A host program interruption ended SIE. The guest PSW was nullified (it
 * points at the instruction); both answers below suppress it, so the PSW
 * moves past the instruction (an instruction fetch: nothing to pass).
 * - A host translation exception: the guest touched absolute storage that
 *   no slot backs, its addressing exception.
 * - A host protection exception on a read-only slot's page: the guest
 *   stored into it, its protection exception. The TEID carries no address:
 *   the host saw the absolute one, not the guest's logical one, and for a
 *   protection that is neither DAT nor low-address protection bits 0-51
 *   are unpredictable anyway. */
static int host_fault(struct vcpu *v, struct vcpu_exit *e)
{
	const struct lowcore *lc = lowcore();
	u16 code = lc->pgm_code, answer = PGM_ADDRESSING;
	u64 teid = lc->teid, g = teid & ~0xfffull;
	struct s390_cpu *cpu = &v->arch.cpu;

	stat_inc(&v->part->arch.stats.reason[STAT_HOSTFAULT]);
	switch (code & 0x7f) {
	case PGM_SEGMENT_TRANSLATION:
	case PGM_PAGE_TRANSLATION:
	case PGM_ASCE_TYPE:
	case PGM_REGION_FIRST_TRANS:
	case PGM_REGION_SECOND_TRANS:
	case PGM_REGION_THIRD_TRANS:
		if (partition_gpa_ptr(v->part, gpa(g), 1, false))
			return fault(e, "host DAT fault at guest %llx, inside its storage",
			             (unsigned long long)g);
		break;
	case PGM_PROTECTION:
		if (!partition_gpa_ptr(v->part, gpa(g), 1, false) ||
		    partition_gpa_ptr(v->part, gpa(g), 1, true))
			return fault(e, "host protection at guest %llx, not a read-only slot",
			             (unsigned long long)g);
		answer = PGM_PROTECTION;
		break;
	default:
		return fault(e, "host program interruption 0x%04x during SIE (TEID %016llx)", code,
		             (unsigned long long)teid);
	}
	u8 op;
	u64 unused;
	u32 ilen = 0; /* an instruction fetch from missing storage */
	if (gmem_read(v->part, cpu, cpu->psw.addr, &op, 1, &unused) == 0)
		ilen = insn_length(op);
	cpu->psw.addr = emu_wrap(cpu, cpu->psw.addr + ilen);
	if (inject_pgm(v, answer, ilen, 0, 0) != HV_OK)
		return fault(e, "program interruption 0x%04x with no lowcore to present it",
		             answer);
	return EMU_CONTINUE;
}

/* --- the run loop --------------------------------------------------------- */

/* Requests posted by SIGP (ours or another vCPU's). Returns true when the
 * vCPU stopped. */
static void process_requests(struct vcpu *v)
{
	struct arch_vcpu *a = &v->arch;

	if (!__atomic_load_n(&a->requests, __ATOMIC_ACQUIRE))
		return;
	/* Under the lock the posters take, and cleared only once carried
	 * out: until then the vCPU stays runnable (arch_vcpu_runnable), so no
	 * CPU sees it stopped with an order about to start it again. */
	spin_lock(&a->lock);
	u32 req = __atomic_load_n(&a->requests, __ATOMIC_ACQUIRE);
	if (req & VREQ_INITIAL_RESET)
		cpu_state_initial_reset(v);
	else if (req & VREQ_CPU_RESET)
		cpu_state_reset(v);
	if (req & VREQ_STOP) {
		if (req & VREQ_STORE_STATUS)
			cpu_state_stop_store_status(v);
		__atomic_store_n(&a->stopped, 1, __ATOMIC_RELEASE);
	}
	if (req & VREQ_RESTART) {
		__atomic_store_n(&a->stopped, 0, __ATOMIC_RELEASE);
		inject_restart(v);
	}
	__atomic_fetch_and(&a->requests, ~req, __ATOMIC_ACQ_REL);
	spin_unlock(&a->lock);
}

/* The guest loaded a wait PSW and nothing it is enabled for is pending. */
static void enter_wait(struct vcpu *v, struct vcpu_exit *e, u64 now)
{
	const struct psw *psw = &v->arch.cpu.psw;

	if (!(psw->mask & (PSW_MASK_EXT | PSW_MASK_IO))) {
		/* QEMU takes a wait address ending in 0xfff (or 0) as a clean
		 * shutdown, any other as a crash carrying a code. */
		bool clean = psw->addr == 0 || (psw->addr & 0xfff) == 0xfff;
		e->kind = VEXIT_DONE;
		e->status = clean ? 0 : (psw->addr & 0xff) ? (int)(psw->addr & 0xff) : 1;
		hv_snprintf(e->why, sizeof(e->why), "disabled wait PSW %016llx %016llx",
		            (unsigned long long)psw->mask, (unsigned long long)psw->addr);
		return;
	}
	e->kind = VEXIT_IDLE;
	e->deadline = inject_wakeup_deadline(v, now);
	u64 wdt = __atomic_load_n(&v->part->arch.wdt_deadline, __ATOMIC_ACQUIRE);
	if (wdt && wdt < e->deadline)
		e->deadline = wdt;
}

static void run(struct vcpu *v, struct vcpu_exit *e);

/* The CPU timer runs while the vCPU runs, handles an intercept or waits
 * (an enabled wait is the operating state), not while it waits for its
 * turn on a shared CPU or is stopped: the time a vCPU spends off its CPU
 * while it could run is left out, as under z/VM. */
void arch_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	struct arch_vcpu *a = &v->arch;

	if (a->off_cpu) {
		a->left_guest = arch_timer_now();
		a->off_cpu = 0;
	}
	u32 resets = a->timer_resets;
	run(v, e);
	if (e->kind != VEXIT_IDLE) {
		/* A stopped vCPU's state is open to other CPUs' SIGP orders
		 * (under its lock), and an initial reset, by them or by this run,
		 * set its CPU timer to 0: the time run before it is not charged. */
		bool stopped = e->kind == VEXIT_STOPPED;
		if (stopped)
			spin_lock(&a->lock);
		u64 now = arch_timer_now();
		if (a->timer_resets == resets)
			a->cpu.cputm -= now - a->left_guest;
		a->left_guest = now;
		a->off_cpu = 1;
		if (stopped)
			spin_unlock(&a->lock);
	}
}

static void run(struct vcpu *v, struct vcpu_exit *e)
{
	struct partition *p = v->part;
	struct arch_vcpu *a = &v->arch;
	struct sie_block *sd = a->sd;

	load_cr1(p->arch.asce);
	ptlb();
	a->slice_end = 0; /* idling may have moved the clock comparator */
	for (;;) {
		process_requests(v);
		if (__atomic_load_n(&a->stopped, __ATOMIC_ACQUIRE)) {
			e->kind = VEXIT_STOPPED;
			return;
		}
		if (__atomic_load_n(&v->kick, __ATOMIC_ACQUIRE) || p->state != PART_RUNNING ||
		    __atomic_load_n(&p->resetting, __ATOMIC_ACQUIRE)) {
			e->kind = VEXIT_PREEMPT;
			return;
		}
		u64 now = arch_timer_now();
		if (now >= v->slice_end) { /* the scheduler's turn is over */
			e->kind = VEXIT_PREEMPT;
			return;
		}
		if (diag288_expired(v, now, e))
			return;
		/* The CPU timer also runs while the host handles an intercept
		 * or the guest waits. */
		a->cpu.cputm -= now - a->left_guest;
		a->left_guest = now;
		if (inject_pending(v, now) != HV_OK) {
			fault(e, "its lowcore (prefix %x) is not storage", a->cpu.prefix);
			return;
		}
		if (a->cpu.psw.mask & PSW_MASK_WAIT) {
			enter_wait(v, e, now);
			return;
		}
		u32 flags = SIE_CPUFLAGS_ZARCH;
		if (inject_ext_waiting_for_psw(v, now))
			flags |= SIE_CPUFLAGS_EXT;
		/* Arm the host clock comparator only when no earlier deadline
		 * is armed: not on every intercept round trip. Not in a trace
		 * window: traced host code is so slow in TOD time that the
		 * deadline would pass before the guest ran an instruction, on
		 * every entry (a signal CR0 masks then waits for the guest's
		 * next exit, and a window had better be short). */
		if (a->trace) {
			a->slice_end = 0;
		} else if (inject_ext_masked_by_cr0(v)) {
			a->slice_end = now + POLL_TICKS;
			arch_timer_set_deadline(a->slice_end);
		} else if (now >= a->slice_end) {
			a->slice_end = now + SLICE_TICKS;
			if (v->slice_end < a->slice_end) /* a time slice ends first */
				a->slice_end = v->slice_end;
			arch_timer_set_deadline(a->slice_end);
		}
		/* Up to the entry, too: the host path of an intercept is not
		 * short next to a guest that exits often. */
		u64 enter = arch_timer_now();
		a->cpu.cputm -= enter - a->left_guest;
		a->left_guest = enter;
		state_to_sd(v);
		sd->cpuflags = flags;
		sd->icptcode = 0;
		__atomic_store_n(&a->in_guest, 1, __ATOMIC_RELAXED);
		int rc = sie64a(sd, a->cpu.gprs, a->trace);
		__atomic_store_n(&a->in_guest, 0, __ATOMIC_RELAXED);
		/* SIE has decremented the SD's CPU timer for the time in the
		 * guest: count host time from here, not from before the entry,
		 * or that time is subtracted twice. */
		a->left_guest = arch_timer_now();
		/* A host interruption ended SIE (a kick, or the clock
		 * comparator, which its handler disarmed): arm it again. */
		if (sd->icptcode == ICPT_STOP || sd->icptcode == 0)
			a->slice_end = 0;
		state_from_sd(v);
		int r = rc == SIE_EXIT_HOST_FAULT ? host_fault(v, e) : dispatch(v, e);
		if (r == EMU_EXIT)
			return;
	}
}

void arch_partition_report(struct partition *p)
{
	stats_report(p);
}

u64 arch_elf_segment_gpa(u64 vaddr, u64 paddr)
{
	(void)vaddr;
	return paddr;
}

u16 arch_elf_machine(void)
{
	return EM_S390;
}
