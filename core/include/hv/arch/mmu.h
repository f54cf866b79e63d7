/* SPDX-License-Identifier: MIT */
/* Arch hook: how the hypervisor itself reaches host-physical memory. */
#ifndef HV_ARCH_MMU_H
#define HV_ARCH_MMU_H

#include "hv/types.h"

/* A pointer through which the hypervisor reads and writes host-physical
 * address pa, cached (MIPS: XKPHYS cached window; s390x: identity, DAT off).
 * pa must be RAM from boot_info. */
void *arch_hpa_to_ptr(hpa_t pa);

#endif
