/* SPDX-License-Identifier: MIT */
/* Hostile accesses to the virtual IPI mailbox of a Tern partition
 * (arch/mips64/include/arch/vipi.h), partition only: on the bare QEMU
 * machine a byte read of the block is a bus error and there is no "block
 * of a vCPU the partition does not have". Needs cpus=2 (vCPUs 0 and 1).
 *   ipi_hostile.misaligned     lw STATUS+2 and ld +4 raise AdEL, sw SET+1
 *                              AdES, with EPC and BadVAddr of the access;
 *                              nothing changed
 *   ipi_hostile.narrow_reads   lb/lbu/lh/lhu of STATUS and EN read 0
 *   ipi_hostile.narrow_writes  sb/sh to EN, SET and CLEAR do nothing
 *   ipi_hostile.wide_read      ld at +0x00 = STATUS | EN << 32
 *   ipi_hostile.wide_write     sd at +0x08 = SET (low word) then CLEAR
 *                              (high word); sd at +0x00 sets EN only
 *   ipi_hostile.en_gates       a SET while EN masks it raises no IP6; EN
 *                              then raises it (level), CLEAR drops it
 *   ipi_hostile.mailbox_bytes  mailboxes are plain storage in any width
 *   ipi_hostile.absent_cores   blocks of vCPUs 2, 3, 7 (node 1 core 3) and
 *                              15 read 0 in every register and mailbox
 *                              and ignore writes, MAILBOX0 included
 *   ipi_hostile.beyond_nodes   node 4 and node 15 (no vCPU can be there):
 *                              a bus error (DBE), as any address without
 *                              a device
 *   ipi_hostile.own_mailbox0   MAILBOX0 of the running vCPU 0: storage,
 *                              no restart
 *   ipi_hostile.still_works    after all that: vCPU 1 starts and a ping
 *                              0 -> 1 -> 0 is answered */
#include "insn.h"
#include "tg_smp.h"

static u64 blk0; /* vCPU 0's block: slot 0 under Tern */

#define LOADFN(name, insn, type)                                                                   \
	static __attribute__((noinline)) u64 name(u64 a)                                           \
	{                                                                                          \
		type v;                                                                            \
		__asm__ volatile(insn " %0, 0(%1)" : "=r"(v) : "r"(a) : "memory");                 \
		return (u64)v;                                                                     \
	}
#define STOREFN(name, insn)                                                                        \
	static __attribute__((noinline)) void name(u64 a, u64 v)                                   \
	{                                                                                          \
		__asm__ volatile(insn " %0, 0(%1)" : : "r"(v), "r"(a) : "memory");                 \
	}
LOADFN(lb, "lb", s64)
LOADFN(lbu, "lbu", u64)
LOADFN(lh, "lh", s64)
LOADFN(lhu, "lhu", u64)
LOADFN(lw, "lwu", u64)
LOADFN(ld, "ld", u64)
STOREFN(sb, "sb")
STOREFN(sh, "sh")
STOREFN(sw, "sw")
STOREFN(sd, "sd")

static u32 status(void)
{
	return (u32)lw(blk0 + TG_IPI_STATUS);
}
static u32 en(void)
{
	return (u32)lw(blk0 + TG_IPI_EN);
}
static bool ip6(void)
{
	return (tg_read_cause() & CAUSE_IP(6)) != 0;
}
/* A known state: interrupts off, KX on, STATUS = st, EN = e. */
static void setup(u32 st, u32 e)
{
	tg_write_status(ST_KX);
	sw(blk0 + TG_IPI_EN, 0);
	sw(blk0 + TG_IPI_CLEAR, ~0u);
	sw(blk0 + TG_IPI_SET, st);
	sw(blk0 + TG_IPI_EN, e);
}
static void reset(void)
{
	sw(blk0 + TG_IPI_EN, 0);
	sw(blk0 + TG_IPI_CLEAR, ~0u);
}

static u64 addr;
static void do_lw(void *a)
{
	(void)a;
	t_load32(addr);
}
static void do_ld(void *a)
{
	(void)a;
	t_load64(addr);
}
static void do_sw(void *a)
{
	(void)a;
	t_store32(addr, 0xffffffffu);
}

