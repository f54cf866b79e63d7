/* SPDX-License-Identifier: MIT */
/* Negative test (harness): the default layout, then a deliberate exception. */
#include "loongson3-virt.h"

LOONGSON3_VIRT_CONFIG("loongson3-virt-exception", CFG_F_SELFTEST_EXCEPTION);
