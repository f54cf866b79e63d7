/* SPDX-License-Identifier: MIT */
/* IPIs are SIGP emergency signals (external interruption 1201, CR0 bit 49).
 * The architecture keeps one pending emergency signal per sending CPU, which
 * is all core's IPI protocol needs: it counts interruptions, not signals. */
#include <arch/sigp.h>

#include "hv/arch/ipi.h"

int arch_ipi_send(u32 hwid)
{
	if (hwid > 0xffff)
		return HV_E_NODEV;
	switch (sigp_retry((u16)hwid, SIGP_EMERGENCY_SIGNAL, 0, NULL)) {
	case SIGP_CC_ACCEPTED:
		return HV_OK;
	case SIGP_CC_NOT_OPERATIONAL:
		return HV_E_NODEV;
	default:
		return HV_E_BUSY;
	}
}
