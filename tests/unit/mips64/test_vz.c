/* SPDX-License-Identifier: MIT */
/* The VZ backend's exit handlers (arch/mips64/vz_exit.c) on the host:
 * synthesized exits (root Cause, GuestCtl0.GExcCode, BadInstr/BadInstrP,
 * BadVAddr, Cause.BD) go into the real handlers, with the VZ hardware
 * modelled (vz_model.c), and the resulting guest state, root TLB and
 * device accesses are checked: every exit type, and hostile forms. */
#include "arch/vz.h"
#include "harness.h"
#include "vz_model.h"

#include <stdlib.h>

#include "check.h"

#define GID 3
#define RAM_GPA 0x0ull
#define RAM_MB 64ull
#define RAM_HPA 0x90000000ull
#define RO_GPA 0x1c000000ull
#define RO_HPA 0xa0000000ull
#define DEVG 0x1fe00000ull /* a device page */
#define PMG 0x10080010ull  /* the power-off register */
#define EPC 0xffffffff80201000ull
#define EBASE 0xffffffff80000000ull
#define T0 8
#define T1 9
#define S0 16

static struct gpt gpt;
static struct mips_guest_ctx ctx;
static struct vz_vcpu z;
static u8 devmem[0x1000];
static unsigned dev_reads, dev_writes, ro_writes;

static u64 *alloc_table(void *c)
{
	(void)c;
	return aligned_alloc(GPT_PAGE_SIZE, GPT_PAGE_SIZE);
}

static int phys(struct vz_vcpu *zz, u64 gpa, unsigned size, bool write, u64 *val)
{
	(void)zz;
	if (gpa >= DEVG && gpa + size <= DEVG + sizeof(devmem)) {
		if (write) {
			dev_writes++;
			memcpy(&devmem[gpa - DEVG], val, size);
		} else {
			dev_reads++;
			*val = 0;
			memcpy(val, &devmem[gpa - DEVG], size);
		}
		return EMU_DONE;
	}
	if (gpa >= RO_GPA && gpa < RO_GPA + GPT_PAGE_SIZE) {
		if (write)
			ro_writes++;
		else
			*val = 0x5a;
		return EMU_DONE;
	}
	if (gpa == PMG && write)
		return EMU_EXIT;
	return EMU_FAIL;
}

static void setup(void)
{
	static const u32 cfg[4] = {0x80004483u, 0xfee3719bu, 0x80000743u, 0x9c0030a0u};

	model_reset();
	if (!gpt.root) {
		EXPECT_EQ(gpt_init(&gpt, alloc_table, NULL), HV_OK);
		EXPECT_EQ(gpt_map(&gpt, RAM_GPA, RAM_HPA, RAM_MB << 20, GPT_F_WRITE), HV_OK);
		EXPECT_EQ(gpt_map(&gpt, RO_GPA, RO_HPA, GPT_PAGE_SIZE, 0), HV_OK);
	}
	memset(&z, 0, sizeof(z));
	vz_vcpu_bind(&z, &ctx);
	mips_emu_reset(&ctx, 0, 0x14c000, cfg);
	z.gpt = &gpt;
	z.guestid = GID;
	z.phys = phys;
	memset(devmem, 0, sizeof(devmem));
	dev_reads = dev_writes = ro_writes = 0;
	M.gc0[GC0_STATUS] = C0_ST_KX | 0xff00u; /* guest kernel mode, IE clear */
	M.gc0[GC0_EBASE] = EBASE;
	M.gc0[GC0_COMPARE] = 0;
}

static struct vz_exit mk(u32 exccode, u32 gexc, u32 bi, u32 bip, u64 badvaddr, bool bd)
{
	return (struct vz_exit){.epc = EPC,
	                        .badvaddr = badvaddr,
	                        .cause = exccode << 2 | (bd ? C0_CAUSE_BD : 0),
	                        .gctl0 = VZ_GCTL0_RUN | gexc << GCTL0_GEXC_SHIFT,
	                        .badinstr = bi,
	                        .badinstrp = bip,
	                        .vector = 3};
}

static int gexit(u32 gexc, u32 insn)
{
	struct vz_exit x = mk(EXC_CODE_GE, gexc, insn, 0, 0, false);
	return vz_handle_exit(&z, &x);
}

/* The guest took exception `code` at EPC: the guest context says so. */
static void expect_guest_exception(u32 code, u64 epc)
{
	EXPECT_EQ((M.gc0[GC0_CAUSE] >> 2) & 0x1f, code);
	EXPECT_EQ(M.gc0[GC0_EPC], epc);
	EXPECT_TRUE(M.gc0[GC0_STATUS] & C0_ST_EXL);
	EXPECT_EQ(ctx.pc, EBASE + 0x180);
}

