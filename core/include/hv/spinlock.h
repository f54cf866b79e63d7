/* SPDX-License-Identifier: MIT */
/* Ticket spinlock on the compiler's __atomic builtins (LL/SC on MIPS,
 * CS on s390x). Hold only for a few instructions: on QEMU's round-robin
 * TCG a waiter can spin for a whole 100 ms time slice. */
#ifndef HV_SPINLOCK_H
#define HV_SPINLOCK_H

#include "hv/types.h"

typedef struct {
	u32 next;
	u32 owner;
} spinlock_t;

#define SPINLOCK_INIT                                                                              \
	{                                                                                          \
		0, 0                                                                               \
	}

static inline void spin_lock(spinlock_t *l)
{
	u32 me = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me) {
	}
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

#endif
