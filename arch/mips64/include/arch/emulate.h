/* SPDX-License-Identifier: MIT */
/* The MIPS64 instruction emulation layer, shared by the trap-and-emulate
 * backend (CpU / RI / TLB traps of a guest running in user mode) and the VZ
 * backend (GPSI and root-TLB exits). It knows nothing about either: it works
 * on a struct mips_guest_ctx (GPRs, hi/lo, pc, a soft CP0 and a soft guest
 * TLB) and reaches guest memory, devices, the host cache and the guest TLB's
 * shadow only through the callbacks in struct mips_emu_ops.
 *
 * Plain C with no hypervisor dependencies beyond hv/types.h, so that the
 * same files build for the host and run under ctest. */
#ifndef ARCH_EMULATE_H
#define ARCH_EMULATE_H

#include "hv/types.h"

#define MIPS_GUEST_TLB_SIZE 64
#define MIPS_SEGBITS 48

/* Exception codes (Cause.ExcCode). */
enum {
	EXC_CODE_INT = 0,
	EXC_CODE_MOD = 1,
	EXC_CODE_TLBL = 2,
	EXC_CODE_TLBS = 3,
	EXC_CODE_ADEL = 4,
	EXC_CODE_ADES = 5,
	EXC_CODE_IBE = 6,
	EXC_CODE_DBE = 7,
	EXC_CODE_SYS = 8,
	EXC_CODE_BP = 9,
	EXC_CODE_RI = 10,
	EXC_CODE_CPU = 11,
	EXC_CODE_OV = 12,
	EXC_CODE_TR = 13,
	EXC_CODE_FPE = 15,
};

/* Soft CP0 bits the layer interprets. */
#define C0_ST_IE 0x1u
#define C0_ST_EXL 0x2u
#define C0_ST_ERL 0x4u
#define C0_ST_KSU 0x18u
#define C0_ST_UX 0x20u
#define C0_ST_SX 0x40u
#define C0_ST_KX 0x80u
#define C0_ST_IM 0xff00u
#define C0_ST_NMI (1u << 19)
#define C0_ST_SR (1u << 20)
#define C0_ST_BEV (1u << 22)
#define C0_ST_PX (1u << 23)
#define C0_ST_FR (1u << 26)
#define C0_ST_CU0 (1u << 28)
#define C0_ST_CU1 (1u << 29)
#define C0_CAUSE_IP_SHIFT 8
#define C0_CAUSE_IP 0xff00u
#define C0_CAUSE_IP_SW 0x0300u /* IP1..0: software interrupts */
#define C0_CAUSE_IP7 0x8000u
#define C0_CAUSE_IV (1u << 23)
#define C0_CAUSE_DC (1u << 27)
#define C0_CAUSE_TI (1u << 30)
#define C0_CAUSE_BD 0x80000000u
#define C0_CAUSE_CE_SHIFT 28
#define C0_ENTRYHI_ASID 0xffull
#define C0_ENTRYHI_EHINV (1ull << 10)
#define C0_ENTRYLO_G 0x1ull
#define C0_ENTRYLO_V 0x2ull
#define C0_ENTRYLO_D 0x4ull
#define C0_ENTRYLO_C_SHIFT 3
#define C0_ENTRYLO_PFN_SHIFT 6
#define C0_ENTRYLO_MASK 0x3fffffffull /* PFN 29:6, C, D, V, G (no LPA, no RI/XI) */
#define C0_PAGEMASK_MASK 0x1fffe000u
#define C0_INDEX_P 0x80000000u
#define C0_CONFIG6_GUEST_WRITABLE 0xc0u /* INTIMER | EXTIMER */
#define C0_DIAG_BTB (1u << 1)
#define C0_DIAG_ITLB (1u << 2)
#define C0_DIAG_DTLB (1u << 3)
#define C0_DIAG_VTLB (1u << 12)
#define C0_DIAG_FTLB (1u << 13)

/* A soft guest TLB entry: EntryHi (VPN2, ASID; EHINV when invalidated),
 * EntryLo0/1 with G kept in both, and PageMask. */
struct mips_tlbe {
	u64 hi, lo0, lo1;
	u32 mask;
	u32 pad;
};

/* The guest's CP0 as software sees it. Count is virtual: count_bias is
 * added to the backend's time base (ops->now). */
