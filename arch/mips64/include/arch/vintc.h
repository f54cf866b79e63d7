/* SPDX-License-Identifier: MIT */
/* The guest's virtual interrupt controller: a model of Loongson-3's
 * LIOINTC (32 inputs, a routing byte each, enable set/clear) at the
 * guest-physical address the native machine has it, 0x3ff01400. It turns
 * device lines into the guest's Cause.IP2..IP5 per vCPU. */
#ifndef ARCH_VINTC_H
#define ARCH_VINTC_H

#include "hv/types.h"

#define VINTC_GPA 0x3ff01400ull
#define VINTC_SIZE 0x60u
#define VINTC_PINS 32
#define VINTC_PIN_UART 0 /* as on loongson3-virt: UART 0, RTC 1, PCIe 2-5 */

struct vintc {
	u8 mapper[VINTC_PINS]; /* bits 0-3: core mask; bits 4-7: IP0..IP3 */
	u32 ien;
	u32 pins; /* input levels */
};

void vintc_reset(struct vintc *ic);
u64 vintc_read(struct vintc *ic, u32 off, unsigned size);
void vintc_write(struct vintc *ic, u32 off, unsigned size, u64 v);
void vintc_set_pin(struct vintc *ic, u32 pin, bool level);
/* Cause bits (IP2..IP5 = bits 10..13) raised for vCPU `core`. */
u32 vintc_cause_ip(const struct vintc *ic, u32 core);

#endif
