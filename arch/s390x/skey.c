/* SPDX-License-Identifier: MIT */
/* Storage-key instructions on host frames (see arch/skey.h). The M3 field
 * of SSKE is part of the instruction, hence one instruction per value. */
#include <arch/skey.h>

u8 skey_insert(u64 hpa)
{
	unsigned long key = 0;

	__asm__ volatile("iske %0,%1" : "+d"(key) : "a"(hpa) : "memory");
	return (u8)key;
}

#define SSKE_M3(m)                                                                                 \
	case m:                                                                                    \
		__asm__ volatile("sske %[r1],%[a]," #m "\n"                                        \
		                 "ipm %[cc]\n"                                                     \
		                 "srl %[cc],28\n"                                                  \
		                 : [r1] "+d"(v), [cc] "=&d"(cc)                                    \
		                 : [a] "a"(hpa)                                                    \
		                 : "cc", "memory");                                                \
		break

int skey_set(u64 hpa, u64 *r1, unsigned m3)
{
	unsigned long v = *r1;
	int cc = 0;

	switch (m3 & 7) {
		SSKE_M3(0);
		SSKE_M3(1);
		SSKE_M3(2);
		SSKE_M3(3);
		SSKE_M3(4);
		SSKE_M3(5);
		SSKE_M3(6);
		SSKE_M3(7);
	}
	*r1 = v;
	return cc;
}

int skey_reset_reference(u64 hpa)
{
	int cc;

	__asm__ volatile("rrbe 0,%[a]\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [cc] "=d"(cc)
	                 : [a] "a"(hpa)
	                 : "cc", "memory");
	return cc;
}