TEST(gpsi_cpucfg)
{
	setup();
	ctx.gpr[T1] = 1;
	EXPECT_EQ(gexit(GEXC_GPSI, e_cpucfg(T0, T1)), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0x6e3f0025u & LOONGSON_CFG1_GUEST_MASK);
	EXPECT_EQ(ctx.pc, EPC + 4);
	ctx.gpr[T1] = 0;
	EXPECT_EQ(gexit(GEXC_GPSI, e_cpucfg(T0, T1)), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], LOONGSON_CFG0_PRID);
	ctx.gpr[T1] = 1ull << 40; /* selector beyond 32 bits: no word */
	EXPECT_EQ(gexit(GEXC_GPSI, e_cpucfg(T0, T1)), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0);
	EXPECT_EQ(z.exits[VZ_EXIT_GPSI], 3);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 0);
	/* nothing but the exit set was touched */
	EXPECT_EQ(M.gc0_writes[GC0_STATUS] + M.gc0_writes[GC0_CAUSE], 0);
}

TEST(gpsi_config6_diag)
{
	setup();
	ctx.gpr[T1] = 0xc0;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 16, 6)), EMU_DONE);
	EXPECT_EQ(gexit(GEXC_GPSI, e_mfc0(T0, 16, 6)), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0] & 0xc0, 0xc0);
	EXPECT_EQ(ctx.pc, EPC + 4);
	/* Diag VTLB: the guest's TLB entries (this GuestID) go */
	ctx.gpr[T1] = C0_DIAG_VTLB;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 22, 0)), EMU_DONE);
	EXPECT_EQ(M.guest_flushes, 1);
	EXPECT_EQ(M.last_flush_guestid, GID);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 0);
}

TEST(gpsi_count_compare)
{
	setup();
	/* the guest sets Count: GTOffset makes root Count + GTOffset = it */
	ctx.gpr[T1] = 0x12345678;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 9, 0)), EMU_DONE);
	EXPECT_EQ(M.gtoffset_writes, 1);
	EXPECT_EQ(vz_gc0_read(GC0_COUNT), 0x12345678u);
	M.now += 100;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mfc0(T0, 9, 0)), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0x12345678u + 100);
	/* Compare: written to the guest context, TI acknowledged */
	M.gc0[GC0_CAUSE] |= C0_CAUSE_TI;
	ctx.gpr[T1] = 0x12345678u + 1000;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 11, 0)), EMU_DONE);
	EXPECT_EQ(M.gc0[GC0_COMPARE], 0x12345678u + 1000);
	EXPECT_EQ(M.gc0[GC0_CAUSE] & C0_CAUSE_TI, 0);
	EXPECT_EQ(vz_timer_deadline(&z), M.now + 900);
}

TEST(gpsi_cache_wait)
{
	setup();
	ctx.gpr[T1] = 0xffffffff80001000ull;
	EXPECT_EQ(gexit(GEXC_GPSI, e_cache(0x01, T1, 0x20)), EMU_DONE);
	EXPECT_EQ(M.cache_index_calls, 1);
	EXPECT_EQ(M.last_cache_op, 0x01);
	EXPECT_EQ(M.last_cache_va, 0xffffffff80001020ull);
	EXPECT_EQ(ctx.pc, EPC + 4);
	/* a hit op that exits anyway: nothing to do, on to the next */
	EXPECT_EQ(gexit(GEXC_GPSI, e_cache(0x15, T1, 0)), EMU_DONE);
	EXPECT_EQ(M.cache_index_calls, 1);
	EXPECT_EQ(gexit(GEXC_GPSI, I_WAIT), EMU_WAIT);
	EXPECT_EQ(ctx.pc, EPC + 4);
}

TEST(gpsi_in_delay_slot)
{
	setup();
	/* beq $0,$0,+16 at EPC with CPUCFG in its slot: BadInstrP has the
	 * branch, BadInstr the slot; execution goes on at the target */
	ctx.gpr[T1] = 0;
	struct vz_exit x = mk(EXC_CODE_GE, GEXC_GPSI, e_cpucfg(T0, T1), e_i(4, 0, 0, 4), 0, true);
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], LOONGSON_CFG0_PRID);
	EXPECT_EQ(ctx.pc, EPC + 4 + 16);
	/* a "branch" that is none: the exit state lies */
	x.badinstrp = 0x01094821; /* addu */
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_FAIL);
}

