/* SPDX-License-Identifier: MIT */
/* Interruptions in the guest SDK: new PSWs, the C handlers behind the
 * stubs in crt0.S, external-interruption bookkeeping, enabled waits, and
 * program-interruption expectations. */
#include "sdk_internal.h"

#define EXT_CODES 8

struct cpu_irq {
	u32 pgm_armed;
	struct pgm_info pgm;
	u16 ext_code[EXT_CODES];
	u32 ext_cnt[EXT_CODES];
	u16 last_code;
	u16 last_cpu;
	u32 last_param;
	u32 in_fatal;
};

static struct cpu_irq cpu_irq[SDK_MAX_CPUS];
static ext_handler_t ext_user_handler;
static restart_handler_t restart_user_handler;

u16 sdk_cpu_index(void)
{
	return stap() & (SDK_MAX_CPUS - 1);
}

static struct cpu_irq *this_cpu(void)
{
	return &cpu_irq[sdk_cpu_index()];
}

void irq_install(unsigned long lc)
{
	static const struct {
		unsigned long off;
		const char *stub;
	} psws[] = {
	    {LC_RESTART_NEW_PSW, sdk_restart_stub}, {LC_EXT_NEW_PSW, sdk_ext_stub},
	    {LC_SVC_NEW_PSW, sdk_svc_stub},         {LC_PGM_NEW_PSW, sdk_pgm_stub},
	    {LC_MCCK_NEW_PSW, sdk_mcck_stub},       {LC_IO_NEW_PSW, sdk_io_stub},
	};
	for (size_t i = 0; i < ARRAY_SIZE(psws); i++) {
		lc_write64(lc + psws[i].off, PSW_MASK_64);
		lc_write64(lc + psws[i].off + 8, (u64)(unsigned long)psws[i].stub);
	}
}

void ext_set_handler(ext_handler_t h)
{
	ext_user_handler = h;
}

static void count_ext(struct cpu_irq *s, u16 code)
{
	for (int i = 0; i < EXT_CODES; i++) {
		if (s->ext_code[i] == code || s->ext_cnt[i] == 0) {
			s->ext_code[i] = code;
			s->ext_cnt[i]++;
			return;
		}
	}
}

u32 ext_count(u16 code)
{
	struct cpu_irq *s = this_cpu();

	for (int i = 0; i < EXT_CODES; i++)
		if (s->ext_cnt[i] && s->ext_code[i] == code)
			return READ_ONCE(s->ext_cnt[i]);
	return 0;
}

u16 ext_last_code(void)
{
	return READ_ONCE(this_cpu()->last_code);
}

u16 ext_last_cpu_addr(void)
{
	return READ_ONCE(this_cpu()->last_cpu);
}

u32 ext_last_param(void)
{
	return READ_ONCE(this_cpu()->last_param);
}

void sdk_ext_handler(struct irq_ctx *c)
{
	struct cpu_irq *s = this_cpu();
	u16 code = lc_read16(LC_EXT_INT_CODE);
	u32 param = lc_read32(LC_EXT_PARAMS);
	u16 cpu = lc_read16(LC_EXT_CPU_ADDR);

	s->last_code = code;
	s->last_cpu = cpu;
	s->last_param = param;
	count_ext(s, code);
	switch (code) {
	case EXT_SERVICE_SIG:
		sclp_signal(param);
		break;
	case EXT_CLOCK_COMP: /* pending while TOD > CKC: make it go away */
		set_clock_comparator(~0ull);
		break;
	case EXT_CPU_TIMER: /* pending while the CPU timer is negative */
		set_cpu_timer(0x7fffffffffffffffll);
		break;
	default:
		break;
	}
	if (ext_user_handler)
		ext_user_handler(code, param, cpu);
	/* Leave an enabled wait: resume after it, still enabled. */
	c->psw.mask &= ~PSW_MASK_WAIT;
}

static __noreturn void fatal(const char *what, const struct irq_ctx *c, u16 code)
{
	struct cpu_irq *s = this_cpu();

	if (s->in_fatal++) {
		/* Faulted while reporting: stop without the console. */
		struct psw w = {PSW_MASK_WAIT | PSW_MASK_64, 0xdead0fe0};
		__asm__ volatile("lpswe %0" : : "Q"(w) : "memory");
		for (;;) {
		}
	}
	printf("sdk: unexpected %s interruption code 0x%04x on cpu %u, old psw %016llx "
	       "%016llx\n",
	       what, code, stap(), (unsigned long long)c->psw.mask,
	       (unsigned long long)c->psw.addr);
	printf("sdk: r14 %016llx r15 %016llx\n", (unsigned long long)c->gprs[14],
	       (unsigned long long)c->gprs[15]);
	sdk_exit(3);
}

