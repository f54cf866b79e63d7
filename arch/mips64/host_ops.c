/* SPDX-License-Identifier: MIT */
/* Host cache and CPUCFG work done on a guest's behalf, the same for the
 * trap-and-emulate and the VZ backend. */
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"

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
