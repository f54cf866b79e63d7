/* SPDX-License-Identifier: MIT */
/* Partition lifecycle (core/run.c), used by the run loop. */
#ifndef HV_RUN_H
#define HV_RUN_H

#include "hv/partition.h"

/* End partition p with `status` (0 = clean): report, park its vCPUs; the
 * last partition to stop ends the run with the first non-zero status. */
void partition_stop(struct partition *p, int status, const char *why);
/* Reset / re-IPL of p requested by its vCPU `me`. */
void partition_reset(struct partition *p, struct vcpu *me);

#endif