static bool pgm_nullifying(u16 code)
{
	switch (code & 0x7f) {
	case 0x10: /* segment translation */
	case 0x11: /* page translation */
	case 0x38: /* ASCE type */
	case 0x39: /* region first */
	case 0x3a: /* region second */
	case 0x3b: /* region third */
		return true;
	default:
		return false;
	}
}

void sdk_pgm_handler(struct irq_ctx *c)
{
	struct cpu_irq *s = this_cpu();
	u16 code = lc_read16(LC_PGM_CODE);
	u16 ilc = lc_read16(LC_PGM_ILC) & 0x6;

	if (!s->pgm_armed)
		fatal("program", c, code);
	s->pgm_armed = 0;
	s->pgm.code = code;
	s->pgm.ilc = ilc;
	s->pgm.old = c->psw;
	s->pgm.teid = lc_read64(LC_TEID);
	if (pgm_nullifying(code))
		c->psw.addr += ilc;
}

void pgm_expect(void)
{
	struct cpu_irq *s = this_cpu();

	memset(&s->pgm, 0, sizeof(s->pgm));
	barrier();
	WRITE_ONCE(s->pgm_armed, 1);
	barrier();
}

u16 pgm_result(struct pgm_info *out)
{
	struct cpu_irq *s = this_cpu();

	barrier();
	WRITE_ONCE(s->pgm_armed, 0);
	if (out)
		*out = s->pgm;
	return s->pgm.code;
}

void sdk_svc_handler(struct irq_ctx *c)
{
	u16 code = lc_read16(LC_SVC_CODE);

	if (code != 255)
		fatal("supervisor-call", c, code);
	c->psw.mask &= ~PSW_MASK_PSTATE; /* back from run_in_problem_state() */
}

void sdk_io_handler(struct irq_ctx *c)
{
	fatal("I/O", c, 0);
}

void sdk_mcck_handler(struct irq_ctx *c)
{
	fatal("machine-check", c, 0);
}

void restart_set_handler(restart_handler_t h)
{
	restart_user_handler = h;
}

void restart_arm(void)
{
	lc_write64(LC_RESTART_NEW_PSW, PSW_MASK_64);
	lc_write64(LC_RESTART_NEW_PSW + 8, (u64)(unsigned long)sdk_restart_stub);
}

void sdk_restart_handler(struct irq_ctx *c)
{
	if (!restart_user_handler)
		fatal("restart", c, 0);
	restart_user_handler(c);
}

void wait_for_ext(void)
{
	struct psw w = {PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64, 0};

	/* The handler clears the wait bit in the old PSW: we resume at 0:
	 * with external interruptions still enabled, and disable them. */
	__asm__ volatile("larl %%r1,0f\n"
	                 "stg %%r1,8(%[w])\n"
	                 "lpswe 0(%[w])\n"
	                 "0:\n"
	                 :
	                 : [w] "a"(&w)
	                 : "r1", "cc", "memory");
	irq_disable();
}

bool wait_for_flag(const volatile u32 *flag, u64 timeout_us)
{
	u64 start = stck();
	bool seen = false;
	u8 mask = irq_disable();

	for (;;) {
		if (*flag) {
			seen = true;
			break;
		}
		if (timeout_us && stck() - start > timeout_us * TOD_PER_US)
			break;
		/* A window for external interruptions. */
		irq_restore(mask | 0x01);
		barrier();
		irq_disable();
	}
	irq_restore(mask);
	return seen;
}

void udelay(u64 us)
{
	u64 start = stck();

	while (stck() - start < us * TOD_PER_US)
		cpu_relax();
}

u8 sdk_lock(struct sdk_lock *l)
{
	u8 mask = irq_disable();

	while (__atomic_exchange_n(&l->v, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(l->v))
			cpu_relax();
	return mask;
}

void sdk_unlock(struct sdk_lock *l, u8 mask)
{
	__atomic_store_n(&l->v, 0, __ATOMIC_RELEASE);
	irq_restore(mask);
}

void sdk_start(void)
{
	irq_install(0);
	sdk_exit(main());
}
