/* SPDX-License-Identifier: MIT */
/* Guest memory under trap-and-emulate: the shadow TLB, the guest's address
 * translation, and the memory callbacks of the emulation layer.
 *
 * Host-virtual = guest-virtual in the user segment. The guest's kseg0 and
 * kseg1 windows (0x40000000 / 0x60000000 + GPA) are filled from the
 * partition's slots; guest useg (below 0x40000000) from the guest's soft
 * TLB. Each guest address space gets host ASIDs of its own: one for the
 * guest-kernel view (windows + useg) and one for the guest-user view (useg
 * only) of each guest ASID. A change of the guest TLB drops every shadow by
 * moving to fresh host ASIDs (a generation); only when the 255 host ASIDs
 * run out is the physical TLB flushed. Shadow pages are 16 KiB (QEMU's
 * fast path), 4 KiB where the guest maps 4 KiB pages.
 *
 * Every guest-physical address is checked against the slots: RAM outside
 * them is never mapped; a guest TLB entry that points there yields a bus
 * error for the guest (a device there is emulated). */
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "arch/te.h"
#include "hv/arch/mmu.h"
#include "hv/arch/timer.h"
#include "hv/lib.h"
#include "hv/percpu.h"

#define PS16K 0x4000ull
#define PS4K 0x1000ull
#define PAGEMASK_16K 0x6000u
#define CKSEG0_START 0xffffffff80000000ull
#define CKSEG1_END 0xffffffffc0000000ull
#define XKPHYS_START 0x8000000000000000ull
#define XKPHYS_END 0xc000000000000000ull
#define PHYS_MASK ((1ull << 48) - 1)
#define CCA_UNCACHED 2ull
#define CCA_CACHED 3ull

struct vcpu *te_vcpu(struct mips_guest_ctx *c)
{
	return c->opaque;
}

/* --- host ASIDs ------------------------------------------------------------- */

static void tlb_flush_all(void)
{
	u32 entries = ((read_c0_config1() >> 25) & 0x3f) + 1;

	write_c0_pagemask(0);
	write_c0_entrylo0(0);
	write_c0_entrylo1(0);
	for (u32 i = 0; i < entries; i++) {
		write_c0_entryhi(CKSEG0 + (u64)i * 0x4000);
		write_c0_index(i);
		mips_tlbwi();
	}
	write_c0_entryhi(0);
}

void te_shadow_drop(struct vcpu *v)
{
	v->arch.asids.gen++;
}

/* Host ASIDs come from the CPU (several vCPUs may take turns on it): a
 * vCPU's mapping is good while both its own generation (its guest TLB
 * unchanged) and the CPU's (no flush since) are the ones it was made in. */
u32 te_host_asid(struct vcpu *v)
{
	struct te_asids *a = &v->arch.asids;
	struct arch_percpu *cpu = &this_cpu()->arch;
	u32 k = mips_guest_kernel(&v->arch.ctx) ? 1 : 0;
	u32 g = (u32)(v->arch.ctx.cp0.entryhi & C0_ENTRYHI_ASID);

	if (a->map_gen[k][g] == a->gen && a->map_cpu_gen[k][g] == cpu->asid_gen && a->map[k][g])
		return a->map[k][g];
	if (cpu->asid_next == 0 || cpu->asid_next > 255) {
		/* out of ASIDs: nothing of the old ones may survive */
		tlb_flush_all();
		cpu->asid_gen++;
		cpu->asid_next = 1;
	}
	a->map[k][g] = (u8)cpu->asid_next++;
	a->map_gen[k][g] = a->gen;
	a->map_cpu_gen[k][g] = cpu->asid_gen;
	return a->map[k][g];
}

/* --- guest address translation -------------------------------------------- */

enum space { SP_USEG, SP_KSEG0, SP_KSEG1, SP_PHYS, SP_BAD };

static enum space classify(const struct mips_guest_ctx *c, u64 va, u64 *pa)
{
	bool kernel = mips_guest_kernel(c);

	if (va < TE_USEG_END)
		return SP_USEG;
	if (va < TE_KSEG1 && kernel) {
		*pa = va - TE_KSEG0;
		return SP_KSEG0;
	}
	if (va < TE_KSEG1 + TE_WINDOW && kernel) {
		*pa = va - TE_KSEG1;
		return SP_KSEG1;
	}
	if (!kernel)
		return SP_BAD;
	if (va >= CKSEG0_START && va < CKSEG1_END) {
		*pa = va & KSEG_PHYS_MASK;
		return SP_PHYS;
	}
	/* XKPHYS needs the guest's 64-bit kernel addressing (KX), and the
	 * bits between the cache attribute and the physical address zero */
	if (va >= XKPHYS_START && va < XKPHYS_END && (c->cp0.status & C0_ST_KX) &&
	    !(va & 0x07ff000000000000ull)) {
		*pa = va & PHYS_MASK;
		return SP_PHYS;
	}
	return SP_BAD;
}

