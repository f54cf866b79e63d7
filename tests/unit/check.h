/* SPDX-License-Identifier: MIT */
/* Minimal unit-test macros for host tests: every CHECK_* compares and
 * counts; main() returns the failure count, so ctest sees failures. */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define EXPECT_TRUE(c)                                                                             \
	do {                                                                                       \
		check_count++;                                                                     \
		if (!(c)) {                                                                        \
			check_failures++;                                                          \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                        \
		}                                                                                  \
	} while (0)

#define EXPECT_EQ(a, b)                                                                            \
	do {                                                                                       \
		long long va_ = (long long)(a), vb_ = (long long)(b);                              \
		check_count++;                                                                     \
		if (va_ != vb_) {                                                                  \
			check_failures++;                                                          \
			printf("FAIL %s:%d: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a,    \
			       #b, va_, vb_);                                                      \
		}                                                                                  \
	} while (0)

#define EXPECT_STR(a, b)                                                                           \
	do {                                                                                       \
		const char *sa_ = (a), *sb_ = (b);                                                 \
		check_count++;                                                                     \
		if (strcmp(sa_, sb_) != 0) {                                                       \
			check_failures++;                                                          \
			printf("FAIL %s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, sa_, sb_);    \
		}                                                                                  \
	} while (0)

#define EXPECT_CONTAINS(hay, needle)                                                               \
	do {                                                                                       \
		check_count++;                                                                     \
		if (!strstr((hay), (needle))) {                                                    \
			check_failures++;                                                          \
			printf("FAIL %s:%d: output lacks \"%s\":\n%s\n", __FILE__, __LINE__,       \
			       (needle), (hay));                                                   \
		}                                                                                  \
	} while (0)

#define TEST(name) static void name(void)
#define RUN(name)                                                                                  \
	do {                                                                                       \
		int before_ = check_failures;                                                      \
		name();                                                                            \
		printf("TEST %s %s\n", #name, check_failures == before_ ? "PASS" : "FAIL");        \
	} while (0)
#define CHECK_DONE()                                                                               \
	(printf("%d checks, %d failures\n", check_count, check_failures), check_failures != 0)

#endif
