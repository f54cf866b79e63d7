/* SPDX-License-Identifier: MIT */
/* The virtual MMIO test device of a partition (registers and purpose in
 * arch/guest_abi.h, TERN_GUEST_TESTDEV): RAM-like bytes, an ID and a log
 * of the accesses it saw, so a guest can check what the emulation of each
 * load/store form did at the device. */
#ifndef ARCH_VTESTDEV_H
#define ARCH_VTESTDEV_H

#include "arch/guest_abi.h"
#include "hv/types.h"

struct vtestdev {
	u8 ram[TERN_TESTDEV_RAM_SIZE];
	u64 count;     /* logged accesses since the last clear */
	u64 last;      /* offset | bytes << 8 | store << 16 */
	u64 last_data; /* the last logged access's bytes */
};

void vtestdev_reset(struct vtestdev *d);
/* One access of `size` bytes at offset `off` (both from the guest: any
 * value). A read sets *val (0 where nothing is). */
void vtestdev_access(struct vtestdev *d, u32 off, unsigned size, bool write, u64 *val);

#endif
