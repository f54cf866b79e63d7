/* SPDX-License-Identifier: MIT */
/* The hypervisor console is the SCLP's (io/drivers/sclp.c). */
#include "hv/arch/console.h"
#include "drivers/sclp.h"

void arch_console_write_line(const char *s, size_t len)
{
	sclp_console_write(s, len);
}
