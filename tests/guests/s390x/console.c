/* SPDX-License-Identifier: MIT */
/* Console output through the SCLP: the event mask, one line, many lines,
 * a long line, and the command line. */
#include <tern/test.h>

#define S "console"

int main(void)
{
	printf("console: hello from an s390x guest\n");
	u8 type = console_event_type();
	CHECK(S, "event_type", type == 0x1a || type == 0x02);
	u32 mask = console_sclp_receive_mask();
	CHECK(S, "receive_mask",
	      (type == 0x1a && (mask & 0x40)) || (type == 0x02 && (mask & 0x40000000)) ||
	          mask == 0);
	CHECK_EQ(S, "write_response", console_last_response(), 0x0020);

	bool ok = true;
	for (int i = 0; i < 20; i++) {
		printf("console: line %d of 20\n", i + 1);
		ok = ok && console_last_response() == 0x0020;
	}
	CHECK(S, "many_lines", ok);

	char line[181];
	for (int i = 0; i < 180; i++)
		line[i] = (char)('a' + i % 26);
	line[180] = 0;
	printf("console: %s\n", line);
	CHECK_EQ(S, "long_line", console_last_response(), 0x0020);

	printf(
	    "console: printable ASCII !\"#$%%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~\n");
	CHECK_EQ(S, "printable", console_last_response(), 0x0020);

	char word[32];
	const char *cl = cmdline();
	printf("console: cmdline '%s'\n", cl);
	if (cmdline_get("greeting", word, sizeof(word)))
		CHECK(S, "cmdline", !strncmp(word, "hello-tern", 11));
	else
		test_skip(S, "cmdline", "no greeting= in the command line");
	return tests_done();
}
