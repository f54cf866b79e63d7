/* SPDX-License-Identifier: MIT */
/* Polled NS16550 UART transmitter. */
#include "ns16550.h"

#define REG_THR 0
#define REG_IER 1
#define REG_FCR 2
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5

#define LCR_8N1 0x03
#define FCR_ENABLE_RESET 0x07
#define MCR_DTR_RTS 0x03
#define LSR_THRE 0x20

/* About 10 ms of polling on real hardware, far longer than one character
 * at 9600 baud; QEMU's model is always ready. */
#define TX_SPIN_MAX 100000

static volatile u8 *reg(const struct ns16550 *u, unsigned r)
{
	return (volatile u8 *)(uintptr_t)(u->base + ((u64)r << u->reg_shift));
}

void ns16550_init(const struct ns16550 *u)
{
	*reg(u, REG_IER) = 0;
	*reg(u, REG_LCR) = LCR_8N1;
	*reg(u, REG_FCR) = FCR_ENABLE_RESET;
	*reg(u, REG_MCR) = MCR_DTR_RTS;
}

static void put_byte(const struct ns16550 *u, char c)
{
	for (unsigned i = 0; i < TX_SPIN_MAX; i++)
		if (*reg(u, REG_LSR) & LSR_THRE)
			break;
	*reg(u, REG_THR) = (u8)c;
}

void ns16550_write(const struct ns16550 *u, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put_byte(u, s[i]);
}
