/* SPDX-License-Identifier: MIT */
/* DIAGNOSE: 0x44 and 0x9c (yield), 0x288 (watchdog), 0x308 (reset and
 * re-IPL) and 0x318 (control-program codes, when the partition's config
 * offers it). Every other code is a specification exception, as QEMU's
 * TCG answers an unknown DIAG. */
#include <arch/be.h>
#include <arch/emulate.h>
#include <arch/features.h>
#include <arch/gmem.h>
#include <arch/hcmd.h>

#include "hv/arch/timer.h"
#include "hv/lib.h"

#define DIAG288_INIT 0
#define DIAG288_CHANGE 1
#define DIAG288_CANCEL 2
#define DIAG288_MIN_SECONDS 15 /* QEMU's lower bound */

#define TRACE_ON 0x54524f4eull  /* "TRON" */
#define TRACE_OFF 0x54524f46ull /* "TROF" */

#define DIAG308_RESET_CLEAR 0
#define DIAG308_RESET_NORMAL 1
#define DIAG308_LOAD_CLEAR 3
#define DIAG308_LOAD_NORMAL 4
#define DIAG308_SET 5
#define DIAG308_STORE 6

/* Responses in R1 + 1 (QEMU's DIAG_308_RC_*). */
#define DIAG308_RC_OK 0x0001
#define DIAG308_RC_NO_CONF 0x0102
#define DIAG308_RC_INVALID 0x0402

/* IPL parameter block: u32 length, ..., byte 12 the parameter-block type;
 * the types and shortest lengths QEMU accepts (no protected virtualization,
 * type 5, on this machine). */
#define IPLB_PBT 12
#define IPL_TYPE_FCP 0x00
#define IPL_TYPE_CCW 0x02
#define IPL_TYPE_QEMU_SCSI 0xff
#define IPLB_MIN_FCP 384
#define IPLB_MIN_CCW 200
#define IPLB_MIN_QEMU_SCSI 200

/* DIAG 0x288, the watchdog, as QEMU's diag288 device answers it: R1 (even)
 * the function, R1 + 1 the timeout in seconds (at least 15 except to
 * cancel), R3 the action, which must be 0; CHANGE and CANCEL need an armed
 * watchdog. Every refusal is a specification exception; the condition code
 * is left alone. One watchdog per partition (QEMU has one per machine). */
static int diag_288(struct emu *em)
{
	struct partition *p = em->p;
	unsigned r1 = emu_rs_r1(em);
	int rc = HV_OK;

	if (r1 & 1)
		return emu_pgm(em, PGM_SPECIFICATION);
	u64 func = em->cpu->gprs[r1], secs = em->cpu->gprs[r1 + 1];
	if (em->cpu->gprs[emu_rs_r3(em)] != 0 ||
	    (func != DIAG288_CANCEL && secs < DIAG288_MIN_SECONDS))
		return emu_pgm(em, PGM_SPECIFICATION);
	u64 now = arch_timer_now();
	/* Saturate: a timeout beyond the TOD clock's range never expires. */
	u64 deadline =
	    secs > (~0ull - now) / TOD_TICKS_PER_SECOND ? ~0ull : now + secs * TOD_TICKS_PER_SECOND;
	spin_lock(&p->arch.wdt_lock);
	u64 armed = __atomic_load_n(&p->arch.wdt_deadline, __ATOMIC_ACQUIRE);
	switch (func) {
	case DIAG288_CHANGE:
		if (!armed) {
			rc = HV_E_INVAL;
			break;
		}
		/* fall through */
	case DIAG288_INIT:
		__atomic_store_n(&p->arch.wdt_deadline, deadline, __ATOMIC_RELEASE);
		break;
	case DIAG288_CANCEL:
		if (!armed)
			rc = HV_E_INVAL;
		__atomic_store_n(&p->arch.wdt_deadline, 0, __ATOMIC_RELEASE);
		break;
	default:
		rc = HV_E_INVAL;
		break;
	}
	spin_unlock(&p->arch.wdt_lock);
	if (rc != HV_OK)
		return emu_pgm(em, PGM_SPECIFICATION);
	/* Idle vCPUs of the partition wait for it too: let them re-read it. */
	for (u32 i = 0; i < p->nr_vcpus; i++)
		if (&p->vcpus[i] != em->v &&
		    !__atomic_load_n(&p->vcpus[i].arch.in_guest, __ATOMIC_ACQUIRE))
			vcpu_kick(&p->vcpus[i]);
	return EMU_CONTINUE;
}

