/* SPDX-License-Identifier: MIT */
/* Choosing the guest backend at boot, and core's arch hooks for guests
 * (arch/backend.h). */
#include "arch/backend.h"
#include "arch/cp0.h"
#include "arch/vz.h"
#include "arch/vz_hw.h"
#include "hv/arch/vcpu.h"
#include "hv/config.h"

const struct mips_backend *mips_backend = &mips_te_backend;
static char why[192];

/* What VZ needs, read from this CPU. GuestCtl0/1 and GTOffset exist only
 * where Config3.VZ says so; the fields the backend runs with are written
 * and read back (GM stays clear: root mode). */
static void probe(struct vz_probe *p)
{
	p->config3 = read_c0_config3();
	p->partitions = HV_MAX_PARTITIONS;
	if (!(p->config3 & CONFIG3_VZ))
		return;
	p->guestctl0 = vz_guestctl0_read();
	vz_guestctl0_write(VZ_GCTL0_RUN);
	p->guestctl0_w = vz_guestctl0_read();
	if ((p->guestctl0 & GCTL0_G1) && !(p->guestctl0 & GCTL0_RAD)) {
		vz_guestctl1_write(GCTL1_ID_MASK);
		p->guestid_max = vz_guestctl1_read() & GCTL1_ID_MASK;
		vz_guestctl1_write(0);
	}
	vz_gtoffset_write(~0u);
	p->gtoffset_mask = vz_gtoffset_read();
	vz_gtoffset_write(0);
}

void mips_backend_cpu_setup(void)
{
	static bool chosen;

	if (!chosen) {
		struct vz_probe p = {0};
		probe(&p);
		if (vz_probe_decide(&p, why, sizeof(why)))
			mips_backend = &mips_vz_backend;
		chosen = true;
	}
	if (mips_backend->cpu_setup)
		mips_backend->cpu_setup();
}

const char *mips_backend_describe(void)
{
	return why;
}

int arch_partition_init(struct partition *p)
{
	return mips_backend->partition_init(p);
}

void arch_vcpu_reset(struct vcpu *v, const struct vcpu_boot *b)
{
	mips_backend->vcpu_reset(v, b);
}

void arch_vcpu_run(struct vcpu *v, struct vcpu_exit *e)
{
	mips_backend->vcpu_run(v, e);
}
