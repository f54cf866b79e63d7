/* SPDX-License-Identifier: MIT */
/* Interrupts: the CP0 timer (Count/Compare on IP7, Cause.TI), the software
 * interrupts IP0/IP1, masking by IE/IM/EXL, the interrupt vector (+0x180,
 * or +0x200 with Cause.IV), WAIT woken by an interrupt, DI/EI. Deadlines
 * are Count-based with generous bounds: interrupts are asserted to arrive,
 * never timed. */
#include "tg/tg.h"

/* Far enough ahead that Count cannot pass Compare before the write lands
 * (QEMU's Count follows host time: a loaded host can hold the vCPU thread
 * for milliseconds, and re-arming then races with QEMU's timer thread). */
#define SHORT 40000000u     /* 100 ms at 400 MHz */
#define PATIENCE 800000000u /* 2 s of Count */

static volatile u32 irqs, last_cause, last_vec;
static volatile u64 last_epc;

static void timer_irq(struct tg_frame *f)
{
	last_cause = (u32)f->cause;
	last_vec = (u32)f->vec;
	last_epc = f->epc;
	irqs++;
	if (f->cause & CAUSE_IP(7))
		tg_mtc0(CP0_COMPARE, 0, tg_mfc0(CP0_COMPARE, 0)); /* ack: rewrite Compare */
	if (f->cause & (CAUSE_IP(0) | CAUSE_IP(1)))
		tg_mtc0(CP0_CAUSE, 0, tg_read_cause() & ~(CAUSE_IP(0) | CAUSE_IP(1)));
}

/* Wait (spinning) until cond or PATIENCE ticks; true if cond. */
#define SPIN_UNTIL(cond)                                                                           \
	({                                                                                         \
		u32 t0_ = tg_read_count();                                                         \
		while (!(cond) && tg_read_count() - t0_ < PATIENCE)                                \
			;                                                                          \
		if (!(cond))                                                                       \
			timeout_note();                                                            \
		(bool)(cond);                                                                      \
	})

static void timeout_note(void)
{
	tg_note("timed out: Count 0x%x Compare 0x%x Cause 0x%x Status 0x%x, %u interrupts",
	        tg_read_count(), tg_mfc0(CP0_COMPARE, 0), tg_read_cause(), tg_read_status(), irqs);
}

/* Compare = Count + delta. If this CPU was held up so long that Count is
 * already past the new Compare without a match (QEMU's Count follows host
 * time), arm again: a test asserts interrupts, not the host's scheduling. */
static void arm(u32 delta)
{
	for (int tries = 0; tries < 8; tries++, delta *= 2) {
		u32 seen = irqs;
		u32 cmp = tg_read_count() + delta;
		tg_mtc0(CP0_COMPARE, 0, cmp);
		if ((s32)(tg_read_count() - cmp) < 0 || (tg_read_cause() & CAUSE_TI) ||
		    irqs != seen)
			return;
	}
}

TG_TEST(timer, count_advances)
{
	u32 a = tg_read_count();
	TG_CHECK(SPIN_UNTIL(tg_read_count() - a > 1000));
}

TG_TEST(timer, pending_without_ie)
{
	/* IE = 0: TI and IP7 show up in Cause, nothing is taken */
	tg_write_status(ST_IM(7));
	arm(SHORT);
	TG_CHECK(SPIN_UNTIL(tg_read_cause() & CAUSE_IP(7)));
	TG_EQ(tg_read_cause() & CAUSE_TI, CAUSE_TI);
	/* writing Compare acknowledges */
	arm(PATIENCE);
	TG_EQ(tg_read_cause() & (CAUSE_TI | CAUSE_IP(7)), 0);
}

TG_TEST(timer, interrupt)
{
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	arm(SHORT);
	tg_write_status(ST_IM(7) | ST_IE);
	TG_CHECK(SPIN_UNTIL(irqs >= 1));
	tg_write_status(0);
	TG_EQ(irqs, 1);
	TG_EQ(last_vec, VEC_GENERAL);
	TG_EQ(last_cause & CAUSE_EXC_MASK, 0);
	TG_EQ(last_cause & (CAUSE_IP(7) | CAUSE_TI), CAUSE_IP(7) | CAUSE_TI);
}

