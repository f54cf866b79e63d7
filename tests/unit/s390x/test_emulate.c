/* SPDX-License-Identifier: MIT */
/* The s390x emulation layer on the host: SCLP, STSI, SIGP, DIAG, I/O and
 * interrupt injection, with guest input that is wrong on purpose. */
#include "harness.h"

#include <arch/features.h>
#include <arch/inject.h>
#include <arch/lowcore.h>

#include "check.h"

static const u8 SERVC_R1_R2[6] = {0xb2, 0x20, 0x00, 0x12}; /* servc r1,r2 */
static struct vcpu_exit e;

static unsigned cc(const struct vcpu *v)
{
	return (unsigned)((v->arch.cpu.psw.mask >> PSW_CC_SHIFT) & 3);
}

/* A SERVC as a guest issues it after the previous command's service
 * signal was presented (the SDK waits for it): SERVC is free again. */
static void servc(u32 cmd, u64 sccb)
{
	part.arch.servc_busy = 0;
	vcpu[0].arch.cpu.gprs[1] = cmd;
	vcpu[0].arch.cpu.gprs[2] = sccb;
	run_insn(&vcpu[0], SERVC_R1_R2, &e);
}

TEST(sclp_read_scp_info)
{
	harness_reset(S390_FEAT_DIAG318);
	g_put(0x4000, 2, 4096);
	servc(0x00020001, 0x4000);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(g_get(0x4006, 2), 0x0010);
	EXPECT_EQ(g_get(0x4008, 2), 1); /* rnmax: 1 x 1 MiB */
	EXPECT_EQ(g_get(0x400a, 1), 1);
	EXPECT_EQ(g_get(0x4010, 2), 2); /* two CPUs */
	EXPECT_EQ(g_get(0x4012, 2), 144);
	EXPECT_EQ(g_get(0x4000 + 134, 1), 0x80); /* DIAG 318 offered */
	EXPECT_EQ(g_get(0x4000 + 144 + 16, 1), 1);
	EXPECT_EQ(part.arch.service_pending, 1);
	EXPECT_EQ(part.arch.service_param, 0x4000);
	EXPECT_EQ(last_pgm(), 0);

	harness_reset(0);
	g_put(0x4000, 2, 4096);
	servc(0x00120001, 0x4000); /* FORCED */
	EXPECT_EQ(g_get(0x4000 + 134, 1), 0);
	/* An SCCB too short for two CPU entries. */
	g_put(0x5000, 2, 130);
	servc(0x00020001, 0x5000);
	EXPECT_EQ(g_get(0x5006, 2), 0x0300);
}

TEST(sclp_busy_until_the_signal_is_presented)
{
	harness_reset(0);
	g_put(0x4000, 2, 4096);
	servc(0x00020001, 0x4000);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(part.arch.servc_busy, 1);
	/* A second command before the signal: busy, nothing done. */
	g_put(0x5000, 2, 4096);
	g_put(0x5006, 2, 0);
	vcpu[0].arch.cpu.gprs[1] = 0x00020001;
	vcpu[0].arch.cpu.gprs[2] = 0x5000;
	run_insn(&vcpu[0], SERVC_R1_R2, &e);
	EXPECT_EQ(cc(&vcpu[0]), 2);
	EXPECT_EQ(g_get(0x5006, 2), 0);
	EXPECT_EQ(part.arch.service_param, 0x4000);
	/* A program exception does not keep SERVC busy. */
	part.arch.servc_busy = 0;
	vcpu[0].arch.cpu.gprs[2] = 0x200000; /* beyond the partition */
	run_insn(&vcpu[0], SERVC_R1_R2, &e);
	EXPECT_EQ(last_pgm(), PGM_ADDRESSING);
	EXPECT_EQ(part.arch.servc_busy, 0);
}

