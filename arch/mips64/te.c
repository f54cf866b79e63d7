/* SPDX-License-Identifier: MIT */
/* The trap-and-emulate backend: MIPS guests on a CPU without VZ (QEMU's
 * Loongson-3 models). The guest kernel runs in user mode with CU0 clear and
 * UX set (64-bit operations allowed); its CP0 and TLB are the soft copies
 * of the emulation layer; a shadow TLB maps it (te_mmu.c).
 *
 * One exit path: guest -> vector -> mips_te_exit -> te_enter() returns the
 * frame -> dispatch() on the ExcCode -> the emulation layer or a reflection
 * into the guest -> enter again, until something needs core (a host
 * interrupt, WAIT with nothing pending, the guest's end, a reset, a fault).
 *
 * What the guest sees of CPUCFG (Loongson's lwc2-encoded cpucfg):
 *  - 3A1000 model: CPUCFG raises Reserved Instruction in user mode, so it is
 *    emulated: CFG0 = 0x14c000, CFG1/CFG2 = a Loongson-3 baseline masked as
 *    KVM masks them (no VZ, no IOCSR), CFG3 = 0, every other word 0.
 *  - 3A4000 model: QEMU executes CPUCFG in user mode without a trap, so the
 *    guest reads the model's own words, unfiltered (QEMU 10.0.2: CFG0
 *    0x14c000, CFG1 0x6e3f0025, CFG2 0x18000001 = LEXT1 | LCSRP |
 *    LDISBLIKELY, CFG3 0): IOCSR is advertised although a guest has none.
 *    The emulation (the host's words, masked) runs only where it traps
 *    (and on VZ, where CPUCFG exits).
 * Guest FPU: when the guest sets Status.CU1 the host runs it with CU1 (and
 * FR) too, only where Config5.SBRI keeps a user-mode sdbbp out of debug mode
 * (else the guest has no FPU: see debug_mode_escape). The hypervisor is soft-float, so the FPU
 * state stays the guest's across exits without being saved. */
#include "arch/te.h"
#include "arch/backend.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/timer.h"
#include "hv/arch/vcpu.h"
#include "hv/console.h"
#include "hv/lib.h"
#include "hv/panic.h"

#define HOST_GUEST_STATUS (ST_EXL | ST_IE | ST_UX | ST_KX | 0x10u /* KSU = user */)
#define A0 4
#define A1 5
#define A2 6
#define A3 7

_Static_assert(__builtin_offsetof(struct mips_guest_ctx, hi) == FRAME_HI, "te_enter layout");
_Static_assert(__builtin_offsetof(struct mips_guest_ctx, lo) == FRAME_LO, "te_enter layout");
_Static_assert(__builtin_offsetof(struct mips_guest_ctx, pc) == FRAME_EPC, "te_enter layout");

static int te_partition_init(struct partition *p)
{
	if (READ_ONCE(mips_sdbbp_guard) == SDBBP_GUARD_NONE) {
		hv_log("mips64: partition refused: a guest's sdbbp would run the boot ROM in "
		       "EJTAG debug mode (no Config5.SBRI, and the debug vector does not trap)");
		return HV_E_NODEV;
	}
	p->arch.lock = (spinlock_t)SPINLOCK_INIT;
	te_devices_reset(p);
	return HV_OK;
}

static void te_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b)
{
	struct arch_vcpu *a = &v->arch;
	/* no FPU for the guest where only the ROM keeps sdbbp out of debug
	 * mode: that guard holds only while the host's Status.CU1 is clear */
	u32 fp = READ_ONCE(mips_sdbbp_guard) == SDBBP_GUARD_SBRI ? 0 : 0x1u /* Config1.FP */;
	const u32 cfg[4] = {read_c0_config(), read_c0_config1() & ~fp, read_c0_config2(),
	                    read_c0_config3()};

	a->ctx.ops = &te_emu_ops;
	a->ctx.opaque = v;
	mips_emu_reset(&a->ctx, v->id, read_c0_prid(), cfg);
	te_shadow_drop(v);
	a->waiting = a->resume_bd = false;
	a->exit_kind = 0;
	a->started = b != NULL;
	if (v->id == 0)
		te_devices_reset(v->part);
	if (b)
		mips_guest_boot(v, b, te_window_pc(b->entry.v));
}

bool arch_vcpu_runnable(const struct vcpu *v)
{
	return v->arch.started;
}

