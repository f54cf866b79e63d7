/* SPDX-License-Identifier: MIT */
/* Negative test (harness): the default layout, then a deliberate panic. */
#include "s390x-2p.h"

S390X_2P_CONFIG("s390x-2p-panic", CFG_F_SELFTEST_PANIC);
