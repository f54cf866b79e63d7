/* SPDX-License-Identifier: MIT */
/* Core on the fake arch: console tagging, partition tables, GPA translation,
 * page pools from a memory map, the boot-time config re-check, waiting with
 * a timeout, and the whole hv_main() flow on a one-CPU machine. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/host.h"
#include "check.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/page_alloc.h"
#include "hv/partition.h"
#include "hv/percpu.h"
#include "hv/run.h"
#include "hv/smp.h"
#include "hv/vcpu.h"
#include "hv/wait.h"

const struct hv_config hv_config = {
    .magic = HV_CONFIG_MAGIC,
    .revision = HV_CONFIG_REVISION,
    .name = "unit",
    .nr_partitions = 2,
    .partitions =
        {
            {.name = "one",
             .cpus = 0x1,
             .nr_slots = 1,
             .slots = {{.gpa = 0, .hpa = 0x40000000, .size = MiB(16)}}},
            {.name = "two",
             .cpus = 0x6,
             .nr_slots = 2,
             .slots = {{.gpa = 0, .hpa = 0x41000000, .size = MiB(8)},
                       {.gpa = 0x10000000, .hpa = 0x42000000, .size = MiB(1), .flags = 1}}},
        },
};

static struct boot_info bi = {
    .arch = "host",
    .machine = "unit-test machine",
    .firmware = "none",
    .nr_cpus = 3,
    .boot_cpu = 0,
    .cpu_hwid = {0, 1, 2},
    .nr_mem = 2,
    .mem = {{.base = {0x0}, .size = MiB(1), .type = MEM_RESERVED},
            {.base = {0x40000000}, .size = MiB(64), .type = MEM_RAM}},
    .image_start = {0x43000000},
    .image_end = {0x43100000},
    .timer_hz = 100000000,
    .cmdline = "",
};

TEST(console_tags_and_splits)
{
	host_console_reset();
	console_printf("hv", "one\ntwo");
	console_printf("p3", "x=%d", 5);
	EXPECT_STR(host_console, "[hv] one\n[hv] two\n[p3] x=5\n");
	host_console_reset();
	char big[400];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	console_printf("hv", "%s", big);
	/* 399 characters become 3 lines of at most CONSOLE_LINE_MAX. */
	int lines = 0;
	for (size_t i = 0; i < host_console_len; i++)
		lines += host_console[i] == '\n';
	EXPECT_EQ(lines, 3);
}

TEST(partition_tables)
{
	hv_boot_info = &bi;
	host_console_reset();
	EXPECT_EQ(partitions_create(), HV_OK);
	EXPECT_EQ(partitions[0].nr_vcpus, 1);
	EXPECT_EQ(partitions[1].nr_vcpus, 2);
	EXPECT_EQ(partitions[1].vcpus[0].pcpu, 1);
	EXPECT_EQ(partitions[1].vcpus[1].pcpu, 2);
	EXPECT_EQ(partitions[1].vcpus[1].id, 1);
	EXPECT_TRUE(partitions[1].vcpus[1].part == &partitions[1]);
	EXPECT_EQ(partitions[1].state, PART_CREATED);
	EXPECT_CONTAINS(host_console, "[hv] p1 'two': 2 vcpu(s)");

	hpa_t h;
	EXPECT_TRUE(partition_gpa_to_hpa(&partitions[1], gpa(0x10000010), 16, &h));
	EXPECT_EQ(h.v, 0x42000010);
	EXPECT_TRUE(partition_gpa_to_hpa(&partitions[1], gpa(0x100ff000), 0x1000, &h));
	EXPECT_TRUE(!partition_gpa_to_hpa(&partitions[1], gpa(0x100ff000), 0x1001, &h));
	EXPECT_TRUE(!partition_gpa_to_hpa(&partitions[1], gpa(MiB(8)), 1, &h));
	EXPECT_TRUE(!partition_gpa_to_hpa(&partitions[1], gpa(MiB(8) - 1), 2, &h));
	EXPECT_TRUE(!partition_gpa_to_hpa(&partitions[0], gpa(~0ull), 2, &h));
	EXPECT_TRUE(!partition_gpa_to_hpa(&partitions[0], gpa(0), 0, &h));
}