TEST(gpsi_hostile)
{
	setup();
	/* an ordinary instruction claimed as privileged: RI for the guest */
	EXPECT_EQ(gexit(GEXC_GPSI, 0x01094821u /* addu t1,t0,t1 */), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 1);
	/* root-only state: MFGC0/MTGC0 (COP0 rs=3) and GuestCtl0 (12,6) */
	setup();
	EXPECT_EQ(gexit(GEXC_GPSI, 0x40600000u | T0 << 16 | 12 << 11 | 6), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	setup();
	EXPECT_EQ(gexit(GEXC_GPSI, e_mfc0(T0, 12, 6)), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_EQ(ctx.gpr[T0], 0);
	setup();
	ctx.gpr[T1] = GCTL0_GM;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 12, 6)), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_EQ(M.gctl0, 0);
	/* Status is the guest's own: a GPSI claiming it is not believed */
	setup();
	ctx.gpr[T1] = 0x10000000u;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 12, 0)), EMU_DONE);
	EXPECT_EQ((M.gc0[GC0_STATUS] >> 28) & 1, 0);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 1);
	/* a TLB write claimed as GPSI (the guest owns its TLB) */
	setup();
	EXPECT_EQ(gexit(GEXC_GPSI, I_TLBWI), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
}

TEST(gsfc)
{
	setup();
	/* Status: the guest's write lands through the layer's masks */
	ctx.gpr[T1] = C0_ST_KX | C0_ST_IE | 0x8000u;
	EXPECT_EQ(gexit(GEXC_GSFC, e_mtc0(T1, 12, 0)), EMU_DONE);
	EXPECT_EQ(M.gc0[GC0_STATUS] & 0xffff, C0_ST_KX | C0_ST_IE | 0x8000u);
	EXPECT_EQ(ctx.pc, EPC + 4);
	/* Cause: only IP1..0, IV, DC are the guest's; ExcCode is not */
	ctx.gpr[T1] = 0x300u | C0_CAUSE_IV | (31u << 2);
	EXPECT_EQ(gexit(GEXC_GSFC, e_mtc0(T1, 13, 0)), EMU_DONE);
	EXPECT_EQ(M.gc0[GC0_CAUSE] & (0x300u | C0_CAUSE_IV), 0x300u | C0_CAUSE_IV);
	EXPECT_EQ((M.gc0[GC0_CAUSE] >> 2) & 0x1f, 0);
	/* a GSFC claiming EBase, or a non-move */
	EXPECT_EQ(gexit(GEXC_GSFC, e_mtc0(T1, 15, 1)), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 1);
}

TEST(hypercall)
{
	setup();
	EXPECT_EQ(gexit(GEXC_HC, I_HYPCALL(0)), EMU_HYPERCALL);
	EXPECT_EQ(ctx.hcall_code, 0);
	EXPECT_EQ(ctx.pc, EPC + 4);
	EXPECT_EQ(gexit(GEXC_HC, I_HYPCALL(0x2a)), EMU_HYPERCALL);
	EXPECT_EQ(ctx.hcall_code, 0x2a);
	EXPECT_EQ(z.exits[VZ_EXIT_HCALL], 2);
	/* HC with something else in BadInstr */
	EXPECT_EQ(gexit(GEXC_HC, I_WAIT), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 1);
}

TEST(grr_ghfc)
{
	setup();
	ctx.gpr[T1] = 2;
	EXPECT_EQ(gexit(GEXC_GRR, e_cpucfg(T0, T1)), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0x18000001u & LOONGSON_CFG2_GUEST_MASK);
	EXPECT_EQ(gexit(GEXC_GRR, 0x7c00003bu | T0 << 16 | 2 << 11), EMU_DONE); /* rdhwr CC */
	EXPECT_EQ(ctx.gpr[T0], (u32)M.now + M.gtoffset);
	setup();
	EXPECT_EQ(gexit(GEXC_GRR, 0xfc000000u), EMU_DONE); /* an unknown opcode */
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_GRR], 1);
	setup();
	EXPECT_EQ(gexit(GEXC_GHFC, 0), EMU_DONE);
	EXPECT_EQ(ctx.pc, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_GHFC], 1);
	/* GVA/GPA alone, reserved and implementation-specific codes */
	EXPECT_EQ(gexit(GEXC_GVA, 0), EMU_FAIL);
	EXPECT_EQ(gexit(5, 0), EMU_FAIL);
	EXPECT_EQ(gexit(31, 0), EMU_FAIL);
}

static int root(u32 code, u64 gpa, u32 insn, u32 gexc)
{
	struct vz_exit x = mk(code, gexc, insn, 0, gpa, false);
	return vz_handle_exit(&z, &x);
}

