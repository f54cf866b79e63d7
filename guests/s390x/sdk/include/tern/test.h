/* SPDX-License-Identifier: MIT */
/* The guests' test lines, one per result, exactly
 *   TEST <suite>.<name> PASS|FAIL|SKIP
 * and at the end
 *   TESTS DONE pass=P fail=F skip=S
 * which tools/lib/runner.sh and tools/difftest read. Details of a failure
 * go on lines of their own before the TEST line ("  detail: ..."). */
#ifndef TERN_TEST_H
#define TERN_TEST_H

#include <tern/sdk.h>

enum test_result { TEST_PASS = 0, TEST_FAIL = 1, TEST_SKIP = 2 };

void test_report(const char *suite, const char *name, enum test_result r);
/* A detail line for the next result (printf-like). */
void test_detail(const char *fmt, ...) __printf(1, 2);
/* TEST line from a condition; the expression text and place on failure. */
bool test_check(const char *suite, const char *name, bool ok, const char *expr, const char *file,
                int line);
bool test_check_eq(const char *suite, const char *name, u64 got, u64 want, const char *expr,
                   const char *file, int line);
void test_skip(const char *suite, const char *name, const char *why);
/* Prints "TESTS DONE ..." and returns 0 if nothing failed, else 1. */
int tests_done(void);
u32 tests_failed(void);

#define CHECK(suite, name, cond) test_check(suite, name, (cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ(suite, name, got, want)                                                           \
	test_check_eq(suite, name, (u64)(got), (u64)(want), #got " == " #want, __FILE__, __LINE__)

#endif
