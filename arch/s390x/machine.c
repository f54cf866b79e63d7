/* SPDX-License-Identifier: MIT */
/* Which machine runs us, decided at run time from what the CPU reports:
 * STSI 1.1.1 names the manufacturer ("QEMU" under QEMU TCG, "HRC" under
 * Hercules); STIDP version 0xfd is Hercules' default as a fallback. */
#include <arch/ebcdic.h>
#include <arch/s390x.h>

#include "hv/lib.h"

#define STSI_111_MANUFACTURER 32
#define STSI_111_TYPE 48
#define STIDP_VERSION_HERCULES 0xfd

enum machine_kind s390x_machine;

static u8 sysinfo[4096] __aligned(4096);
static char name[128];

static int stsi(void *buf, unsigned fc, unsigned sel1, unsigned sel2)
{
	register unsigned long r0 __asm__("0") = (unsigned long)fc << 28 | sel1;
	register unsigned long r1 __asm__("1") = sel2;
	int cc;

	__asm__ volatile("stsi 0(%[buf])\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [cc] "=&d"(cc), "+d"(r0)
	                 : "d"(r1), [buf] "a"(buf)
	                 : "cc", "memory");
	return cc;
}

static u64 stidp(void)
{
	u64 id;

	__asm__ volatile("stidp %0" : "=Q"(id));
	return id;
}

/* An EBCDIC, blank-padded STSI field as an ASCII string. */
static void field(char *out, const u8 *e, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		out[i] = ebcdic_to_ascii(e[i]);
		if (out[i] != ' ')
			len = i + 1;
	}
	out[len] = 0;
}

const char *machine_detect(void)
{
	char manuf[17] = "", type[5] = "";
	unsigned version = (unsigned)(stidp() >> 56);

	if (stsi(sysinfo, 1, 1, 1) == 0) {
		field(manuf, sysinfo + STSI_111_MANUFACTURER, 16);
		field(type, sysinfo + STSI_111_TYPE, 4);
	}
	if (strncmp(manuf, "QEMU", 4) == 0)
		s390x_machine = MACHINE_QEMU;
	else if (strcmp(manuf, "HRC") == 0 || version == STIDP_VERSION_HERCULES)
		s390x_machine = MACHINE_HERCULES;

	switch (s390x_machine) {
	case MACHINE_QEMU:
		hv_snprintf(name, sizeof(name), "QEMU s390-ccw-virtio, CPU type %s (STSI: %s)",
		            type, manuf);
		break;
	case MACHINE_HERCULES:
		hv_snprintf(name, sizeof(name),
		            "Hercules, CPU type %s (STSI: %s, STIDP version %02x)", type, manuf,
		            version);
		break;
	default:
		hv_snprintf(name, sizeof(name), "IBM Z or unknown, CPU type %s (STSI: %s)", type,
		            manuf[0] ? manuf : "none");
		break;
	}
	return name;
}
