/* SPDX-License-Identifier: MIT */
/* The hypervisor runs with DAT off: host-physical is what it addresses
 * (prefixing aside, which only touches each CPU's lowcore). */
#include "hv/arch/mmu.h"

void *arch_hpa_to_ptr(hpa_t pa)
{
	return (void *)(unsigned long)pa.v;
}