struct mips_cp0 {
	u64 index, random, entrylo0, entrylo1, context, userlocal;
	u64 pagemask, pagegrain, wired, hwrena, badvaddr, badinstr;
	u64 entryhi, compare, status, intctl, srsctl, cause, epc, prid, ebase;
	u64 config[8];
	u64 lladdr, xcontext, diag, errctl, errorepc, desave;
	u64 taglo[4], taghi[4];
	u64 kscratch[8]; /* sel 2..7 */
	/* virtual Count */
	u64 count_bias;   /* Count = (u32)(now + count_bias) */
	u64 timer_next;   /* `now` at which Count next equals Compare */
	u32 count_frozen; /* Count while Cause.DC is set */
	u32 random_state;
};

struct mips_guest_ctx;

/* Results of the emulation entry points. */
enum mips_emu_result {
	EMU_DONE = 0,  /* emulated; pc moved on (next insn or branch target) */
	EMU_EXCEPTION, /* an exception was raised into the guest; pc = its vector */
	EMU_WAIT,      /* WAIT emulated (pc moved on): idle until an interrupt */
	EMU_HYPERCALL, /* `hypcall`: pc moved on; the backend serves c->hcall_code */
	EMU_EXIT,      /* a device asked to end/reset the guest (backend knows which) */
	EMU_UNHANDLED, /* not an instruction this trap kind emulates */
	EMU_FAIL,      /* hostile or impossible state (e.g. fetch failed) */
};

/* Which trap brought the instruction in. */
enum mips_trap_kind {
	TRAP_PRIV, /* Coprocessor Unusable (T&E) / GPSI (VZ): CP0, TLB, cache ... */
	TRAP_RI,   /* Reserved Instruction: CPUCFG (3A1000), RDHWR */
	TRAP_MMIO, /* a load/store to an address the backend emulates */
};

/* Counters by emulated instruction (index into ctx->insn_stats). */
enum mips_emu_stat {
	ST_MFC0,
	ST_MTC0,
	ST_DMFC0,
	ST_DMTC0,
	ST_TLBR,
	ST_TLBWI,
	ST_TLBWR,
	ST_TLBP,
	ST_TLBINV,
	ST_TLBINVF,
	ST_ERET,
	ST_WAIT,
	ST_DI,
	ST_EI,
	ST_CACHE,
	ST_SYNCI,
	ST_RDHWR,
	ST_CPUCFG,
	ST_HYPCALL,
	ST_LOAD,
	ST_STORE,
	ST_NR
};
extern const char *const mips_emu_stat_names[ST_NR];

struct mips_emu_ops {
	/* Time base for Count, in Count ticks (monotonic, 64-bit). */
	u64 (*now)(struct mips_guest_ctx *c);
	/* Read one instruction word at guest-virtual va as the guest's fetch
	 * would; false if it cannot be read (no exception is raised). */
	bool (*fetch)(struct mips_guest_ctx *c, u64 va, u32 *insn);
	/* A data access of `size` bytes (1..8, any alignment inside one
	 * doubleword) at guest-virtual va, as the trapped instruction made it.
	 * Loads fill *val (little-endian, zero-extended). Returns EMU_DONE, or
	 * EMU_EXCEPTION after raising the architected exception into c (TLB,
	 * bus error), or EMU_EXIT when a device ended the guest. */
	int (*access)(struct mips_guest_ctx *c, u64 va, unsigned size, bool write, u64 *val);
	/* Translate guest-virtual va for a hit cache op / SYNCI: EMU_DONE with
	 * *gpa, or EMU_EXCEPTION after raising the TLB/address exception. */
	int (*translate)(struct mips_guest_ctx *c, u64 va, bool write, u64 *gpa);
	/* Cache maintenance. index: op on the host cache line selected by the
	 * index bits of va (backends do only the safe, write-back kinds).
	 * hit: op on guest-physical gpa (already translated). May be NULL. */
	void (*cache_index)(struct mips_guest_ctx *c, u32 op, u64 va);
	void (*cache_hit)(struct mips_guest_ctx *c, u32 op, u64 gpa);
	/* The guest TLB changed (any write, invalidate, DIAG flush) or the
	 * guest's kseg0 cacheability changed: shadows must be dropped. */
	void (*tlb_changed)(struct mips_guest_ctx *c);
	/* The host CPU's CPUCFG word `sel`, false if the host has no CPUCFG. */
	bool (*host_cpucfg)(struct mips_guest_ctx *c, u32 sel, u32 *val);
	/* FPU condition code cc (BC1F/BC1T in a branch-delay slot); false if
	 * unknown (the guest has no FPU state). May be NULL. */
	bool (*fp_cc)(struct mips_guest_ctx *c, u32 cc);
	/* Whether guest-physical gpa is memory (a slot, read-only or not)
	 * rather than a device. A misaligned load or store that traps to
	 * memory (a read-only slot) is then done byte by byte, as Loongson-3
	 * does misaligned accesses to memory; one to a device is an address
	 * error. May be NULL: every emulated address is a device. */
	bool (*is_memory)(struct mips_guest_ctx *c, u64 gpa);
};

