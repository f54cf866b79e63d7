/* SPDX-License-Identifier: MIT */
/* Architected resets and store status of a virtual CPU. */
#include <arch/be.h>
#include <arch/cpu_state.h>
#include <arch/gmem.h>

#include "hv/arch/timer.h"
#include "hv/lib.h"

#define SAVE_AREA_SIZE 0x200
#define SAVE_AREA_ABS 0x1200
#define ARCH_MODE_ID_ABS 163 /* bit 7: z/Architecture */
#define SA_GPRS 0x80
#define SA_PSW 0x100
#define SA_PREFIX 0x118
#define SA_TODPR 0x124
#define SA_CPUTM 0x128
#define SA_CKC 0x130
#define SA_CRS 0x180

void cpu_state_reset(struct vcpu *v)
{
	struct arch_vcpu *a = &v->arch;

	__atomic_store_n(&a->requests, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&a->emerg_from, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&a->extcall_pending, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&a->stopped, 1, __ATOMIC_RELEASE);
}

void cpu_state_initial_reset(struct vcpu *v)
{
	struct s390_cpu *cpu = &v->arch.cpu;

	cpu_state_reset(v);
	cpu->psw.mask = 0;
	cpu->psw.addr = 0;
	cpu->prefix = 0;
	cpu->cputm = 0;
	/* the time run before the reset is not charged to the new timer */
	v->arch.timer_resets++;
	v->arch.left_guest = arch_timer_now();
	cpu->ckc = 0;
	cpu->todpr = 0;
	memset(cpu->crs, 0, sizeof(cpu->crs));
	cpu->crs[0] = GUEST_CR0_RESET;
	cpu->crs[14] = GUEST_CR14_RESET;
}

void cpu_state_clear_reset(struct vcpu *v)
{
	cpu_state_initial_reset(v);
	memset(v->arch.cpu.gprs, 0, sizeof(v->arch.cpu.gprs));
	v->arch.cpu.epoch = 0;
}

bool cpu_state_store_status(struct vcpu *v, u64 area)
{
	const struct s390_cpu *cpu = &v->arch.cpu;
	u8 sa[SAVE_AREA_SIZE];

	memset(sa, 0, sizeof(sa));
	for (int i = 0; i < 16; i++) {
		put_be64(sa + SA_GPRS + 8 * i, cpu->gprs[i]);
		put_be64(sa + SA_CRS + 8 * i, cpu->crs[i]);
	}
	put_be64(sa + SA_PSW, cpu->psw.mask);
	put_be64(sa + SA_PSW + 8, cpu->psw.addr);
	put_be32(sa + SA_PREFIX, cpu->prefix);
	put_be32(sa + SA_TODPR, cpu->todpr);
	put_be64(sa + SA_CPUTM, cpu->cputm);
	put_be64(sa + SA_CKC, cpu->ckc >> 8);
	return gmem_write_abs(v->part, area, sa, sizeof(sa));
}

bool cpu_state_stop_store_status(struct vcpu *v)
{
	static const u8 zarch = 1;

	return gmem_write_abs(v->part, ARCH_MODE_ID_ABS, &zarch, 1) &&
	       cpu_state_store_status(v, SAVE_AREA_ABS);
}
