/* SPDX-License-Identifier: MIT */
#ifndef HV_SMP_H
#define HV_SMP_H

#include "hv/boot_info.h"

/* Release every secondary CPU, wait for each to report in, then send each an
 * IPI and wait for its answer. Prints one line per step. Returns true if
 * every CPU came up and answered. Boot CPU, interrupts disabled. */
bool smp_bring_up(const struct boot_info *bi);

/* Boot-time page pools from the memory map (core/pages.c). */
int pages_init(const struct boot_info *bi);
/* Re-check the linked config against the real machine (core/config_boot.c).
 * Prints every problem; returns HV_OK or HV_E_INVAL. */
int config_check_at_boot(const struct boot_info *bi);

#endif