bool diag288_expired(struct vcpu *v, u64 now, struct vcpu_exit *e)
{
	struct partition *p = v->part;
	u64 d = __atomic_load_n(&p->arch.wdt_deadline, __ATOMIC_ACQUIRE);

	if (!d || now < d)
		return false;
	/* One vCPU acts on an expiry; the watchdog is off afterwards. */
	if (!__atomic_compare_exchange_n(&p->arch.wdt_deadline, &d, 0, false, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE))
		return false;
	u64 features = p->cfg->features;
	if (features & S390_FEAT_WDT_STOP) {
		partition_log(p, "DIAG 288 watchdog expired: ending the partition");
		emu_exit_info(e, VEXIT_DONE, 1, "DIAG 288 watchdog expired");
		return true;
	}
	if (features & S390_FEAT_WDT_RESTART) {
		/* A restart interruption on the first CPU (QEMU: -action
		 * watchdog=inject-nmi), which starts it if it was stopped. */
		struct vcpu *t = &p->vcpus[0];
		partition_log(p, "DIAG 288 watchdog expired: restart interruption to vcpu 0");
		spin_lock(&t->arch.lock);
		__atomic_fetch_or(&t->arch.requests, VREQ_RESTART, __ATOMIC_ACQ_REL);
		__atomic_store_n(&t->arch.stopped, 0, __ATOMIC_RELEASE);
		spin_unlock(&t->arch.lock);
		if (t != v)
			vcpu_kick(t);
		return false;
	}
	partition_log(p, "DIAG 288 watchdog expired: resetting the partition");
	emu_exit_info(e, VEXIT_RESET, 0, "DIAG 288 watchdog expired");
	return true;
}

static bool iplb_valid(u32 len, u8 pbt)
{
	if (len > IPLB_MAX)
		return false;
	switch (pbt) {
	case IPL_TYPE_FCP:
		return len >= IPLB_MIN_FCP;
	case IPL_TYPE_CCW:
		return len >= IPLB_MIN_CCW;
	case IPL_TYPE_QEMU_SCSI:
		return len >= IPLB_MIN_QEMU_SCSI;
	default:
		return false;
	}
}

/* Subcodes 5 and 6: R1 (even) holds the 4 KiB-aligned address of a 4 KiB
 * area for the block; the response goes to R1 + 1. The block is the
 * partition's: every vCPU sees the same one, and it survives resets and
 * re-IPLs (a load clear clears storage, not the block). */
static int diag_308_iplb(struct emu *em, u64 subcode)
{
	struct partition *p = em->p;
	unsigned r1 = emu_rs_r1(em);
	u64 addr = em->cpu->gprs[r1];
	u8 *area;

	if ((r1 & 1) || (addr & 0xfff))
		return emu_pgm(em, PGM_SPECIFICATION);
	area = partition_gpa_ptr(p, gpa(real_to_abs(addr, em->cpu->prefix)), IPLB_MAX,
	                         subcode == DIAG308_STORE);
	if (!area)
		return emu_pgm(em, PGM_ADDRESSING);
	spin_lock(&p->arch.iplb_lock);
	if (subcode == DIAG308_SET) {
		/* Copy the guest's block once, then validate and keep the copy:
		 * another vCPU may change the guest page meanwhile. */
		u8 blk[IPLB_MAX];
		memcpy(blk, area, sizeof(blk));
		u32 len = get_be32(blk);
		/* A block shorter than its type byte has type 0 (FCP): too short. */
		u8 pbt = len > IPLB_PBT ? blk[IPLB_PBT] : IPL_TYPE_FCP;
		if (iplb_valid(len, pbt)) {
			memcpy(p->arch.iplb, blk, len);
			p->arch.iplb_len = len;
			em->cpu->gprs[r1 + 1] = DIAG308_RC_OK;
		} else {
			em->cpu->gprs[r1 + 1] = DIAG308_RC_INVALID;
		}
	} else if (!p->arch.iplb_len) {
		em->cpu->gprs[r1 + 1] = DIAG308_RC_NO_CONF;
	} else {
		memcpy(area, p->arch.iplb, p->arch.iplb_len);
		em->cpu->gprs[r1 + 1] = DIAG308_RC_OK;
	}
	spin_unlock(&p->arch.iplb_lock);
	return EMU_CONTINUE;
}