TEST(sclp_hostile_sccbs)
{
	harness_reset(0);
	servc(0x00020001, 0x4004); /* misaligned */
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);
	EXPECT_EQ(vcpu[0].arch.cpu.psw.addr, 0x8300); /* program new PSW */
	EXPECT_EQ(part.arch.service_pending, 0);

	harness_reset(0);
	servc(0x00020001, 0x1000); /* in the lowcore */
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);

	harness_reset(0);
	servc(0x00020001, 0x200000); /* beyond the partition */
	EXPECT_EQ(last_pgm(), PGM_ADDRESSING);

	harness_reset(0);
	servc(0x00020001, 0x80000000ull); /* above 2 GiB */
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);

	harness_reset(0);
	g_put(0x4f00, 2, 0x200); /* crosses a page */
	servc(0x00760005, 0x4f00);
	EXPECT_EQ(last_pgm(), 0);
	EXPECT_EQ(g_get(0x4f06, 2), 0x0100);

	harness_reset(0);
	g_put(0x4000, 2, 4); /* shorter than its header */
	servc(0x00760005, 0x4000);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);

	harness_reset(0);
	g_put(0x4000, 2, 32);
	g_put(0x4008, 2, 0x1000); /* event buffer longer than the SCCB */
	g_put(0x400a, 1, 0x1a);
	servc(0x00760005, 0x4000);
	EXPECT_EQ(g_get(0x4006, 2), 0x73f0);

	harness_reset(0);
	g_put(0x4000, 2, 16);
	servc(0x00990001, 0x4000);
	EXPECT_EQ(g_get(0x4006, 2), 0x01f0);
	servc(0x00770005, 0x4000);
	EXPECT_EQ(g_get(0x4006, 2), 0x60f0);

	harness_reset(0);
	vcpu[0].arch.cpu.psw.mask |= PSW_MASK_PSTATE;
	servc(0x00020001, 0x4000);
	EXPECT_EQ(last_pgm(), PGM_PRIVILEGED_OP);
}

TEST(sclp_console)
{
	harness_reset(0);
	g_put(0x4000, 2, 8 + 6 + 3);
	g_put(0x4008, 2, 6 + 3);
	g_put(0x400a, 1, 0x1a);
	memcpy(guest_mem + 0x400e, "hi\n", 3);
	servc(0x00760005, 0x4000);
	EXPECT_EQ(g_get(0x4006, 2), 0x0020);
	EXPECT_EQ(g_get(0x400b, 1), 0x80); /* accepted */
	EXPECT_STR(console_out, "hi\n");

	/* Line mode: MDB header and one MTO with "OK" in EBCDIC. */
	harness_reset(0);
	u64 ev = 0x4008, mto = ev + 6 + 12;
	g_put(mto, 2, 10 + 2);
	g_put(mto + 2, 2, 4);
	g_put(mto + 10, 1, 0xd6);
	g_put(mto + 11, 1, 0xd2);
	g_put(ev, 2, 6 + 12 + 12);
	g_put(ev + 2, 1, 0x02);
	g_put(0x4000, 2, 8 + 30);
	servc(0x00760005, 0x4000);
	EXPECT_STR(console_out, "OK\n");

	/* WRITE EVENT MASK answers with the SCLP's masks. */
	harness_reset(0);
	g_put(0x4000, 2, 12 + 16);
	g_put(0x400a, 2, 4);
	g_put(0x4010, 4, 0x80000000u >> (0x1a - 1));
	servc(0x00780005, 0x4000);
	EXPECT_EQ(g_get(0x4006, 2), 0x0020);
	EXPECT_TRUE(g_get(0x4014, 4) & (0x80000000u >> 1)); /* accepts line mode */
	g_put(0x400a, 2, 0);
	servc(0x00780005, 0x4000);
	EXPECT_EQ(g_get(0x4006, 2), 0x74f0);
}

