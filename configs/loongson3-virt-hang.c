/* SPDX-License-Identifier: MIT */
/* Negative test (harness): the default layout, then a deliberate hang. */
#include "loongson3-virt.h"

LOONGSON3_VIRT_CONFIG("loongson3-virt-hang", CFG_F_SELFTEST_HANG);
