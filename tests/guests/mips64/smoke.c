/* SPDX-License-Identifier: MIT */
#include "tg/tg.h"

TG_TEST(smoke, hello)
{
	TG_EQ(1 + 1, 2);
}

static void do_syscall(void *arg)
{
	(void)arg;
	__asm__ volatile("syscall");
}

TG_TEST(smoke, syscall)
{
	TG_EQ(tg_try(TG_EXC(EXC_SYS), do_syscall, NULL), EXC_SYS + 1);
}

int main(void)
{
	TG_RUN(smoke, hello);
	TG_RUN(smoke, syscall);
	return tg_tests_done();
}
