/* SPDX-License-Identifier: MIT */
/* The instruction emulation layer: one handler per intercepted instruction,
 * written against struct emu (the vCPU's architected state and the
 * instruction bytes), never against a SIE state description, so that the
 * SIE backend and a trap-and-emulate backend share every handler.
 *
 * On entry cpu->psw points after the instruction. A handler updates
 * registers, the PSW condition code and guest storage, presents program
 * interruptions with emu_pgm(), and returns EMU_CONTINUE, or EMU_EXIT with
 * *e filled when core must act (the guest waits, stops, ends, resets). */
#ifndef ARCH_EMULATE_H
#define ARCH_EMULATE_H

#include "arch/guest.h"
#include "arch/stats.h"
#include "hv/vcpu.h"

enum emu_result {
	EMU_CONTINUE = 0,
	EMU_EXIT = 1,
};

struct emu {
	struct vcpu *v;
	struct partition *p;
	struct s390_cpu *cpu;
	u8 insn[6];
	u32 ilen;
	struct vcpu_exit *e;
};

/* Decoding. */
static inline unsigned emu_rre_r1(const struct emu *em)
{
	return em->insn[3] >> 4;
}
static inline unsigned emu_rre_r2(const struct emu *em)
{
	return em->insn[3] & 0xf;
}
static inline unsigned emu_rs_r1(const struct emu *em)
{
	return em->insn[1] >> 4;
}
static inline unsigned emu_rs_r3(const struct emu *em)
{
	return em->insn[1] & 0xf;
}
/* The second-operand address of S, RS and RX-less formats: D2(B2) at bytes 2-3. */
u64 emu_addr_d2b2(const struct emu *em);
/* Wrap an address to the PSW's addressing mode. */
u64 emu_wrap(const struct s390_cpu *cpu, u64 addr);

/* Present program interruption `code` for this instruction: suppression
 * and termination keep the PSW after it, nullification rewinds it. */
int emu_pgm(struct emu *em, u16 code);
int emu_pgm_nullify(struct emu *em, u16 code, u64 teid);
/* A privileged instruction in problem state. */
bool emu_problem_state(struct emu *em);

/* Guest storage at a logical address (the PSW's address space when DAT
 * is on, real otherwise). Return 0, or the program interruption code the
 * access raises (already presented to the guest: the handler just returns). */
int emu_read(struct emu *em, u64 addr, void *buf, u32 len);
int emu_write(struct emu *em, u64 addr, const void *buf, u32 len);

/* End the guest's partition, reset it, or stop this vCPU. */
int emu_exit(struct emu *em, u32 kind, int status, const char *fmt, ...) __printf(4, 5);

/* Fill an exit outside an instruction (kind, status, why). */
void emu_exit_info(struct vcpu_exit *e, u32 kind, int status, const char *why);

/* The partition's DIAG 0x288 watchdog, from the run loop of any of its
 * vCPUs: if it expired, act as the partition's features say (re-IPL by
 * default; S390_FEAT_WDT_RESTART: a restart interruption on vCPU 0, the
 * run goes on; S390_FEAT_WDT_STOP: the partition ends with status 1).
 * Returns true when *e tells the run loop to leave. */
bool diag288_expired(struct vcpu *v, u64 now, struct vcpu_exit *e);

/* The dispatcher: every intercepted instruction enters here. */
int emulate_insn(struct emu *em);

/* Handlers (emulate_*.c). */
int emulate_servc(struct emu *em);
int emulate_stsi(struct emu *em);
int emulate_sigp(struct emu *em);
int emulate_diag(struct emu *em);
int emulate_io(struct emu *em);
int emulate_chsc(struct emu *em);
int emulate_stidp(struct emu *em);
int emulate_stfl(struct emu *em);
int emulate_stfle(struct emu *em);
int emulate_spx(struct emu *em);
int emulate_stpx(struct emu *em);
int emulate_stap(struct emu *em);
int emulate_sck(struct emu *em);
int emulate_tb(struct emu *em);
int emulate_tprot(struct emu *em);
int emulate_iske(struct emu *em);
int emulate_sske(struct emu *em);
int emulate_rrbe(struct emu *em);

/* Which I/O instruction (B2xx second byte) emulate_io() handles. */
bool emulate_is_io(u8 op2);

/* The facility list Tern offers (STFL, STFLE): doublewords, bit 0 first. */
#define TERN_FACILITY_DWORDS 2
extern const u64 tern_facilities[TERN_FACILITY_DWORDS];

/* CPU identification (STIDP) of a vCPU: version ff marks a virtual CPU. */
u64 emulate_cpuid(const struct vcpu *v);

/* SCLP (emulate_sclp.c): what a guest's SERVC does to partition p. */
#define SCLP_SERVC_CC_BUSY 2

#endif