TEST(stsi_and_stidp)
{
	static const u8 stsi[6] = {0xb2, 0x7d, 0x00, 0x00}; /* stsi 0(r0): operand 0 */
	static const u8 stsi_r5[6] = {0xb2, 0x7d, 0x50, 0x00};
	static const u8 stidp_r5[6] = {0xb2, 0x02, 0x50, 0x00};

	harness_reset(0);
	struct s390_cpu *c = &vcpu[0].arch.cpu;
	run_insn(&vcpu[0], stsi, &e);
	EXPECT_EQ(c->gprs[0] >> 28, 3);
	c->gprs[5] = 0x6000;
	c->gprs[0] = 0x30000002;
	c->gprs[1] = 2;
	run_insn(&vcpu[0], stsi_r5, &e);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(g_get(0x6000 + 31, 1), 1);
	EXPECT_EQ(g_get(0x6000 + 56, 4), 0xe3c5d9d5); /* "TERN" */
	c->gprs[0] = 0x10000001;
	c->gprs[1] = 1;
	run_insn(&vcpu[0], stsi_r5, &e);
	EXPECT_EQ(g_get(0x6000 + 32, 4), 0xe3c5d9d5);
	c->gprs[0] = 0x20000001; /* 2.1.1: not offered */
	run_insn(&vcpu[0], stsi_r5, &e);
	EXPECT_EQ(cc(&vcpu[0]), 3);
	c->gprs[0] = 0x30000102; /* reserved bits */
	run_insn(&vcpu[0], stsi_r5, &e);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);

	harness_reset(0);
	vcpu[0].arch.cpu.gprs[5] = 0x6000;
	run_insn(&vcpu[0], stidp_r5, &e);
	EXPECT_EQ(g_get(0x6000, 1), 0xff);
	EXPECT_EQ(g_get(0x6004, 2), 0x8561);
	vcpu[0].arch.cpu.gprs[5] = 0x6004;
	run_insn(&vcpu[0], stidp_r5, &e);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);
}

static int sigp(u32 order, u64 addr, u64 param)
{
	u8 insn[6] = {0xae, 0x24, 0x00, (u8)order}; /* sigp r2,r4,order */

	vcpu[0].arch.cpu.gprs[3] = param;
	vcpu[0].arch.cpu.gprs[4] = addr;
	return run_insn(&vcpu[0], insn, &e);
}

TEST(sigp_orders)
{
	harness_reset(0);
	struct s390_cpu *c = &vcpu[0].arch.cpu;
	sigp(0x01, 7, 0);
	EXPECT_EQ(cc(&vcpu[0]), 3); /* no such CPU */
	sigp(0x01, 0xffff, 0);
	EXPECT_EQ(cc(&vcpu[0]), 3);
	c->gprs[2] = 0xffffffff00000000ull;
	sigp(0x01, 1, 0);
	EXPECT_EQ(cc(&vcpu[0]), 1);
	EXPECT_EQ(c->gprs[2], 0xffffffff00000040ull); /* stopped, high half kept */
	sigp(0x0d, 1, 0x20000);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(vcpu[1].arch.cpu.prefix, 0x20000);
	sigp(0x0d, 1, 0x7fffe000);
	EXPECT_EQ(cc(&vcpu[0]), 1);
	EXPECT_EQ((u32)c->gprs[2], 0x100); /* invalid parameter */
	sigp(0x06, 1, 0);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(vcpu[1].arch.stopped, 0);
	EXPECT_TRUE(vcpu[1].arch.requests & VREQ_RESTART);
	EXPECT_EQ(kicks, 1);
	vcpu[1].arch.requests = 0;
	sigp(0x0d, 1, 0x30000); /* not stopped now */
	EXPECT_EQ(cc(&vcpu[0]), 1);
	EXPECT_EQ((u32)c->gprs[2], 0x200);
	sigp(0x03, 1, 0);
	EXPECT_EQ(vcpu[1].arch.emerg_from, 1);
	sigp(0x02, 1, 0);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	sigp(0x02, 1, 0);
	EXPECT_EQ(cc(&vcpu[0]), 1);
	EXPECT_EQ((u32)c->gprs[2], 0x80); /* external call pending */
	sigp(0x15, 1, 0);
	EXPECT_EQ((u32)c->gprs[2], 0x400); /* not running */
	sigp(0x12, 0, 1);
	EXPECT_EQ(cc(&vcpu[0]), 1); /* cpu 1 not stopped */
	sigp(0x12, 0, 0);
	EXPECT_EQ((u32)c->gprs[2], 0x100); /* ESA/390: invalid parameter */
	sigp(0x05, 1, 0);
	EXPECT_TRUE(vcpu[1].arch.requests & VREQ_STOP);
	sigp(0x05, 1, 0);
	EXPECT_EQ(cc(&vcpu[0]), 2); /* busy until it acts */
	sigp(0x77, 1, 0);
	EXPECT_EQ((u32)c->gprs[2], 0x002);     /* invalid order */
	EXPECT_EQ(sigp(0x05, 0, 0), EMU_EXIT); /* stop itself */
	EXPECT_EQ(e.kind, VEXIT_STOPPED);

	/* Stop and store status of a stopped CPU with its own prefix: the
	 * save area at absolute 0x1200, byte 163 = 1 (z/Architecture). */
	harness_reset(0);
	vcpu[1].arch.cpu.prefix = 0x20000;
	vcpu[1].arch.cpu.gprs[7] = 0x7777;
	vcpu[1].arch.cpu.psw.addr = 0x12340;
	sigp(0x09, 1, 0);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(g_get(163, 1), 1);
	EXPECT_EQ(g_get(0x1200 + 0x80 + 7 * 8, 8), 0x7777);
	EXPECT_EQ(g_get(0x1200 + 0x108, 8), 0x12340);
	EXPECT_EQ(g_get(0x1200 + 0x118, 4), 0x20000);
	EXPECT_EQ(g_get(0x20000 + 0x1200 + 0x118, 4), 0); /* not in its prefix area */
	/* Store status at address: 512-byte aligned, no byte 163. */
	g_put(163, 1, 0);
	sigp(0x0e, 1, 0x30123);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(g_get(0x30000 + 0x118, 4), 0x20000);
	EXPECT_EQ(g_get(163, 1), 0);
	sigp(0x0e, 1, GUEST_MEM);
	EXPECT_EQ(cc(&vcpu[0]), 1);
	EXPECT_EQ((u32)c->gprs[2], 0x100); /* invalid parameter */
}

