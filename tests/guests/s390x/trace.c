/* SPDX-License-Identifier: MIT */
/* Trace windows for path-length measurement (partition feature
 * S390_FEAT_TRACE; arch/s390x/tools/tracecount.sh): DIAG 0x44 with "TRON"
 * in R1 opens a window of Hercules' instruction trace, "TROF" closes it.
 * Three windows: an empty one (the window's own cost: one intercept round
 * trip), diag=N DIAG 0x44 yields (default 100), and lines=L console lines
 * (default 20: one SERVC intercept and one service-signal interruption
 * each). Without the feature, or natively, the DIAGs are plain yields. */
#include <tern/test.h>

#define S "trace"
#define TRON 0x54524f4eul
#define TROF 0x54524f46ul

static void diag44(unsigned long r1)
{
	register unsigned long r = r1;

	__asm__ volatile("diag %0,0,0x44" : : "d"(r) : "memory");
}

int main(void)
{
	u64 n = cmdline_u64("diag", 100), lines = cmdline_u64("lines", 20);

	printf("trace: window 1: empty\n");
	diag44(TRON);
	diag44(TROF);
	printf("trace: window 2: %llu DIAG 0x44\n", (unsigned long long)n);
	diag44(TRON);
	for (u64 i = 0; i < n; i++)
		diag44(0);
	diag44(TROF);
	printf("trace: window 3: %llu console lines\n", (unsigned long long)lines);
	diag44(TRON);
	for (u64 i = 0; i < lines; i++)
		printf("trace: line %llu of %llu\n", (unsigned long long)i + 1,
		       (unsigned long long)lines);
	diag44(TROF);
	CHECK(S, "windows_done", true);
	return tests_done();
}
