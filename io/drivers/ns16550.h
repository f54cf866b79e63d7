/* SPDX-License-Identifier: MIT */
/* Polled NS16550 UART transmitter: the hypervisor's own console. */
#ifndef IO_DRIVERS_NS16550_H
#define IO_DRIVERS_NS16550_H

#include "hv/types.h"

struct ns16550 {
	u64 base;           /* CPU address of register 0 (uncached) */
	unsigned reg_shift; /* register stride is 1 << reg_shift bytes */
};

/* 8N1, FIFOs on, device interrupts off. Keeps the firmware's baud rate:
 * the input clock is not reliably known (LEFI reports a made-up one). */
void ns16550_init(const struct ns16550 *u);

/* Write n bytes as they are. Each byte waits a bounded time for room in the
 * transmitter and is sent anyway when the time is up: a stuck UART must
 * not hang the crash path. */
void ns16550_write(const struct ns16550 *u, const char *s, size_t n);

#endif