TEST(root_tlb_fill)
{
	setup();
	u64 gpa = 0x123456;
	EXPECT_EQ(root(EXC_CODE_TLBL, gpa, 0, GEXC_GPA), EMU_DONE);
	EXPECT_EQ(ctx.pc, EPC); /* the guest runs the access again */
	const struct model_tlbe *e = model_root_lookup(GID, gpa);
	EXPECT_TRUE(e != NULL);
	if (e) {
		u64 even = gpa & ~(2 * GPT_PAGE_SIZE - 1);
		EXPECT_EQ(e->hi, even);
		EXPECT_EQ(e->mask, GPT_PAGEMASK);
		EXPECT_EQ(gpt_pte_hpa(e->lo0), RAM_HPA + even);
		EXPECT_EQ(gpt_pte_hpa(e->lo1), RAM_HPA + even + GPT_PAGE_SIZE);
		EXPECT_EQ(e->lo0 & (GPT_LO_V | GPT_LO_D), GPT_LO_V | GPT_LO_D);
		EXPECT_EQ((e->lo0 >> GPT_LO_CCA_SHIFT) & 7, GPT_CCA_CACHED);
	}
	/* not visible to another GuestID */
	EXPECT_TRUE(model_root_lookup(GID + 1, gpa) == NULL);
	/* a store (TLBS) on RAM fills the same way; refill of the last page */
	EXPECT_EQ(root(EXC_CODE_TLBS, (RAM_MB << 20) - 8, 0, GEXC_GPA), EMU_DONE);
	EXPECT_EQ(z.exits[VZ_EXIT_TLB_FILL], 2);
	/* teardown drops them */
	vz_root_tlb_flush_guest(GID);
	EXPECT_TRUE(model_root_lookup(GID, gpa) == NULL);
	/* a GVA in ckseg0 is translated to its GPA */
	EXPECT_EQ(root(EXC_CODE_TLBL, 0xffffffff80004000ull, 0, GEXC_GVA), EMU_DONE);
	EXPECT_TRUE(model_root_lookup(GID, 0x4000) != NULL);
	/* where the CPU has lddir/ldpte, a refill is its own walk; an
	 * invalid entry (general vector) is rewritten from the portable walk */
	M.has_lddir = true;
	u32 maps_before = M.root_maps;
	struct vz_exit rx = mk(EXC_CODE_TLBL, GEXC_GPA, 0, 0, 0x200000, false);
	rx.vector = 1; /* XTLB refill */
	EXPECT_EQ(vz_handle_exit(&z, &rx), EMU_DONE);
	EXPECT_EQ(M.hw_refills, 1);
	EXPECT_EQ(M.hw_refill_gpa, 0x200000);
	EXPECT_EQ(M.root_maps, maps_before);
	EXPECT_EQ(root(EXC_CODE_TLBL, 0x200000, 0, GEXC_GPA), EMU_DONE);
	EXPECT_EQ(M.hw_refills, 1);
	EXPECT_EQ(M.root_maps, maps_before + 1);
	/* no walk for an address with no RAM: that is the MMIO path */
	rx.badvaddr = DEVG;
	rx.badinstr = e_i(0x23, S0, T0, 0);
	ctx.gpr[S0] = 0xffffffffa0000000ull | DEVG;
	EXPECT_EQ(vz_handle_exit(&z, &rx), EMU_DONE);
	EXPECT_EQ(M.hw_refills, 1);
	EXPECT_EQ(dev_reads, 1);
	M.has_lddir = false;
	/* a GVA in a mapped segment: no GPA known; the guest is resumed and
	 * its access comes again (as KVM does), nothing is mapped */
	maps_before = M.root_maps;
	EXPECT_EQ(root(EXC_CODE_TLBL, 0x400000ull, 0, GEXC_GVA), EMU_DONE);
	EXPECT_EQ(M.root_maps, maps_before);
	EXPECT_EQ(ctx.pc, EPC);
	/* lddir walks root BadVAddr: a GVA refill takes the portable path */
	M.has_lddir = true;
	rx = mk(EXC_CODE_TLBL, GEXC_GVA, 0, 0, 0xffffffff80008000ull, false);
	rx.vector = 1;
	EXPECT_EQ(vz_handle_exit(&z, &rx), EMU_DONE);
	EXPECT_EQ(M.hw_refills, 1);
	EXPECT_TRUE(model_root_lookup(GID, 0x8000) != NULL);
	M.has_lddir = false;
}