TEST(pages_from_memory_map)
{
	host_console_reset();
	EXPECT_EQ(pages_init(&bi), HV_OK);
	/* 64 MiB RAM minus 16+8+1 MiB of partitions minus the 1 MiB image. */
	EXPECT_EQ(pages_free_total(), (MiB(64) - MiB(26)) >> PAGE_SHIFT);
	hpa_t a;
	for (int i = 0; i < 100; i++) {
		EXPECT_EQ(pages_alloc(4, &a), HV_OK);
		/* Never inside a partition or the image. */
		bool in_part = a.v < 0x41800000 || (a.v >= 0x42000000 && a.v < 0x42100000);
		bool in_image = a.v + 4 * PAGE_SIZE > 0x43000000 && a.v < 0x43100000;
		EXPECT_TRUE(!in_part && !in_image);
	}
}

TEST(boot_recheck)
{
	host_console_reset();
	EXPECT_EQ(config_check_at_boot(&bi), HV_OK);
	struct boot_info small = bi;
	small.nr_cpus = 2; /* CPU 2 is missing */
	host_console_reset();
	EXPECT_EQ(config_check_at_boot(&small), HV_E_INVAL);
	EXPECT_CONTAINS(host_console, "wants CPU(s) 0x4 that this machine does not have");
	small = bi;
	small.image_start = hpa(0x40800000); /* image inside partition one */
	host_console_reset();
	EXPECT_EQ(config_check_at_boot(&small), HV_E_INVAL);
	EXPECT_CONTAINS(host_console, "overlaps the hypervisor image");
}

TEST(wait_times_out_without_spinning_forever)
{
	static u32 flag;

	hv_boot_info = &bi;
	host_now = 1000;
	EXPECT_TRUE(!hv_wait_at_least(&flag, 1, hv_us_to_ticks(500)));
	EXPECT_TRUE(host_now >= 1000 + 50000); /* 500 us at 100 MHz */
	EXPECT_EQ(host_deadline, 1000 + 50000);
	flag = 3;
	EXPECT_TRUE(hv_wait_at_least(&flag, 3, 10));
	EXPECT_EQ(hv_us_to_ticks(1000000), 100000000);
	EXPECT_EQ(hv_ticks_to_us(250), 2);
}

TEST(console_flood_is_rate_limited)
{
	struct partition *p = &partitions[0];
	static char nl[1000];

	hv_boot_info = &bi;
	memset(nl, '\n', sizeof(nl));
	p->con_tokens = 256;
	p->con_refill = host_now;
	host_console_reset();
	partition_console_write(p, nl, sizeof(nl));
	int lines = 0;
	for (size_t i = 0; i < host_console_len; i++)
		lines += host_console[i] == '\n';
	EXPECT_EQ(lines, 256); /* the burst, then nothing */
	host_now += 100000000; /* one second at 100 MHz refills the budget */
	host_console_reset();
	partition_console_write(p, "after\x01\n", 7);
	EXPECT_CONTAINS(host_console,
	                "[hv] p0 console: 744 line(s) dropped (rate limit)\n[p0] after.\n");
}

TEST(main_flow_on_one_cpu)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		static struct boot_info one;
		one = bi;
		one.nr_cpus = 3;
		one.cpu_hwid[1] = 1;
		hv_main(&one); /* CPUs 1, 2 never report in: exit status 1 */
	}
	int st = 0;
	waitpid(pid, &st, 0);
	EXPECT_TRUE(WIFEXITED(st));
	EXPECT_EQ(WEXITSTATUS(st), 1);
}

int main(void)
{
	RUN(console_tags_and_splits);
	RUN(partition_tables);
	RUN(pages_from_memory_map);
	RUN(boot_recheck);
	RUN(wait_times_out_without_spinning_forever);
	RUN(console_flood_is_rate_limited);
	RUN(main_flow_on_one_cpu);
	return CHECK_DONE();
}
