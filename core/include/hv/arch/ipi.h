/* SPDX-License-Identifier: MIT */
/* Arch hook: inter-processor interrupts between hypervisor CPUs
 * (Loongson IPI mailbox SET on IP6; s390x SIGP emergency signal). */
#ifndef HV_ARCH_IPI_H
#define HV_ARCH_IPI_H

#include "hv/types.h"

/* Raise an IPI on CPU hwid (which may be the caller). The target's arch
 * interrupt handler acknowledges it and calls hv_ipi_handler(). Returns
 * HV_OK, or HV_E_NODEV if the target does not exist. Any context. */
int arch_ipi_send(u32 hwid);

#endif