TEST(root_mmio)
{
	setup();
	/* lw t0, 0x1e0(s0) with s0 = kseg1 device page: a device read */
	ctx.gpr[S0] = 0xffffffffa0000000ull | DEVG;
	devmem[0x1e0] = 0x78;
	devmem[0x1e1] = 0x56;
	EXPECT_EQ(root(EXC_CODE_TLBL, DEVG + 0x1e0, e_i(0x23, S0, T0, 0x1e0), GEXC_GPA), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0x5678);
	EXPECT_EQ(ctx.pc, EPC + 4);
	EXPECT_EQ(dev_reads, 1);
	EXPECT_EQ(z.exits[VZ_EXIT_MMIO], 1);
	/* sb t1, 0x10(s0) */
	ctx.gpr[T1] = 0xab;
	EXPECT_EQ(root(EXC_CODE_TLBS, DEVG + 0x10, e_i(0x28, S0, T1, 0x10), GEXC_GPA), EMU_DONE);
	EXPECT_EQ(devmem[0x10], 0xab);
	EXPECT_EQ(dev_writes, 1);
	/* a store to a read-only slot page (root Modified): ignored, on */
	ctx.gpr[S0] = 0xffffffff80000000ull | RO_GPA;
	EXPECT_EQ(root(EXC_CODE_MOD, RO_GPA + 8, e_i(0x2b, S0, T1, 8), GEXC_GPA), EMU_DONE);
	EXPECT_EQ(ro_writes, 1);
	EXPECT_EQ(ctx.pc, EPC + 4);
	/* the power-off register: the device ends the guest */
	ctx.gpr[S0] = 0xffffffffa0000000ull | (PMG & ~0xfffull);
	EXPECT_EQ(root(EXC_CODE_TLBS, PMG, e_i(0x28, S0, T1, PMG & 0xfff), GEXC_GPA), EMU_EXIT);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 0);
}

TEST(root_bus_errors)
{
	setup();
	/* nothing there: a data bus error for the guest */
	ctx.gpr[S0] = 0xffffffffa0000000ull | 0x18000000ull;
	EXPECT_EQ(root(EXC_CODE_TLBL, 0x18000100ull, e_i(0x23, S0, T0, 0x100), GEXC_GPA), EMU_DONE);
	expect_guest_exception(EXC_CODE_DBE, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_BUS], 1);
	/* beyond the 47-bit table: never RAM, same bus error */
	setup();
	ctx.gpr[S0] = 0x9000800000000000ull;
	EXPECT_EQ(root(EXC_CODE_TLBL, 0x800000000000ull, e_i(0x37, S0, T0, 0), GEXC_GPA), EMU_DONE);
	expect_guest_exception(EXC_CODE_DBE, EPC);
	/* a fetch from an address with no memory (BadInstr is no load and
	 * the page offset is the pc's): instruction bus error */
	setup();
	EXPECT_EQ(root(EXC_CODE_TLBL, 0x18000000ull | (EPC & 0xfff), 0x01094821u, GEXC_GPA),
	          EMU_DONE);
	expect_guest_exception(EXC_CODE_IBE, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 0);
}

TEST(root_hostile)
{
	/* a load claimed for a store exit */
	setup();
	ctx.gpr[S0] = 0xffffffffa0000000ull | DEVG;
	EXPECT_EQ(root(EXC_CODE_TLBS, DEVG + 0x10, e_i(0x23, S0, T0, 0x10), GEXC_GPA), EMU_DONE);
	expect_guest_exception(EXC_CODE_DBE, EPC);
	EXPECT_EQ(dev_reads + dev_writes, 0);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 1);
	/* a load whose address is not the faulting one */
	setup();
	ctx.gpr[S0] = 0xffffffffa0000000ull | DEVG;
	EXPECT_EQ(root(EXC_CODE_TLBL, DEVG + 0x40, e_i(0x23, S0, T0, 0x10), GEXC_GPA), EMU_DONE);
	expect_guest_exception(EXC_CODE_DBE, EPC);
	EXPECT_EQ(dev_reads, 0);
	/* a store exit with no store in BadInstr */
	setup();
	EXPECT_EQ(root(EXC_CODE_TLBS, DEVG + 0x10, I_WAIT, GEXC_GPA), EMU_DONE);
	expect_guest_exception(EXC_CODE_DBE, EPC);
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 1);
	/* unexpected root exceptions end the partition, not the hypervisor */
	setup();
	EXPECT_EQ(root(EXC_CODE_ADEL, 0, 0, 0), EMU_FAIL);
	EXPECT_EQ(root(31, 0, 0, 0), EMU_FAIL);
	EXPECT_EQ(root(EXC_CODE_INT, 0, 0, 0), VZ_HOST_IRQ);
	EXPECT_EQ(z.exits[VZ_EXIT_IRQ], 1);
}