struct mips_guest_ctx {
	u64 gpr[32];
	u64 hi, lo;
	u64 pc;
	struct mips_cp0 cp0;
	struct mips_tlbe tlb[MIPS_GUEST_TLB_SIZE];
	u32 nr_tlb;
	u32 llbit;
	u32 cpunum;     /* EBase.CPUNum */
	u32 hcall_code; /* the `hypcall` code field, for EMU_HYPERCALL */
	/* The trapped instruction: where it was and whether it sits in a
	 * branch-delay slot (then trap_pc is the branch). Set by
	 * mips_emulate(); exceptions raised meanwhile use them. */
	u64 trap_pc;
	bool trap_bd;
	u32 insn_stats[ST_NR];
	const struct mips_emu_ops *ops;
	void *opaque; /* the backend's */
};

/* --- decoding (decode.c) -------------------------------------------------- */

enum mips_op {
	OP_INVALID = 0,
	/* CP0 */
	OP_MFC0,
	OP_DMFC0,
	OP_MTC0,
	OP_DMTC0,
	OP_DI,
	OP_EI,
	OP_TLBR,
	OP_TLBWI,
	OP_TLBINV,
	OP_TLBINVF,
	OP_TLBWR,
	OP_TLBP,
	OP_ERET,
	OP_DERET,
	OP_WAIT,
	OP_HYPCALL,
	OP_CACHE,
	OP_SYNCI,
	OP_RDHWR,
	OP_CPUCFG,
	/* loads and stores */
	OP_LB,
	OP_LBU,
	OP_LH,
	OP_LHU,
	OP_LW,
	OP_LWU,
	OP_LD,
	OP_SB,
	OP_SH,
	OP_SW,
	OP_SD,
	OP_LWL,
	OP_LWR,
	OP_LDL,
	OP_LDR,
	OP_SWL,
	OP_SWR,
	OP_SDL,
	OP_SDR,
	OP_GSLBX,
	OP_GSLHX,
	OP_GSLWX,
	OP_GSLDX,
	OP_GSSBX,
	OP_GSSHX,
	OP_GSSWX,
	OP_GSSDX,
	OP_LL,
	OP_LLD,
	OP_SC,
	OP_SCD,
	OP_FPMEM, /* LWC1/LDC1/SWC1/SDC1 and the FP GS*X forms */
	/* branches and jumps (delay-slot evaluation) */
	OP_BEQ,
	OP_BNE,
	OP_BLEZ,
	OP_BGTZ,
	OP_BLTZ,
	OP_BGEZ,
	OP_BLTZAL,
	OP_BGEZAL,
	OP_J,
	OP_JAL,
	OP_JR,
	OP_JALR,
	OP_BC1F,
	OP_BC1T,
	OP_NR
};

struct mips_insn {
	u32 raw;
	u16 op; /* enum mips_op */
	u8 rs, rt, rd;
	u8 sel;      /* CP0 select / RDHWR sel */
	u8 index;    /* GS*X index register */
	u8 size;     /* memory access bytes */
	bool likely; /* branch-likely form */
	bool link;   /* writes a link register */
	s64 imm;     /* sign-extended offset / immediate */
	u32 target;  /* J/JAL instr_index */
};

/* Decode one instruction word. Returns false (op = OP_INVALID) for anything
 * the layer does not know, including reserved encodings of known opcodes. */
bool mips_decode(u32 w, struct mips_insn *in);
bool mips_is_branch(const struct mips_insn *in);
bool mips_is_load(const struct mips_insn *in);
bool mips_is_store(const struct mips_insn *in);

/* Where execution goes after the branch `br` at pc (and its delay slot):
 * evaluates the condition with the current registers, writes the link
 * register. Returns false if br is not a branch or cannot be evaluated. */
bool mips_branch_next(struct mips_guest_ctx *c, const struct mips_insn *br, u64 pc, u64 *next);

/* --- emulation (emulate*.c) ------------------------------------------------ */

/* Reset c to the architected state of a freshly reset CPU (soft CP0 from
 * the host's PRId/Config words, empty TLB). ops and opaque are kept. */
void mips_emu_reset(struct mips_guest_ctx *c, u32 cpunum, u32 host_prid, const u32 host_config[4]);

/* Emulate the instruction that trapped at c->pc; bd: it sits in the delay
 * slot of the branch at c->pc (Cause.BD). */