u64 te_window_pc(u64 pc)
{
	if (pc >= CKSEG0_START && pc < CKSEG0_START + TE_WINDOW)
		return TE_KSEG0 + (pc & KSEG_PHYS_MASK);
	if (pc >= CKSEG0_START + TE_WINDOW && pc < CKSEG1_END)
		return TE_KSEG1 + (pc & KSEG_PHYS_MASK);
	return pc;
}

/* The exception the guest takes for a failed translation of va. */
static void raise_tlb(struct mips_guest_ctx *c, int code, bool refill, u64 va)
{
	mips_emu_raise_here(c, (u32)code, va, RAISE_TLB | (refill ? RAISE_REFILL : 0));
}

/* Translate va for an access by the instruction being emulated; raises
 * the guest's exception on failure. */
static int guest_translate(struct mips_guest_ctx *c, u64 va, bool write, u64 *pa)
{
	u64 lo, ps;
	bool refill;

	switch (classify(c, va, pa)) {
	case SP_USEG: {
		int code = mips_tlb_translate(c, va, write, pa, &lo, &ps, &refill);
		if (code) {
			raise_tlb(c, code, refill, va);
			return EMU_EXCEPTION;
		}
		return EMU_DONE;
	}
	case SP_BAD:
		mips_emu_raise_here(c, write ? EXC_CODE_ADES : EXC_CODE_ADEL, va, RAISE_BADVADDR);
		return EMU_EXCEPTION;
	default:
		return EMU_DONE;
	}
}

static bool fetch(struct mips_guest_ctx *c, u64 va, u32 *insn)
{
	u64 pa = 0, lo, ps;
	bool refill;

	if (va & 3)
		return false;
	switch (classify(c, va, &pa)) {
	case SP_USEG:
		if (mips_tlb_translate(c, va, false, &pa, &lo, &ps, &refill))
			return false;
		break;
	case SP_BAD:
		return false;
	default:
		break;
	}
	const u32 *p = partition_gpa_ptr(te_vcpu(c)->part, gpa(pa), 4, false);
	if (!p)
		return false;
	*insn = *(const volatile u32 *)p;
	return true;
}

/* Guest-physical access (te_devices.c); nothing there is a bus error. */
static int phys_access(struct mips_guest_ctx *c, u64 pa, unsigned size, bool write, u64 *val)
{
	int r = mips_phys_access(te_vcpu(c), pa, size, write, val);

	if (r == EMU_FAIL) {
		mips_emu_raise_here(c, EXC_CODE_DBE, 0, 0);
		return EMU_EXCEPTION;
	}
	return r;
}

static int access(struct mips_guest_ctx *c, u64 va, unsigned size, bool write, u64 *val)
{
	u64 pa = 0;
	int r = guest_translate(c, va, write, &pa);

	if (r != EMU_DONE)
		return r;
	return phys_access(c, pa, size, write, val);
}

static int translate(struct mips_guest_ctx *c, u64 va, bool write, u64 *pa)
{
	return guest_translate(c, va, write, pa);
}

static u64 now(struct mips_guest_ctx *c)
{
	(void)c;
	return arch_timer_now();
}

static void cache_index(struct mips_guest_ctx *c, u32 op, u64 va)
{
	(void)c;
	mips_host_cache_index(op, va);
}

/* Hit ops on guest memory: on the host's cached alias of the guest page,
 * D-cache kinds as write-back-invalidate (an invalidate without write-back
 * is never needed for correctness here). */
static void cache_hit(struct mips_guest_ctx *c, u32 op, u64 pa)
{
	hpa_t h;

	if (!partition_gpa_to_hpa(te_vcpu(c)->part, gpa(pa), 1, &h))
		return;
	u64 a = (u64)(uintptr_t)arch_hpa_to_ptr(h);
	switch (op & 3) {
	case 0:
		__asm__ volatile("cache 0x10, 0(%0)" : : "r"(a) : "memory");
		break;
	case 1:
		__asm__ volatile("cache 0x15, 0(%0)" : : "r"(a) : "memory");
		break;
	case 3:
		__asm__ volatile("cache 0x17, 0(%0)" : : "r"(a) : "memory");
		break;
	default:
		break;
	}
	if (op == 0x100) /* SYNCI */
		__asm__ volatile("synci 0(%0)" : : "r"(a) : "memory");
}

static void tlb_changed(struct mips_guest_ctx *c)
{
	te_shadow_drop(te_vcpu(c));
}

static bool host_cpucfg(struct mips_guest_ctx *c, u32 sel, u32 *val)
{
	(void)c;
	return mips_host_cpucfg(sel, val);
}

