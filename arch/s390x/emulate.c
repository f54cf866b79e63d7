/* SPDX-License-Identifier: MIT */
/* The instruction emulation layer's entry: decode helpers, program
 * interruptions for the instruction at hand, guest storage access, and the
 * dispatcher that sends each intercepted instruction to its handler (and
 * counts it). Small handlers without a module of their own live here. */
#include <arch/be.h>
#include <arch/emulate.h>
#include <arch/gmem.h>
#include <arch/inject.h>

#include "hv/arch/timer.h"
#include "hv/lib.h"

u64 emu_wrap(const struct s390_cpu *cpu, u64 addr)
{
	if (cpu->psw.mask & PSW_MASK_EA)
		return addr;
	if (cpu->psw.mask & PSW_MASK_BA)
		return addr & 0x7fffffffull;
	return addr & 0xffffffull;
}

u64 emu_addr_d2b2(const struct emu *em)
{
	unsigned b2 = em->insn[2] >> 4;
	u64 d2 = (u64)(em->insn[2] & 0xf) << 8 | em->insn[3];

	return emu_wrap(em->cpu, (b2 ? em->cpu->gprs[b2] : 0) + d2);
}

int emu_pgm(struct emu *em, u16 code)
{
	if (inject_pgm(em->v, code, em->ilen, 0, 0) != HV_OK)
		return emu_exit(em, VEXIT_FAULT, 1, "program interruption 0x%04x, no lowcore",
		                code);
	return EMU_CONTINUE;
}

int emu_pgm_nullify(struct emu *em, u16 code, u64 teid)
{
	em->cpu->psw.addr = emu_wrap(em->cpu, em->cpu->psw.addr - em->ilen);
	if (inject_pgm(em->v, code, em->ilen, teid, 0) != HV_OK)
		return emu_exit(em, VEXIT_FAULT, 1, "program interruption 0x%04x, no lowcore",
		                code);
	return EMU_CONTINUE;
}

bool emu_problem_state(struct emu *em)
{
	return (em->cpu->psw.mask & PSW_MASK_PSTATE) != 0;
}

/* Translation exceptions nullify; addressing and protection suppress. */
static int access_fault(struct emu *em, int code, u64 teid)
{
	switch (code) {
	case PGM_SEGMENT_TRANSLATION:
	case PGM_PAGE_TRANSLATION:
	case PGM_ASCE_TYPE:
	case PGM_REGION_FIRST_TRANS:
	case PGM_REGION_SECOND_TRANS:
	case PGM_REGION_THIRD_TRANS:
		emu_pgm_nullify(em, (u16)code, teid);
		break;
	default:
		if (inject_pgm(em->v, (u16)code, em->ilen, teid, 0) != HV_OK)
			emu_exit(em, VEXIT_FAULT, 1, "program interruption, no lowcore");
	}
	return code;
}

int emu_read(struct emu *em, u64 addr, void *buf, u32 len)
{
	u64 teid = 0;
	int rc = gmem_read(em->p, em->cpu, addr, buf, len, &teid);

	return rc ? access_fault(em, rc, teid) : 0;
}

int emu_write(struct emu *em, u64 addr, const void *buf, u32 len)
{
	u64 teid = 0;
	int rc = gmem_write(em->p, em->cpu, addr, buf, len, &teid);

	return rc ? access_fault(em, rc, teid) : 0;
}

int emu_exit(struct emu *em, u32 kind, int status, const char *fmt, ...)
{
	va_list ap;

	em->e->kind = kind;
	em->e->status = status;
	va_start(ap, fmt);
	hv_vsnprintf(em->e->why, sizeof(em->e->why), fmt, ap);
	va_end(ap);
	return EMU_EXIT;
}

void emu_exit_info(struct vcpu_exit *e, u32 kind, int status, const char *why)
{
	e->kind = kind;
	e->status = status;
	hv_snprintf(e->why, sizeof(e->why), "%s", why);
}

/* --- small handlers ----------------------------------------------------- */

