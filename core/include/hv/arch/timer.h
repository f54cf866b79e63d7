/* SPDX-License-Identifier: MIT */
/* Arch hooks: the per-CPU time base and its one-shot interrupt. */
#ifndef HV_ARCH_TIMER_H
#define HV_ARCH_TIMER_H

#include "hv/types.h"

/* Monotonic tick count of this CPU's time base (MIPS CP0 Count extended to
 * 64 bits; s390x TOD clock). Rate: boot_info.timer_hz. Any context. */
u64 arch_timer_now(void);

/* Arm this CPU's one-shot timer interrupt for tick `deadline` (absolute, in
 * arch_timer_now() units); replaces any earlier deadline. A deadline in the
 * past fires at once. The interrupt calls hv_timer_handler(). */
void arch_timer_set_deadline(u64 deadline);

#endif