static u16 diag(u32 code, u64 r2, u64 r3)
{
	u8 insn[6] = {0x83, 0x23, (u8)(code >> 8), (u8)code};

	vcpu[0].arch.cpu.gprs[2] = r2;
	vcpu[0].arch.cpu.gprs[3] = r3;
	g_put(LC_PGM_CODE, 2, 0);
	run_insn(&vcpu[0], insn, &e);
	return last_pgm();
}

TEST(diagnose)
{
	harness_reset(0);
	EXPECT_EQ(diag(0x318, 0x0400000000000001ull, 0), PGM_SPECIFICATION);
	EXPECT_EQ(diag(0x999, 0, 0), PGM_SPECIFICATION);
	EXPECT_EQ(diag(0x308, 0, 9), PGM_SPECIFICATION);
	EXPECT_EQ(diag(0x308, 0, 3), 0);
	EXPECT_EQ(e.kind, VEXIT_RESET);
	EXPECT_EQ(diag(0x44, 0, 0), 0);
	EXPECT_EQ(e.kind, VEXIT_YIELD);
	/* diag r2,r3,0x288: R3 (the action) is R1 + 1 here, the timeout: not 0. */
	EXPECT_EQ(diag(0x288, 0, 30), PGM_SPECIFICATION);
	EXPECT_EQ(part.arch.wdt_deadline, 0);

	harness_reset(S390_FEAT_DIAG318);
	EXPECT_EQ(diag(0x318, 0x0400000000000001ull, 0), 0);
	EXPECT_EQ(part.arch.cpnc, 4);
	EXPECT_EQ(part.arch.cpvc, 1);
	EXPECT_CONTAINS(log_out, "cpnc=0x04");
}

TEST(io_instructions)
{
	static const u8 stsch[6] = {0xb2, 0x34, 0x50, 0x00};
	static const u8 tpi[6] = {0xb2, 0x36, 0x50, 0x00};
	static const u8 stcrw[6] = {0xb2, 0x39, 0x50, 0x00};
	static const u8 chsc[6] = {0xb2, 0x5f, 0x00, 0x50};

	harness_reset(0);
	struct s390_cpu *c = &vcpu[0].arch.cpu;
	c->gprs[5] = 0x6000;
	c->gprs[1] = 0x00010000;
	run_insn(&vcpu[0], stsch, &e);
	EXPECT_EQ(cc(&vcpu[0]), 3);
	c->gprs[1] = 0;
	run_insn(&vcpu[0], stsch, &e);
	EXPECT_EQ(last_pgm(), PGM_OPERAND);
	harness_reset(0);
	c->gprs[5] = 0x6000;
	run_insn(&vcpu[0], tpi, &e);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	run_insn(&vcpu[0], stcrw, &e);
	EXPECT_EQ(cc(&vcpu[0]), 1);
	g_put(0x6000, 2, 16);
	g_put(0x6002, 2, 4);
	run_insn(&vcpu[0], chsc, &e);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(g_get(0x6012, 2), 1);
	c->gprs[5] = 0x6008;
	run_insn(&vcpu[0], chsc, &e);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);
}

