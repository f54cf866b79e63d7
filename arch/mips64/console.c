/* SPDX-License-Identifier: MIT */
/* The hypervisor console: the board's first 16550 (LEFI lists it at
 * 0x1fe001e0 on loongson3-virt), through ckseg1. */
#include "hv/arch/console.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "io/drivers/ns16550.h"

/* Usable before mips_console_init(): the crash path may run that early. */
static const struct ns16550 uart0 = {.base = UART0_BASE, .reg_shift = 0};

void mips_console_init(void)
{
	ns16550_init(&uart0);
}

void arch_console_write_line(const char *s, size_t len)
{
	ns16550_write(&uart0, s, len);
	ns16550_write(&uart0, "\r\n", 2);
}
