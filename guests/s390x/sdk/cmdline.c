/* SPDX-License-Identifier: MIT */
/* The command line: QEMU copies -append to 0x10480 for an image entered at
 * 0x10000, and Tern puts the partition's cmdline at the same place. */
#include "sdk_internal.h"

#define CMDLINE_ADDR 0x10480ul
#define CMDLINE_MAX 0x380

const char *cmdline(void)
{
	static char copy[CMDLINE_MAX + 1];
	static bool done;

	if (!done) {
		const volatile char *src = (const volatile char *)CMDLINE_ADDR;
		size_t i;
		for (i = 0; i < CMDLINE_MAX && src[i]; i++)
			copy[i] = src[i];
		copy[i] = 0;
		done = true;
	}
	return copy;
}

bool cmdline_get(const char *key, char *buf, size_t size)
{
	const char *s = cmdline();
	size_t klen = strlen(key);

	while (*s) {
		while (*s == ' ')
			s++;
		const char *w = s;
		while (*s && *s != ' ')
			s++;
		if ((size_t)(s - w) > klen && !strncmp(w, key, klen) && w[klen] == '=') {
			size_t n = 0;
			for (const char *v = w + klen + 1; v < s && n + 1 < size; v++)
				buf[n++] = *v;
			if (size)
				buf[n] = 0;
			return true;
		}
	}
	return false;
}

u64 cmdline_u64(const char *key, u64 def)
{
	char buf[24];
	u64 v = 0;
	unsigned base = 10;
	const char *p = buf;

	if (!cmdline_get(key, buf, sizeof(buf)) || !buf[0])
		return def;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (; *p; p++) {
		unsigned d;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return def;
		v = v * base + d;
	}
	return v;
}
