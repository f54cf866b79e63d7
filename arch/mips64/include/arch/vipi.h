/* SPDX-License-Identifier: MIT */
/* The guest's Loongson-3 IPI mailbox (as the seed's KVM patch has it, and
 * as the board and QEMU 10's loongson3-virt do): one block per vCPU at
 * guest-physical VIPI_GPA + node * (1 << 44) + core * 0x100, vCPU = node *
 * 4 + core. Per block:
 *   0x00 STATUS (RO)  0x04 EN  0x08 SET (WO)  0x0c CLEAR (WO)   32-bit
 *   0x20 0x28 0x30 0x38 MAILBOX0..3                              64-bit
 * A vCPU's IP6 is raised while STATUS & EN is non-zero: EN gates delivery,
 * as on the board and in QEMU's model (KVM's version ignored EN); a bit set
 * while EN masks it waits in STATUS.
 *
 * What KVM got wrong, and what Tern does instead (the guest chooses every
 * offset, size and alignment):
 *  - a vCPU index decoded from the address and never checked: blocks of
 *    vCPUs the partition does not have read as zero and ignore writes;
 *  - an 8-byte read for a 4-byte access: each access moves exactly its
 *    size. STATUS..CLEAR take 4-byte accesses, or 8-byte ones at 0x00
 *    (STATUS | EN << 32) and 0x08 (SET low word, CLEAR high word) as two
 *    4-byte ones; 1- and 2-byte or misaligned accesses to them read zero
 *    and do nothing (the registers have no byte lanes). Mailboxes are plain
 *    storage in any width;
 *  - a misaligned access hitting BUG_ON: the guest's misaligned word or
 *    doubleword load/store raises its address error in the emulation layer
 *    before it gets here; what does get here (any size in one doubleword)
 *    is handled as above.
 * Plain C, host-tested (tests/unit/mips64/test_devices.c). */
#ifndef ARCH_VIPI_H
#define ARCH_VIPI_H

#include "hv/config.h"
#include "hv/types.h"

#define VIPI_GPA 0x3ff01000ull
#define VIPI_NODE_SHIFT 44
#define VIPI_NODE_SIZE 0x400u /* 4 cores of 0x100 */
#define VIPI_CORES_PER_NODE 4u
#define VIPI_MAX 16u /* vCPUs: nodes 0..3 */

#define VIPI_STATUS 0x00u
#define VIPI_EN 0x04u
#define VIPI_SET 0x08u
#define VIPI_CLEAR 0x0cu
#define VIPI_MAILBOX0 0x20u

struct vipi_core {
	u32 status, en;
	u64 mailbox[4];
};

struct vipi {
	u32 nr;      /* vCPUs that have a block */
	u32 bad;     /* accesses that got zero / were dropped (statistics) */
	u32 no_core; /* accesses to blocks of vCPUs that do not exist */
	struct vipi_core core[VIPI_MAX];
};

/* What an access did, for the backend to act on. */
struct vipi_effect {
	u32 kick;  /* vCPUs whose IP6 may have risen (bit per vCPU) */
	u32 start; /* vCPUs whose MAILBOX0 was written non-zero (bit per vCPU) */
};

void vipi_reset(struct vipi *ipi, u32 nr_vcpus);
/* Whether gpa falls in the IPI window of some node: *vcpu, *off set. */
bool vipi_decode(u64 gpa, u32 *vcpu, u32 *off);
/* An access inside one block (off < 0x100, size 1..8 inside one
 * doubleword). */
void vipi_access(struct vipi *ipi, u32 vcpu, u32 off, unsigned size, bool write, u64 *val,
                 struct vipi_effect *fx);
bool vipi_irq(const struct vipi *ipi, u32 vcpu);

#endif
