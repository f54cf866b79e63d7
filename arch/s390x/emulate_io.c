/* SPDX-License-Identifier: MIT */
/* Every guest I/O instruction, in one place: the channel subsystem a
 * partition sees has no devices yet (CCW passthrough will fill this in).
 * The architected answers of an empty channel subsystem: subchannel
 * instructions with a valid subsystem-identification word get cc 3 (not
 * operational), TPI finds nothing (cc 0), STCRW has no report (cc 1),
 * CHSC answers its requests with nothing; operands are checked first,
 * as the instructions define (operand and specification exceptions). */
#include <arch/be.h>
#include <arch/emulate.h>

#include "hv/lib.h"

#define CSCH 0x30
#define HSCH 0x31
#define MSCH 0x32
#define SSCH 0x33
#define STSCH 0x34
#define TSCH 0x35
#define TPI 0x36
#define SAL 0x37
#define RSCH 0x38
#define STCRW 0x39
#define STCPS 0x3a
#define RCHP 0x3b
#define SCHM 0x3c
#define XSCH 0x76

#define CHSC_AREA 4096
#define CHSC_SSD 0x0004
#define CHSC_RESP_OK 0x0001
#define CHSC_RESP_INVALID 0x0003
#define CHSC_RESP_NOT_SUPPORTED 0x0004

bool emulate_is_io(u8 op2)
{
	return (op2 >= CSCH && op2 <= SCHM) || op2 == XSCH;
}

/* r1 must hold a subsystem-identification word: 0x0001 in bits 32-47
 * (with the subchannel set in bits 44-46), the subchannel number below. */
static bool sid_valid(u64 r1)
{
	u32 sid = (u32)r1;

	return (sid & 0xfff10000u) == 0x00010000u;
}

static int subchannel_insn(struct emu *em, u32 align, bool has_operand)
{
	struct s390_cpu *cpu = em->cpu;

	if (has_operand && (emu_addr_d2b2(em) & (align - 1)))
		return emu_pgm(em, PGM_SPECIFICATION);
	if (!sid_valid(cpu->gprs[1]))
		return emu_pgm(em, PGM_OPERAND);
	psw_set_cc(&cpu->psw, 3);
	return EMU_CONTINUE;
}

int emulate_io(struct emu *em)
{
	u8 op2 = em->insn[1];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	switch (op2) {
	case STSCH:
	case MSCH:
	case SSCH:
	case TSCH:
		return subchannel_insn(em, 4, true);
	case CSCH:
	case HSCH:
	case RSCH:
	case XSCH:
		return subchannel_insn(em, 1, false);
	case TPI: {
		u64 addr = emu_addr_d2b2(em);
		if (addr & 3)
			return emu_pgm(em, PGM_SPECIFICATION);
		psw_set_cc(&em->cpu->psw, 0); /* no interruption pending */
		return EMU_CONTINUE;
	}
	case STCRW: {
		static const u8 zero[4];
		u64 addr = emu_addr_d2b2(em);
		if (addr & 3)
			return emu_pgm(em, PGM_SPECIFICATION);
		if (emu_write(em, addr, zero, 4))
			return EMU_CONTINUE;
		psw_set_cc(&em->cpu->psw, 1); /* no channel report pending */
		return EMU_CONTINUE;
	}
	case STCPS:
	case RCHP:
		psw_set_cc(&em->cpu->psw, 3);
		return EMU_CONTINUE;
	case SAL:
	case SCHM:
	default:
		return EMU_CONTINUE;
	}
}

/* CHANNEL SUBSYSTEM CALL: r1 holds the address of a 4 KiB-aligned area
 * whose request block names the command; the response block follows it. */
int emulate_chsc(struct emu *em)
{
	u8 req[8], resp[16];
	u64 addr = emu_wrap(em->cpu, em->cpu->gprs[emu_rre_r1(em)]);

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	if (addr & 0xfff)
		return emu_pgm(em, PGM_SPECIFICATION);
	if (emu_read(em, addr, req, sizeof(req)))
		return EMU_CONTINUE;
	u32 len = get_be16(req), cmd = get_be16(req + 2);
	if (len < 16 || len > CHSC_AREA - 16 || (len & 7))
		return emu_pgm(em, PGM_OPERAND);
	memset(resp, 0, sizeof(resp));
	put_be16(resp, 8);
	switch (cmd) {
	case CHSC_SSD: /* store subchannel description: none to describe */
		put_be16(resp + 2, CHSC_RESP_OK);
		break;
	default:
		put_be16(resp + 2, CHSC_RESP_NOT_SUPPORTED);
		break;
	}
	if (emu_write(em, addr + len, resp, 8))
		return EMU_CONTINUE;
	psw_set_cc(&em->cpu->psw, 0);
	return EMU_CONTINUE;
}
