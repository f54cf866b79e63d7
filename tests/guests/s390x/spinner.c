/* SPDX-License-Identifier: MIT */
/* A guest that spins with every interruption disabled, for spin_ms of TOD
 * time (command line, default 4000), then ends cleanly: long enough for
 * the other partition to finish first, bounded so the run still ends by
 * itself. The scenario checks that the neighbour's "TESTS DONE" comes
 * before "spinner: done". */
#include <tern/test.h>

int main(void)
{
	u64 ms = cmdline_u64("spin_ms", 4000);
	u64 start = stck(), n = 0;

	printf("spinner: start, %llu ms with interrupts off\n", (unsigned long long)ms);
	irq_disable();
	while (stck() - start < ms * TOD_PER_MS)
		n++;
	printf("spinner: done after %llu loops\n", (unsigned long long)n);
	CHECK(("spinner"), "bounded", n > 0);
	return tests_done();
}
