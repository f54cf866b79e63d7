/* SPDX-License-Identifier: MIT */
/* Virtual LIOINTC. Registers (offsets from 0x3ff01400):
 *   0x00-0x1f mapper, one byte per input   0x20 ISR (pending & enabled, RO)
 *   0x24 IEN (RO)  0x28 IEN_SET  0x2c IEN_CLR  0x40 + 8k: core k's ISR
 * Unlike QEMU's model a core's IPn is raised only by inputs that name both
 * that core and IPn (QEMU mixes the two independently); anything unknown
 * reads zero and ignores writes. Every offset and size is checked: the
 * guest chooses both. */
#include "arch/vintc.h"

#define ISR 0x20
#define IEN 0x24
#define IEN_SET 0x28
#define IEN_CLR 0x2c
#define CORE_ISR 0x40

void vintc_reset(struct vintc *ic)
{
	*ic = (struct vintc){0};
}

static u32 pending(const struct vintc *ic)
{
	return ic->pins & ic->ien;
}

static u32 core_isr(const struct vintc *ic, u32 core)
{
	u32 isr = 0, p = pending(ic);

	for (u32 i = 0; i < VINTC_PINS; i++)
		if ((p >> i & 1) && (ic->mapper[i] >> (core & 3) & 1))
			isr |= 1u << i;
	return isr;
}

static u32 reg32(const struct vintc *ic, u32 off)
{
	switch (off) {
	case ISR:
		return pending(ic);
	case IEN:
		return ic->ien;
	case CORE_ISR:
	case CORE_ISR + 8:
	case CORE_ISR + 16:
	case CORE_ISR + 24:
		return core_isr(ic, (off - CORE_ISR) / 8);
	default:
		return 0;
	}
}

u64 vintc_read(struct vintc *ic, u32 off, unsigned size)
{
	u64 v = 0;

	if (size == 0 || size > 8 || off >= VINTC_SIZE || size > VINTC_SIZE - off)
		return 0;
	for (unsigned b = 0; b < size; b++) {
		u32 o = off + b, byte;
		if (o < VINTC_PINS)
			byte = ic->mapper[o];
		else
			byte = (reg32(ic, o & ~3u) >> (8 * (o & 3))) & 0xff;
		v |= (u64)byte << (8 * b);
	}
	return v;
}

void vintc_write(struct vintc *ic, u32 off, unsigned size, u64 v)
{
	if (size == 0 || size > 8 || off >= VINTC_SIZE || size > VINTC_SIZE - off)
		return;
	for (unsigned b = 0; b < size; b++) {
		u32 o = off + b;
		u32 byte = (u32)(v >> (8 * b)) & 0xff;
		if (o < VINTC_PINS)
			ic->mapper[o] = (u8)byte;
		else if ((o & ~3u) == IEN_SET)
			ic->ien |= byte << (8 * (o & 3));
		else if ((o & ~3u) == IEN_CLR)
			ic->ien &= ~(byte << (8 * (o & 3)));
	}
}

void vintc_set_pin(struct vintc *ic, u32 pin, bool level)
{
	if (pin >= VINTC_PINS)
		return;
	if (level)
		ic->pins |= 1u << pin;
	else
		ic->pins &= ~(1u << pin);
}

/* Asked on every guest entry: nothing pending (the usual case) is the
 * short way out. */
u32 vintc_cause_ip(const struct vintc *ic, u32 core)
{
	if (!pending(ic))
		return 0;
	u32 isr = core_isr(ic, core), ip = 0;

	for (u32 i = 0; i < VINTC_PINS; i++)
		if (isr >> i & 1)
			ip |= (u32)(ic->mapper[i] >> 4) << 10;
	return ip & 0x3c00u;
}