static int diag_308(struct emu *em)
{
	u64 subcode = em->cpu->gprs[emu_rs_r3(em)];

	switch (subcode) {
	case DIAG308_SET:
	case DIAG308_STORE:
		return diag_308_iplb(em, subcode);
	case DIAG308_RESET_CLEAR:
	case DIAG308_RESET_NORMAL:
	case DIAG308_LOAD_CLEAR:
	case DIAG308_LOAD_NORMAL:
		return emu_exit(em, VEXIT_RESET, 0, "DIAG 308 subcode %llu",
		                (unsigned long long)subcode);
	default:
		return emu_pgm(em, PGM_SPECIFICATION);
	}
}

#define DIAG318_LOG_MAX 8

static int diag_318(struct emu *em)
{
	struct partition *p = em->p;
	u64 v = em->cpu->gprs[emu_rs_r1(em)];

	if (!(p->cfg->features & S390_FEAT_DIAG318))
		return emu_pgm(em, PGM_SPECIFICATION);
	u32 cpnc = (u32)(v >> 56);
	u64 cpvc = v & 0x00ffffffffffffffull;
	if (!p->arch.cpc_valid || p->arch.cpnc != cpnc || p->arch.cpvc != cpvc) {
		p->arch.cpnc = cpnc;
		p->arch.cpvc = cpvc;
		/* A guest changing the code in a loop must not flood the
		 * console every partition shares: log the first changes. */
		if (p->arch.cpc_valid < DIAG318_LOG_MAX)
			partition_log(p, "cpnc=0x%02x cpvc=0x%014llx%s", cpnc,
			              (unsigned long long)cpvc,
			              p->arch.cpc_valid + 1 == DIAG318_LOG_MAX
			                  ? " (further changes not logged)"
			                  : "");
		if (p->arch.cpc_valid < DIAG318_LOG_MAX)
			p->arch.cpc_valid++;
	}
	return EMU_CONTINUE;
}

/* S390_FEAT_TRACE: DIAG 0x44 with "TRON" / "TROF" in R1 opens / closes a
 * window of Hercules' instruction trace. The marker lines are printed
 * outside the window, so that between them the log holds traced
 * instructions only (arch/s390x/tools/tracecount.sh). */
static void diag_44_trace(struct emu *em)
{
	struct partition *p = em->p;
	u64 r1 = em->cpu->gprs[emu_rs_r1(em)];

	if (!(p->cfg->features & S390_FEAT_TRACE))
		return;
	if (r1 == TRACE_ON && !em->v->arch.trace) {
		partition_log(p, "trace: window on (vcpu %u)", em->v->id);
		if (hercules_command("t+"))
			em->v->arch.trace = 1;
	} else if (r1 == TRACE_OFF && em->v->arch.trace) {
		hercules_command("t-");
		em->v->arch.trace = 0;
		partition_log(p, "trace: window off (vcpu %u)", em->v->id);
	}
}

/* DIAG 0x44 (voluntary end of the time slice) and 0x9c (directed yield):
 * the vCPU gives the rest of its turn to the next ready vCPU of its CPU
 * (core/sched.c); 0x9c's target is not looked at. A pinned vCPU, alone on
 * its CPU, simply runs again. */
static int diag_yield(struct emu *em, const char *why)
{
	return emu_exit(em, VEXIT_YIELD, 0, why);
}

int emulate_diag(struct emu *em)
{
	struct s390_stats *st = &em->p->arch.stats;
	u32 code = (u32)(emu_addr_d2b2(em) & 0xffff);

	if (emu_problem_state(em)) {
		stat_inc(&st->insn[SI_DIAG_OTHER]);
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	}
	switch (code) {
	case 0x44:
		stat_inc(&st->insn[SI_DIAG44]);
		diag_44_trace(em);
		return diag_yield(em, "yield");
	case 0x9c:
		stat_inc(&st->insn[SI_DIAG9C]);
		return diag_yield(em, "directed yield");
	case 0x288:
		stat_inc(&st->insn[SI_DIAG288]);
		return diag_288(em);
	case 0x308:
		stat_inc(&st->insn[SI_DIAG308]);
		return diag_308(em);
	case 0x318:
		stat_inc(&st->insn[SI_DIAG318]);
		return diag_318(em);
	default:
		stat_inc(&st->insn[SI_DIAG_OTHER]);
		return emu_pgm(em, PGM_SPECIFICATION);
	}
}