static bool fp_cc(struct mips_guest_ctx *c, u32 cc)
{
	if (!(c->cp0.status & C0_ST_CU1))
		return false;
	/* the guest's FPU state is live: the hypervisor never touches it */
	return mips_fcsr_cc(mips_host_fcsr(), cc);
}

static bool is_memory(struct mips_guest_ctx *c, u64 pa)
{
	return partition_gpa_ptr(te_vcpu(c)->part, gpa(pa), 1, false) != NULL;
}

const struct mips_emu_ops te_emu_ops = {
    .now = now,
    .fetch = fetch,
    .access = access,
    .translate = translate,
    .cache_index = cache_index,
    .cache_hit = cache_hit,
    .tlb_changed = tlb_changed,
    .host_cpucfg = host_cpucfg,
    .fp_cc = fp_cc,
    .is_memory = is_memory,
};

/* --- the shadow --------------------------------------------------------------- */

/* Install the page pair at hi (its ASID included) covering 2 * ps. Two host
 * entries matching one address are a machine check (a TLB shutdown) on real
 * MIPS hardware, so every entry of this ASID that overlaps the new one goes
 * first, whatever its size: TLBP matches with each entry's own PageMask, so
 * probing every 8 KiB (the smallest pair) of the range finds them all. The
 * new entry then takes the slot of the first one found, else a random one. */
static void tlb_install(u64 hi, u32 mask, u64 lo0, u64 lo1)
{
	u64 ps = mask ? PS16K : PS4K;
	u64 base = hi & ~(2 * ps - 1), asid = hi & C0_ENTRYHI_ASID;
	s32 slot = -1;

	write_c0_pagemask(0);
	for (u64 a = base; a < base + 2 * ps; a += 2 * PS4K) {
		write_c0_entryhi(a | asid);
		__asm__ volatile("tlbp\n\tehb" : : : "memory");
		s32 idx = (s32)read_c0_index();
		if (idx < 0)
			continue;
		if (slot < 0)
			slot = idx;
		/* a unique VPN2 in unmapped ckseg0, ASID 0, nothing valid */
		write_c0_entryhi(CKSEG0 + (u64)(u32)idx * PS16K);
		write_c0_entrylo0(0);
		write_c0_entrylo1(0);
		__asm__ volatile("tlbwi\n\tehb" : : : "memory");
	}
	write_c0_entryhi(hi);
	write_c0_pagemask(mask);
	write_c0_entrylo0(lo0);
	write_c0_entrylo1(lo1);
	if (slot >= 0) {
		write_c0_index((u32)slot);
		__asm__ volatile("tlbwi\n\tehb" : : : "memory");
	} else {
		__asm__ volatile("tlbwr\n\tehb" : : : "memory");
	}
	/* back to ASID 0 (the hypervisor's, never a guest's): te_enter sets
	 * the guest's again, and until then a stray useg access faults */
	write_c0_entryhi(0);
}

/* The host EntryLo for the guest-physical page [pa, pa+ps), 0 if it is
 * not RAM of the partition. */
static u64 host_lo(struct partition *p, u64 pa, u64 ps, bool dirty, u64 cca)
{
	hpa_t h;
	bool ro = !partition_gpa_ptr(p, gpa(pa), ps, true);

	if (!partition_gpa_to_hpa(p, gpa(pa), ps, &h))
		return 0;
	return ((h.v >> 12) << C0_ENTRYLO_PFN_SHIFT) | cca << C0_ENTRYLO_C_SHIFT |
	       (dirty && !ro ? C0_ENTRYLO_D : 0) | C0_ENTRYLO_V;
}

/* The shadow EntryLo for guest-virtual page va (size ps) in useg. */
static u64 useg_lo(struct vcpu *v, u64 va, u64 ps)
{
	u64 pa, lo, gps;
	bool refill;

	if (mips_tlb_translate(&v->arch.ctx, va, false, &pa, &lo, &gps, &refill) || gps < ps)
		return 0;
	u64 cca = ((lo >> C0_ENTRYLO_C_SHIFT) & 7) == CCA_UNCACHED ? CCA_UNCACHED : CCA_CACHED;
	return host_lo(v->part, pa & ~(ps - 1), ps, lo & C0_ENTRYLO_D, cca);
}

static u64 window_lo(struct vcpu *v, u64 va, u64 ps)
{
	u64 k0 = v->arch.ctx.cp0.config[0] & 7;

	if (va >= TE_KSEG1)
		return host_lo(v->part, va - TE_KSEG1, ps, true, CCA_UNCACHED);
	return host_lo(v->part, va - TE_KSEG0, ps, true,
	               k0 == CCA_UNCACHED ? CCA_UNCACHED : CCA_CACHED);
}

