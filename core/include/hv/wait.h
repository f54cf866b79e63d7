/* SPDX-License-Identifier: MIT */
#ifndef HV_WAIT_H
#define HV_WAIT_H

#include "hv/types.h"

/* Wait, idling (never spinning: on QEMU's round-robin TCG a spinning CPU
 * starves the others), until *v >= min or timeout_ticks pass. Interrupts
 * must be disabled by the caller; they are enabled only inside the idle.
 * Returns true if the condition held. */
bool hv_wait_at_least(const volatile u32 *v, u32 min, u64 timeout_ticks);

/* Ticks of the time base for a number of microseconds / and back. */
u64 hv_us_to_ticks(u64 us);
u64 hv_ticks_to_us(u64 ticks);

#endif
