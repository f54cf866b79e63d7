/* SPDX-License-Identifier: MIT */
/* SIGNAL PROCESSOR among the vCPUs of one partition. A guest CPU address
 * is a vCPU index; any other address is not operational (cc 3), never a
 * fault. Orders that change another vCPU's running state post a request
 * (VREQ_*) and kick it: that vCPU's own CPU carries it out before it enters
 * the guest again. Orders that require a stopped target act directly,
 * under the target's lock, since a stopped vCPU is not running. */
#include <arch/cpu_state.h>
#include <arch/emulate.h>
#include <arch/inject.h>

#include "hv/lib.h"

#define SIGP_SENSE 0x01
#define SIGP_EXTERNAL_CALL 0x02
#define SIGP_EMERGENCY_SIGNAL 0x03
#define SIGP_START 0x04
#define SIGP_STOP 0x05
#define SIGP_RESTART 0x06
#define SIGP_STOP_AND_STORE_STATUS 0x09
#define SIGP_INITIAL_CPU_RESET 0x0b
#define SIGP_CPU_RESET 0x0c
#define SIGP_SET_PREFIX 0x0d
#define SIGP_STORE_STATUS_AT_ADDRESS 0x0e
#define SIGP_SET_ARCHITECTURE 0x12
#define SIGP_COND_EMERGENCY_SIGNAL 0x13
#define SIGP_SENSE_RUNNING_STATUS 0x15

#define CC_ACCEPTED 0
#define CC_STATUS_STORED 1
#define CC_BUSY 2
#define CC_NOT_OPERATIONAL 3

#define ST_INVALID_ORDER 0x002
#define ST_STOPPED 0x040
#define ST_EXT_CALL_PENDING 0x080
#define ST_INVALID_PARAMETER 0x100
#define ST_INCORRECT_STATE 0x200
#define ST_NOT_RUNNING 0x400

struct sigp {
	struct emu *em;
	struct vcpu *src, *dst;
	u64 param;
	u32 status;
	int result; /* for orders to itself that end in an exit (-1 from the order) */
};

static bool is_stopped(const struct vcpu *v)
{
	return __atomic_load_n(&v->arch.stopped, __ATOMIC_ACQUIRE) != 0;
}

static int status(struct sigp *s, u32 st)
{
	s->status = st;
	return CC_STATUS_STORED;
}

static void post(struct vcpu *v, u32 req)
{
	__atomic_fetch_or(&v->arch.requests, req, __ATOMIC_ACQ_REL);
	vcpu_kick(v);
}

static int order_sense(struct sigp *s)
{
	u32 st =
	    (is_stopped(s->dst) ? ST_STOPPED : 0) |
	    (__atomic_load_n(&s->dst->arch.extcall_pending, __ATOMIC_ACQUIRE) ? ST_EXT_CALL_PENDING
	                                                                      : 0);
	return st ? status(s, st) : CC_ACCEPTED;
}

