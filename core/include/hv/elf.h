/* SPDX-License-Identifier: MIT */
#ifndef HV_ELF_H
#define HV_ELF_H

#include "hv/partition.h"

/* Copy the PT_LOAD segments of a 64-bit ELF image of this machine into p's
 * slots (bss zeroed) and return its entry point. On failure, err says why
 * and nothing outside p's slots was touched. */
int elf_load(struct partition *p, const void *image, u64 size, gva_t *entry, char *err,
             size_t errsz);

#endif
