/* SPDX-License-Identifier: MIT */
/* Console: the loongson3-virt 16550 at physical 0x1fe001e0 through the
 * layout's kseg1 window (natively the real UART, as a partition Tern's
 * virtual one), and a small printf. */
#include "tg/tg.h"

#include "sdk.h"

#define UART_PA 0x1fe001e0u
#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

void tg_putc(char c)
{
	volatile u8 *uart = (volatile u8 *)tg_kseg1(UART_PA);

	if (c == '\n')
		tg_putc('\r');
	for (u32 spin = 0; spin < 1000000 && !(uart[UART_LSR] & LSR_THRE); spin++)
		;
	uart[UART_THR] = (u8)c;
}

void tg_puts(const char *s)
{
	while (*s)
		tg_putc(*s++);
}

struct out {
	char *buf; /* NULL: the console */
	size_t n, len;
};

static void out_c(struct out *o, char c)
{
	if (!o->buf)
		tg_putc(c);
	else if (o->len + 1 < o->n)
		o->buf[o->len] = c;
	o->len++;
}

static void out_num(struct out *o, u64 v, unsigned base, bool neg, int width, char pad, bool left)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[n++] = '-';
	int len = n;

	if (!left)
		for (int i = len; i < width; i++)
			out_c(o, pad);
	while (n)
		out_c(o, tmp[--n]);
	if (left)
		for (int i = len; i < width; i++)
			out_c(o, ' ');
}

static void out_fmt(struct out *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out_c(o, *fmt);
			continue;
		}
		fmt++;
		bool left = false;
		char pad = ' ';
		int width = 0, lng = 0;
		if (*fmt == '-') {
			left = true;
			fmt++;
		}
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}
		u64 v;
		switch (*fmt) {
		case 'd': {
			s64 sv = lng ? va_arg(ap, s64) : va_arg(ap, int);
			out_num(o, sv < 0 ? (u64)-sv : (u64)sv, 10, sv < 0, width, pad, left);
			break;
		}
		case 'u':
		case 'x':
			v = lng ? va_arg(ap, u64) : va_arg(ap, unsigned int);
			out_num(o, v, *fmt == 'x' ? 16 : 10, false, width, pad, left);
			break;
		case 'p':
			out_c(o, '0');
			out_c(o, 'x');
			out_num(o, (u64)(uintptr_t)va_arg(ap, void *), 16, false, width, pad, left);
			break;
		case 'c':
			out_c(o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			int len = 0;
			if (!s)
				s = "(null)";
			while (s[len])
				len++;
			if (!left)
				for (int i = len; i < width; i++)
					out_c(o, ' ');
			while (*s)
				out_c(o, *s++);
			if (left)
				for (int i = len; i < width; i++)
					out_c(o, ' ');
			break;
		}
		case '%':
			out_c(o, '%');
			break;
		default:
			out_c(o, '%');
			if (*fmt)
				out_c(o, *fmt);
			else
				fmt--;
			break;
		}
	}
}

bool tg_console_smp;
static u32 console_lock;

/* With more than one CPU (tg_smp_init), a message is written whole under a
 * lock, with this CPU's interrupts off so a handler cannot spin on it. */
void tg_vprintf(const char *fmt, va_list ap)
{
	struct out o = {0};

	if (!tg_console_smp) {
		out_fmt(&o, fmt, ap);
		return;
	}
	u32 st = tg_read_status();
	if (st & ST_IE)
		tg_write_status(st & ~(u32)ST_IE);
	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
		;
	out_fmt(&o, fmt, ap);
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
	if (st & ST_IE)
		tg_write_status(st);
}

void tg_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tg_vprintf(fmt, ap);
	va_end(ap);
}

int tg_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	struct out o = {.buf = buf, .n = n};
	va_list ap;

	va_start(ap, fmt);
	out_fmt(&o, fmt, ap);
	va_end(ap);
	if (n)
		buf[o.len < n ? o.len : n - 1] = 0;
	return (int)o.len;
}