#define EXPECT_EXC(fn, code, epc_)                                                                 \
	do {                                                                                       \
		int r_ = tg_try(TG_EXC(EXC_ADEL) | TG_EXC(EXC_ADES) | TG_EXC(EXC_DBE), fn, NULL);  \
		if (r_ != (code) + 1)                                                              \
			tg_note("0x%llx: ExcCode %d, BadVAddr 0x%llx", (unsigned long long)addr,   \
			        r_ - 1, (unsigned long long)tg_last.badvaddr);                     \
		TG_EQ(r_, (code) + 1);                                                             \
		TG_EQ(tg_last.epc, epc_);                                                          \
		if ((code) != EXC_DBE) /* a bus error leaves BadVAddr alone */                     \
			TG_EQ(tg_last.badvaddr, addr);                                             \
	} while (0)

TG_TEST(ipi_hostile, misaligned)
{
	setup(0x5, 0);
	addr = blk0 + TG_IPI_STATUS + 2;
	EXPECT_EXC(do_lw, EXC_ADEL, fn_addr(t_load32));
	addr = blk0 + TG_IPI_EN;
	EXPECT_EXC(do_ld, EXC_ADEL, fn_addr(t_load64));
	addr = blk0 + TG_IPI_SET + 1;
	EXPECT_EXC(do_sw, EXC_ADES, fn_addr(t_store32));
	addr = blk0 + TG_IPI_CLEAR + 3;
	EXPECT_EXC(do_sw, EXC_ADES, fn_addr(t_store32));
	TG_EQ(status(), 0x5);
	TG_EQ(en(), 0);
	reset();
}

TG_TEST(ipi_hostile, narrow_reads)
{
	setup(0x80402010u, 0x12345678u);
	TG_EQ(status(), 0x80402010u);
	TG_EQ(en(), 0x12345678u);
	for (u32 off = 0; off < 8; off++) {
		TG_EQ(lb(blk0 + off), 0);
		TG_EQ(lbu(blk0 + off), 0);
		if (!(off & 1)) {
			TG_EQ(lh(blk0 + off), 0);
			TG_EQ(lhu(blk0 + off), 0);
		}
	}
	reset();
}

TG_TEST(ipi_hostile, narrow_writes)
{
	setup(0x1, 0x10u);
	for (u32 off = TG_IPI_EN; off < 0x10; off++) {
		sb(blk0 + off, 0xff);
		if (!(off & 1))
			sh(blk0 + off, 0xffff);
	}
	TG_EQ(status(), 0x1); /* no SET, no CLEAR */
	TG_EQ(en(), 0x10u);
	reset();
}

TG_TEST(ipi_hostile, wide_read)
{
	setup(0xa5a5a5a5u, 0x0f0f0f0fu);
	TG_EQ(ld(blk0 + TG_IPI_STATUS), 0x0f0f0f0fa5a5a5a5ull);
	TG_EQ(ld(blk0 + TG_IPI_SET), 0); /* SET and CLEAR are write-only */
	reset();
}

TG_TEST(ipi_hostile, wide_write)
{
	setup(0x10, 0);
	sd(blk0 + TG_IPI_SET, 0x0000001100000003ull); /* SET 0x3, then CLEAR 0x11 */
	TG_EQ(status(), 0x2);
	sd(blk0 + TG_IPI_STATUS, 0x00000044ffffffffull); /* STATUS is read-only; EN = 0x44 */
	TG_EQ(status(), 0x2);
	TG_EQ(en(), 0x44);
	reset();
}

TG_TEST(ipi_hostile, en_gates)
{
	setup(0, 0);
	sw(blk0 + TG_IPI_SET, 0x100);
	bool masked = ip6();
	sw(blk0 + TG_IPI_EN, 0x100);
	bool raised = ip6();
	sw(blk0 + TG_IPI_CLEAR, 0x100);
	bool dropped = !ip6();
	TG_CHECK(!masked);
	TG_CHECK(raised);
	TG_CHECK(dropped);
	reset();
}

TG_TEST(ipi_hostile, mailbox_bytes)
{
	u64 mb = blk0 + TG_IPI_MAILBOX(3);

	tg_write_status(ST_KX);
	sd(mb, 0);
	sb(mb + 5, 0xab);
	sh(mb + 2, 0x1234);
	sw(mb + 4, lw(mb + 4) | 0x11);
	TG_EQ(ld(mb), 0x0000ab1112340000ull);
	TG_EQ(lbu(mb + 5), 0xab);
	TG_EQ(lhu(mb + 2), 0x1234);
	TG_EQ(lb(mb + 5), (u64)(s64)(s8)0xab);
	sd(mb, 0);
}

