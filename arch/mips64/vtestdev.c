/* SPDX-License-Identifier: MIT */
/* The virtual MMIO test device (arch/guest_abi.h, TERN_GUEST_TESTDEV).
 * Taken byte by byte, like the other byte-register models here, so any
 * size and offset the guest makes is safe: bytes outside the registers
 * read zero and ignore stores; an access outside the device is ignored
 * whole (and not logged). */
#include "arch/vtestdev.h"

void vtestdev_reset(struct vtestdev *d)
{
	*d = (struct vtestdev){0};
}

static u8 reg_byte(const struct vtestdev *d, u32 o)
{
	u64 v;

	if (o < TERN_TESTDEV_RAM_SIZE)
		return d->ram[o];
	switch (o & ~7u) {
	case TERN_TESTDEV_ID:
		v = TERN_TESTDEV_ID_VALUE;
		break;
	case TERN_TESTDEV_COUNT:
		v = d->count;
		break;
	case TERN_TESTDEV_LAST:
		v = d->last;
		break;
	case TERN_TESTDEV_LASTDATA:
		v = d->last_data;
		break;
	default:
		return 0;
	}
	return (u8)(v >> (8 * (o & 7)));
}

void vtestdev_access(struct vtestdev *d, u32 off, unsigned size, bool write, u64 *val)
{
	bool clear = false;
	u64 out = 0, data;

	if (size == 0 || size > 8 || off >= TERN_TESTDEV_SIZE || size > TERN_TESTDEV_SIZE - off) {
		if (!write)
			*val = 0;
		return;
	}
	data = write ? *val & (size == 8 ? ~0ull : (1ull << (8 * size)) - 1) : 0;
	for (unsigned b = 0; b < size; b++) {
		u32 o = off + b;
		if (!write)
			out |= (u64)reg_byte(d, o) << (8 * b);
		else if (o < TERN_TESTDEV_RAM_SIZE)
			d->ram[o] = (u8)(data >> (8 * b));
		else if ((o & ~7u) == TERN_TESTDEV_COUNT)
			clear = true;
	}
	if (!write)
		*val = data = out;
	if (clear) {
		d->count = d->last = d->last_data = 0;
	} else if (off < TERN_TESTDEV_COUNT) {
		d->count++;
		d->last = off | (u64)size << 8 | (write ? TERN_TESTDEV_LAST_STORE : 0);
		d->last_data = data;
	}
}