/* Facilities offered (bit 0 = the leftmost). Under SIE the guest's
 * instructions run on the machine's CPU, so the list is a subset of what
 * Hercules' z196-level CPU executes, less what Tern does not emulate for
 * intercepted instructions: no EDAT (8: the operand walker in gmem.c knows
 * 4 KiB pages only), no configuration topology (11: STSI 15 answers cc 3),
 * no vector (129), no extended-length SCCB (140). */
#define FAC(n) (1ull << (63 - (n)))
const u64 tern_facilities[TERN_FACILITY_DWORDS] = {
    FAC(0) | FAC(1) | FAC(2) | FAC(3) | FAC(7) | /* N3, z/Arch, DAT-enh., STFLE */
        FAC(9) | FAC(10) |                       /* sense running status, cond. SSKE */
        FAC(16) | FAC(17) | FAC(18) | FAC(19) | FAC(20) | FAC(21) | FAC(22) | FAC(23) | FAC(24) |
        FAC(25) | FAC(26) | FAC(27) | FAC(28) | FAC(30) | FAC(31) | FAC(32) | FAC(33) | FAC(34) |
        FAC(35) | FAC(41) | FAC(42) | FAC(45),
    0,
};

u64 emulate_cpuid(const struct vcpu *v)
{
	/* Version ff: a virtual CPU. CPU identification: the partition and
	 * the vCPU. Machine type 8561, as QEMU's default model reports. */
	return 0xff00000000000000ull | (u64)(v->part->id & 0xff) << 48 |
	       (u64)(v->id & 0xffff) << 32 | 0x8561ull << 16;
}

int emulate_stidp(struct emu *em)
{
	u64 addr = emu_addr_d2b2(em);
	u8 b[8];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	if (addr & 7)
		return emu_pgm(em, PGM_SPECIFICATION);
	put_be64(b, emulate_cpuid(em->v));
	emu_write(em, addr, b, 8);
	return EMU_CONTINUE;
}

/* STFL stores facility bits 0-31 at real location 200 (0xc8). */
int emulate_stfl(struct emu *em)
{
	u8 b[4];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	put_be32(b, (u32)(tern_facilities[0] >> 32));
	if (!gmem_write_abs(em->p, (u64)em->cpu->prefix + 0xc8, b, 4))
		return emu_exit(em, VEXIT_FAULT, 1, "STFL: lowcore is not storage");
	return EMU_CONTINUE;
}

/* STFLE: r0 bits 56-63 = doublewords provided - 1; cc 3 if too few. */
int emulate_stfle(struct emu *em)
{
	u64 addr = emu_addr_d2b2(em);
	u32 have = (u32)(em->cpu->gprs[0] & 0xff) + 1, n = TERN_FACILITY_DWORDS;
	u8 b[8 * TERN_FACILITY_DWORDS];

	if (have < n)
		n = have;
	if (addr & 7)
		return emu_pgm(em, PGM_SPECIFICATION);
	for (u32 i = 0; i < n; i++)
		put_be64(b + 8 * i, tern_facilities[i]);
	if (emu_write(em, addr, b, 8 * n))
		return EMU_CONTINUE;
	em->cpu->gprs[0] = (em->cpu->gprs[0] & ~0xffull) | (TERN_FACILITY_DWORDS - 1);
	psw_set_cc(&em->cpu->psw, have >= TERN_FACILITY_DWORDS ? 0 : 3);
	return EMU_CONTINUE;
}

int emulate_spx(struct emu *em)
{
	u64 addr = emu_addr_d2b2(em);
	u8 b[4];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	if (addr & 3)
		return emu_pgm(em, PGM_SPECIFICATION);
	if (emu_read(em, addr, b, 4))
		return EMU_CONTINUE;
	u32 prefix = get_be32(b) & 0x7fffe000u;
	if (!partition_gpa_ptr(em->p, gpa(prefix), 0x2000, true))
		return emu_pgm(em, PGM_ADDRESSING);
	em->cpu->prefix = prefix;
	return EMU_CONTINUE;
}

