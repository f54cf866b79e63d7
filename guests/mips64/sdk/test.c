/* SPDX-License-Identifier: MIT */
/* The test runner: one "TEST <suite>.<name> PASS|FAIL|SKIP" line per test,
 * "TESTS DONE pass=P fail=F skip=S" at the end (tools/lib/runner.sh and
 * tools/difftest read exactly these). A test that takes an exception it did
 * not expect fails, and the next test runs from a clean state. */
#include "tg/tg.h"

#include "sdk.h"

enum { T_PASS, T_FAIL, T_SKIP };

static const char *cur_suite, *cur_name;
static int cur_state;
static bool in_test;
static struct tg_jmp run_jmp;
static u32 n_pass, n_fail, n_skip;

/* The state every test starts from: kernel mode, interrupts off, no
 * handlers, no pending software interrupts, ASID 0. */
static void clean_state(void)
{
	tg_trap_reset();
	tg_write_status(0);
	tg_mtc0(CP0_CAUSE, 0, 0);
	tg_dmtc0(CP0_ENTRYHI, 0, 0);
}

void tg_run(const char *suite, const char *name, tg_test_fn fn)
{
	cur_suite = suite;
	cur_name = name;
	cur_state = T_PASS;
	clean_state();
	in_test = true;
	if (tg_setjmp(&run_jmp) == 0)
		fn();
	in_test = false;
	clean_state();
	static const char *const words[] = {"PASS", "FAIL", "SKIP"};
	tg_printf("TEST %s.%s %s\n", suite, name, words[cur_state]);
	if (cur_state == T_PASS)
		n_pass++;
	else if (cur_state == T_FAIL)
		n_fail++;
	else
		n_skip++;
}

static void fail_prefix(void)
{
	tg_printf("  %s.%s: ", cur_suite ? cur_suite : "-", cur_name ? cur_name : "-");
}

void tg_check_failed(int line, const char *what)
{
	fail_prefix();
	tg_printf("line %d: check failed: %s\n", line, what);
	cur_state = T_FAIL;
}

void tg_eq_failed(int line, const char *a, const char *b, u64 va, u64 vb)
{
	fail_prefix();
	tg_printf("line %d: %s == %s failed: 0x%llx != 0x%llx\n", line, a, b,
	          (unsigned long long)va, (unsigned long long)vb);
	cur_state = T_FAIL;
}

void tg_skip(const char *why)
{
	fail_prefix();
	tg_printf("skipped: %s\n", why);
	if (cur_state == T_PASS)
		cur_state = T_SKIP;
}

void tg_note(const char *fmt, ...)
{
	va_list ap;

	fail_prefix();
	va_start(ap, fmt);
	tg_vprintf(fmt, ap);
	va_end(ap);
	tg_putc('\n');
}

void tg_test_abort(struct tg_frame *f)
{
	if (!in_test) {
		tg_printf("  exception outside any test: stopping\n");
		tg_exit(3);
	}
	cur_state = T_FAIL;
	tg_frame_longjmp(f, &run_jmp, 1);
}

int tg_tests_done(void)
{
	tg_printf("TESTS DONE pass=%u fail=%u skip=%u\n", n_pass, n_fail, n_skip);
	return n_fail ? 1 : 0;
}
