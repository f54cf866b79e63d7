/* SPDX-License-Identifier: MIT */
/* Default loongson3-virt config: two partitions, one CPU each. */
#include "loongson3-virt.h"

LOONGSON3_VIRT_CONFIG("loongson3-virt", 0);
