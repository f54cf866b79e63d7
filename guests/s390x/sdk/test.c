/* SPDX-License-Identifier: MIT */
/* TEST lines and the closing summary (see tern/test.h). */
#include <tern/test.h>

#include "sdk_internal.h"

static u32 passed, failed, skipped;
static struct sdk_lock count_lock;

void test_report(const char *suite, const char *name, enum test_result r)
{
	static const char *const words[] = {"PASS", "FAIL", "SKIP"};
	u8 mask = sdk_lock(&count_lock);

	if (r == TEST_PASS)
		passed++;
	else if (r == TEST_FAIL)
		failed++;
	else
		skipped++;
	sdk_unlock(&count_lock, mask);
	printf("TEST %s.%s %s\n", suite, name, words[r]);
}

void test_detail(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printf("  detail: %s\n", buf);
}

bool test_check(const char *suite, const char *name, bool ok, const char *expr, const char *file,
                int line)
{
	if (!ok)
		test_detail("%s.%s: %s is false (%s:%d)", suite, name, expr, file, line);
	test_report(suite, name, ok ? TEST_PASS : TEST_FAIL);
	return ok;
}

bool test_check_eq(const char *suite, const char *name, u64 got, u64 want, const char *expr,
                   const char *file, int line)
{
	bool ok = got == want;

	if (!ok)
		test_detail("%s.%s: %s: got 0x%llx, want 0x%llx (%s:%d)", suite, name, expr,
		            (unsigned long long)got, (unsigned long long)want, file, line);
	test_report(suite, name, ok ? TEST_PASS : TEST_FAIL);
	return ok;
}

void test_skip(const char *suite, const char *name, const char *why)
{
	test_detail("%s.%s skipped: %s", suite, name, why);
	test_report(suite, name, TEST_SKIP);
}

u32 tests_failed(void)
{
	return failed;
}

int tests_done(void)
{
	printf("TESTS DONE pass=%u fail=%u skip=%u\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
