/* SPDX-License-Identifier: MIT */
/* core/lib/string.c, built under t_* names so it does not replace libc's. */
#include "check.h"
#include "hv/types.h"

void *t_memcpy(void *dst, const void *src, size_t n);
void *t_memmove(void *dst, const void *src, size_t n);
void *t_memset(void *dst, int c, size_t n);
int t_memcmp(const void *a, const void *b, size_t n);
size_t t_strlen(const char *s);
size_t t_strnlen(const char *s, size_t max);
int t_strcmp(const char *a, const char *b);
int t_strncmp(const char *a, const char *b, size_t n);
size_t hv_strlcpy(char *dst, const char *src, size_t size);
bool hv_has_word(const char *list, const char *word);

TEST(copy_and_move)
{
	_Alignas(8) unsigned char a[64], b[64];

	for (int i = 0; i < 64; i++)
		a[i] = (unsigned char)i;
	for (size_t off = 0; off < 9; off++) {
		for (size_t n = 0; n < 40; n++) {
			memset(b, 0xee, sizeof(b));
			t_memcpy(b + off, a + 3, n);
			EXPECT_TRUE(memcmp(b + off, a + 3, n) == 0);
			EXPECT_EQ(b[off + n], 0xee);
		}
	}
	/* Overlap in both directions. */
	for (int i = 0; i < 64; i++)
		a[i] = (unsigned char)i;
	t_memmove(a + 8, a, 32);
	for (int i = 0; i < 32; i++)
		EXPECT_EQ(a[8 + i], i);
	for (int i = 0; i < 64; i++)
		a[i] = (unsigned char)i;
	t_memmove(a, a + 5, 40);
	for (int i = 0; i < 40; i++)
		EXPECT_EQ(a[i], i + 5);
}

TEST(set_and_compare)
{
	_Alignas(8) unsigned char b[40];

	t_memset(b, 0x5a, 40);
	for (int i = 0; i < 40; i++)
		EXPECT_EQ(b[i], 0x5a);
	t_memset(b + 3, 0x100 + 7, 5); /* the value is converted to unsigned char */
	EXPECT_EQ(b[2], 0x5a);
	EXPECT_EQ(b[3], 7);
	EXPECT_EQ(b[7], 7);
	EXPECT_EQ(b[8], 0x5a);
	EXPECT_EQ(t_memcmp("abc", "abd", 3), -1);
	EXPECT_EQ(t_memcmp("abd", "abc", 3), 1);
	EXPECT_EQ(t_memcmp("abc", "abd", 2), 0);
	EXPECT_EQ(t_memcmp("\x80", "\x01", 1), 1); /* compares unsigned bytes */
}

TEST(strings)
{
	char b[8];

	EXPECT_EQ(t_strlen(""), 0);
	EXPECT_EQ(t_strlen("tern"), 4);
	EXPECT_EQ(t_strnlen("tern", 2), 2);
	EXPECT_TRUE(t_strcmp("a", "b") < 0);
	EXPECT_TRUE(t_strcmp("b", "a") > 0);
	EXPECT_EQ(t_strcmp("same", "same"), 0);
	EXPECT_EQ(t_strncmp("abcX", "abcY", 3), 0);
	EXPECT_TRUE(t_strncmp("ab", "abc", 3) < 0);
	EXPECT_EQ(hv_strlcpy(b, "hypervisor", sizeof(b)), 10);
	EXPECT_STR(b, "hypervi");
	EXPECT_TRUE(hv_has_word("console=x semihosting debug", "semihosting"));
	EXPECT_TRUE(hv_has_word("semihosting", "semihosting"));
	EXPECT_TRUE(!hv_has_word("nosemihosting", "semihosting"));
	EXPECT_TRUE(!hv_has_word("semihostingx y", "semihosting"));
	EXPECT_TRUE(!hv_has_word(NULL, "x"));
	EXPECT_TRUE(!hv_has_word("a b", ""));
}

int main(void)
{
	RUN(copy_and_move);
	RUN(set_and_compare);
	RUN(strings);
	return CHECK_DONE();
}
