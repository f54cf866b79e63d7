/* SPDX-License-Identifier: MIT */
/* A guest that spins with every interruption disabled and no instruction
 * that leaves SIE: spin_loops turns of a branch-on-count loop (command line,
 * in millions, default 1000), then ends cleanly: long enough for the other
 * partition to finish first, bounded so the run still ends by itself. The
 * scenario checks that the neighbour's "TESTS DONE" comes before
 * "spinner: done". */
#include <tern/test.h>

int main(void)
{
	u64 millions = cmdline_u64("spin_loops", 1000);
	u64 start = stck();

	printf("spinner: start, %llu million loops with interrupts off\n",
	       (unsigned long long)millions);
	irq_disable();
	for (u64 m = 0; m < millions; m++) {
		unsigned long n = 1000000;
		__asm__ volatile("0: brctg %0,0b" : "+d"(n) : : "cc");
	}
	u64 ms = (stck() - start) / TOD_PER_MS;
	printf("spinner: done after %llu ms\n", (unsigned long long)ms);
	CHECK(("spinner"), "bounded", millions > 0);
	return tests_done();
}