TG_TEST(timer, periodic)
{
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	tg_write_status(ST_IM(7) | ST_IE);
	for (u32 i = 1; i <= 5; i++) {
		arm(SHORT);
		TG_CHECK(SPIN_UNTIL(irqs >= i));
	}
	tg_write_status(0);
	TG_EQ(irqs, 5);
}

TG_TEST(timer, vectored)
{
	/* Cause.IV: interrupts go to EBase + 0x200 */
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	tg_mtc0(CP0_CAUSE, 0, CAUSE_IV);
	arm(SHORT);
	tg_write_status(ST_IM(7) | ST_IE);
	TG_CHECK(SPIN_UNTIL(irqs >= 1));
	tg_write_status(0);
	TG_EQ(last_vec, VEC_INT);
}

TG_TEST(timer, masked_im)
{
	/* IM7 clear: TI pending but no interrupt, until IM7 is set */
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	tg_write_status(ST_IE);
	arm(SHORT);
	TG_CHECK(SPIN_UNTIL(tg_read_cause() & CAUSE_TI));
	TG_EQ(irqs, 0);
	tg_write_status(ST_IE | ST_IM(7));
	TG_CHECK(SPIN_UNTIL(irqs >= 1));
	tg_write_status(0);
	TG_EQ(irqs, 1);
}

TG_TEST(timer, masked_exl)
{
	/* EXL masks interrupts too */
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	tg_write_status(ST_IE | ST_IM(7) | ST_EXL);
	arm(SHORT);
	TG_CHECK(SPIN_UNTIL(tg_read_cause() & CAUSE_TI));
	TG_EQ(irqs, 0);
	tg_write_status(ST_IE | ST_IM(7));
	TG_CHECK(SPIN_UNTIL(irqs >= 1));
	tg_write_status(0);
}

TG_TEST(timer, wait)
{
	/* WAIT with IE: the timer interrupt ends it */
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	tg_write_status(ST_IM(7) | ST_IE);
	for (int i = 0; i < 3; i++) {
		u32 before = irqs;
		arm(SHORT);
		while (irqs == before)
			__asm__ volatile("wait");
	}
	tg_write_status(0);
	TG_EQ(irqs, 3);
}

TG_TEST(timer, software)
{
	/* IP0 and IP1: raised by writing Cause, taken when IM allows */
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	arm(PATIENCE);
	tg_write_status(ST_IE | ST_IM(1));
	tg_mtc0(CP0_CAUSE, 0, CAUSE_IP(0)); /* masked: stays pending */
	TG_EQ(irqs, 0);
	TG_EQ(tg_read_cause() & CAUSE_IP(0), CAUSE_IP(0));
	tg_mtc0(CP0_CAUSE, 0, CAUSE_IP(0) | CAUSE_IP(1));
	TG_CHECK(SPIN_UNTIL(irqs >= 1));
	TG_EQ(last_cause & (CAUSE_IP(1) | CAUSE_IP(0)), CAUSE_IP(1) | CAUSE_IP(0));
	tg_write_status(0);
	TG_EQ(irqs, 1);
	TG_EQ(tg_read_cause() & (CAUSE_IP(0) | CAUSE_IP(1)), 0);
}

TG_TEST(timer, di_ei)
{
	irqs = 0;
	tg_set_handler(EXC_INT, timer_irq);
	tg_write_status(ST_IE | ST_IM(0));
	u64 old;
	__asm__ volatile("di %0\n\tehb" : "=r"(old) : : "memory");
	TG_EQ(old & ST_IE, ST_IE);
	TG_EQ(tg_read_status() & ST_IE, 0);
	tg_mtc0(CP0_CAUSE, 0, CAUSE_IP(0));
	for (volatile int i = 0; i < 1000; i++)
		;
	TG_EQ(irqs, 0);
	__asm__ volatile("ei\n\tehb" : : : "memory");
	TG_CHECK(SPIN_UNTIL(irqs >= 1));
	tg_write_status(0);
}

int main(void)
{
	TG_RUN(timer, count_advances);
	TG_RUN(timer, pending_without_ie);
	TG_RUN(timer, interrupt);
	TG_RUN(timer, periodic);
	TG_RUN(timer, vectored);
	TG_RUN(timer, masked_im);
	TG_RUN(timer, masked_exl);
	TG_RUN(timer, wait);
	TG_RUN(timer, software);
	TG_RUN(timer, di_ei);
	return tg_tests_done();
}
