/* SPDX-License-Identifier: MIT */
/* s390x state embedded by value in core's per-CPU, vCPU and partition structs. */
#ifndef ARCH_TYPES_H
#define ARCH_TYPES_H

#include "arch/guest.h"
#include "arch/stats.h"
#include "hv/spinlock.h"
#include "hv/types.h"

struct arch_percpu {
	/* Absolute address of this CPU's 8 KiB prefix area (its lowcore);
	 * 0 for the boot CPU, which keeps the IPL prefix. */
	u64 prefix;
	/* Set while the CPU sits in arch_cpu_idle(): power-off lets CPUs get
	 * there (finish a line they are printing) before it stops them. */
	u32 idle;
};

struct sie_block;

#define IPLB_MAX 4096 /* the largest IPL parameter block (one page) */

/* Requests to a vCPU from itself or another vCPU (SIGP), handled by the
 * vCPU's own CPU before it enters the guest again. */
#define VREQ_STOP 0x01
#define VREQ_STORE_STATUS 0x02 /* with VREQ_STOP: stop and store status */
#define VREQ_RESTART 0x04
#define VREQ_INITIAL_RESET 0x08
#define VREQ_CPU_RESET 0x10

struct arch_vcpu {
	struct s390_cpu cpu;  /* the architected state while not in the guest */
	struct sie_block *sd; /* its SIE state description (own page) */
	spinlock_t lock;      /* orders other vCPUs' SIGPs against our state */
	u32 stopped;          /* architected stopped state */
	u32 requests;         /* VREQ_* */
	u32 in_guest;         /* SIGP sense running status */
	u64 emerg_from;       /* pending emergency signals: bit n = CPU n sent one */
	u32 extcall_pending;
	u16 extcall_from;
	u64 left_guest;   /* host TOD when the CPU timer stopped advancing */
	u32 off_cpu;      /* left its CPU while able to run: its CPU timer stands still */
	u32 timer_resets; /* initial resets so far: each one sets the CPU timer anew */
	u64 slice_end;    /* host TOD the clock comparator is armed for (sie.c) */
	u64 trace;        /* a trace window is open (S390_FEAT_TRACE, Hercules) */
};

struct arch_partition {
	u64 asce; /* host DAT tables mapping guest absolute storage */
	u64 msl;  /* guest storage limit (last byte) */
	/* SCLP: the service signal is a floating interruption of the
	 * partition; parameter = the SCCB address of the last SERVC. */
	u32 service_pending;
	u32 service_param;
	u32 servc_busy;      /* a command's service signal is not yet presented:
	                        the next SERVC is answered busy (cc 2) */
	u32 sclp_cp_receive; /* event masks the guest set (WRITE EVENT MASK) */
	u32 sclp_cp_send;
	/* DIAG 0x308 subcodes 5/6: the IPL parameter block the guest set
	 * (iplb_len 0: none), kept across resets and re-IPLs. */
	spinlock_t iplb_lock;
	u32 iplb_len;
	u8 iplb[IPLB_MAX];
	/* DIAG 0x288 watchdog: host TOD of its expiry, 0 = not armed. */
	spinlock_t wdt_lock;
	u64 wdt_deadline;
	/* DIAG 0x318. */
	u32 cpnc;
	u64 cpvc;
	u32 cpc_valid;
	struct s390_stats stats;
};

#endif
