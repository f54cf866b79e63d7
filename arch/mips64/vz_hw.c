/* SPDX-License-Identifier: MIT */
/* arch/vz_hw.h on a Loongson-3A R4: the VZ instructions (MFGC0/MTGC0 and
 * the doubleword forms, TLBGWI, the GuestCtl registers). Compiled with
 * -Wa,-mvirt into every mips64 image; run only where the backend chose VZ
 * (backend.c), since these registers and instructions exist only there. */
#include "arch/vz_hw.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "arch/vz.h"
#include "hv/arch/timer.h"

#define ASM_VIRT(insn) ".set push\n\t.set virt\n\t" insn "\n\t.set pop"

/* Which guest register, how wide: X(name, reg, sel, 64-bit?) */
#define GC0_LIST(X)                                                                                \
	X(GC0_INDEX, 0, 0, 0)                                                                      \
	X(GC0_ENTRYLO0, 2, 0, 1)                                                                   \
	X(GC0_ENTRYLO1, 3, 0, 1)                                                                   \
	X(GC0_CONTEXT, 4, 0, 1)                                                                    \
	X(GC0_USERLOCAL, 4, 2, 1)                                                                  \
	X(GC0_PAGEMASK, 5, 0, 0)                                                                   \
	X(GC0_PAGEGRAIN, 5, 1, 0)                                                                  \
	X(GC0_WIRED, 6, 0, 0)                                                                      \
	X(GC0_HWRENA, 7, 0, 0)                                                                     \
	X(GC0_BADVADDR, 8, 0, 1)                                                                   \
	X(GC0_BADINSTR, 8, 1, 0)                                                                   \
	X(GC0_BADINSTRP, 8, 2, 0)                                                                  \
	X(GC0_COUNT, 9, 0, 0)                                                                      \
	X(GC0_ENTRYHI, 10, 0, 1)                                                                   \
	X(GC0_COMPARE, 11, 0, 0)                                                                   \
	X(GC0_STATUS, 12, 0, 0)                                                                    \
	X(GC0_INTCTL, 12, 1, 0)                                                                    \
	X(GC0_CAUSE, 13, 0, 0)                                                                     \
	X(GC0_EPC, 14, 0, 1)                                                                       \
	X(GC0_EBASE, 15, 1, 1)                                                                     \
	X(GC0_CONFIG0, 16, 0, 0)                                                                   \
	X(GC0_CONFIG1, 16, 1, 0)                                                                   \
	X(GC0_CONFIG2, 16, 2, 0)                                                                   \
	X(GC0_CONFIG3, 16, 3, 0)                                                                   \
	X(GC0_CONFIG4, 16, 4, 0)                                                                   \
	X(GC0_CONFIG5, 16, 5, 0)                                                                   \
	X(GC0_XCONTEXT, 20, 0, 1)                                                                  \
	X(GC0_ERROREPC, 30, 0, 1)                                                                  \
	X(GC0_KSCRATCH1, 31, 2, 1)                                                                 \
	X(GC0_KSCRATCH2, 31, 3, 1)                                                                 \
	X(GC0_KSCRATCH3, 31, 4, 1)                                                                 \
	X(GC0_KSCRATCH4, 31, 5, 1)                                                                 \
	X(GC0_KSCRATCH5, 31, 6, 1)                                                                 \
	X(GC0_KSCRATCH6, 31, 7, 1)