u64 arch_elf_segment_gpa(u64 vaddr, u64 paddr)
{
	if (vaddr >= TE_KSEG0 && vaddr < TE_KSEG0 + 2 * TE_WINDOW)
		return vaddr & (TE_WINDOW - 1);
	if (vaddr >= 0xffffffff80000000ull && vaddr < 0xffffffffc0000000ull)
		return vaddr & KSEG_PHYS_MASK;
	return paddr;
}

u16 arch_elf_machine(void)
{
	return 8; /* EM_MIPS */
}

/* The guest's exception exactly as the host took it. */
static void reflect(struct vcpu *v, const struct mips_frame *f, u32 code, bool bd)
{
	u32 flags = (code == EXC_CODE_ADEL || code == EXC_CODE_ADES) ? RAISE_BADVADDR : 0;

	v->arch.exits[TE_EXIT_REFLECT]++;
	mips_emu_raise(&v->arch.ctx, code, f->epc, bd, f->badvaddr, flags,
	               ((u32)f->cause >> C0_CAUSE_CE_SHIFT) & 3);
}

/* A guest's `sdbbp` must not run anything in the CPU's EJTAG debug mode
 * (the debug vector in the boot ROM, kernel privileges, interrupts off).
 * Where the CPU has Config5.SBRI (the 3A4000 model) it is set on every CPU
 * and a user-mode sdbbp raises Reserved Instruction: an ordinary RI exit.
 * Where it has not (the 3A1000 model), mips_cpu_setup checked at boot that
 * the ROM is nops from the vector up to an FPU instruction, which raises
 * Coprocessor Unusable because the guest never runs with Status.CU1 there
 * (its Config1.FP is clear); without either guard no partition starts.
 * (On QEMU with -semihosting-config enable=on, user-mode semihosting stays
 * disabled, so it is not a UHI call either.) That CpU brings the CPU here,
 * still in debug mode: returning to the guest like that would run it with
 * kernel privileges. So debug mode is left with DERET into the hypervisor,
 * and the guest gets what SDBBP is on a CPU without EJTAG: Reserved
 * Instruction. */
#define DEBUG_DM (1u << 30)
#define DEBUG_DBD (1u << 31)

static bool debug_mode_escape(struct vcpu *v, const struct mips_frame *f)
{
	u32 dbg;
	u64 depc, tmp;

	if (f->epc < TE_KSEG1 + TE_WINDOW) /* guest code: an ordinary trap */
		return false;
	__asm__ volatile("mfc0 %0, $23, 0" : "=r"(dbg));
	if (!(dbg & DEBUG_DM))
		return false;
	__asm__ volatile("dmfc0 %0, $24, 0" : "=r"(depc));
	__asm__ volatile(".set push\n\t.set noreorder\n\t"
	                 "dla %0, 1f\n\t"
	                 "dmtc0 %0, $24, 0\n\t"
	                 "ehb\n\t"
	                 "deret\n"
	                 "1:\n\t.set pop"
	                 : "=&r"(tmp)
	                 :
	                 : "memory");
	v->arch.exits[TE_EXIT_REFLECT]++;
	v->arch.ctx.pc = depc;
	mips_emu_raise(&v->arch.ctx, EXC_CODE_RI, depc, dbg & DEBUG_DBD, 0, 0, 0);
	return true;
}

/* One exit. Returns true to enter the guest again. */
static bool dispatch(struct vcpu *v, const struct mips_frame *f, struct vcpu_exit *e)
{
	struct mips_guest_ctx *c = &v->arch.ctx;
	u32 cause = (u32)f->cause, code = (cause >> CAUSE_EXC_SHIFT) & CAUSE_EXC_MASK;
	bool bd = cause & CAUSE_BD;

	v->arch.resume_bd = false;
	if (debug_mode_escape(v, f))
		return true;
	switch (code) {
	case EXC_CODE_INT:
		v->arch.exits[TE_EXIT_IRQ]++;
		v->arch.resume_bd = bd;
		mips_irq_handle(cause & (u32)f->status & CAUSE_IP_MASK);
		return false; /* VEXIT_PREEMPT: core looks at its kicks */
	case EXC_CODE_CPU:
		if (((cause >> C0_CAUSE_CE_SHIFT) & 3) != 0) {
			reflect(v, f, code, bd); /* FPU/COP2 the guest did not enable */
			return true;
		}
		v->arch.exits[TE_EXIT_CPU]++;
		return mips_guest_result(v, mips_emulate(c, TRAP_PRIV, bd), e);
	case EXC_CODE_RI:
		v->arch.exits[TE_EXIT_RI]++;
		return mips_guest_result(v, mips_emulate(c, TRAP_RI, bd), e);
	case EXC_CODE_MOD:
	case EXC_CODE_TLBL:
	case EXC_CODE_TLBS:
		return mips_guest_result(v, te_tlb_fault(v, code, f->badvaddr, bd), e);
	case EXC_CODE_ADEL:
	case EXC_CODE_ADES:
		return mips_guest_result(v, te_addr_error(v, code, f->badvaddr, bd), e);
	case EXC_CODE_SYS:
	case EXC_CODE_BP:
	case EXC_CODE_OV:
	case EXC_CODE_TR:
	case EXC_CODE_FPE:
	case 16: /* implementation-specific */
	case 18: /* C2E */
	case 21: /* MSA disabled */
	case 22: /* MDMX */
		reflect(v, f, code, bd);
		return true;
	default: /* bus errors, machine check, watch: nothing a guest causes */
		mips_guest_fault(v, e, "unexpected host exception");
		return false;
	}
}

