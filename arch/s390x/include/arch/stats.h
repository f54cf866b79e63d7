/* SPDX-License-Identifier: MIT */
/* Per-partition intercept counters: by interception reason and, for
 * instruction intercepts, by instruction. Updated by every vCPU of the
 * partition (relaxed atomics), printed by arch_partition_report(). */
#ifndef ARCH_STATS_H
#define ARCH_STATS_H

#include "hv/types.h"

enum stat_reason {
	STAT_INST = 0,
	STAT_PGM,
	STAT_INSTPGM,
	STAT_EXTREQ,
	STAT_EXTINT,
	STAT_IOREQ,
	STAT_WAIT,
	STAT_VALIDITY,
	STAT_STOP,
	STAT_OPEREXC,
	STAT_HOSTFAULT, /* host DAT fault on guest storage */
	STAT_OTHER,
	STAT_NR_REASONS
};

enum stat_insn {
	SI_DIAG44 = 0,
	SI_DIAG9C,
	SI_DIAG288,
	SI_DIAG308,
	SI_DIAG318,
	SI_DIAG_OTHER,
	SI_SERVC,
	SI_SIGP,
	SI_STSI,
	SI_STIDP,
	SI_STFL,
	SI_STFLE,
	SI_SPX,
	SI_STPX,
	SI_STAP,
	SI_SCK,
	SI_TB,
	SI_IO,
	SI_CHSC,
	SI_TPROT,
	SI_SKEY, /* ISKE, SSKE, RRBE */
	SI_OTHER,
	SI_NR
};

struct s390_stats {
	u32 reason[STAT_NR_REASONS];
	u32 insn[SI_NR];
	u32 injected_pgm; /* program interruptions Tern presented */
	u32 injected_ext; /* external interruptions Tern presented */
};

static inline void stat_inc(u32 *counter)
{
	__atomic_fetch_add(counter, 1, __ATOMIC_RELAXED);
}

struct partition;
/* One line per partition: "intercepts: inst N (diag44 n, ...), pgm N, ...". */
void stats_report(struct partition *p);

#endif
