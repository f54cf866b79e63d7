/* SPDX-License-Identifier: MIT */
/* Host DAT tables mapping a partition's guest absolute storage (sie_dat.c). */
#ifndef ARCH_SIE_DAT_H
#define ARCH_SIE_DAT_H

#include "hv/partition.h"

/* Build the tables from p's slots; *asce is what SIE needs in host CR1. */
int sie_dat_build(struct partition *p, u64 *asce);

#endif