TEST(injection)
{
	harness_reset(0);
	struct s390_cpu *c = &vcpu[0].arch.cpu;
	vcpu[0].arch.emerg_from = 1ull << 1;
	c->crs[0] |= CR0_EMERGENCY_SIGNAL;
	inject_pending(&vcpu[0], 0); /* PSW disabled: nothing */
	EXPECT_EQ(c->psw.addr, 0x10004);
	EXPECT_TRUE(inject_ext_waiting_for_psw(&vcpu[0], 0));
	c->psw.mask |= PSW_MASK_EXT;
	inject_pending(&vcpu[0], 0);
	EXPECT_EQ(c->psw.addr, 0x8100); /* external new PSW */
	EXPECT_EQ(g_get(LC_EXT_INT_CODE, 2), 0x1201);
	EXPECT_EQ(g_get(LC_EXT_CPU_ADDR, 2), 1);
	EXPECT_EQ(g_get(LC_EXT_OLD_PSW + 8, 8), 0x10004);
	EXPECT_EQ(vcpu[0].arch.emerg_from, 0);

	/* The floating service signal needs CR0 bit 54. */
	harness_reset(0);
	inject_service_signal(&part, 0x4000);
	c->psw.mask |= PSW_MASK_EXT;
	EXPECT_TRUE(inject_ext_masked_by_cr0(&vcpu[0]));
	inject_pending(&vcpu[0], 0);
	EXPECT_EQ(c->psw.addr, 0x10004);
	c->crs[0] |= CR0_SERVICE_SIGNAL;
	inject_pending(&vcpu[0], 0);
	EXPECT_EQ(g_get(LC_EXT_INT_CODE, 2), 0x2401);
	EXPECT_EQ(g_get(LC_EXT_PARAMS, 4), 0x4000);

	/* Clock comparator: a deadline for the wait, then the interruption. */
	harness_reset(0);
	c->psw.mask |= PSW_MASK_EXT | PSW_MASK_WAIT;
	c->crs[0] |= CR0_CLOCK_COMPARATOR;
	c->ckc = 5000;
	c->epoch = 1000;
	EXPECT_EQ(inject_wakeup_deadline(&vcpu[0], 100), 4000);
	inject_pending(&vcpu[0], 3000);
	EXPECT_EQ(c->psw.addr, 0x10004);
	inject_pending(&vcpu[0], 4001);
	EXPECT_EQ(g_get(LC_EXT_INT_CODE, 2), 0x1004);

	/* A program interruption with its ILC and old PSW. */
	harness_reset(0);
	EXPECT_EQ(inject_pgm(&vcpu[0], PGM_ADDRESSING, 6, 0, 0), HV_OK);
	EXPECT_EQ(g_get(LC_PGM_ILC, 2), 6);
	EXPECT_EQ(g_get(LC_PGM_OLD_PSW + 8, 8), 0x10004);
	/* A lowcore outside storage cannot be used. */
	c->prefix = 0x7fffe000;
	EXPECT_EQ(inject_pgm(&vcpu[0], PGM_ADDRESSING, 6, 0, 0), HV_E_RANGE);
}

/* DIAG 0x288: QEMU's rules, one watchdog per partition, and what an
 * expiry does by the partition's features. */
static u16 wdt(struct vcpu *v, u64 func, u64 secs, u64 action)
{
	static const u8 diag_r2_r4[6] = {0x83, 0x24, 0x02, 0x88}; /* diag r2,r4,0x288 */
	struct s390_cpu *c = &v->arch.cpu;

	c->gprs[2] = func;
	c->gprs[3] = secs;
	c->gprs[4] = action;
	g_put(LC_PGM_CODE, 2, 0);
	run_insn(v, diag_r2_r4, &e);
	return last_pgm();
}

