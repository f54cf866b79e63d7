/* SPDX-License-Identifier: MIT */
/* Fatal errors of the hypervisor itself. Never reachable from guest input:
 * a guest's mistake becomes an architected answer to that guest. */
#ifndef HV_PANIC_H
#define HV_PANIC_H

#include "hv/types.h"

/* Exit statuses the harness understands. */
#define HV_EXIT_OK 0
#define HV_EXIT_FAIL 1      /* a self-check failed (e.g. a CPU did not come up) */
#define HV_EXIT_PANIC 2     /* panic() */
#define HV_EXIT_EXCEPTION 3 /* unexpected exception in the hypervisor */

/* Print "[hv] PANIC: <msg> at file:line", a register dump, then exit
 * with HV_EXIT_PANIC. */
__noreturn void hv_panic(const char *file, int line, const char *fmt, ...) __printf(3, 4);
#define panic(...) hv_panic(__FILE__, __LINE__, __VA_ARGS__)

/* Invariant of the hypervisor (never of guest input). */
#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond))                                                                       \
			panic("CHECK(%s) failed", #cond);                                          \
	} while (0)

#endif
