/* SPDX-License-Identifier: MIT */
/* Presenting interruptions to a guest by hand: store the interruption
 * code and old PSW into the guest's lowcore (through its prefix) and load
 * the new PSW from there, as the CPU would. Pending external conditions
 * are kept per vCPU (SIGP signals) and per partition (the floating service
 * signal); they are presented only when the guest's PSW and CR0 subclass
 * masks admit them. */
#include <arch/be.h>
#include <arch/gmem.h>
#include <arch/inject.h>
#include <arch/lowcore.h>

#include "hv/lib.h"
#include "hv/vcpu.h"

#define MAX_CHAINED 8 /* interruptions presented back to back (enabled new PSWs) */

static bool lc_write(struct vcpu *v, u32 off, const void *buf, u32 len)
{
	return gmem_write_abs(v->part, (u64)v->arch.cpu.prefix + off, buf, len);
}

/* Old PSW out, new PSW in. */
static int swap_psw(struct vcpu *v, u32 old_off, u32 new_off)
{
	struct s390_cpu *cpu = &v->arch.cpu;
	u8 old[16], neu[16];

	put_be64(old, cpu->psw.mask);
	put_be64(old + 8, cpu->psw.addr);
	if (!lc_write(v, old_off, old, 16) ||
	    !gmem_read_abs(v->part, (u64)cpu->prefix + new_off, neu, 16))
		return HV_E_RANGE;
	cpu->psw.mask = get_be64(neu);
	cpu->psw.addr = get_be64(neu + 8);
	return HV_OK;
}

static bool pgm_has_teid(u16 code)
{
	switch (code & 0x7f) {
	case PGM_PROTECTION:
	case PGM_SEGMENT_TRANSLATION:
	case PGM_PAGE_TRANSLATION:
	case PGM_ASCE_TYPE:
	case PGM_REGION_FIRST_TRANS:
	case PGM_REGION_SECOND_TRANS:
	case PGM_REGION_THIRD_TRANS:
		return true;
	default:
		return false;
	}
}

int inject_pgm(struct vcpu *v, u16 code, u32 ilen, u64 teid, u32 dxc)
{
	u8 b[8];

	put_be16(b, (u16)(ilen & 6));
	put_be16(b + 2, code);
	if (!lc_write(v, LC_PGM_ILC, b, 4))
		return HV_E_RANGE;
	if (pgm_has_teid(code)) {
		put_be64(b, teid);
		lc_write(v, LC_TEID, b, 8);
	}
	if ((code & 0x7f) == PGM_DATA) {
		put_be32(b, dxc);
		lc_write(v, 0x90, b, 4);
	}
	stat_inc(&v->part->arch.stats.injected_pgm);
	return swap_psw(v, LC_PGM_OLD_PSW, LC_PGM_NEW_PSW);
}

int inject_ext(struct vcpu *v, u16 code, u16 cpu_addr, u32 param)
{
	u8 b[8];

	put_be32(b, param);
	put_be16(b + 4, cpu_addr);
	put_be16(b + 6, code);
	if (!lc_write(v, LC_EXT_PARAMS, b, 8))
		return HV_E_RANGE;
	stat_inc(&v->part->arch.stats.injected_ext);
	return swap_psw(v, LC_EXT_OLD_PSW, LC_EXT_NEW_PSW);
}

int inject_restart(struct vcpu *v)
{
	return swap_psw(v, LC_RESTART_OLD_PSW, LC_RESTART_NEW_PSW);
}

void inject_service_signal(struct partition *p, u32 param)
{
	__atomic_store_n(&p->arch.service_param, param, __ATOMIC_RELAXED);
	__atomic_store_n(&p->arch.service_pending, 1, __ATOMIC_RELEASE);
}

static bool ckc_condition(const struct s390_cpu *cpu, u64 host_now)
{
	return cpu->ckc != ~0ull && host_now + cpu->epoch > cpu->ckc;
}

static bool cputm_condition(const struct s390_cpu *cpu)
{
	return (s64)cpu->cputm < 0;
}