static int order_external_call(struct sigp *s)
{
	u32 expected = 0;

	if (!__atomic_compare_exchange_n(&s->dst->arch.extcall_pending, &expected, 2, false,
	                                 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return status(s, ST_EXT_CALL_PENDING);
	s->dst->arch.extcall_from = (u16)s->src->id;
	__atomic_store_n(&s->dst->arch.extcall_pending, 1, __ATOMIC_RELEASE);
	vcpu_kick(s->dst);
	return CC_ACCEPTED;
}

static int order_emergency(struct sigp *s)
{
	__atomic_fetch_or(&s->dst->arch.emerg_from, 1ull << (s->src->id & 63), __ATOMIC_ACQ_REL);
	vcpu_kick(s->dst);
	return CC_ACCEPTED;
}

/* The emergency signal is generated unless the target is stopped, enabled
 * for I/O and external interruptions, and either in the wait state at
 * address 0 or not waiting and in neither the parameter's primary nor
 * secondary ASN (QEMU's reading of the order); otherwise incorrect state. */
static int order_cond_emergency(struct sigp *s)
{
	const struct s390_cpu *c = &s->dst->arch.cpu;
	const u64 both = PSW_MASK_IO | PSW_MASK_EXT;
	u16 asn = (u16)s->param;
	bool waiting = (c->psw.mask & PSW_MASK_WAIT) != 0;

	if (!is_stopped(s->dst) || (c->psw.mask & both) != both || (waiting && c->psw.addr) ||
	    (!waiting && (asn == (u16)c->crs[4] || asn == (u16)c->crs[3])))
		return order_emergency(s);
	return status(s, ST_INCORRECT_STATE);
}

static int order_start(struct sigp *s)
{
	spin_lock(&s->dst->arch.lock);
	__atomic_store_n(&s->dst->arch.stopped, 0, __ATOMIC_RELEASE);
	spin_unlock(&s->dst->arch.lock);
	vcpu_kick(s->dst);
	return CC_ACCEPTED;
}

static int order_stop(struct sigp *s, bool store)
{
	struct vcpu *d = s->dst;

	if (d == s->src) {
		if (store)
			cpu_state_stop_store_status(d);
		__atomic_store_n(&d->arch.stopped, 1, __ATOMIC_RELEASE);
		psw_set_cc(&s->em->cpu->psw, CC_ACCEPTED);
		s->result = emu_exit(s->em, VEXIT_STOPPED, 0, "SIGP stop");
		return -1; /* no condition code to set: already done */
	}
	spin_lock(&d->arch.lock);
	if (is_stopped(d)) {
		if (store)
			cpu_state_stop_store_status(d);
		spin_unlock(&d->arch.lock);
		return CC_ACCEPTED;
	}
	spin_unlock(&d->arch.lock);
	post(d, VREQ_STOP | (store ? VREQ_STORE_STATUS : 0));
	return CC_ACCEPTED;
}

static int order_restart(struct sigp *s)
{
	struct vcpu *d = s->dst;

	if (d == s->src) {
		psw_set_cc(&s->em->cpu->psw, CC_ACCEPTED);
		if (inject_restart(d) != HV_OK)
			s->result =
			    emu_exit(s->em, VEXIT_FAULT, 1, "restart: lowcore is not storage");
		return -1;
	}
	spin_lock(&d->arch.lock);
	__atomic_fetch_or(&d->arch.requests, VREQ_RESTART, __ATOMIC_ACQ_REL);
	__atomic_store_n(&d->arch.stopped, 0, __ATOMIC_RELEASE);
	spin_unlock(&d->arch.lock);
	vcpu_kick(d);
	return CC_ACCEPTED;
}

static int order_reset(struct sigp *s, bool initial)
{
	struct vcpu *d = s->dst;

	if (d == s->src) {
		psw_set_cc(&s->em->cpu->psw, CC_ACCEPTED);
		if (initial)
			cpu_state_initial_reset(d);
		else
			cpu_state_reset(d);
		s->result = emu_exit(s->em, VEXIT_STOPPED, 0, "SIGP reset of itself");
		return -1;
	}
	spin_lock(&d->arch.lock);
	if (is_stopped(d)) {
		if (initial)
			cpu_state_initial_reset(d);
		else
			cpu_state_reset(d);
		spin_unlock(&d->arch.lock);
		return CC_ACCEPTED;
	}
	spin_unlock(&d->arch.lock);
	post(d, initial ? VREQ_INITIAL_RESET : VREQ_CPU_RESET);
	return CC_ACCEPTED;
}

static int order_set_prefix(struct sigp *s)
{
	struct vcpu *d = s->dst;
	u32 prefix = (u32)s->param & 0x7fffe000u;
	int cc = CC_ACCEPTED;

	spin_lock(&d->arch.lock);
	if (!is_stopped(d))
		cc = status(s, ST_INCORRECT_STATE);
	else if (!partition_gpa_ptr(d->part, gpa(prefix), 0x2000, true))
		cc = status(s, ST_INVALID_PARAMETER);
	else
		d->arch.cpu.prefix = prefix;
	spin_unlock(&d->arch.lock);
	return cc;
}

static int order_store_status_at(struct sigp *s)
{
	struct vcpu *d = s->dst;
	u64 area = s->param & 0x7ffffe00ull;
	int cc = CC_ACCEPTED;

	spin_lock(&d->arch.lock);
	if (!is_stopped(d))
		cc = status(s, ST_INCORRECT_STATE);
	else if (!cpu_state_store_status(d, area))
		cc = status(s, ST_INVALID_PARAMETER);
	spin_unlock(&d->arch.lock);
	return cc;
}

/* z/Architecture only: ESA/390 is an invalid parameter; switching needs
 * every other CPU stopped. */
static int order_set_architecture(struct sigp *s)
{
	struct partition *p = s->src->part;
	u32 mode = (u32)s->param & 0xff;

	if (mode != 1 && mode != 2)
		return status(s, ST_INVALID_PARAMETER);
	for (u32 i = 0; i < p->nr_vcpus; i++)
		if (&p->vcpus[i] != s->src && !is_stopped(&p->vcpus[i]))
			return status(s, ST_INCORRECT_STATE);
	return CC_ACCEPTED;
}

static int order_sense_running(struct sigp *s)
{
	if (s->dst == s->src || __atomic_load_n(&s->dst->arch.in_guest, __ATOMIC_ACQUIRE))
		return CC_ACCEPTED;
	return status(s, ST_NOT_RUNNING);
}

static bool busy(const struct vcpu *v)
{
	return __atomic_load_n(&v->arch.requests, __ATOMIC_ACQUIRE) != 0;
}

int emulate_sigp(struct emu *em)
{
	struct s390_cpu *cpu = em->cpu;
	unsigned r1 = emu_rs_r1(em), r3 = emu_rs_r3(em);
	u8 order = (u8)emu_addr_d2b2(em);
	struct sigp s = {.em = em, .src = em->v, .result = EMU_CONTINUE};
	int cc;

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	/* The parameter comes from the odd register of the R1 pair. */
	s.param = cpu->gprs[r1 | 1];
	if (order == SIGP_SET_ARCHITECTURE) {
		cc = order_set_architecture(&s);
		goto out;
	}
	s.dst = partition_vcpu(em->p, (u32)(cpu->gprs[r3] & 0xffff));
	if (!s.dst) {
		cc = CC_NOT_OPERATIONAL;
		goto out;
	}
	switch (order) {
	case SIGP_SENSE:
		cc = order_sense(&s);
		break;
	case SIGP_EXTERNAL_CALL:
		cc = order_external_call(&s);
		break;
	case SIGP_EMERGENCY_SIGNAL:
		cc = order_emergency(&s);
		break;
	case SIGP_COND_EMERGENCY_SIGNAL:
		cc = order_cond_emergency(&s);
		break;
	case SIGP_START:
		cc = order_start(&s);
		break;
	case SIGP_STOP:
	case SIGP_STOP_AND_STORE_STATUS:
		cc = busy(s.dst) && s.dst != s.src
		         ? CC_BUSY
		         : order_stop(&s, order == SIGP_STOP_AND_STORE_STATUS);
		break;
	case SIGP_RESTART:
		cc = busy(s.dst) && s.dst != s.src ? CC_BUSY : order_restart(&s);
		break;
	case SIGP_INITIAL_CPU_RESET:
	case SIGP_CPU_RESET:
		cc = busy(s.dst) && s.dst != s.src
		         ? CC_BUSY
		         : order_reset(&s, order == SIGP_INITIAL_CPU_RESET);
		break;
	case SIGP_SET_PREFIX:
		cc = order_set_prefix(&s);
		break;
	case SIGP_STORE_STATUS_AT_ADDRESS:
		cc = order_store_status_at(&s);
		break;
	case SIGP_SENSE_RUNNING_STATUS:
		cc = order_sense_running(&s);
		break;
	default:
		cc = status(&s, ST_INVALID_ORDER);
		break;
	}
out:
	if (cc < 0)
		return s.result;
	if (cc == CC_STATUS_STORED)
		cpu->gprs[r1] = (cpu->gprs[r1] & ~0xffffffffull) | s.status;
	psw_set_cc(&cpu->psw, (unsigned)cc);
	return EMU_CONTINUE;
}