#define READ_CASE(e, r, s, wide)                                                                   \
	case e:                                                                                    \
		if (wide)                                                                          \
			__asm__ volatile(ASM_VIRT("dmfgc0 %0, $" #r ", " #s) : "=r"(v));           \
		else                                                                               \
			__asm__ volatile(ASM_VIRT("mfgc0 %0, $" #r ", " #s) : "=r"(v));            \
		break;
#define WRITE_CASE(e, r, s, wide)                                                                  \
	case e:                                                                                    \
		if (wide)                                                                          \
			__asm__ volatile(ASM_VIRT("dmtgc0 %0, $" #r ", " #s)                       \
			                 :                                                         \
			                 : "r"(v)                                                  \
			                 : "memory");                                              \
		else                                                                               \
			__asm__ volatile(ASM_VIRT("mtgc0 %0, $" #r ", " #s)                        \
			                 :                                                         \
			                 : "r"(v)                                                  \
			                 : "memory");                                              \
		break;

u64 vz_gc0_read(enum vz_gc0 r)
{
	u64 v = 0;

	switch (r) {
		GC0_LIST(READ_CASE)
	default:
		break;
	}
	return v;
}

void vz_gc0_write(enum vz_gc0 r, u64 v)
{
	switch (r) {
		GC0_LIST(WRITE_CASE)
	default:
		break;
	}
	__asm__ volatile("ehb" : : : "memory");
}

#define ROOT_ACCESSORS(name, reg, sel)                                                             \
	u32 vz_##name##_read(void)                                                                 \
	{                                                                                          \
		u32 v;                                                                             \
		__asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v));                           \
		return v;                                                                          \
	}                                                                                          \
	void vz_##name##_write(u32 v)                                                              \
	{                                                                                          \
		__asm__ volatile("mtc0 %0, $" #reg ", " #sel "\n\tehb" : : "r"(v) : "memory");     \
	}
ROOT_ACCESSORS(guestctl0, 12, 6)
ROOT_ACCESSORS(guestctl0ext, 11, 4)
ROOT_ACCESSORS(guestctl1, 10, 4)
ROOT_ACCESSORS(gtoffset, 12, 7)

void vz_guestctl2_write(u32 v)
{
	__asm__ volatile("mtc0 %0, $10, 5\n\tehb" : : "r"(v) : "memory");
}

u64 vz_now(void)
{
	return arch_timer_now();
}

static void set_rid(u32 guestid)
{
	vz_guestctl1_write((vz_guestctl1_read() & ~(GCTL1_ID_MASK << GCTL1_RID_SHIFT)) |
	                   (guestid & GCTL1_ID_MASK) << GCTL1_RID_SHIFT);
}

void vz_root_tlb_map(u32 guestid, u64 hi, u64 lo0, u64 lo1, u32 pagemask)
{
	set_rid(guestid);
	write_c0_entryhi(hi);
	write_c0_pagemask(pagemask);
	write_c0_entrylo0(lo0);
	write_c0_entrylo1(lo1);
	__asm__ volatile("tlbp\n\tehb" : : : "memory");
	if (read_c0_index() & 0x80000000u)
		__asm__ volatile("tlbwr\n\tehb" : : : "memory");
	else
		mips_tlbwi();
	set_rid(0);
	write_c0_pagemask(0);
	write_c0_entryhi(0);
}

/* VTLB entries (Config1.MMUSize) plus the FTLB where Config4 says there is
 * one (MMUExtDef 2 or 3: sets 1 << FTLBSets, ways FTLBWays + 2). */
static u32 tlb_entries(u32 config1, u32 config4)
{
	u32 n = ((config1 >> 25) & 0x3f) + 1, ext = (config4 >> 14) & 3;

	if (ext == 2 || ext == 3)
		n += (1u << (config4 & 0xf)) * (((config4 >> 4) & 0xf) + 2);
	return n;
}

/* Every root entry whose GuestID (TLBR loads it into GuestCtl1.RID) is
 * guestid gets a unique, invalid EntryHi, written as a root entry. */
void vz_root_tlb_flush_guest(u32 guestid)
{
	u32 n = tlb_entries(read_c0_config1(), read_c0_config4());

	for (u32 i = 0; i < n; i++) {
		write_c0_index(i);
		__asm__ volatile("tlbr\n\tehb" : : : "memory");
		if (((vz_guestctl1_read() >> GCTL1_RID_SHIFT) & GCTL1_ID_MASK) != guestid)
			continue;
		set_rid(0);
		write_c0_entryhi(CKSEG0 + (u64)i * 0x4000);
		write_c0_entrylo0(0);
		write_c0_entrylo1(0);
		write_c0_pagemask(0);
		mips_tlbwi();
	}
	set_rid(0);
	write_c0_pagemask(0);
	write_c0_entryhi(0);
}

void vz_guest_tlb_write(u32 guestid, u32 index, u64 hi, u64 lo0, u64 lo1, u32 pagemask)
{
	set_rid(guestid);
	vz_gc0_write(GC0_INDEX, index);
	vz_gc0_write(GC0_ENTRYHI, hi);
	vz_gc0_write(GC0_ENTRYLO0, lo0);
	vz_gc0_write(GC0_ENTRYLO1, lo1);
	vz_gc0_write(GC0_PAGEMASK, pagemask);
	__asm__ volatile(ASM_VIRT("tlbgwi") "\n\tehb" : : : "memory");
	set_rid(0);
}

/* Every guest TLB index gets a unique invalid entry of this GuestID (the
 * guest's own registers used for it are restored). Sized from the root's
 * Config1/Config4: the guest context's Config is what the guest was shown. */
void vz_guest_tlb_flush(u32 guestid)
{
	u32 n = tlb_entries(read_c0_config1(), read_c0_config4());
	u64 index = vz_gc0_read(GC0_INDEX), hi = vz_gc0_read(GC0_ENTRYHI);
	u64 lo0 = vz_gc0_read(GC0_ENTRYLO0), lo1 = vz_gc0_read(GC0_ENTRYLO1);
	u64 mask = vz_gc0_read(GC0_PAGEMASK);

	for (u32 i = 0; i < n; i++)
		vz_guest_tlb_write(guestid, i, CKSEG0 + (u64)i * 0x4000, 0, 0, 0);
	vz_gc0_write(GC0_INDEX, index);
	vz_gc0_write(GC0_ENTRYHI, hi);
	vz_gc0_write(GC0_ENTRYLO0, lo0);
	vz_gc0_write(GC0_ENTRYLO1, lo1);
	vz_gc0_write(GC0_PAGEMASK, mask);
}

void vz_root_diag(u32 bits)
{
	u32 d;

	__asm__ volatile("mfc0 %0, $22, 0" : "=r"(d));
	__asm__ volatile("mtc0 %0, $22, 0\n\tehb" : : "r"(d | bits) : "memory");
}

bool vz_fp_cc(u32 cc, bool *set)
{
	if (!(read_c0_status() & C0_ST_CU1))
		return false;
	*set = mips_fcsr_cc(mips_host_fcsr(), cc);
	return true;
}

void vz_cache_index(u32 op, u64 va)
{
	mips_host_cache_index(op, va);
}

bool vz_host_cpucfg(u32 sel, u32 *val)
{
	return mips_host_cpucfg(sel, val);
}

/* Loongson's page-walk instructions (CPUCFG2.LSPW): the refill the root
 * TLB exception asked for, walked by lddir/ldpte from the root BadVAddr
 * over the partition's table (the layout of arch/gpt.h), as KVM's Loongson
 * refill handler walks its GPA table. */
#define CPUCFG2_LSPW (1u << 3)

static bool lspw;

/* Every CPU (vz.c's setup): whether it has lddir/ldpte (all CPUs alike),
 * and the walk's constant PWField/PWSize/PWCtl. */
void vz_hw_cpu_setup(void)
{
	u32 cfg2;
	struct gpt t = {0};
	struct gpt_pw pw;

	lspw = mips_host_cpucfg(2, &cfg2) && (cfg2 & CPUCFG2_LSPW);
	if (!lspw)
		return;
	gpt_pw_regs(&t, &pw);
	__asm__ volatile("dmtc0 %0, $5, 6\n\t"
	                 "dmtc0 %1, $5, 7\n\t"
	                 "mtc0 %2, $6, 6\n\tehb"
	                 :
	                 : "r"(pw.pwfield), "r"(pw.pwsize), "r"(pw.pwctl)
	                 : "memory");
}

bool vz_root_tlb_refill_hw(u32 guestid, const struct gpt *t, u64 gpa)
{
	if (!lspw)
		return false;
	set_rid(guestid);
	write_c0_entryhi(gpa & ~(2 * GPT_PAGE_SIZE - 1));
	write_c0_pagemask((u32)GPT_PAGEMASK);
	/* $4 = table; lddir $12, $4, 3; lddir $13, $12, 1; ldpte $13, 0/1 */
	__asm__ volatile("move $4, %0\n\t"
	                 ".word 0xc88c1898\n\t"
	                 ".word 0xc98d0898\n\t"
	                 ".word 0xc9a000d8\n\t"
	                 ".word 0xc9a008d8\n\t"
	                 "ehb\n\ttlbwr\n\tehb"
	                 :
	                 : "r"((u64)(uintptr_t)t->root)
	                 : "$4", "$12", "$13", "memory");
	set_rid(0);
	write_c0_pagemask(0);
	write_c0_entryhi(0);
	return true;
}