TEST(diag288_watchdog)
{
	static const u8 diag_r3_r4[6] = {0x83, 0x34, 0x02, 0x88}; /* R1 odd */

	harness_reset(0);
	EXPECT_EQ(wdt(&vcpu[0], 1, 30, 0), PGM_SPECIFICATION); /* change: not armed */
	EXPECT_EQ(wdt(&vcpu[0], 2, 0, 0), PGM_SPECIFICATION);  /* cancel: not armed */
	EXPECT_EQ(wdt(&vcpu[0], 0, 14, 0), PGM_SPECIFICATION); /* too short */
	EXPECT_EQ(wdt(&vcpu[0], 0, 30, 1), PGM_SPECIFICATION); /* an action */
	EXPECT_EQ(wdt(&vcpu[0], 3, 30, 0), PGM_SPECIFICATION); /* no such function */
	g_put(LC_PGM_CODE, 2, 0);
	run_insn(&vcpu[0], diag_r3_r4, &e);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);
	EXPECT_EQ(part.arch.wdt_deadline, 0);
	unsigned cc0 = cc(&vcpu[0]);
	EXPECT_EQ(wdt(&vcpu[0], 0, 15, 0), 0); /* init */
	EXPECT_TRUE(part.arch.wdt_deadline != 0);
	EXPECT_EQ(cc(&vcpu[0]), cc0); /* the condition code is left alone */
	u64 first = part.arch.wdt_deadline;
	EXPECT_EQ(wdt(&vcpu[1], 1, 60, 0), 0); /* change, from the other vCPU */
	EXPECT_TRUE(part.arch.wdt_deadline > first);
	EXPECT_EQ(wdt(&vcpu[1], 2, 0, 0), 0); /* cancel */
	EXPECT_EQ(part.arch.wdt_deadline, 0);
	EXPECT_EQ(wdt(&vcpu[0], 0, ~0ull, 0), 0); /* saturates */
	EXPECT_EQ(part.arch.wdt_deadline, ~0ull);
	EXPECT_TRUE(!diag288_expired(&vcpu[0], ~0ull - 1, &e));

	/* Expiry: reset by default, once. */
	part.arch.wdt_deadline = 100;
	memset(&e, 0, sizeof(e));
	EXPECT_TRUE(!diag288_expired(&vcpu[0], 99, &e));
	EXPECT_TRUE(diag288_expired(&vcpu[0], 100, &e));
	EXPECT_EQ(e.kind, VEXIT_RESET);
	EXPECT_EQ(part.arch.wdt_deadline, 0);
	EXPECT_TRUE(!diag288_expired(&vcpu[1], 200, &e));
	/* Stop: the partition ends with status 1. */
	harness_reset(S390_FEAT_WDT_STOP);
	part.arch.wdt_deadline = 100;
	EXPECT_TRUE(diag288_expired(&vcpu[1], 150, &e));
	EXPECT_EQ(e.kind, VEXIT_DONE);
	EXPECT_EQ(e.status, 1);
	/* Restart: a restart request for vCPU 0, started if it was stopped. */
	harness_reset(S390_FEAT_WDT_RESTART);
	vcpu[0].arch.stopped = 1;
	part.arch.wdt_deadline = 100;
	memset(&e, 0, sizeof(e));
	EXPECT_TRUE(!diag288_expired(&vcpu[1], 150, &e));
	EXPECT_EQ(vcpu[0].arch.requests & VREQ_RESTART, VREQ_RESTART);
	EXPECT_EQ(vcpu[0].arch.stopped, 0);
	EXPECT_EQ(part.arch.wdt_deadline, 0);
	EXPECT_CONTAINS(log_out, "restart interruption");
}

/* S390_FEAT_TRACE: DIAG 0x44 with "TRON" / "TROF" in R1 runs t+ / t-;
 * other values, or the feature off, are plain yields. */
TEST(diag44_trace)
{
	static const u8 diag_r5[6] = {0x83, 0x50, 0x00, 0x44}; /* diag r5,r0,0x44 */
	struct s390_cpu *c = &vcpu[0].arch.cpu;

	harness_reset(0);
	c->gprs[5] = 0x54524f4e;
	run_insn(&vcpu[0], diag_r5, &e);
	EXPECT_EQ(e.kind, VEXIT_YIELD);
	EXPECT_STR(hcmds, "");
	harness_reset(S390_FEAT_TRACE);
	c->gprs[5] = 0x54524f4e;
	run_insn(&vcpu[0], diag_r5, &e);
	EXPECT_EQ(e.kind, VEXIT_YIELD);
	c->gprs[5] = 0x1234;
	run_insn(&vcpu[0], diag_r5, &e);
	c->gprs[5] = 0x154524f46ull; /* not exactly "TROF" */
	run_insn(&vcpu[0], diag_r5, &e);
	c->gprs[5] = 0x54524f46;
	run_insn(&vcpu[0], diag_r5, &e);
	EXPECT_STR(hcmds, "t+;t-;");
	EXPECT_CONTAINS(log_out, "trace: window on");
	EXPECT_CONTAINS(log_out, "trace: window off");
	EXPECT_EQ(last_pgm(), 0);
}

