/* SPDX-License-Identifier: MIT */
/* Tagged console output: every line carries its source, "[hv]" for the
 * hypervisor, "[p0]".. for partitions, so the harness can demultiplex. */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <stdarg.h>

#include "hv/types.h"

#define CONSOLE_LINE_MAX 160

/* Print one or more lines, each prefixed by "[tag] ". Long lines are split. */
void console_vprintf(const char *tag, const char *fmt, va_list ap);
void console_printf(const char *tag, const char *fmt, ...) __printf(2, 3);

/* Hypervisor message: hv_log("cpu %u up", n) prints "[hv] cpu 1 up". */
#define hv_log(...) console_printf("hv", __VA_ARGS__)

/* For the crash path: print without taking the console lock (another CPU
 * may hold it forever). */
void console_printf_unlocked(const char *tag, const char *fmt, ...) __printf(2, 3);

#endif
