/* SPDX-License-Identifier: MIT */
/* Machine features a partition's config may offer its guest
 * (struct hv_partition_cfg.features; tools/mkconfig --features HEX). */
#ifndef ARCH_FEATURES_H
#define ARCH_FEATURES_H

/* DIAG 0x318 (set control-program name and version codes), announced in
 * READ SCP INFO byte 134 bit 0x80. Off: DIAG 0x318 is a specification
 * exception, as under QEMU TCG. */
#define S390_FEAT_DIAG318 (1u << 0)

#endif
