/* SPDX-License-Identifier: MIT */
/* hv_snprintf: conversions, widths, bounds and the C99 return value. */
#include "check.h"
#include "hv/lib.h"

TEST(conversions)
{
	char b[128];

	hv_snprintf(b, sizeof(b), "%d %i %u", -42, 7, 4000000000u);
	EXPECT_STR(b, "-42 7 4000000000");
	hv_snprintf(b, sizeof(b), "%x %X %#x %o", 0xbeefu, 0xbeefu, 255u, 8u);
	EXPECT_STR(b, "beef BEEF 0xff 10");
	hv_snprintf(b, sizeof(b), "%llx %lld %llu", 0xffffffff80200000ull, -9000000000ll,
	            18446744073709551615ull);
	EXPECT_STR(b, "ffffffff80200000 -9000000000 18446744073709551615");
	hv_snprintf(b, sizeof(b), "%zu %lu %ld", (size_t)123, 456ul, -789l);
	EXPECT_STR(b, "123 456 -789");
	hv_snprintf(b, sizeof(b), "%hhx %hx %hd", 0x1ff, 0x1ffff, 0x18000);
	EXPECT_STR(b, "ff ffff -32768");
	hv_snprintf(b, sizeof(b), "%c%c%% %s", 'o', 'k', "str");
	EXPECT_STR(b, "ok% str");
	hv_snprintf(b, sizeof(b), "%p", (void *)0x1000);
	EXPECT_STR(b, "0x1000");
	const char *volatile nul = NULL;
	hv_snprintf(b, sizeof(b), "%s", nul);
	EXPECT_STR(b, "(null)");
	hv_snprintf(b, sizeof(b), "%lld", (long long)(-9223372036854775807ll - 1));
	EXPECT_STR(b, "-9223372036854775808");
	const char *volatile bad = "%q"; /* not a literal: the compiler would refuse it */
	hv_snprintf(b, sizeof(b), bad);
	EXPECT_STR(b, "%q");
}

TEST(widths)
{
	char b[128];

	hv_snprintf(b, sizeof(b), "[%8s][%-8s][%.2s]", "ab", "ab", "abcdef");
	EXPECT_STR(b, "[      ab][ab      ][ab]");
	hv_snprintf(b, sizeof(b), "[%08x][%-6d][%6d][%06d]", 0x1234u, 42, -42, -42);
	EXPECT_STR(b, "[00001234][42    ][   -42][-00042]");
	hv_snprintf(b, sizeof(b), "[%016llx]", 0xabcull);
	EXPECT_STR(b, "[0000000000000abc]");
	hv_snprintf(b, sizeof(b), "[%*d][%.*s]", 5, 1, 3, "abcdef");
	EXPECT_STR(b, "[    1][abc]");
}

TEST(bounds)
{
	char b[8];

	memset(b, 'X', sizeof(b));
	int n = hv_snprintf(b, 5, "hello world");
	EXPECT_EQ(n, 11);
	EXPECT_STR(b, "hell");
	EXPECT_EQ(b[5], 'X'); /* nothing written past size */
	memset(b, 'X', sizeof(b));
	n = hv_snprintf(b, 0, "abc");
	EXPECT_EQ(n, 3);
	EXPECT_EQ(b[0], 'X');
	n = hv_snprintf(b, 1, "abc");
	EXPECT_EQ(n, 3);
	EXPECT_EQ(b[0], 0);
	n = hv_snprintf(b, sizeof(b), "%016llx", 1ull);
	EXPECT_EQ(n, 16);
	EXPECT_STR(b, "0000000");
}

int main(void)
{
	RUN(conversions);
	RUN(widths);
	RUN(bounds);
	return CHECK_DONE();
}