/* DIAG 0x308 subcodes 5 and 6: the IPL parameter block, kept by the
 * partition; bad blocks answer 0x0402, bad operands are exceptions. */
TEST(diag308_iplb)
{
	static const u8 diag_r2_r4[6] = {0x83, 0x24, 0x03, 0x08}; /* diag r2,r4,0x308 */
	static const u8 diag_r3_r4[6] = {0x83, 0x34, 0x03, 0x08}; /* diag r3,r4,0x308 */
	struct s390_cpu *c = &vcpu[0].arch.cpu;

	harness_reset(0);
	c->gprs[2] = 0x7000;
	c->gprs[4] = 6;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(c->gprs[3], 0x0102); /* nothing set yet */
	g_put(0x6000, 4, 200);
	g_put(0x600c, 1, 2); /* CCW */
	g_put(0x6010, 8, 0x1122334455667788ull);
	c->gprs[2] = 0x6000;
	c->gprs[4] = 5;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(c->gprs[3], 0x0001);
	c->gprs[2] = 0x7000;
	c->gprs[4] = 6;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(c->gprs[3], 0x0001);
	EXPECT_EQ(g_get(0x7000, 4), 200);
	EXPECT_EQ(g_get(0x7010, 8), 0x1122334455667788ull);
	EXPECT_EQ(last_pgm(), 0);
	/* Refused blocks leave the stored one alone. */
	static const struct {
		u32 len;
		u8 pbt;
	} bad[] = {{4097, 2}, {199, 2}, {383, 0}, {12, 2}, {200, 5}, {200, 0x33}, {0, 0}};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		g_put(0x6000, 4, bad[i].len);
		g_put(0x600c, 1, bad[i].pbt);
		c->gprs[2] = 0x6000;
		c->gprs[4] = 5;
		run_insn(&vcpu[0], diag_r2_r4, &e);
		EXPECT_EQ(c->gprs[3], 0x0402);
	}
	g_put(0x7010, 8, 0);
	c->gprs[2] = 0x7000;
	c->gprs[4] = 6;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(g_get(0x7010, 8), 0x1122334455667788ull);
	EXPECT_EQ(last_pgm(), 0);
	/* Operand exceptions: unaligned, odd R1, outside storage, problem state. */
	c->gprs[2] = 0x6008;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);
	g_put(LC_PGM_CODE, 2, 0);
	c->gprs[3] = 0x6000;
	run_insn(&vcpu[0], diag_r3_r4, &e);
	EXPECT_EQ(last_pgm(), PGM_SPECIFICATION);
	g_put(LC_PGM_CODE, 2, 0);
	c->gprs[2] = GUEST_MEM;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(last_pgm(), PGM_ADDRESSING);
	g_put(LC_PGM_CODE, 2, 0);
	c->gprs[2] = 0xfffffffffffff000ull;
	c->gprs[4] = 5;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(last_pgm(), PGM_ADDRESSING);
	g_put(LC_PGM_CODE, 2, 0);
	c->psw.mask |= PSW_MASK_PSTATE;
	c->gprs[2] = 0x6000;
	run_insn(&vcpu[0], diag_r2_r4, &e);
	EXPECT_EQ(last_pgm(), PGM_PRIVILEGED_OP);
	/* The block belongs to the partition: vCPU 1 finds it. */
	vcpu[1].arch.cpu.gprs[2] = 0x8000;
	vcpu[1].arch.cpu.gprs[4] = 6;
	run_insn(&vcpu[1], diag_r2_r4, &e);
	EXPECT_EQ(vcpu[1].arch.cpu.gprs[3], 0x0001);
	EXPECT_EQ(g_get(0x8010, 8), 0x1122334455667788ull);
}

/* TPROT and the key instructions: storage answers by its key, what no
 * slot backs (here: beyond the 1 MiB slot) is an addressing exception. */
