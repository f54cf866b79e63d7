/* SPDX-License-Identifier: MIT */
/* Bounded formatter. Every byte goes through put(), which never writes past
 * the buffer; the returned length counts what would have been written. */
#include "hv/lib.h"

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const char *s, int width, int prec, bool left)
{
	if (!s)
		s = "(null)";
	size_t n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
	int pad = width > (int)n ? width - (int)n : 0;

	if (!left)
		put_pad(o, ' ', pad);
	for (size_t i = 0; i < n; i++)
		put(o, s[i]);
	if (left)
		put_pad(o, ' ', pad);
}

static void put_num(struct out *o, u64 v, bool neg, unsigned base, bool upper, int width, bool zero,
                    bool left, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	int plen = (neg ? 1 : 0) + (int)strlen(prefix);
	int pad = width > n + plen ? width - n - plen : 0;

	if (!left && !zero)
		put_pad(o, ' ', pad);
	if (neg)
		put(o, '-');
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	if (!left && zero)
		put_pad(o, '0', pad);
	while (n)
		put(o, tmp[--n]);
	if (left)
		put_pad(o, ' ', pad);
}

int hv_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = {buf, size, 0};

	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		p++;
		bool left = false, zero = false, alt = false;
		for (;; p++) {
			if (*p == '-')
				left = true;
			else if (*p == '0')
				zero = true;
			else if (*p == '#')
				alt = true;
			else
				break;
		}
		int width = 0, prec = -1;
		if (*p == '*') {
			width = va_arg(ap, int);
			p++;
		}
		while (*p >= '0' && *p <= '9')
			width = width * 10 + (*p++ - '0');
		if (*p == '.') {
			p++;
			prec = 0;
			if (*p == '*') {
				prec = va_arg(ap, int);
				p++;
			}
			while (*p >= '0' && *p <= '9')
				prec = prec * 10 + (*p++ - '0');
		}
		int lng = 0; /* -2 hh, -1 h, 0 int, 1 long, 2 long long, 3 size_t */
		if (*p == 'h') {
			lng = -1;
			if (*++p == 'h') {
				lng = -2;
				p++;
			}
		} else if (*p == 'l') {
			lng = 1;
			if (*++p == 'l') {
				lng = 2;
				p++;
			}
		} else if (*p == 'z') {
			lng = 3;
			p++;
		}
		char c = *p;
		if (!c)
			break;
		u64 uv = 0;
		s64 sv = 0;
		switch (c) {
		case '%':
			put(&o, '%');
			break;
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case 's':
			put_str(&o, va_arg(ap, const char *), width, prec, left);
			break;
		case 'd':
		case 'i':
			if (lng >= 2)
				sv = va_arg(ap, long long);
			else if (lng == 1)
				sv = va_arg(ap, long);
			else
				sv = va_arg(ap, int);
			if (lng == -1)
				sv = (short)sv;
			else if (lng == -2)
				sv = (signed char)sv;
			put_num(&o, sv < 0 ? (u64)0 - (u64)sv : (u64)sv, sv < 0, 10, false, width,
			        zero, left, "");
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng == 2)
				uv = va_arg(ap, unsigned long long);
			else if (lng == 1)
				uv = va_arg(ap, unsigned long);
			else if (lng == 3)
				uv = va_arg(ap, size_t);
			else
				uv = va_arg(ap, unsigned int);
			if (lng == -1)
				uv = (u16)uv;
			else if (lng == -2)
				uv = (u8)uv;
			put_num(&o, uv, false,
			        c == 'u'   ? 10
			        : c == 'o' ? 8
			                   : 16,
			        c == 'X', width, zero, left,
			        alt && (c == 'x' || c == 'X') ? "0x" : "");
			break;
		case 'p':
			put_num(&o, (u64)(uintptr_t)va_arg(ap, void *), false, 16, false, width,
			        zero, left, "0x");
			break;
		default: /* unknown conversion: print it verbatim */
			put(&o, '%');
			put(&o, c);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return (int)o.len;
}

int hv_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = hv_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
