/* SPDX-License-Identifier: MIT */
/* Tern's freestanding library: the string/memory functions the compiler may
 * call, and a bounded formatter. No libc is linked into the hypervisor. */
#ifndef HV_LIB_H
#define HV_LIB_H

#include <stdarg.h>

#include "hv/types.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
/* Copies at most size-1 bytes and always terminates (if size > 0).
 * Returns strlen(src), like BSD strlcpy. */
size_t hv_strlcpy(char *dst, const char *src, size_t size);
/* Finds word (delimited by spaces or the string ends) in a space-separated list. */
bool hv_has_word(const char *list, const char *word);

/* Bounded formatting. Supports %% %c %s %d %i %u %x %X %o %p with flags
 * '-', '0', width, precision for %s, and the length modifiers hh h l ll z.
 * Never writes more than size bytes; always terminates when size > 0.
 * Returns the length the full output would have had (as C99 vsnprintf). */
int hv_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int hv_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Division helpers that avoid libgcc on 32-bit-divide-challenged targets. */
static inline u64 hv_div64(u64 a, u64 b)
{
	return a / b;
}

#endif
