/* SPDX-License-Identifier: MIT */
/* Partitions and vCPUs: static tables sized from the config at build time
 * (HV_CFG_NR_PARTITIONS / HV_CFG_NR_VCPUS from the generated config_defs.h). */
#ifndef HV_PARTITION_H
#define HV_PARTITION_H

#include <arch/types.h>

#include "hv/config.h"
#include "hv/spinlock.h"
#include "hv/types.h"

enum partition_state {
	PART_EMPTY = 0,
	PART_CREATED, /* memory assigned, vCPUs bound; not yet running */
	PART_RUNNING,
	PART_STOPPED,
};

enum vcpu_state {
	VCPU_OFF = 0,
	VCPU_READY,
	VCPU_RUNNING,
	VCPU_STOPPED,
};

struct mem_slot {
	gpa_t gpa;
	hpa_t hpa;
	u64 size;
	u32 flags;
};

struct partition;

struct vcpu {
	u32 id;   /* index inside its partition */
	u32 pcpu; /* physical CPU (hardware id) it runs on */
	u32 state;
	u32 kick;      /* set by vcpu_kick(), cleared by the run loop */
	u32 reset_gen; /* the partition reset generation this vCPU has seen */
	/* core/sched.c, touched only by its own CPU */
	u32 idle;      /* in WAIT / an enabled wait: runs again on a kick or at wake_at */
	u64 wake_at;   /* the guest's timer deadline while idle (~0: none) */
	u64 slice_end; /* while it runs: when it must give the CPU back (~0: never) */
	u64 slices;    /* turns it had on its CPU (statistics) */
	struct partition *part;
	struct arch_vcpu arch;
};

struct partition {
	u32 id;
	u32 state;
	const struct hv_partition_cfg *cfg;
	u32 nr_slots;
	struct mem_slot slots[HV_MAX_SLOTS];
	u32 nr_vcpus;
	struct vcpu *vcpus; /* into the global vCPU table */
	int status;         /* the guest's exit status once PART_STOPPED */
	u32 reset_gen;      /* bumped by each reset request */
	u32 resetting;      /* a reset is in progress: other vCPUs wait */
	u32 reset_by;       /* the CPU doing it, to wake when they acknowledge */
	u32 resets;         /* resets done (re-IPL count) */
	u32 con_tokens;     /* console lines the partition may print now */
	u32 con_dropped;    /* lines dropped since the last one printed */
	u64 con_refill;     /* when con_tokens was last refilled */
	u32 line_len;       /* console line buffer */
	char line[128];
	spinlock_t line_lock; /* a whole lock: a u32 cast to spinlock_t overran into arch */
	struct arch_partition arch;
};

extern struct partition partitions[];
extern struct vcpu vcpus[];
extern const u32 nr_partition_table, nr_vcpu_table;

/* Build the partition and vCPU tables from hv_config. Returns HV_OK. */
int partitions_create(void);

/* Translate a guest-physical range of partition p to host-physical.
 * Succeeds only if [g, g+len) lies inside one slot. */
bool partition_gpa_to_hpa(const struct partition *p, gpa_t g, u64 len, hpa_t *out);

#endif
