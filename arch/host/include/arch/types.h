/* SPDX-License-Identifier: MIT */
/* The fake arch's state, embedded by value in core structs. */
#ifndef ARCH_HOST_TYPES_H
#define ARCH_HOST_TYPES_H

#include "hv/types.h"

struct arch_percpu {
	u32 irq_disabled;
};

struct arch_vcpu {
	u64 scripted_exits; /* exits a test queued for this vCPU */
};

struct arch_partition {
	u32 reserved;
};

#endif
