/* SPDX-License-Identifier: MIT */
/* Negative test (harness): the default layout, then a deliberate exception. */
#include "s390x-2p.h"

S390X_2P_CONFIG("s390x-2p-exception", CFG_F_SELFTEST_EXCEPTION);