/* Interrupt lines and the timer into the soft Cause; deliver if due. */
static void update_irqs(struct vcpu *v)
{
	struct mips_guest_ctx *c = &v->arch.ctx;

	mips_timer_update(c);
	mips_set_irq_lines(c, te_device_irq_lines(v));
}

static void run(struct vcpu *v, struct vcpu_exit *e)
{
	struct arch_vcpu *a = &v->arch;
	struct mips_guest_ctx *c = &a->ctx;

	for (;;) {
		update_irqs(v);
		if (a->waiting) {
			if (!mips_irq_deliverable(c)) {
				e->kind = VEXIT_IDLE;
				e->deadline = mips_timer_deadline(c);
				return;
			}
			a->waiting = false;
		}
		if (READ_ONCE(v->kick))
			return; /* VEXIT_PREEMPT */
		if (mips_irq_deliverable(c)) {
			a->exits[TE_EXIT_VIRQ]++;
			mips_deliver_irq(c, a->resume_bd);
			a->resume_bd = false;
		}
		c->pc = te_window_pc(c->pc);
		u32 st = (read_c0_status() & ST_IM_MASK) | HOST_GUEST_STATUS;
		if (mips_sdbbp_guard == SDBBP_GUARD_SBRI) /* else never CU1: see cpu.c */
			st |= (u32)c->cp0.status & (C0_ST_CU1 | C0_ST_FR);
		if (st & C0_ST_CU1)
			mips_fpu_claim(v, st & C0_ST_FR);
		u64 deadline = mips_timer_deadline(c);
		if (v->slice_end < deadline) /* the scheduler's turn ends first */
			deadline = v->slice_end;
		if (deadline != ~0ull)
			arch_timer_set_deadline(deadline);
		const struct mips_frame *f = te_enter(c, st, te_host_asid(v), 0);
		mips_frame_to_ctx(c, f);
		if (!dispatch(v, f, e))
			return;
	}
}

/* The hypervisor runs with ASID 0 in EntryHi, never a guest's: a stray
 * useg access by it then faults instead of reaching a guest's shadow
 * mappings (mips_te_exit sets 0 on every exit; tlb_install restores it).
 * Checked on the way in, which catches a leak on any earlier path, and
 * made so on every way out. */
static void te_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	u64 hi = read_c0_entryhi();

	if (hi & C0_ENTRYHI_ASID)
		panic("mips64: EntryHi 0x%llx: the hypervisor runs with a guest's ASID",
		      (unsigned long long)hi);
	run(v, e);
	write_c0_entryhi(0);
}

static const u32 *te_exit_counts(const struct vcpu *v)
{
	return v->arch.exits;
}

static u32 te_insn_group(u32 r)
{
	return r == TE_EXIT_CPU ? 1 : r == TE_EXIT_RI ? 2 : r == TE_EXIT_MMIO ? 3 : 0;
}

const struct mips_backend mips_te_backend = {
    .name = "trap-and-emulate",
    .partition_init = te_partition_init,
    .vcpu_reset = te_vcpu_reset,
    .vcpu_run = te_vcpu_run,
    .entry_pc = te_window_pc,
    .exit_names = te_exit_names,
    .nr_exits = TE_EXIT_NR,
    .exit_counts = te_exit_counts,
    .insn_group = te_insn_group,
};
