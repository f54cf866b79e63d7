/* SPDX-License-Identifier: MIT */
/* STSI and STIDP. Suite "stsi" holds what must agree on any machine that
 * runs the guest (condition codes, consistency between the answers, the
 * CPU counts the command line announces); suite "stsi_id" the identity,
 * which differs by design between QEMU and Tern (manufacturer, control
 * program name): the differential scenario ignores it. */
#include <tern/test.h>

#define S "stsi"
#define SID "stsi_id"

static u8 page[4096] __aligned(4096);

static void ebcdic_field(char *out, const u8 *in, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = ebcdic_to_ascii(in[i]);
	out[n] = 0;
	while (n && out[n - 1] == ' ')
		out[--n] = 0;
}

static u16 be16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static bool all_printable_ebcdic(const u8 *p, int n)
{
	for (int i = 0; i < n; i++)
		if (ebcdic_to_ascii(p[i]) == '.' && p[i] != 0x4b)
			return false;
	return true;
}

int main(void)
{
	u32 ncpus = (u32)cmdline_u64("cpus", 0);
	u32 level = stsi_level();
	char manu[17], type[5], model[17], name[9];

	printf("stsi: current level %u\n", level);
	CHECK(S, "level", level >= 1 && level <= 3);

	/* Unknown function code: cc 3 (r0 unchanged apart from that). */
	CHECK_EQ(S, "fc_invalid", stsi(page, 7, 1, 1), 3);
	/* Selectors that do not exist for a valid function code: cc 3. */
	CHECK_EQ(S, "sel_invalid", stsi(page, 1, 9, 9), 3);

	/* 1.1.1: basic machine configuration. */
	memset(page, 0xff, sizeof(page));
	int cc = stsi(page, 1, 1, 1);
	CHECK_EQ(S, "1_1_1_cc", cc, 0);
	ebcdic_field(manu, page + 32, 16);
	ebcdic_field(type, page + 48, 4);
	ebcdic_field(model, page + 100, 16);
	printf("stsi: 1.1.1 manufacturer '%s' type '%s' model '%s'\n", manu, type, model);
	CHECK(S, "1_1_1_fields",
	      all_printable_ebcdic(page + 32, 16) && all_printable_ebcdic(page + 48, 4) &&
	          type[0] != 0);

	/* STIDP agrees with the machine type of STSI 1.1.1. */
	u64 id = stidp();
	char stidp_type[5];
	snprintf(stidp_type, sizeof(stidp_type), "%04x", (unsigned)(id >> 16 & 0xffff));
	printf("stsi: stidp %016llx\n", (unsigned long long)id);
	CHECK(S, "stidp_type", !strncmp(stidp_type, type, 4));
	CHECK(S, "stidp_stable", stidp() == id);

	/* 1.2.2: CPUs in the configuration. */
	memset(page, 0, sizeof(page));
	cc = stsi(page, 1, 2, 2);
	CHECK_EQ(S, "1_2_2_cc", cc, 0);
	u16 total = be16(page + 36), configured = be16(page + 38);
	printf("stsi: 1.2.2 total %u configured %u standby %u reserved %u\n", total, configured,
	       be16(page + 40), be16(page + 42));
	if (ncpus)
		CHECK_EQ(S, "1_2_2_configured", configured, ncpus);
	else
		test_skip(S, "1_2_2_configured", "no cpus= in the command line");
	CHECK(S, "1_2_2_total", total >= configured && configured >= 1);

	/* 2.2.2 exists when the level is 2 or more. */
	if (level >= 2) {
		memset(page, 0, sizeof(page));
		cc = stsi(page, 2, 2, 2);
		CHECK_EQ(S, "2_2_2_cc", cc, 0);
		ebcdic_field(name, page + 44, 8);
		printf("stsi: 2.2.2 lpar name '%s' cpus total %u configured %u\n", name,
		       be16(page + 36), be16(page + 38));
		if (ncpus)
			CHECK_EQ(S, "2_2_2_configured", be16(page + 38), ncpus);
		else
			test_skip(S, "2_2_2_configured", "no cpus= in the command line");
	} else {
		test_skip(S, "2_2_2_cc", "level < 2");
		test_skip(S, "2_2_2_configured", "level < 2");
	}

	/* 3.2.2: the hypervisor(s) below us. */
	if (level >= 3) {
		memset(page, 0, sizeof(page));
		cc = stsi(page, 3, 2, 2);
		CHECK_EQ(S, "3_2_2_cc", cc, 0);
		u8 count = page[31] & 0xf;
		char cpi[17];
		ebcdic_field(name, page + 32 + 12, 8);
		ebcdic_field(cpi, page + 32 + 24, 16);
		printf("stsi: 3.2.2 levels %u, vm[0] name '%s' cp '%s' cpus %u/%u\n", count, name,
		       cpi, be16(page + 32 + 4), be16(page + 32 + 6));
		CHECK(S, "3_2_2_count", count >= 1 && count <= 8);
		if (ncpus)
			CHECK_EQ(S, "3_2_2_configured", be16(page + 32 + 6), ncpus);
		else
			test_skip(S, "3_2_2_configured", "no cpus= in the command line");
	}

	/* Identity: who made the machine, who runs us. */
	if (host_is_tern()) {
		printf("stsi: running under Tern (%s)\n", host_cp_name());
		CHECK(SID, "host_tern", level == 3 && !strncmp(host_cp_name(), "TERN", 4));
	} else {
		printf("stsi: not under Tern (manufacturer %s, level %u)\n", manu, level);
		CHECK(SID, "host_native", manu[0] != 0);
	}
	return tests_done();
}