int emulate_stpx(struct emu *em)
{
	u64 addr = emu_addr_d2b2(em);
	u8 b[4];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	if (addr & 3)
		return emu_pgm(em, PGM_SPECIFICATION);
	put_be32(b, em->cpu->prefix);
	emu_write(em, addr, b, 4);
	return EMU_CONTINUE;
}

int emulate_stap(struct emu *em)
{
	u64 addr = emu_addr_d2b2(em);
	u8 b[2];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	if (addr & 1)
		return emu_pgm(em, PGM_SPECIFICATION);
	put_be16(b, (u16)em->v->id);
	emu_write(em, addr, b, 2);
	return EMU_CONTINUE;
}

/* SET CLOCK: the guest's TOD becomes the operand; kept as the epoch. */
int emulate_sck(struct emu *em)
{
	u64 addr = emu_addr_d2b2(em);
	u8 b[8];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	if (addr & 7)
		return emu_pgm(em, PGM_SPECIFICATION);
	if (emu_read(em, addr, b, 8))
		return EMU_CONTINUE;
	em->cpu->epoch = get_be64(b) - arch_timer_now();
	psw_set_cc(&em->cpu->psw, 0);
	return EMU_CONTINUE;
}

/* TEST BLOCK: clear the 4 KiB block at the real address in r2; usable. */
int emulate_tb(struct emu *em)
{
	static const u8 zero[256];
	u64 real = emu_wrap(em->cpu, em->cpu->gprs[emu_rre_r2(em)]) & ~0xfffull;
	u64 abs = real_to_abs(real, em->cpu->prefix);

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	int rc = gmem_abs_store_check(em->p, abs, 4096);
	if (rc)
		return emu_pgm(em, (u16)rc); /* addressing, or a read-only slot */
	for (u32 off = 0; off < 4096; off += sizeof(zero))
		gmem_write_abs(em->p, abs + off, zero, sizeof(zero));
	em->cpu->gprs[0] = 0;
	psw_set_cc(&em->cpu->psw, 0);
	return EMU_CONTINUE;
}

/* --- the dispatcher --------------------------------------------------------- */

struct b2_entry {
	int (*fn)(struct emu *em);
	u8 stat;
};

static const struct b2_entry b2_table[256] = {
    [0x02] = {emulate_stidp, SI_STIDP}, [0x04] = {emulate_sck, SI_SCK},
    [0x10] = {emulate_spx, SI_SPX},     [0x11] = {emulate_stpx, SI_STPX},
    [0x12] = {emulate_stap, SI_STAP},   [0x20] = {emulate_servc, SI_SERVC},
    [0x29] = {emulate_iske, SI_SKEY},   [0x2a] = {emulate_rrbe, SI_SKEY},
    [0x2b] = {emulate_sske, SI_SKEY},   [0x2c] = {emulate_tb, SI_TB},
    [0x5f] = {emulate_chsc, SI_CHSC},   [0x7d] = {emulate_stsi, SI_STSI},
    [0xb0] = {emulate_stfle, SI_STFLE}, [0xb1] = {emulate_stfl, SI_STFL},
};

int emulate_insn(struct emu *em)
{
	struct s390_stats *st = &em->p->arch.stats;
	u8 op = em->insn[0];

	if (op == 0x83)
		return emulate_diag(em); /* counts by function code itself */
	if (op == 0xae) {
		stat_inc(&st->insn[SI_SIGP]);
		return emulate_sigp(em);
	}
	if (op == 0xb2) {
		u8 op2 = em->insn[1];
		if (emulate_is_io(op2)) {
			stat_inc(&st->insn[SI_IO]);
			return emulate_io(em);
		}
		if (b2_table[op2].fn) {
			stat_inc(&st->insn[b2_table[op2].stat]);
			return b2_table[op2].fn(em);
		}
	}
	if (op == 0xe5 && em->insn[1] == 0x01) {
		stat_inc(&st->insn[SI_TPROT]);
		return emulate_tprot(em);
	}
	/* Intercepted, yet nothing Tern emulates (SIE itself: the guest
	 * machine has no SIEF2): the guest sees the machine lack it. */
	stat_inc(&st->insn[SI_OTHER]);
	return emu_pgm(em, PGM_OPERATION);
}