TEST(storage_keys_and_tprot)
{
	static const u8 iske[6] = {0xb2, 0x29, 0x00, 0x12};              /* iske r1,r2 */
	static const u8 sske[6] = {0xb2, 0x2b, 0x00, 0x12};              /* sske r1,r2 */
	static const u8 sske_mr[6] = {0xb2, 0x2b, 0x60, 0x12};           /* sske r1,r2,6 */
	static const u8 rrbe[6] = {0xb2, 0x2a, 0x00, 0x12};              /* rrbe r1,r2 */
	static const u8 tprot[6] = {0xe5, 0x01, 0x30, 0x00, 0x40, 0x00}; /* tprot 0(r3),0(r4) */
	struct s390_cpu *c = &vcpu[0].arch.cpu;

	harness_reset(0);
	c->gprs[1] = 0x36;
	c->gprs[2] = 0x5123;
	run_insn(&vcpu[0], sske, &e);
	EXPECT_EQ(fake_keys[5], 0x36);
	c->gprs[1] = 0xffffffffffffff00ull;
	run_insn(&vcpu[0], iske, &e);
	EXPECT_EQ(c->gprs[1], 0xffffffffffffff36ull);
	run_insn(&vcpu[0], rrbe, &e);
	EXPECT_EQ(cc(&vcpu[0]), 3); /* referenced and changed */
	EXPECT_EQ(fake_keys[5], 0x32);
	/* Conditional: same key but R and C masked: not set, cc 0, old key in R1. */
	c->gprs[1] = 0x30;
	run_insn(&vcpu[0], sske_mr, &e);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ((c->gprs[1] >> 8) & 0xff, 0x32);
	EXPECT_EQ(last_pgm(), 0);
	/* Prefixing: real 0x1000 is absolute prefix + 0x1000. */
	c->prefix = 0x8000;
	c->gprs[1] = 0x50;
	c->gprs[2] = 0x1000;
	run_insn(&vcpu[0], sske, &e);
	EXPECT_EQ(fake_keys[9], 0x50);
	c->prefix = 0;

	/* TPROT: key 0 storage, access key 0 and 5: cc 0 and 1. */
	c->gprs[3] = 0x6000;
	c->gprs[4] = 0;
	run_insn(&vcpu[0], tprot, &e);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	c->gprs[4] = 0x50;
	run_insn(&vcpu[0], tprot, &e);
	EXPECT_EQ(cc(&vcpu[0]), 1);
	fake_keys[6] = 0x38; /* key 3, fetch protected */
	run_insn(&vcpu[0], tprot, &e);
	EXPECT_EQ(cc(&vcpu[0]), 2);
	c->gprs[4] = 0x30;
	run_insn(&vcpu[0], tprot, &e);
	EXPECT_EQ(cc(&vcpu[0]), 0);
	EXPECT_EQ(last_pgm(), 0);

	/* Outside the partition's storage: addressing, for each of them. */
	static const u8 *const ops[] = {iske, sske, rrbe};
	for (unsigned i = 0; i < 3; i++) {
		harness_reset(0);
		c->gprs[2] = GUEST_MEM + 0x3000;
		run_insn(&vcpu[0], ops[i], &e);
		EXPECT_EQ(last_pgm(), PGM_ADDRESSING);
	}
	harness_reset(0);
	c->gprs[3] = GUEST_MEM;
	run_insn(&vcpu[0], tprot, &e);
	EXPECT_EQ(last_pgm(), PGM_ADDRESSING);
	/* Problem state: privileged operation. */
	harness_reset(0);
	c->psw.mask |= PSW_MASK_PSTATE;
	run_insn(&vcpu[0], tprot, &e);
	EXPECT_EQ(last_pgm(), PGM_PRIVILEGED_OP);
}

int main(void)
{
	RUN(sclp_read_scp_info);
	RUN(sclp_busy_until_the_signal_is_presented);
	RUN(sclp_hostile_sccbs);
	RUN(sclp_console);
	RUN(stsi_and_stidp);
	RUN(sigp_orders);
	RUN(diagnose);
	RUN(io_instructions);
	RUN(injection);
	RUN(storage_keys_and_tprot);
	RUN(diag308_iplb);
	RUN(diag288_watchdog);
	RUN(diag44_trace);
	return CHECK_DONE();
}