/* Map the page pair around va. Returns false if va's own page cannot be
 * mapped for this access (not RAM: a device or nothing; or a store to a
 * read-only slot, which the emulation then ignores). */
static bool shadow_fill(struct vcpu *v, u64 va, bool write)
{
	struct mips_guest_ctx *c = &v->arch.ctx;
	bool useg = va < TE_USEG_END;
	u64 ps = PS16K;

	if (useg) {
		/* 16 KiB only where no guest entry of a smaller page matches
		 * any 4 KiB of the 32 KiB region (valid or not, whichever entry
		 * the guest's overlapping entries let win): then every fill in
		 * the region picks the same size, never two sizes for one
		 * region. tlb_install still removes any overlap it finds. */
		u32 asid = (u32)(c->cp0.entryhi & C0_ENTRYHI_ASID);
		u64 base = va & ~(2 * PS16K - 1);
		for (u64 a = base; a < base + 2 * PS16K && ps == PS16K; a += PS4K) {
			int i = mips_tlb_lookup(c, a, asid);
			if (i >= 0 && c->tlb[i].mask < PAGEMASK_16K)
				ps = PS4K;
		}
	}
	u64 base = va & ~(2 * ps - 1);
	u64 lo[2];
	for (u32 h = 0; h < 2; h++)
		lo[h] = useg ? useg_lo(v, base + h * ps, ps) : window_lo(v, base + h * ps, ps);
	u64 mine = lo[(va & ps) ? 1 : 0];
	if (!(mine & C0_ENTRYLO_V) || (write && !(mine & C0_ENTRYLO_D)))
		return false;
	tlb_install(base | te_host_asid(v), ps == PS16K ? PAGEMASK_16K : 0, lo[0], lo[1]);
	return true;
}

int te_tlb_fault(struct vcpu *v, u32 code, u64 va, bool bd)
{
	struct mips_guest_ctx *c = &v->arch.ctx;
	bool write = code != EXC_CODE_TLBL;
	bool ifetch = !write && (va == c->pc || (bd && va == c->pc + 4));
	u64 pa = 0, lo, ps;
	bool refill;

	c->trap_pc = c->pc;
	c->trap_bd = bd;
	switch (classify(c, va, &pa)) {
	case SP_USEG: {
		int g = mips_tlb_translate(c, va, write, &pa, &lo, &ps, &refill);
		if (g) {
			v->arch.exits[TE_EXIT_TLB_GUEST]++;
			raise_tlb(c, g, refill, va);
			return EMU_EXCEPTION;
		}
		break;
	}
	case SP_KSEG0:
	case SP_KSEG1:
		break;
	default: /* guest user in the windows, or beyond every guest segment */
		v->arch.exits[TE_EXIT_ADDR]++;
		mips_emu_raise_here(c, write ? EXC_CODE_ADES : EXC_CODE_ADEL, va, RAISE_BADVADDR);
		return EMU_EXCEPTION;
	}
	if (shadow_fill(v, va, write)) {
		v->arch.exits[TE_EXIT_TLB_SHADOW]++;
		return EMU_DONE;
	}
	if (ifetch) { /* executing from a device or from nothing */
		v->arch.exits[TE_EXIT_BUS]++;
		mips_emu_raise_here(c, EXC_CODE_IBE, 0, 0);
		return EMU_EXCEPTION;
	}
	v->arch.exits[TE_EXIT_MMIO]++;
	int r = mips_emulate(c, TRAP_MMIO, bd);
	if (r == EMU_UNHANDLED) {
		/* a device access by an instruction no device can serve (Loongson
		 * quad loads, prefetch ...): what a bus does with it */
		mips_emu_raise_here(c, EXC_CODE_DBE, 0, 0);
		return EMU_EXCEPTION;
	}
	return r;
}

int te_addr_error(struct vcpu *v, u32 code, u64 va, bool bd)
{
	struct mips_guest_ctx *c = &v->arch.ctx;
	u64 pa;

	c->trap_pc = c->pc;
	c->trap_bd = bd;
	if (code == EXC_CODE_ADEL && !bd && va == c->pc) { /* a fetch */
		if (mips_guest_kernel(c) && te_window_pc(va) != va) {
			v->arch.exits[TE_EXIT_KSEG]++;
			c->pc = te_window_pc(va);
			return EMU_DONE;
		}
	} else if (classify(c, va, &pa) != SP_BAD) {
		int r = mips_emulate(c, TRAP_MMIO, bd);
		if (r != EMU_UNHANDLED) {
			v->arch.exits[TE_EXIT_KSEG]++;
			return r;
		}
	}
	v->arch.exits[TE_EXIT_ADDR]++;
	mips_emu_raise_here(c, code, va, RAISE_BADVADDR);
	return EMU_EXCEPTION;
}