int mips_emulate(struct mips_guest_ctx *c, enum mips_trap_kind kind, bool bd);

/* The load/store part of mips_emulate (TRAP_MMIO), for a decoded in. */
int mips_emulate_mem(struct mips_guest_ctx *c, const struct mips_insn *in);

/* Raise exception `code` into the guest as hardware would, for an
 * instruction at epc (bd: in the delay slot of the branch at epc).
 * refill: a TLB refill (offset 0x000 / 0x080 when EXL is clear). For TLB and
 * address exceptions badvaddr is recorded (and Context/XContext/EntryHi for
 * TLB ones). ce: Cause.CE for CpU. */
#define RAISE_REFILL 0x1u
#define RAISE_BADVADDR 0x2u
#define RAISE_TLB 0x4u
void mips_emu_raise(struct mips_guest_ctx *c, u32 code, u64 epc, bool bd, u64 badvaddr, u32 flags,
                    u32 ce);
/* Same, for the instruction being emulated (trap_pc / trap_bd). */
void mips_emu_raise_here(struct mips_guest_ctx *c, u32 code, u64 badvaddr, u32 flags);

/* CP0 register access as MFC0/MTC0 see it (sel 0..7); 64-bit values. */
u64 mips_cp0_read(struct mips_guest_ctx *c, u32 reg, u32 sel);
void mips_cp0_write(struct mips_guest_ctx *c, u32 reg, u32 sel, u64 v);

/* Soft TLB: the index of the entry matching (va, asid), or -1. */
int mips_tlb_lookup(const struct mips_guest_ctx *c, u64 va, u32 asid);
/* Translate va through the soft TLB with the current ASID:
 * 0 = ok (*gpa, *lo = the EntryLo used, *pagesize), or the TLB exception
 * code it would raise: EXC_CODE_TLBL/TLBS (refill when *refill) or MOD. */
int mips_tlb_translate(const struct mips_guest_ctx *c, u64 va, bool write, u64 *gpa, u64 *lo,
                       u64 *pagesize, bool *refill);

/* TLBR (entry Index into EntryHi/Lo0/Lo1/PageMask), TLBWI/TLBWR (write
 * entry `index`), TLBP, TLBINV / TLBINVF (all). */
void mips_tlb_read(struct mips_guest_ctx *c);
void mips_tlb_write(struct mips_guest_ctx *c, u32 index);
void mips_tlb_probe(struct mips_guest_ctx *c);
void mips_tlb_invalidate(struct mips_guest_ctx *c, bool all);

/* Virtual Count/Compare and interrupts. */
u32 mips_timer_count(struct mips_guest_ctx *c);
/* Set Cause.TI if Count passed Compare since the last check. */
void mips_timer_update(struct mips_guest_ctx *c);
/* The ops->now() value at which the timer interrupt is next due. */
u64 mips_timer_deadline(const struct mips_guest_ctx *c);
/* Drive Cause.IP2..IP6 (mask of bits 10..14 set in `lines`). */
void mips_set_irq_lines(struct mips_guest_ctx *c, u32 cause_ip_bits);
/* An interrupt the guest would take now (IE, no EXL/ERL, IM & IP). */
bool mips_irq_deliverable(const struct mips_guest_ctx *c);
/* Any interrupt pending and unmasked in IM (WAIT wakes on it with IE). */
bool mips_irq_pending(const struct mips_guest_ctx *c);
/* Take the interrupt exception at c->pc (bd: c->pc is a branch whose
 * delay slot was interrupted, as Cause.BD of the host trap said). */
void mips_deliver_irq(struct mips_guest_ctx *c, bool bd);

/* Guest-visible CPUCFG word `sel` (CFG0 constant, CFG1/2 masked, CFG3 as is). */
u32 mips_cpucfg_value(struct mips_guest_ctx *c, u32 sel);
#define LOONGSON_CFG0_PRID 0x14c000u
#define LOONGSON_CFG1_GUEST_MASK 0x20000071u /* FP b0, MMI b4, MSA1 b5, MSA2 b6, SFBP b29 */
#define LOONGSON_CFG2_GUEST_MASK 0x0000000fu /* LEXT1-3 b0-2, LSPW b3 */

/* Whether the guest is in its kernel mode (KSU=0 or EXL or ERL). */
static inline bool mips_guest_kernel(const struct mips_guest_ctx *c)
{
	return (c->cp0.status & (C0_ST_EXL | C0_ST_ERL)) || !(c->cp0.status & C0_ST_KSU);
}

#endif
