/* SPDX-License-Identifier: MIT */
/* Console multiplexer: formats, tags and serialises lines onto the one
 * physical console. Interrupt handlers do not print (they record; the
 * interrupted code reports), so the lock is never taken re-entrantly. */
#include "hv/arch/console.h"
#include "hv/arch/cpu.h"
#include "hv/console.h"
#include "hv/lib.h"
#include "hv/spinlock.h"

static spinlock_t console_lock = SPINLOCK_INIT;

static void emit_lines(const char *tag, const char *text)
{
	char line[CONSOLE_LINE_MAX + 16];
	size_t taglen = (size_t)hv_snprintf(line, sizeof(line), "[%s] ", tag);
	const char *p = text;

	if (taglen >= sizeof(line) / 2)
		taglen = sizeof(line) / 2;
	do {
		size_t n = 0;
		while (p[n] && p[n] != '\n' && n < CONSOLE_LINE_MAX)
			n++;
		memcpy(line + taglen, p, n);
		arch_console_write_line(line, taglen + n);
		p += n;
		if (*p == '\n')
			p++;
	} while (*p);
}

void console_vprintf(const char *tag, const char *fmt, va_list ap)
{
	char text[512];

	hv_vsnprintf(text, sizeof(text), fmt, ap);
	unsigned long flags = arch_irq_save();
	spin_lock(&console_lock);
	emit_lines(tag, text);
	spin_unlock(&console_lock);
	arch_irq_restore(flags);
}

void console_printf(const char *tag, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	console_vprintf(tag, fmt, ap);
	va_end(ap);
}

void console_printf_unlocked(const char *tag, const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	hv_vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	emit_lines(tag, text);
}
