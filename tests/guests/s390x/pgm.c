/* SPDX-License-Identifier: MIT */
/* Program interruptions delivered to the guest: for each, the code, the
 * instruction length and the old PSW (address just past the instruction,
 * the mask of the code that ran), and that execution goes on after it. */
#include <tern/test.h>

#define S "pgm"
#define PSW_CC_PROGMASK 0x00003f0000000000ull

static void check(const char *name, u16 code, u16 ilc, u64 next, u64 mask,
                  const struct pgm_info *pi)
{
	bool ok = pi->code == code && pi->ilc == ilc && pi->old.addr == next &&
	          (pi->old.mask & ~PSW_CC_PROGMASK) == mask;
	if (!ok)
		test_detail("%s: code 0x%x ilc %u old psw %016llx %016llx; want code 0x%x ilc %u "
		            "addr %016llx mask %016llx",
		            name, pi->code, pi->ilc, (unsigned long long)pi->old.mask,
		            (unsigned long long)pi->old.addr, code, ilc, (unsigned long long)next,
		            (unsigned long long)mask);
	test_report(S, name, ok ? TEST_PASS : TEST_FAIL);
}

static u64 op_invalid(void)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 ".short 0x0000\n"
	                 "1:\n"
	                 : "=a"(next)
	                 :
	                 : "cc", "memory");
	return next;
}

static u64 op_divide_odd(void)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 ".insn rr,0x1d00,1,2\n" /* DR 1,2: R1 must be even */

	                 "1:\n"
	                 : "=a"(next)
	                 :
	                 : "r1", "r2", "cc", "memory");
	return next;
}

static u64 op_divide_zero(void)
{
	u64 next;
	__asm__ volatile("lghi %%r2,0\n"
	                 "lghi %%r3,100\n"
	                 "lghi %%r4,0\n"
	                 "larl %0,1f\n"
	                 "dr %%r2,%%r4\n"
	                 "1:\n"
	                 : "=a"(next)
	                 :
	                 : "r2", "r3", "r4", "cc", "memory");
	return next;
}

static u64 op_execute_execute(void)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "larl %%r1,2f\n"
	                 "ex 0,0(%%r1)\n"
	                 "1: j 3f\n"
	                 "2: ex 0,0\n"
	                 "3:\n"
	                 : "=a"(next)
	                 :
	                 : "r1", "cc", "memory");
	return next;
}

static u64 op_load_far(u64 addr)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "lg %%r1,0(%1)\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "a"(addr)
	                 : "r1", "cc", "memory");
	return next;
}

static u64 op_store_low(void)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "mvi 0x10,0x55\n"
	                 "1:\n"
	                 : "=a"(next)
	                 :
	                 : "cc", "memory");
	return next;
}

static struct pgm_info priv_info;
static u64 priv_next;

/* Problem state: nothing privileged but the instruction under test (not
 * even STAP, so the expectation is armed before and read after). */
static void in_problem_state(void *arg)
{
	(void)arg;
	__asm__ volatile("larl %0,1f\n"
	                 "stnsm 0x20,0xff\n"
	                 "1:\n"
	                 : "=a"(priv_next)
	                 :
	                 : "cc", "memory");
}

int main(void)
{
	struct pgm_info pi;
	u64 next;

	pgm_expect();
	next = op_invalid();
	pgm_result(&pi);
	check("operation", PGM_OPERATION, 2, next, PSW_MASK_64, &pi);

	pgm_expect();
	next = op_divide_odd();
	pgm_result(&pi);
	check("specification", PGM_SPECIFICATION, 2, next, PSW_MASK_64, &pi);

	pgm_expect();
	next = op_divide_zero();
	pgm_result(&pi);
	check("fixed_point_divide", PGM_FIXED_DIVIDE, 2, next, PSW_MASK_64, &pi);

	pgm_expect();
	next = op_execute_execute();
	pgm_result(&pi);
	check("execute", PGM_EXECUTE, 4, next, PSW_MASK_64, &pi);

	pgm_expect();
	next = op_load_far(1ull << 40);
	pgm_result(&pi);
	check("addressing", PGM_ADDRESSING, 6, next, PSW_MASK_64, &pi);

	/* Low-address protection (CR0 bit 35): a store to 0x10 is refused
	 * and suppressed. */
	*(volatile u8 *)0x10 = 0;
	ctl0_or(CR0_LOW_ADDR_PROT);
	pgm_expect();
	next = op_store_low();
	pgm_result(&pi);
	ctl0_clear(CR0_LOW_ADDR_PROT);
	check("protection", PGM_PROTECTION, 4, next, PSW_MASK_64, &pi);
	CHECK_EQ(S, "protection_suppressed", *(volatile u8 *)0x10, 0);

	/* A privileged instruction in the problem state. */
	pgm_expect();
	run_in_problem_state(in_problem_state, NULL);
	pgm_result(&priv_info);
	check("privileged", PGM_PRIVILEGED, 4, priv_next, PSW_MASK_64 | PSW_MASK_PSTATE,
	      &priv_info);

	/* Nothing pending any more, and we are back in the supervisor state:
	 * a privileged instruction works. */
	u8 m = irq_disable();
	irq_restore(m);
	pgm_expect();
	ctl0_set(ctl0_get());
	CHECK_EQ(S, "supervisor_again", pgm_result(NULL), 0);
	return tests_done();
}
