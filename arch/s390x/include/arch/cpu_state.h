/* SPDX-License-Identifier: MIT */
/* Resets and store status of a virtual CPU (cpu_state.c): used at boot,
 * by SIGP and by DIAG 0x308, for any backend. */
#ifndef ARCH_CPU_STATE_H
#define ARCH_CPU_STATE_H

#include "hv/partition.h"

/* CPU reset: pending interruptions and requests dropped, CPU stopped;
 * registers kept. */
void cpu_state_reset(struct vcpu *v);
/* Initial CPU reset: also PSW, prefix, CPU timer, clock comparator, TOD
 * programmable register and the control registers (CR0 0xe0, CR14
 * 0xc2000000, as QEMU resets them). */
void cpu_state_initial_reset(struct vcpu *v);
/* Clear reset: also the general registers. */
void cpu_state_clear_reset(struct vcpu *v);

/* Store status (the save-area layout of lowcore 0x1200-0x13ff) at guest
 * absolute `area`, which corresponds to 0x1200. Returns false if the area
 * is not guest storage. FPRs and access registers read as zero. */
bool cpu_state_store_status(struct vcpu *v, u64 area);
/* What SIGP STOP AND STORE STATUS stores: the save area at absolute
 * 0x1200 (not the target's prefix area: QEMU and KVM store there too) and
 * the architectural-mode identification, absolute byte 163 = 1. */
bool cpu_state_stop_store_status(struct vcpu *v);

#endif
