/* SPDX-License-Identifier: MIT */
/* The end of a guest, the same natively and as a Tern partition. */
#include "sdk_internal.h"

#define WAIT_ADDR_STATUS 0xdead0000ull

void sdk_exit(int status)
{
	console_flush();
	irq_disable();
	if (status == 0) {
		u16 me = stap();
		u64 cpus = cpus_started();
		for (u16 a = 0; a < SDK_MAX_CPUS; a++)
			if (a != me && (cpus >> a & 1))
				cpu_stop(a);
		/* QEMU ends the run cleanly once every CPU is stopped; Tern ends
		 * the partition. */
		sigp(me, SIGP_STOP, 0, NULL);
		for (;;) {
		}
	}
	struct psw w = {PSW_MASK_WAIT | PSW_MASK_64, WAIT_ADDR_STATUS | ((u64)status & 0xffff)};
	__asm__ volatile("lpswe %0" : : "Q"(w) : "memory");
	for (;;) {
	}
}
