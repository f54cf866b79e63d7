/* SPDX-License-Identifier: MIT */
/* Arch hook: the hypervisor's one physical console (16550 on Loongson,
 * SCLP on s390x). Core serialises callers and hands over whole lines. */
#ifndef HV_ARCH_CONSOLE_H
#define HV_ARCH_CONSOLE_H

#include "hv/types.h"

/* Write one complete line (without the trailing newline; the arch adds what
 * its device needs). May busy-wait on the device; must work with interrupts
 * disabled and from the crash path. Called under the console lock. */
void arch_console_write_line(const char *s, size_t len);

#endif