TEST(timer_and_irqs)
{
	setup();
	M.gtoffset = 0;
	M.gc0[GC0_COMPARE] = (u32)M.now + 500;
	vz_context_save(&z);
	EXPECT_EQ(ctx.cp0.timer_next, M.now + 500);
	/* back before the deadline: nothing; after it: Cause.TI */
	M.now += 100;
	vz_context_restore(&z);
	EXPECT_EQ(M.gc0[GC0_CAUSE] & C0_CAUSE_TI, 0);
	M.now += 1000;
	vz_context_restore(&z);
	EXPECT_TRUE(M.gc0[GC0_CAUSE] & C0_CAUSE_TI);
	EXPECT_EQ(z.exits[VZ_EXIT_VIRQ], 1);
	/* device lines into GuestCtl2.VIP, never IP7 (the guest's timer) */
	vz_set_irq_lines(&z, 0x4000u | 0x8000u | 0x400u);
	EXPECT_EQ(M.gctl2, 0x4400u);
	/* WAIT wake-up: pending only where Status.IM lets it */
	ctx.cp0.cause = 0;
	ctx.cp0.timer_next = M.now + 10;
	ctx.cp0.status = 0x4000u;
	EXPECT_TRUE(vz_irq_pending(&z, 0x4000u));
	EXPECT_TRUE(!vz_irq_pending(&z, 0x400u));
	ctx.cp0.status = 0x8000u;
	EXPECT_TRUE(!vz_irq_pending(&z, 0));
	M.now += 10;
	EXPECT_TRUE(vz_irq_pending(&z, 0));
}

TEST(context_round_trip)
{
	setup();
	for (int r = 0; r < GC0_NR; r++)
		M.gc0[r] = 0x1000u + (u64)r;
	M.gtoffset = 77;
	vz_context_save(&z);
	model_reset();
	vz_context_restore(&z);
	for (int r = 0; r < GC0_NR; r++) {
		/* Count is GTOffset's; BadInstr(P) are the hardware's; Config0-4
		 * are what the guest context shows (not switched) */
		if (r == GC0_COUNT || r == GC0_BADINSTR || r == GC0_BADINSTRP ||
		    (r >= GC0_CONFIG0 && r <= GC0_CONFIG4))
			continue;
		u64 want = 0x1000u + (u64)r;
		if (r == GC0_CAUSE) /* IP7..IP2 are the hardware's */
			want &= ~0xfc00ull;
		EXPECT_EQ(M.gc0[r], want);
	}
	EXPECT_EQ(M.gtoffset, 77);
	/* sync_out writes back only what changed */
	vz_sync_in(&z);
	ctx.cp0.epc = 0x4242;
	memset(M.gc0_writes, 0, sizeof(M.gc0_writes));
	vz_sync_out(&z);
	unsigned writes = 0;
	for (int r = 0; r < GC0_NR; r++)
		writes += M.gc0_writes[r];
	EXPECT_EQ(writes, 1);
	EXPECT_EQ(M.gc0[GC0_EPC], 0x4242);
}

TEST(probe)
{
	char why[200];
	struct vz_probe p = {.config3 = 0x9c0030a0u, /* QEMU 10's 3A4000 model */
	                     .partitions = 2};

	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "trap-and-emulate: Config3.VZ (bit 23) is clear");
	p.config3 |= CONFIG3_VZ;
	p.config3 &= ~CONFIG3_BI;
	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "BadInstr");
	p.config3 |= CONFIG3_BI | CONFIG3_BP;
	p.guestctl0 = GCTL0_G1 | GCTL0_RAD | GCTL0_G2;
	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "GuestIDs");
	p.guestctl0 = GCTL0_G1;
	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "GuestCtl2");
	p.guestctl0 = GCTL0_G1 | GCTL0_G2;
	p.guestctl0_w = VZ_GCTL0_RUN & ~GCTL0_CF;
	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "GuestCtl0 took");
	p.guestctl0_w = VZ_GCTL0_RUN;
	p.guestid_max = 1;
	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "1 GuestIDs for 2 partitions");
	p.guestid_max = 255;
	p.gtoffset_mask = 0xffff;
	EXPECT_TRUE(!vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "GTOffset");
	p.gtoffset_mask = 0xffffffffu;
	EXPECT_TRUE(vz_probe_decide(&p, why, sizeof(why)));
	EXPECT_CONTAINS(why, "VZ: Config3");
}

