/* SPDX-License-Identifier: MIT */
/* Entry points of core that the arch code calls, and core services. */
#ifndef HV_HV_H
#define HV_HV_H

#include "hv/boot_info.h"
#include "hv/types.h"

#define TERN_VERSION "0.1.0"

/* Boot CPU, after the arch filled *bi (console, exception vectors and timer
 * ready, interrupts disabled). Never returns. */
__noreturn void hv_main(struct boot_info *bi);
/* Secondary CPU, on the stack given to arch_cpu_start(), interrupts
 * disabled, arch per-CPU setup done. Never returns. */
__noreturn void hv_secondary_main(void);
/* IRQ context: an IPI for this CPU was acknowledged by the arch. */
void hv_ipi_handler(void);
/* IRQ context: this CPU's one-shot timer fired (already disarmed). */
void hv_timer_handler(void);

/* The boot information, valid after hv_main() started. */
extern const struct boot_info *hv_boot_info;

/* Print "[hv] EXIT status=N" and power off. */
__noreturn void hv_exit(int status);

/* Wait (idling, never spinning) until *flag != 0 or `timeout_ticks` pass.
 * Returns true if the flag was seen set. Interrupts must be disabled. */
bool hv_wait_flag(const volatile u32 *flag, u64 timeout_ticks);

#endif
