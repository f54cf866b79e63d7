/* SPDX-License-Identifier: MIT */
/* SIGNAL PROCESSOR orders and a wrapper. */
#ifndef ARCH_SIGP_H
#define ARCH_SIGP_H

#define SIGP_SENSE 0x01
#define SIGP_EMERGENCY_SIGNAL 0x03
#define SIGP_STOP 0x05
#define SIGP_RESTART 0x06
#define SIGP_INITIAL_CPU_RESET 0x0b
#define SIGP_SET_PREFIX 0x0d
#define SIGP_SET_ARCHITECTURE 0x12

/* Condition codes. */
#define SIGP_CC_ACCEPTED 0
#define SIGP_CC_STATUS_STORED 1
#define SIGP_CC_BUSY 2
#define SIGP_CC_NOT_OPERATIONAL 3

/* Status bits (stored with cc 1). */
#define SIGP_STATUS_STOPPED 0x40
#define SIGP_STATUS_INCORRECT_STATE 0x200

#ifndef __ASSEMBLER__
#include "hv/types.h"

/* Returns the condition code; with cc 1 the status is stored in *status. */
static inline int sigp(u16 addr, u8 order, u64 parm, u32 *status)
{
	/* With an odd R1 the parameter comes from, and the status goes to, R1. */
	register unsigned long r1 __asm__("1") = parm;
	int cc;

	__asm__ volatile("sigp %[r1],%[addr],0(%[order])\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [r1] "+d"(r1), [cc] "=&d"(cc)
	                 : [addr] "d"((unsigned long)addr), [order] "a"((unsigned long)order)
	                 : "cc", "memory");
	if (status && cc == SIGP_CC_STATUS_STORED)
		*status = (u32)r1;
	return cc;
}

/* SIGP, repeated while the target answers busy (bounded). */
int sigp_retry(u16 addr, u8 order, u64 parm, u32 *status);
/* Wait (bounded, about a second) until CPU addr is stopped. */
bool sigp_wait_stopped(u16 addr);
#endif

#endif
