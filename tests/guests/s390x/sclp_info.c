/* SPDX-License-Identifier: MIT */
/* SCLP READ SCP INFO and READ CPU INFO: the memory size and the CPUs the
 * command line announces (mem=MiB cpus=N), and TPROT at the end of memory
 * (addressing exception just past it). */
#include <tern/test.h>

#define S "sclp"

#define SCLP_CMD_READ_SCP_INFO 0x00020001u
#define SCLP_CMD_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_CMD_READ_CPU_INFO 0x00010001u

static u8 sccb[4096] __aligned(4096);

static u16 be16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

int main(void)
{
	u64 want_mib = cmdline_u64("mem", 0);
	u32 want_cpus = (u32)cmdline_u64("cpus", 0);

	memset(sccb, 0, sizeof(sccb));
	sccb[0] = 0x10; /* 4096 bytes */
	u16 rc = sclp_call(SCLP_CMD_READ_SCP_INFO_FORCED, sccb);
	if (rc == 0x01f0) { /* not offered: the plain command must work */
		memset(sccb, 0, sizeof(sccb));
		sccb[0] = 0x10;
		rc = sclp_call(SCLP_CMD_READ_SCP_INFO, sccb);
	}
	CHECK_EQ(S, "read_info", rc, 0x0010);
	u16 rnmax = be16(sccb + 8), ncpu = be16(sccb + 16), cpuoff = be16(sccb + 18);
	u8 rnsize = sccb[10];
	u64 mem = sclp_memory_size();
	printf("sclp: rnmax %u rnsize %u -> %llu MiB; %u cpu entries at offset %u\n", rnmax, rnsize,
	       (unsigned long long)(mem >> 20), ncpu, cpuoff);
	CHECK(S, "mem_nonzero", mem >= (1u << 20));
	if (want_mib)
		CHECK_EQ(S, "mem_size", mem >> 20, want_mib);
	else
		test_skip(S, "mem_size", "no mem= in the command line");
	if (want_cpus)
		CHECK_EQ(S, "cpu_count", ncpu, want_cpus);
	else
		test_skip(S, "cpu_count", "no cpus= in the command line");

	/* The CPU entries: inside the SCCB, distinct addresses, ours among them. */
	bool entries_ok = cpuoff >= 24 && cpuoff + 16u * ncpu <= 4096 && ncpu >= 1;
	bool found_self = false;
	for (u32 i = 0; entries_ok && i < ncpu; i++) {
		u8 a = sccb[cpuoff + 16 * i];
		if (a == stap())
			found_self = true;
		for (u32 j = 0; j < i; j++)
			if (sccb[cpuoff + 16 * j] == a)
				entries_ok = false;
	}
	CHECK(S, "cpu_entries", entries_ok && found_self);

	/* The plain command answers the same memory size. */
	memset(sccb, 0, sizeof(sccb));
	sccb[0] = 0x10;
	rc = sclp_call(SCLP_CMD_READ_SCP_INFO, sccb);
	CHECK(S, "read_info_plain", rc == 0x0010 && be16(sccb + 8) == rnmax);

	/* READ CPU INFO: the configured CPUs. */
	memset(sccb, 0, sizeof(sccb));
	sccb[0] = 0x10;
	rc = sclp_call(SCLP_CMD_READ_CPU_INFO, sccb);
	if (rc == 0x0010) {
		printf("sclp: read cpu info: %u configured, %u standby\n", be16(sccb + 8),
		       be16(sccb + 12));
		if (want_cpus)
			CHECK_EQ(S, "cpu_info", be16(sccb + 8), want_cpus);
		else
			CHECK(S, "cpu_info", be16(sccb + 8) >= 1);
	} else {
		test_detail("READ CPU INFO answered 0x%04x", rc);
		CHECK(S, "cpu_info", rc == 0x01f0);
	}

	/* TPROT: the last page is there, the next is not. */
	if (mem) {
		CHECK_EQ(S, "tprot_last_page", tprot(mem - 4096), 0);
		struct pgm_info pi;
		pgm_expect();
		tprot(mem);
		u16 code = pgm_result(&pi);
		CHECK_EQ(S, "tprot_beyond", code, PGM_ADDRESSING);
	} else {
		test_skip(S, "tprot_last_page", "no memory size");
		test_skip(S, "tprot_beyond", "no memory size");
	}
	return tests_done();
}
