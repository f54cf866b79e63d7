/* SPDX-License-Identifier: MIT */
/* Whether this CPU can run guests with VZ, from what was read at boot
 * (arch/mips64/backend.c reads it). VZ needs: the extension (Config3.VZ);
 * BadInstr and BadInstrP (an exit is decoded from what the hardware
 * captured, never from guest memory); GuestIDs for every partition
 * (GuestCtl0.G1, RAD clear), so root and guest TLB entries of different
 * partitions never meet; GuestCtl2 for virtual interrupts (G2); the
 * GuestCtl0 fields the backend runs with (CP0, AT = 3, GT, CG, CF) taking
 * the values written; and a full 32-bit GTOffset for the guest timer.
 * Anything missing: trap-and-emulate, and the banner says which. */
#include "arch/vz.h"
#include "hv/lib.h"

bool vz_probe_decide(const struct vz_probe *p, char *why, unsigned n)
{
	const char *te = "trap-and-emulate";

	if (!(p->config3 & CONFIG3_VZ)) {
		hv_snprintf(why, n,
		            "%s: Config3.VZ (bit 23) is clear, the CPU has no VZ extension "
		            "(Config3 0x%08x)",
		            te, p->config3);
		return false;
	}
	if ((p->config3 & (CONFIG3_BI | CONFIG3_BP)) != (CONFIG3_BI | CONFIG3_BP)) {
		hv_snprintf(why, n, "%s: VZ without BadInstr/BadInstrP (Config3 0x%08x)", te,
		            p->config3);
		return false;
	}
	if (!(p->guestctl0 & GCTL0_G1) || (p->guestctl0 & GCTL0_RAD)) {
		hv_snprintf(why, n,
		            "%s: VZ without GuestIDs (GuestCtl0 0x%08x: G1 clear or RAD set)", te,
		            p->guestctl0);
		return false;
	}
	if (!(p->guestctl0 & GCTL0_G2)) {
		hv_snprintf(why, n,
		            "%s: VZ without GuestCtl2 for virtual interrupts (GuestCtl0 0x%08x)",
		            te, p->guestctl0);
		return false;
	}
	if ((p->guestctl0_w & VZ_GCTL0_RUN) != VZ_GCTL0_RUN) {
		hv_snprintf(why, n, "%s: GuestCtl0 took 0x%08x of 0x%08x (CP0, AT=3, GT, CG, CF)",
		            te, p->guestctl0_w & VZ_GCTL0_RUN, VZ_GCTL0_RUN);
		return false;
	}
	if (p->guestid_max < p->partitions) {
		hv_snprintf(why, n, "%s: %u GuestIDs for %u partitions", te, p->guestid_max,
		            p->partitions);
		return false;
	}
	if (p->gtoffset_mask != 0xffffffffu) {
		hv_snprintf(why, n, "%s: GTOffset is %08x wide, the guest timer needs 32 bits", te,
		            p->gtoffset_mask);
		return false;
	}
	hv_snprintf(why, n, "VZ: Config3 0x%08x has VZ, BI, BP; GuestCtl0 0x%08x; %u GuestIDs",
	            p->config3, p->guestctl0, p->guestid_max);
	return true;
}
