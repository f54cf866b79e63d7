/* SPDX-License-Identifier: MIT */
/* Interruptions Tern presents to a guest by hand, through the guest's
 * lowcore (old PSW, interruption code, new PSW), for any backend: the SIE
 * of Hercules 3.13 has no interruption-injection fields. */
#ifndef ARCH_INJECT_H
#define ARCH_INJECT_H

#include "arch/guest.h"
#include "hv/partition.h"

/* Program interruption `code` with instruction length ilen (0, 2, 4, 6),
 * the TEID (translation and protection exceptions) and the DXC (data
 * exceptions). The old PSW is cpu->psw as it is. Returns HV_OK, or
 * HV_E_RANGE if the guest's lowcore is not storage (the guest cannot be
 * told: a fault for its partition). */
int inject_pgm(struct vcpu *v, u16 code, u32 ilen, u64 teid, u32 dxc);

/* External interruption: code, CPU address (emergency signal, external
 * call) and parameter (service signal). */
int inject_ext(struct vcpu *v, u16 code, u16 cpu_addr, u32 param);

/* Restart interruption (SIGP restart): not maskable. */
int inject_restart(struct vcpu *v);

/* Present every pending interruption the guest is enabled for now (the
 * SIGP signals, the floating service signal, and the clock comparator and
 * CPU timer conditions). Returns HV_OK or HV_E_RANGE. */
int inject_pending(struct vcpu *v, u64 host_now);

/* Whether an external interruption is pending that the guest's CR0 admits
 * but its PSW keeps out (the backend asks for an exit when it enables). */
bool inject_ext_waiting_for_psw(struct vcpu *v, u64 host_now);
/* Whether one is pending that CR0 masks (the backend polls for changes). */
bool inject_ext_masked_by_cr0(struct vcpu *v);

/* For an enabled wait: the host TOD at which the clock comparator or CPU
 * timer will interrupt the guest, ~0 if neither can. */
u64 inject_wakeup_deadline(struct vcpu *v, u64 host_now);

/* Raise the partition's floating service signal (SCLP answer ready). */
void inject_service_signal(struct partition *p, u32 param);

#endif