/* The pending external conditions, as CR0 subclass bits. */
static u64 ext_pending_subclasses(struct vcpu *v, u64 host_now)
{
	const struct s390_cpu *cpu = &v->arch.cpu;
	u64 m = 0;

	if (__atomic_load_n(&v->arch.emerg_from, __ATOMIC_ACQUIRE))
		m |= CR0_EMERGENCY_SIGNAL;
	if (__atomic_load_n(&v->arch.extcall_pending, __ATOMIC_ACQUIRE) == 1)
		m |= CR0_EXTERNAL_CALL;
	if (ckc_condition(cpu, host_now))
		m |= CR0_CLOCK_COMPARATOR;
	if (cputm_condition(cpu))
		m |= CR0_CPU_TIMER;
	if (__atomic_load_n(&v->part->arch.service_pending, __ATOMIC_ACQUIRE))
		m |= CR0_SERVICE_SIGNAL;
	return m;
}

/* Present the highest-priority admitted external interruption, if any. */
static int present_one_ext(struct vcpu *v, u64 host_now, bool *presented)
{
	struct s390_cpu *cpu = &v->arch.cpu;
	u64 admitted = ext_pending_subclasses(v, host_now) & cpu->crs[0];

	*presented = false;
	if (!(cpu->psw.mask & PSW_MASK_EXT) || !admitted)
		return HV_OK;
	*presented = true;
	if (admitted & CR0_EMERGENCY_SIGNAL) {
		u64 from = __atomic_load_n(&v->arch.emerg_from, __ATOMIC_ACQUIRE);
		u16 src = (u16)__builtin_ctzll(from);
		__atomic_fetch_and(&v->arch.emerg_from, ~(1ull << src), __ATOMIC_ACQ_REL);
		return inject_ext(v, EXT_EMERGENCY_SIGNAL, src, 0);
	}
	if (admitted & CR0_EXTERNAL_CALL) {
		u16 src = v->arch.extcall_from;
		__atomic_store_n(&v->arch.extcall_pending, 0, __ATOMIC_RELEASE);
		return inject_ext(v, EXT_EXTERNAL_CALL, src, 0);
	}
	if (admitted & CR0_CLOCK_COMPARATOR)
		return inject_ext(v, EXT_CLOCK_COMPARATOR, 0, 0);
	if (admitted & CR0_CPU_TIMER)
		return inject_ext(v, EXT_CPU_TIMER, 0, 0);
	/* The floating service signal: the first vCPU to claim it takes it. */
	if (__atomic_exchange_n(&v->part->arch.service_pending, 0, __ATOMIC_ACQ_REL)) {
		u32 param = __atomic_load_n(&v->part->arch.service_param, __ATOMIC_RELAXED);
		__atomic_store_n(&v->part->arch.servc_busy, 0, __ATOMIC_RELEASE); /* SERVC free */
		return inject_ext(v, EXT_SERVICE_SIGNAL, 0, param);
	}
	*presented = false;
	return HV_OK;
}

int inject_pending(struct vcpu *v, u64 host_now)
{
	for (int i = 0; i < MAX_CHAINED; i++) {
		bool presented;
		int rc = present_one_ext(v, host_now, &presented);
		if (rc != HV_OK || !presented)
			return rc;
	}
	return HV_OK;
}

bool inject_ext_waiting_for_psw(struct vcpu *v, u64 host_now)
{
	const struct s390_cpu *cpu = &v->arch.cpu;

	return !(cpu->psw.mask & PSW_MASK_EXT) &&
	       (ext_pending_subclasses(v, host_now) & cpu->crs[0]) != 0;
}

bool inject_ext_masked_by_cr0(struct vcpu *v)
{
	u64 signals = CR0_EMERGENCY_SIGNAL | CR0_EXTERNAL_CALL | CR0_SERVICE_SIGNAL;

	return (ext_pending_subclasses(v, 0) & signals & ~v->arch.cpu.crs[0]) != 0;
}

u64 inject_wakeup_deadline(struct vcpu *v, u64 host_now)
{
	const struct s390_cpu *cpu = &v->arch.cpu;
	u64 d = ~0ull;

	if (!(cpu->psw.mask & PSW_MASK_EXT))
		return d;
	if ((cpu->crs[0] & CR0_CLOCK_COMPARATOR) && cpu->ckc != ~0ull)
		d = cpu->ckc - cpu->epoch;
	if (cpu->crs[0] & CR0_CPU_TIMER) {
		u64 t = (s64)cpu->cputm < 0 ? host_now : host_now + cpu->cputm;
		if (t < d)
			d = t;
	}
	return d;
}
