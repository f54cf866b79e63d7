/* SPDX-License-Identifier: MIT */
/* Hercules panel commands from the hypervisor (DIAG 8; the runner enables
 * DIAG8CMD). arch/s390x/hcmd.c; faked by the host unit tests. */
#ifndef ARCH_HCMD_H
#define ARCH_HCMD_H

#include "hv/types.h"

/* Run the panel command `cmd` (ASCII, at most 64 characters) when the
 * machine is Hercules; anywhere else do nothing. Returns whether it ran. */
bool hercules_command(const char *cmd);

#endif
