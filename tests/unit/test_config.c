/* SPDX-License-Identifier: MIT */
/* config_check(): good configs pass; each kind of bad config is rejected
 * with a message naming the problem. */
#include "check.h"
#include "hv/config.h"

/* The checker links against a config symbol; these tests pass their own. */
const struct hv_config hv_config;

static struct hv_config base(void)
{
	struct hv_config c = {
	    .magic = HV_CONFIG_MAGIC,
	    .revision = HV_CONFIG_REVISION,
	    .name = "t",
	    .nr_partitions = 2,
	    .partitions =
	        {
	            {.name = "a",
	             .cpus = 0x1,
	             .nr_slots = 1,
	             .slots = {{.gpa = 0, .hpa = 0xa0000000, .size = MiB(64)}}},
	            {.name = "b",
	             .cpus = 0x6,
	             .nr_slots = 2,
	             .slots = {{.gpa = 0, .hpa = 0xa4000000, .size = MiB(32)},
	                       {.gpa = 0x10000000, .hpa = 0xa6000000, .size = MiB(1)}}},
	        },
	};
	return c;
}

static char err[4096];

static int check(const struct hv_config *c, const char *arch)
{
	return config_check(c, config_arch_limits(arch), err, sizeof(err));
}

TEST(good)
{
	struct hv_config c = base();

	EXPECT_EQ(check(&c, "mips64"), 0);
	EXPECT_STR(err, "");
	EXPECT_EQ(check(&c, "s390x"), 0);
	EXPECT_TRUE(config_arch_limits("vax") == NULL);
}

TEST(bad_header)
{
	struct hv_config c = base();

	c.magic = 0x12345678;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "bad magic");
	c = base();
	c.revision = 99;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "revision 99");
	c = base();
	c.nr_partitions = HV_MAX_PARTITIONS + 1;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "partitions, at most");
}

TEST(overlapping_memory)
{
	struct hv_config c = base();

	c.partitions[1].slots[0].hpa = 0xa3000000; /* into partition a's memory */
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "p0 slot 0 and p1 slot 0 overlap in host memory");
	c = base();
	c.partitions[1].slots[1].hpa = 0xa4100000; /* inside its own slot 0 */
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "p1 slot 0 and p1 slot 1 overlap in host memory");
	c = base();
	c.partitions[1].slots[1].gpa = 0x1000000; /* guest-physical overlap */
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "slots 0 and 1 overlap in guest-physical memory");
	/* Same GPA in two partitions is fine: separate address spaces. */
	c = base();
	c.partitions[1].slots[0].gpa = 0;
	EXPECT_EQ(check(&c, "mips64"), 0);
}

TEST(cpus)
{
	struct hv_config c = base();

	c.partitions[1].cpus = 0x3; /* CPU 0 twice */
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "already assigned to another partition");
	c = base();
	c.partitions[0].cpus = 0;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "no CPU assigned");
	c = base();
	c.partitions[0].cpus = 1ull << 40;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "names CPUs beyond 15");
}

TEST(alignment_and_sizes)
{
	struct hv_config c = base();

	c.partitions[1].slots[1].hpa = 0xa6002000; /* 8 KiB: bad for mips64 (16 KiB) */
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "not aligned to 0x4000");
	c = base();
	c.partitions[1].slots[1].size = KiB(512); /* fine on mips64, not s390x (1 MiB) */
	EXPECT_EQ(check(&c, "mips64"), 0);
	EXPECT_EQ(check(&c, "s390x"), 1);
	EXPECT_CONTAINS(err, "not aligned to 0x100000");
	c = base();
	c.partitions[0].slots[0].size = 0;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "size is 0");
	c = base();
	c.partitions[0].slots[0].size = GiB(128);
	EXPECT_TRUE(check(&c, "mips64") >= 1);
	EXPECT_CONTAINS(err, "exceeds the maximum");
	c = base();
	c.partitions[0].slots[0].hpa = 0xffffffffffffc000ull;
	c.partitions[0].slots[0].size = MiB(1);
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "wraps around");
	c = base();
	c.partitions[0].nr_slots = 0;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "0 memory slots");
	c = base();
	c.partitions[0].nr_slots = HV_MAX_SLOTS + 1;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "17 memory slots");
}

TEST(names_and_policy)
{
	struct hv_config c = base();

	c.partitions[0].name = NULL;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "name missing");
	c = base();
	c.partitions[0].name = "a-name-that-is-much-longer-than-31-chars";
	EXPECT_EQ(check(&c, "mips64"), 1);
	c = base();
	c.partitions[0].fault_policy = 7;
	EXPECT_EQ(check(&c, "mips64"), 1);
	EXPECT_CONTAINS(err, "unknown fault policy 7");
}

TEST(machine_limits)
{
	struct hv_config c = base();
	struct hv_limits lim = *config_arch_limits("mips64");

	lim.nr_ram = 1;
	lim.ram[0].base = 0x90000000;
	lim.ram[0].size = MiB(768);
	lim.nr_avoid = 1;
	lim.avoid[0].base = 0xa6000000;
	lim.avoid[0].size = 0x4000;
	EXPECT_EQ(config_check(&c, &lim, err, sizeof(err)), 1);
	EXPECT_CONTAINS(err, "overlaps the hypervisor image");
	lim.nr_avoid = 0;
	lim.ram[0].size = MiB(128); /* RAM ends at 0x98000000 */
	EXPECT_EQ(config_check(&c, &lim, err, sizeof(err)), 3);
	EXPECT_CONTAINS(err, "is not inside the machine's RAM");
}

TEST(many_problems_are_all_reported_and_bounded)
{
	struct hv_config c = base();
	char small[64];

	c.partitions[0].cpus = 0x2;                /* double CPU */
	c.partitions[0].slots[0].hpa = 0xa4000000; /* overlaps both slots of p1 */
	c.partitions[1].slots[1].size = 0x123;     /* alignment */
	EXPECT_EQ(check(&c, "mips64"), 4);
	EXPECT_EQ(config_check(&c, config_arch_limits("mips64"), small, sizeof(small)), 4);
	EXPECT_TRUE(strlen(small) < sizeof(small));
}

int main(void)
{
	RUN(good);
	RUN(bad_header);
	RUN(overlapping_memory);
	RUN(cpus);
	RUN(alignment_and_sizes);
	RUN(names_and_policy);
	RUN(machine_limits);
	RUN(many_problems_are_all_reported_and_bounded);
	return CHECK_DONE();
}
