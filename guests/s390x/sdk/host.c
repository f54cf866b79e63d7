/* SPDX-License-Identifier: MIT */
/* What the guest learns about the machine: STSI, the control program that
 * hosts it (Tern or not), and EBCDIC (IBM-1047) for the printable range. */
#include "sdk_internal.h"

/* ASCII 0x20-0x7e in IBM-1047. */
static const u8 a2e[95] = {
    0x40, 0x5a, 0x7f, 0x7b, 0x5b, 0x6c, 0x50, 0x7d, 0x4d, 0x5d, 0x5c, 0x4e, 0x6b, 0x60, 0x4b, 0x61,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0x7a, 0x5e, 0x4c, 0x7e, 0x6e, 0x6f,
    0x7c, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6,
    0xd7, 0xd8, 0xd9, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xad, 0xe0, 0xbd, 0x5f, 0x6d,
    0x79, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xc0, 0x4f, 0xd0, 0xa1,
};

u8 ascii_to_ebcdic(char c)
{
	if (c < 0x20 || c > 0x7e)
		return 0x4b; /* '.' */
	return a2e[c - 0x20];
}

char ebcdic_to_ascii(u8 c)
{
	for (int i = 0; i < 95; i++)
		if (a2e[i] == c)
			return (char)(0x20 + i);
	return '.';
}

int stsi(void *page, u32 fc, u32 sel1, u32 sel2)
{
	register unsigned long r0 __asm__("0") = (unsigned long)fc << 28 | sel1;
	register unsigned long r1 __asm__("1") = sel2;
	int cc;

	__asm__ volatile("stsi 0(%[page])\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [cc] "=d"(cc), "+d"(r0)
	                 : "d"(r1), [page] "a"(page)
	                 : "cc", "memory");
	return cc;
}

u32 stsi_level(void)
{
	register unsigned long r0 __asm__("0") = 0;
	register unsigned long r1 __asm__("1") = 0;

	__asm__ volatile("stsi 0\n" : "+d"(r0) : "d"(r1) : "cc", "memory");
	return (u32)(r0 >> 28) & 0xf;
}

static u8 page[4096] __aligned(4096);
static char cp_name[20];
static bool probed;

static void probe(void)
{
	if (probed)
		return;
	probed = true;
	cp_name[0] = 0;
	if (stsi_level() < 3 || stsi(page, 3, 2, 2) != 0)
		return;
	if ((page[31] & 0xf) == 0)
		return;
	/* vm[0], the innermost level, at byte 32: its control-program
	 * identifier (16 EBCDIC bytes) at +24. */
	const u8 *cpi = &page[32 + 24];
	int n = 0;
	for (int i = 0; i < 16; i++)
		cp_name[n++] = ebcdic_to_ascii(cpi[i]);
	while (n && cp_name[n - 1] == ' ')
		n--;
	cp_name[n] = 0;
}

const char *host_cp_name(void)
{
	probe();
	return cp_name;
}

bool host_is_tern(void)
{
	probe();
	return !strncmp(cp_name, "TERN", 4);
}
