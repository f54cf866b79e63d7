/* SPDX-License-Identifier: MIT */
/* Guest storage for the emulation layer: absolute (through the partition's
 * slots), real (prefixing) and logical (the guest's own DAT tables). Every
 * address is checked; nothing here can fault the host. */
#ifndef ARCH_GMEM_H
#define ARCH_GMEM_H

#include "arch/guest.h"
#include "hv/partition.h"

/* Copy to/from guest absolute storage; false if any byte lies outside the
 * partition's slots (or a write hits a read-only slot). */
bool gmem_read_abs(struct partition *p, u64 abs, void *buf, u64 len);
bool gmem_write_abs(struct partition *p, u64 abs, const void *buf, u64 len);

/* May the guest store into absolute [abs, abs + len)? 0 if so, else
 * PGM_ADDRESSING (a byte no slot backs) or PGM_PROTECTION (a byte of a
 * read-only slot): the check to make before a store that must not be half
 * done, or before acting on a command whose answer goes there. */
int gmem_abs_store_check(struct partition *p, u64 abs, u64 len);

/* Translate a logical address of the CPU's current address space to guest
 * absolute. Returns 0 or a program interruption code, with the translation
 * exception identification in *teid. */
int gmem_translate(struct partition *p, const struct s390_cpu *cpu, u64 addr, bool write, u64 *abs,
                   u64 *teid);

/* Logical accesses split at page boundaries; return 0 or a program
 * interruption code (PGM_ADDRESSING for storage the partition lacks,
 * PGM_PROTECTION for a write into a read-only slot, with *teid 0). */
int gmem_read(struct partition *p, const struct s390_cpu *cpu, u64 addr, void *buf, u32 len,
              u64 *teid);
int gmem_write(struct partition *p, const struct s390_cpu *cpu, u64 addr, const void *buf, u32 len,
               u64 *teid);

#endif