TEST(load_put)
{
	setup();
	M.gctl1 = 0;
	vz_vcpu_load(&z, true);
	/* the guest runs as its GuestID; root TLB writes stay the root's */
	EXPECT_EQ(M.gctl1 & GCTL1_ID_MASK, GID);
	EXPECT_EQ((M.gctl1 >> GCTL1_RID_SHIFT) & 0xff, 0);
	/* fresh: the old entries of this GuestID go, the window is wired */
	EXPECT_EQ(M.guest_flushes, 1);
	EXPECT_TRUE(M.guest_wired[0].valid && M.guest_wired[1].valid);
	EXPECT_EQ(M.guest_wired[0].guestid, GID);
	EXPECT_EQ(M.guest_wired[0].hi, VZ_WINDOW_KSEG0);
	EXPECT_EQ(M.guest_wired[1].hi, VZ_WINDOW_KSEG1);
	EXPECT_EQ(M.guest_wired[0].mask, 0x1fffe000u);
	EXPECT_EQ(gpt_pte_hpa(M.guest_wired[0].lo1), 0x10000000ull); /* GPA, not HPA */
	EXPECT_EQ((M.guest_wired[0].lo0 >> 3) & 7, 3);
	EXPECT_EQ((M.guest_wired[1].lo0 >> 3) & 7, 2);
	/* not fresh: nothing flushed */
	vz_vcpu_put(&z, false);
	EXPECT_EQ(M.gctl1, 0);
	EXPECT_EQ(M.gctl2, 0);
	vz_vcpu_load(&z, false);
	EXPECT_EQ(M.guest_flushes, 1);
	/* teardown: this GuestID's entries leave this CPU's TLBs */
	vz_root_tlb_map(GID, 0, 1, 1, 0x6000);
	vz_root_tlb_map(GID + 1, 0, 1, 1, 0x6000);
	vz_vcpu_put(&z, true);
	EXPECT_TRUE(model_root_lookup(GID, 0) == NULL);
	EXPECT_TRUE(model_root_lookup(GID + 1, 0) != NULL);
	EXPECT_TRUE(!M.guest_wired[0].valid);
	EXPECT_EQ(M.gctl1, 0);
}

TEST(diag_flushes)
{
	setup();
	vz_vcpu_load(&z, true);
	unsigned flushes = M.guest_flushes;
	/* Linux's flush_micro_tlb: ITLB|DTLB only: the guest TLB stays */
	ctx.gpr[T1] = C0_DIAG_ITLB | C0_DIAG_DTLB;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 22, 0)), EMU_DONE);
	EXPECT_EQ(M.guest_flushes, flushes);
	EXPECT_EQ(M.root_diag, C0_DIAG_ITLB | C0_DIAG_DTLB);
	EXPECT_TRUE(M.guest_wired[0].valid);
	/* VTLB: flushed, and the window is wired in again */
	ctx.gpr[T1] = C0_DIAG_VTLB;
	EXPECT_EQ(gexit(GEXC_GPSI, e_mtc0(T1, 22, 0)), EMU_DONE);
	EXPECT_EQ(M.guest_flushes, flushes + 1);
	EXPECT_TRUE(M.guest_wired[0].valid && M.guest_wired[1].valid);
}

TEST(timer_across_switch)
{
	setup();
	/* TI pending when the vCPU leaves stays pending when it comes back
	 * (Compare is written before Cause: writing Compare acknowledges) */
	M.gc0[GC0_COMPARE] = (u32)M.now + 100;
	M.now += 200;
	M.gc0[GC0_CAUSE] |= C0_CAUSE_TI;
	vz_vcpu_put(&z, false);
	model_reset();
	vz_vcpu_load(&z, false);
	EXPECT_TRUE(M.gc0[GC0_CAUSE] & C0_CAUSE_TI);
	/* a match between sync_in and sync_out is kept */
	setup();
	M.gc0[GC0_CAUSE] = C0_CAUSE_DC; /* Count disabled by the guest: kept */
	vz_sync_in(&z);
	ctx.cp0.epc = 0x1234; /* something else changes */
	M.gc0[GC0_CAUSE] |= C0_CAUSE_TI;
	ctx.cp0.cause |= 0x100u; /* and the emulation changed IP0 */
	vz_sync_out(&z);
	EXPECT_TRUE(M.gc0[GC0_CAUSE] & C0_CAUSE_TI);
	EXPECT_TRUE(M.gc0[GC0_CAUSE] & C0_CAUSE_DC);
	/* an emulated exit leaves DC alone */
	setup();
	M.gc0[GC0_CAUSE] = C0_CAUSE_DC;
	ctx.gpr[T1] = 0;
	EXPECT_EQ(gexit(GEXC_GPSI, e_cpucfg(T0, T1)), EMU_DONE);
	EXPECT_EQ(M.gc0[GC0_CAUSE], C0_CAUSE_DC);
	EXPECT_EQ(M.gc0_writes[GC0_CAUSE], 0);
}

TEST(gsfc_intctl_config5)
{
	setup();
	ctx.gpr[T1] = 0xfc000000u;
	EXPECT_EQ(gexit(GEXC_GSFC, e_mtc0(T1, 12, 1)), EMU_DONE);
	EXPECT_EQ(M.gc0[GC0_INTCTL], 0xfffffffffc000000ull);
	EXPECT_EQ(ctx.pc, EPC + 4);
	/* Config5: K, CV, SBRI only */
	ctx.gpr[T1] = 0xffffffffu;
	EXPECT_EQ(gexit(GEXC_GSFC, e_mtc0(T1, 16, 5)), EMU_DONE);
	EXPECT_EQ(M.gc0[GC0_CONFIG5], (1u << 30) | (1u << 29) | (1u << 6));
	EXPECT_EQ(z.exits[VZ_EXIT_HOSTILE], 0);
}