TG_TEST(ipi_hostile, absent_cores)
{
	static const u32 cores[] = {2, 3, 7, 15};
	u32 bad = 0;

	tg_write_status(ST_KX);
	for (u32 i = 0; i < sizeof(cores) / sizeof(cores[0]); i++) {
		u64 b = tg_ipi_block(cores[i]);
		sw(b + TG_IPI_EN, ~0u);
		sw(b + TG_IPI_SET, ~0u);
		sd(b + TG_IPI_MAILBOX(1), 0x1000);
		sd(b + TG_IPI_MAILBOX(3), 0x5555);
		sd(b + TG_IPI_MAILBOX(0), 0x40200000ull); /* would be "start at _start" */
		sb(b + TG_IPI_MAILBOX(2), 0x77);
		for (u32 off = 0; off < 0x40; off += 4)
			if (lw(b + off) != 0) {
				tg_note("vcpu %u: +0x%x reads 0x%llx", cores[i], off,
				        (unsigned long long)lw(b + off));
				bad++;
			}
		TG_EQ(ld(b + TG_IPI_MAILBOX(0)), 0);
		TG_EQ(lbu(b + TG_IPI_MAILBOX(2)), 0);
	}
	TG_EQ(bad, 0);
	TG_CHECK(!ip6());
	TG_EQ(status(), 0);
}

TG_TEST(ipi_hostile, beyond_nodes)
{
	tg_write_status(ST_KX);
	addr = tg_ipi_block(16); /* node 4: no vCPU can be there, no device either */
	EXPECT_EXC(do_lw, EXC_DBE, fn_addr(t_load32));
	addr = tg_ipi_block(63) + TG_IPI_SET; /* node 15 */
	EXPECT_EXC(do_sw, EXC_DBE, fn_addr(t_store32));
}

TG_TEST(ipi_hostile, own_mailbox0)
{
	tg_write_status(ST_KX);
	sd(blk0 + TG_IPI_MAILBOX(0), 0x40200000ull); /* _start: must not restart us */
	TG_EQ(ld(blk0 + TG_IPI_MAILBOX(0)), 0x40200000ull);
	sd(blk0 + TG_IPI_MAILBOX(0), 0);
	TG_EQ(ld(blk0 + TG_IPI_MAILBOX(0)), 0);
}

static volatile u32 pinged, answered, up;
static void on_ipi(u32 self, u32 bits)
{
	if (self == 1 && (bits & 1u) && pinged != answered) {
		answered = pinged;
		tg_ipi_send(0, 1u << 1);
	}
}
static void secondary(void *arg)
{
	(void)arg;
	tg_ipi_enable();
	up = 1;
	tg_ipi_send(0, 1u << 1);
	for (;;)
		tg_smp_wait_u32(&up, 1, TG_SMP_SLEEP); /* answer pings */
}

TG_TEST(ipi_hostile, still_works)
{
	TG_EQ(tg_smp_init(2), 0);
	tg_ipi_set_handler(on_ipi);
	tg_ipi_enable();
	TG_EQ(tg_smp_start(1, secondary, NULL), 0);
	TG_CHECK(tg_smp_wait_at_least(&up, 1, 5000));
	pinged = 1;
	tg_ipi_send(1, 1u << 0);
	TG_CHECK(tg_smp_wait_at_least(&answered, 1, 5000));
	TG_EQ(answered, 1);
	TG_EQ(tg_smp_faults(), 0);
}

TG_TEST(ipi_hostile, partition)
{
	if (tg_native())
		TG_SKIP("the bare machine has other answers (a byte read is a bus error)");
	TG_EQ(tg_cmdline_u64("cpus", 0), 2);
}

int main(void)
{
	blk0 = tg_ipi_block(0);
	if (tg_native() || tg_cmdline_u64("cpus", 0) != 2) {
		TG_RUN(ipi_hostile, partition);
		return tg_tests_done();
	}
	TG_RUN(ipi_hostile, misaligned);
	TG_RUN(ipi_hostile, narrow_reads);
	TG_RUN(ipi_hostile, narrow_writes);
	TG_RUN(ipi_hostile, wide_read);
	TG_RUN(ipi_hostile, wide_write);
	TG_RUN(ipi_hostile, en_gates);
	TG_RUN(ipi_hostile, mailbox_bytes);
	TG_RUN(ipi_hostile, absent_cores);
	TG_RUN(ipi_hostile, beyond_nodes);
	TG_RUN(ipi_hostile, own_mailbox0);
	TG_RUN(ipi_hostile, still_works);
	return tg_tests_done();
}
