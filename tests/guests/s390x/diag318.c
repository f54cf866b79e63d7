/* SPDX-License-Identifier: MIT */
/* DIAG 0x318 (set control-program name and version codes). The command
 * line says what the machine offers: diag318=1 (a Tern partition with
 * config feature 0x1) or diag318=0 (the default; QEMU TCG cannot offer
 * it). Offered: READ SCP INFO byte 134 bit 0x80 (read only when the CPU
 * entries start past it) and the DIAG completes; not offered: neither, and
 * the DIAG is a specification exception. Always privileged. */
#include <tern/test.h>

#define S "diag318"
#define CPNC 0x7e
#define CPVC 0x00123456789abcull

static u8 sccb[4096] __aligned(4096);

static u64 diag318(u64 val)
{
	u64 next;
	__asm__ volatile("larl %0,1f\n"
	                 "diag %1,0,0x318\n"
	                 "1:\n"
	                 : "=&a"(next)
	                 : "d"(val)
	                 : "cc", "memory");
	return next;
}

static u64 priv_next;

static void in_problem_state(void *arg)
{
	(void)arg;
	priv_next = diag318((u64)CPNC << 56 | CPVC);
}

int main(void)
{
	bool want = cmdline_u64("diag318", 0) != 0;
	struct pgm_info pi;

	printf("diag318: expecting the feature %s\n", want ? "on" : "off");
	CHECK(S, "read_info", sclp_read_info(sccb));
	u16 cpuoff = (u16)(sccb[18] << 8 | sccb[19]);
	bool announced = cpuoff > 134 && (sccb[134] & 0x80);
	printf("diag318: cpu entries at %u, byte 134 = 0x%02x\n", cpuoff,
	       cpuoff > 134 ? sccb[134] : 0);
	CHECK_EQ(S, "announced", announced, want);

	pgm_expect();
	u64 next = diag318((u64)CPNC << 56 | CPVC);
	u16 code = pgm_result(&pi);
	if (want) {
		CHECK_EQ(S, "call", code, 0);
	} else {
		bool ok = code == PGM_SPECIFICATION && pi.ilc == 4 && pi.old.addr == next;
		if (!ok)
			test_detail("code 0x%x ilc %u addr %llx (want %llx)", code, pi.ilc,
			            (unsigned long long)pi.old.addr, (unsigned long long)next);
		CHECK(S, "call_refused", ok);
	}

	pgm_expect();
	run_in_problem_state(in_problem_state, NULL);
	code = pgm_result(&pi);
	CHECK(S, "privileged", code == PGM_PRIVILEGED && pi.old.addr == priv_next);
	return tests_done();
}