TEST(delay_slots)
{
	/* a device load in the delay slot of a taken beq: the load is done,
	 * execution goes on at the branch target */
	setup();
	ctx.gpr[S0] = 0xffffffffa0000000ull | DEVG;
	devmem[0x20] = 0x11;
	struct vz_exit x = mk(EXC_CODE_TLBL, GEXC_GPA, e_i(0x24, S0, T0, 0x20), e_i(4, 0, 0, 8),
	                      DEVG + 0x20, true);
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0x11);
	EXPECT_EQ(ctx.pc, EPC + 4 + 32);
	/* bc1t: taken only if the guest's live FPU says so */
	setup();
	ctx.gpr[S0] = 0xffffffffa0000000ull | DEVG;
	x.badinstrp = 0x45010000u | 8; /* bc1t +8 */
	M.fcsr_cc = 1;
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_DONE);
	EXPECT_EQ(ctx.pc, EPC + 4 + 32);
	M.fcsr_cc = 0;
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_DONE);
	EXPECT_EQ(ctx.pc, EPC + 8);
	/* a hypercall in a delay slot (j +0x100 in the branch slot) */
	setup();
	x = mk(EXC_CODE_GE, GEXC_HC, I_HYPCALL(0), 0x08000000u | 0x40, 0, true);
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_HYPERCALL);
	EXPECT_EQ(ctx.pc, ((EPC + 4) & ~0x0fffffffull) | 0x100);
	/* an exception raised for a delay-slot instruction: EPC is the
	 * branch, Cause.BD set */
	setup();
	x = mk(EXC_CODE_GE, GEXC_GPSI, 0x01094821u, e_i(4, 0, 0, 8), 0, true);
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_DONE);
	expect_guest_exception(EXC_CODE_RI, EPC);
	EXPECT_TRUE(M.gc0[GC0_CAUSE] & C0_CAUSE_BD);
}

TEST(fetch_and_cache_error)
{
	/* a fetch from a kseg0 pc with no memory behind it: an instruction
	 * bus error, even if stale BadInstr looks like a load */
	setup();
	u64 pc = 0xffffffff98000000ull, ga = 0x18000000ull;
	struct vz_exit x = mk(EXC_CODE_TLBL, GEXC_GPA, e_i(0x23, S0, T0, 0), 0, ga, false);
	x.epc = pc;
	ctx.gpr[S0] = 0xffffffffa0000000ull | ga;
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_DONE);
	expect_guest_exception(EXC_CODE_IBE, pc);
	EXPECT_EQ(dev_reads, 0);
	/* a cache error during guest mode is not the guest's to handle */
	setup();
	x = mk(EXC_CODE_GE, GEXC_GPSI, I_WAIT, 0, 0, false);
	x.vector = 2;
	EXPECT_EQ(vz_handle_exit(&z, &x), EMU_FAIL);
}

TEST(rdhwr_user)
{
	/* user-mode RDHWR UserLocal (29): allowed by the guest's HWREna in
	 * the hardware context, answered from it */
	setup();
	M.gc0[GC0_STATUS] = C0_ST_KX | 0x10u; /* user mode */
	M.gc0[GC0_HWRENA] = 1u << 29;
	M.gc0[GC0_USERLOCAL] = 0xabcdef;
	EXPECT_EQ(gexit(GEXC_GRR, 0x7c00003bu | T0 << 16 | 29 << 11), EMU_DONE);
	EXPECT_EQ(ctx.gpr[T0], 0xabcdef);
	M.gc0[GC0_HWRENA] = 0;
	EXPECT_EQ(gexit(GEXC_GRR, 0x7c00003bu | T0 << 16 | 29 << 11), EMU_DONE);
	EXPECT_EQ((M.gc0[GC0_CAUSE] >> 2) & 0x1f, EXC_CODE_RI);
}

int main(void)
{
	RUN(gpsi_cpucfg);
	RUN(gpsi_config6_diag);
	RUN(gpsi_count_compare);
	RUN(gpsi_cache_wait);
	RUN(gpsi_in_delay_slot);
	RUN(gpsi_hostile);
	RUN(gsfc);
	RUN(hypercall);
	RUN(grr_ghfc);
	RUN(root_tlb_fill);
	RUN(root_mmio);
	RUN(root_bus_errors);
	RUN(root_hostile);
	RUN(timer_and_irqs);
	RUN(context_round_trip);
	RUN(probe);
	RUN(load_put);
	RUN(diag_flushes);
	RUN(timer_across_switch);
	RUN(gsfc_intctl_config5);
	RUN(delay_slots);
	RUN(fetch_and_cache_error);
	RUN(rdhwr_user);
	return CHECK_DONE();
}
