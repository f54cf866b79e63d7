/* SPDX-License-Identifier: MIT */
/* Negative test (harness): the default layout, then a deliberate hang. */
#include "s390x-2p.h"

S390X_2P_CONFIG("s390x-2p-hang", CFG_F_SELFTEST_HANG);
