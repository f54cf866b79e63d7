/* SPDX-License-Identifier: MIT */
/* Machine features a partition's config may offer its guest
 * (struct hv_partition_cfg.features; tools/mkconfig --features HEX). */
#ifndef ARCH_FEATURES_H
#define ARCH_FEATURES_H

/* DIAG 0x318 (set control-program name and version codes), announced in
 * READ SCP INFO byte 134 bit 0x80. Off: DIAG 0x318 is a specification
 * exception, as under QEMU TCG. */
#define S390_FEAT_DIAG318 (1u << 0)

/* What an expired DIAG 0x288 watchdog does (QEMU: -action watchdog=...).
 * Neither bit: the partition is reset and re-IPLed (QEMU's default,
 * "reset"; with the partition's no-reboot flag it ends instead).
 * WDT_RESTART: a restart interruption on the partition's first vCPU
 * ("inject-nmi"), the partition runs on. WDT_STOP: the partition ends
 * with status 1 ("poweroff", as a failure). */
#define S390_FEAT_WDT_RESTART (1u << 1)
#define S390_FEAT_WDT_STOP (1u << 2)

/* Path-length measurement: DIAG 0x44 with R1 holding 0x54524f4e ("TRON")
 * opens a window of Hercules' instruction trace, with 0x54524f46 ("TROF")
 * closes it (Tern issues the panel commands "t+" / "t-" by DIAG 8; on any
 * other machine nothing happens). Any other R1, or the feature off: an
 * ordinary yield. arch/s390x/tools/tracecount.sh reads the windows out of
 * Hercules' log. */
#define S390_FEAT_TRACE (1u << 3)

#endif
