/* SPDX-License-Identifier: MIT */
/* Host cache and CPUCFG work done on a guest's behalf, the same for the
 * trap-and-emulate and the VZ backend. */
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "arch/types.h"

/* Index cache ops act on the host cache line the index selects, through
 * unmapped kseg0: only the kinds that lose nothing (invalidate I, write
 * back and invalidate D); tag stores and L2/L3 index ops are ignored. */
void mips_host_cache_index(u32 op, u64 va)
{
	u64 a = CKSEG0 | (va & 0xffff);

	if (op == 0x00)
		__asm__ volatile("cache 0x00, 0(%0)" : : "r"(a) : "memory");
	else if (op == 0x01)
		__asm__ volatile("cache 0x01, 0(%0)" : : "r"(a) : "memory");
}

/* Loongson's CPUCFG exists on the 3A4000 (PRId company 0x14, imp 0xc0). */
bool mips_host_cpucfg(u32 sel, u32 *val)
{
	u32 prid = read_c0_prid(), r;

	if (((prid >> 16) & 0xff) != 0x14 || ((prid >> 8) & 0xff) != 0xc0)
		return false;
	/* cpucfg $2, $4 */
	__asm__ volatile("move $4, %1\n\t.word 0xc8881118\n\tmove %0, $2"
	                 : "=r"(r)
	                 : "r"(sel)
	                 : "$2", "$4");
	*val = r;
	return true;
}

/* The FPU's FCSR, which holds the guest's condition codes: the hypervisor
 * is soft-float and never touches the FPU. Only with Status.CU1 set. */
u32 mips_host_fcsr(void)
{
	u32 fcsr;

	__asm__ volatile(".set push\n\t.set hardfloat\n\tcfc1 %0, $31\n\t.set pop" : "=r"(fcsr));
	return fcsr;
}

bool mips_fcsr_cc(u32 fcsr, u32 cc)
{
	return (fcsr >> (cc ? 24 + cc : 23)) & 1;
}

/* The FPU registers and FCSR in the mode the guest used (fr: Status.FR):
 * 32 doubles with FR set, the 16 even ones (each a pair) without. The
 * caller has Status.CU1 and that FR set. */
#define FPR_OP(op, n)                                                                              \
	__asm__ volatile(".set push\n\t.set hardfloat\n\t" op " $f" #n ", %0\n\t.set pop"          \
	                 :                                                                         \
	                 : "m"(f->fpr[n])                                                          \
	                 : "memory")
#define FPR_ALL_EVEN(op)                                                                           \
	FPR_OP(op, 0);                                                                             \
	FPR_OP(op, 2);                                                                             \
	FPR_OP(op, 4);                                                                             \
	FPR_OP(op, 6);                                                                             \
	FPR_OP(op, 8);                                                                             \
	FPR_OP(op, 10);                                                                            \
	FPR_OP(op, 12);                                                                            \
	FPR_OP(op, 14);                                                                            \
	FPR_OP(op, 16);                                                                            \
	FPR_OP(op, 18);                                                                            \
	FPR_OP(op, 20);                                                                            \
	FPR_OP(op, 22);                                                                            \
	FPR_OP(op, 24);                                                                            \
	FPR_OP(op, 26);                                                                            \
	FPR_OP(op, 28);                                                                            \
	FPR_OP(op, 30)
#define FPR_ALL_ODD(op)                                                                            \
	FPR_OP(op, 1);                                                                             \
	FPR_OP(op, 3);                                                                             \
	FPR_OP(op, 5);                                                                             \
	FPR_OP(op, 7);                                                                             \
	FPR_OP(op, 9);                                                                             \
	FPR_OP(op, 11);                                                                            \
	FPR_OP(op, 13);                                                                            \
	FPR_OP(op, 15);                                                                            \
	FPR_OP(op, 17);                                                                            \
	FPR_OP(op, 19);                                                                            \
	FPR_OP(op, 21);                                                                            \
	FPR_OP(op, 23);                                                                            \
	FPR_OP(op, 25);                                                                            \
	FPR_OP(op, 27);                                                                            \
	FPR_OP(op, 29);                                                                            \
	FPR_OP(op, 31)

void mips_fpu_save(struct mips_fpu *f, bool fr)
{
	FPR_ALL_EVEN("sdc1");
	if (fr) {
		FPR_ALL_ODD("sdc1");
	}
	f->fcsr = mips_host_fcsr();
}

void mips_fpu_restore(const struct mips_fpu *f, bool fr)
{
	FPR_ALL_EVEN("ldc1");
	if (fr) {
		FPR_ALL_ODD("ldc1");
	}
	__asm__ volatile(".set push\n\t.set hardfloat\n\tctc1 %0, $31\n\t.set pop"
	                 :
	                 : "r"(f->fcsr)
	                 : "memory");
}
