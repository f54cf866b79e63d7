/* SPDX-License-Identifier: MIT */
/* A virtual 16550 UART (register shift 0, byte registers), one per
 * partition: what the guest's console driver needs. Transmit is instant
 * (THR always empty); there is no input except in loopback mode. Plain C,
 * no hypervisor dependencies: the backend routes the bytes and the line. */
#ifndef IO_VUART16550_H
#define IO_VUART16550_H

#include "hv/types.h"

#define VUART_REGS 8

struct vuart16550 {
	u8 ier, lcr, mcr, scr, dll, dlm, fcr;
	u8 rbr;        /* loopback receive buffer */
	bool rx_ready; /* LSR.DR */
	bool thre_irq; /* a THR-empty interrupt is pending (16550 rule) */
};

void vuart_reset(struct vuart16550 *u);
/* Register `off` (0..7). Reading IIR acknowledges a THRE interrupt. */
u8 vuart_read(struct vuart16550 *u, u32 off);
/* Returns true with *tx the byte when the write transmits one. */
bool vuart_write(struct vuart16550 *u, u32 off, u8 v, u8 *tx);
/* The level of the UART's interrupt line. */
bool vuart_irq(const struct vuart16550 *u);

#endif
