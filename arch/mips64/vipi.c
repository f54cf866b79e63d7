/* SPDX-License-Identifier: MIT */
/* The guest's Loongson-3 IPI mailbox (see arch/vipi.h). */
#include "arch/vipi.h"

void vipi_reset(struct vipi *ipi, u32 nr_vcpus)
{
	*ipi = (struct vipi){.nr = nr_vcpus < VIPI_MAX ? nr_vcpus : VIPI_MAX};
}

bool vipi_decode(u64 gpa, u32 *vcpu, u32 *off)
{
	u64 node = gpa >> VIPI_NODE_SHIFT, in = gpa & ((1ull << VIPI_NODE_SHIFT) - 1);

	if (in < VIPI_GPA || in - VIPI_GPA >= VIPI_NODE_SIZE ||
	    node >= VIPI_MAX / VIPI_CORES_PER_NODE)
		return false;
	*vcpu = (u32)node * VIPI_CORES_PER_NODE + (u32)((in - VIPI_GPA) >> 8);
	*off = (u32)(in - VIPI_GPA) & 0xffu;
	return true;
}

static u32 reg_read(const struct vipi_core *c, u32 off)
{
	switch (off) {
	case VIPI_STATUS:
		return c->status;
	case VIPI_EN:
		return c->en;
	default: /* SET, CLEAR: write-only */
		return 0;
	}
}

static void reg_write(struct vipi_core *c, u32 off, u32 v, u32 self, struct vipi_effect *fx)
{
	switch (off) {
	case VIPI_EN:
		c->en = v;
		break;
	case VIPI_SET:
		c->status |= v;
		break;
	case VIPI_CLEAR:
		c->status &= ~v;
		break;
	default: /* STATUS is read-only */
		return;
	}
	if (c->status & c->en)
		fx->kick |= 1u << self;
}

void vipi_access(struct vipi *ipi, u32 vcpu, u32 off, unsigned size, bool write, u64 *val,
                 struct vipi_effect *fx)
{
	if (vcpu >= ipi->nr || off >= 0x100 || size == 0 || size > 8 || (off & 7) + size > 8) {
		ipi->no_core += vcpu >= ipi->nr;
		ipi->bad += vcpu < ipi->nr;
		if (!write)
			*val = 0;
		return;
	}
	struct vipi_core *c = &ipi->core[vcpu];
	if (off >= VIPI_MAILBOX0 && off < VIPI_MAILBOX0 + 32) {
		u32 mb = (off - VIPI_MAILBOX0) >> 3, sh = (off & 7) * 8;
		u64 mask = (size == 8 ? ~0ull : ((1ull << (8 * size)) - 1)) << sh;
		if (!write) {
			*val = (c->mailbox[mb] & mask) >> sh;
			return;
		}
		c->mailbox[mb] = (c->mailbox[mb] & ~mask) | ((*val << sh) & mask);
		if (mb == 0 && c->mailbox[0])
			fx->start |= 1u << vcpu;
		return;
	}
	bool regs = off < 0x10;
	if (regs && size == 4 && !(off & 3)) {
		if (write)
			reg_write(c, off, (u32)*val, vcpu, fx);
		else
			*val = reg_read(c, off);
		return;
	}
	if (regs && size == 8) { /* off is 0 or 8: two registers */
		if (write) {
			reg_write(c, off, (u32)*val, vcpu, fx);
			reg_write(c, off + 4, (u32)(*val >> 32), vcpu, fx);
		} else {
			*val = reg_read(c, off) | (u64)reg_read(c, off + 4) << 32;
		}
		return;
	}
	/* no byte lanes in the registers; nothing else in the block */
	ipi->bad += regs;
	if (!write)
		*val = 0;
}

bool vipi_irq(const struct vipi *ipi, u32 vcpu)
{
	return vcpu < ipi->nr && (ipi->core[vcpu].status & ipi->core[vcpu].en);
}
