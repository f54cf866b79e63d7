/* SPDX-License-Identifier: MIT */
/* Storage-testing and storage-key instructions: TPROT, ISKE, SSKE, RRBE.
 *
 * Hercules' SIE executes them for the guest as long as the host DAT
 * tables translate the operand; where they do not (a guest absolute
 * address between two memory slots, a hole of the partition's storage),
 * it intercepts the instruction instead of presenting a host exception.
 * The answer there is the guest's addressing exception, as on a machine
 * whose storage has that hole. Where the operand is storage, the key
 * instructions act on the host frame behind it: under Hercules' SIE a
 * guest's storage keys are its backing frames' (arch/skey.h). */
#include <arch/emulate.h>
#include <arch/gmem.h>
#include <arch/skey.h>

#include "hv/lib.h"

#define CR0_FETCH_PROT_OVERRIDE (1ull << (63 - 38))
#define CR0_STORAGE_PROT_OVERRIDE (1ull << (63 - 39))

/* The host frame behind a guest real address, or 0 if none backs it. */
static u64 frame_of_real(struct emu *em, u64 real, bool write)
{
	u64 abs = real_to_abs(real & ~0xfffull, em->cpu->prefix);
	void *hp = partition_gpa_ptr(em->p, gpa(abs), 4096, write);

	return hp ? (u64)(unsigned long)hp : 0;
}

/* RRE operand 2: a real address in the PSW's addressing mode. */
static u64 rre_real(struct emu *em)
{
	return emu_wrap(em->cpu, em->cpu->gprs[emu_rre_r2(em)]);
}

int emulate_iske(struct emu *em)
{
	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	u64 frame = frame_of_real(em, rre_real(em), false);
	if (!frame)
		return emu_pgm(em, PGM_ADDRESSING);
	u64 *r1 = &em->cpu->gprs[emu_rre_r1(em)];
	*r1 = (*r1 & ~0xffull) | (skey_insert(frame) & 0xfe);
	return EMU_CONTINUE;
}

int emulate_rrbe(struct emu *em)
{
	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	u64 frame = frame_of_real(em, rre_real(em), false);
	if (!frame)
		return emu_pgm(em, PGM_ADDRESSING);
	psw_set_cc(&em->cpu->psw, (unsigned)skey_reset_reference(frame));
	return EMU_CONTINUE;
}

/* SSKE R1,R2,M3. The guest machine offers conditional SSKE (facility 10)
 * but not EDAT-1 (8): the multiple-block bit is ignored. */
int emulate_sske(struct emu *em)
{
	unsigned m3 = (em->insn[2] >> 4) & ~(unsigned)SSKE_MB;

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	/* A read-only slot's frames are the host's to key, not the guest's. */
	u64 frame = frame_of_real(em, rre_real(em), true);
	if (!frame)
		return emu_pgm(em, PGM_ADDRESSING);
	u64 *r1 = &em->cpu->gprs[emu_rre_r1(em)];
	u64 v = *r1;
	int cc = skey_set(frame, &v, m3);
	if (m3 & (SSKE_MR | SSKE_MC)) {
		/* Conditional: the old key in R1 bits 48-55, cc 0 or 1. */
		*r1 = (*r1 & ~0xff00ull) | (v & 0xff00ull);
		psw_set_cc(&em->cpu->psw, (unsigned)cc);
	}
	return EMU_CONTINUE;
}

/* TPROT D1(B1),D2(B2): may the access key in bits 56-59 of the second
 * operand address fetch from / store into the first operand location?
 * cc 0 both, 1 fetch only, 2 neither, 3 translation not available. */
int emulate_tprot(struct emu *em)
{
	struct s390_cpu *cpu = em->cpu;
	unsigned b1 = em->insn[2] >> 4, b2 = em->insn[4] >> 4;
	u64 d1 = (u64)(em->insn[2] & 0xf) << 8 | em->insn[3];
	u64 d2 = (u64)(em->insn[4] & 0xf) << 8 | em->insn[5];
	u64 addr = emu_wrap(cpu, (b1 ? cpu->gprs[b1] : 0) + d1);
	u8 akey = (u8)(((b2 ? cpu->gprs[b2] : 0) + d2) >> 4) & 0xf;
	u64 abs, teid;

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	int rc = gmem_translate(em->p, cpu, addr, false, &abs, &teid);
	switch (rc) {
	case 0:
		break;
	case PGM_ADDRESSING:
	case PGM_TRANSLATION_SPEC:
		return emu_pgm(em, (u16)rc); /* tables outside storage, or malformed */
	default:
		psw_set_cc(&cpu->psw, 3); /* a translation exception: not available */
		return EMU_CONTINUE;
	}
	void *hp = partition_gpa_ptr(em->p, gpa(abs & ~0xfffull), 4096, false);
	if (!hp)
		return emu_pgm(em, PGM_ADDRESSING);
	u8 skey = skey_insert((u64)(unsigned long)hp);
	u8 k = skey >> 4;
	bool fetch = akey == 0 || akey == k || !(skey & SKEY_FETCH) ||
	             ((cpu->crs[0] & CR0_FETCH_PROT_OVERRIDE) && addr < 2048);
	bool store =
	    akey == 0 || akey == k || ((cpu->crs[0] & CR0_STORAGE_PROT_OVERRIDE) && k == 9);
	/* DAT protection, low-address protection and read-only storage. */
	if (store && (gmem_translate(em->p, cpu, addr, true, &abs, &teid) != 0 ||
	              !partition_gpa_ptr(em->p, gpa(abs & ~0xfffull), 4096, true)))
		store = false;
	psw_set_cc(&cpu->psw, !fetch ? 2 : !store ? 1 : 0);
	return EMU_CONTINUE;
}
