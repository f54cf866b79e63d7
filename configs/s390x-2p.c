/* SPDX-License-Identifier: MIT */
/* Default s390x config: two partitions, one CPU each (Hercules and QEMU). */
#include "s390x-2p.h"

S390X_2P_CONFIG("s390x-2p", 0);
