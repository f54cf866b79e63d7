/* SPDX-License-Identifier: MIT */
/* The virtual 16550, the virtual LIOINTC, the IPI mailbox and the MMIO
 * test device, with hostile offsets and sizes. */
#include "arch/vintc.h"
#include "arch/vipi.h"
#include "arch/vtestdev.h"
#include "check.h"
#include "io/vuart16550.h"

TEST(uart_tx_and_status)
{
	struct vuart16550 u;
	u8 tx = 0;

	vuart_reset(&u);
	EXPECT_EQ(vuart_read(&u, 5), 0x60); /* THRE | TEMT, no data */
	EXPECT_TRUE(vuart_write(&u, 0, 'A', &tx));
	EXPECT_EQ(tx, 'A');
	EXPECT_EQ(vuart_read(&u, 2), 0x01); /* no interrupt: IER clear */
	EXPECT_TRUE(!vuart_irq(&u));
	vuart_write(&u, 3, 0x80, &tx); /* DLAB: divisor latch */
	EXPECT_TRUE(!vuart_write(&u, 0, 0x0c, &tx));
	vuart_write(&u, 1, 0x00, &tx);
	EXPECT_EQ(vuart_read(&u, 0), 0x0c);
	vuart_write(&u, 3, 0x03, &tx);
	vuart_write(&u, 7, 0x5a, &tx);
	EXPECT_EQ(vuart_read(&u, 7), 0x5a);
	EXPECT_EQ(vuart_read(&u, 6), 0xb0);
	EXPECT_EQ(vuart_read(&u, 9), 0xff); /* outside: no register */
	EXPECT_TRUE(!vuart_write(&u, 200, 1, &tx));
}

TEST(uart_thre_interrupt)
{
	struct vuart16550 u;
	u8 tx;

	vuart_reset(&u);
	vuart_write(&u, 1, 0x02, &tx); /* ETBEI with THR empty: raised */
	EXPECT_TRUE(vuart_irq(&u));
	EXPECT_EQ(vuart_read(&u, 2) & 0x0f, 0x02);
	EXPECT_TRUE(!vuart_irq(&u)); /* reading IIR acknowledged it */
	vuart_write(&u, 0, 'x', &tx);
	EXPECT_TRUE(vuart_irq(&u)); /* the byte went out */
	vuart_write(&u, 1, 0x00, &tx);
	EXPECT_TRUE(!vuart_irq(&u));
	vuart_write(&u, 2, 0x07, &tx); /* FIFO on: IIR bits 7:6 */
	EXPECT_EQ(vuart_read(&u, 2), 0xc1);
}

TEST(uart_loopback)
{
	struct vuart16550 u;
	u8 tx = 0;

	vuart_reset(&u);
	vuart_write(&u, 4, 0x10, &tx);
	EXPECT_TRUE(!vuart_write(&u, 0, 'q', &tx)); /* not transmitted */
	EXPECT_EQ(vuart_read(&u, 5) & 1, 1);
	vuart_write(&u, 1, 0x01, &tx);
	EXPECT_TRUE(vuart_irq(&u));
	EXPECT_EQ(vuart_read(&u, 2) & 0x0f, 0x04);
	EXPECT_EQ(vuart_read(&u, 0), 'q');
	EXPECT_EQ(vuart_read(&u, 5) & 1, 0);
}

TEST(intc_routing)
{
	struct vintc ic;

	vintc_reset(&ic);
	vintc_set_pin(&ic, VINTC_PIN_UART, true);
	EXPECT_EQ(vintc_cause_ip(&ic, 0), 0); /* nothing routed or enabled */
	vintc_write(&ic, 0x00, 1, 0x11);      /* pin 0 -> core 0, IP0 (IP2) */
	EXPECT_EQ(vintc_cause_ip(&ic, 0), 0);
	vintc_write(&ic, 0x28, 4, 1); /* IEN_SET */
	EXPECT_EQ(vintc_cause_ip(&ic, 0), 0x400);
	EXPECT_EQ(vintc_cause_ip(&ic, 1), 0);
	EXPECT_EQ(vintc_read(&ic, 0x20, 4), 1);
	EXPECT_EQ(vintc_read(&ic, 0x24, 4), 1);
	EXPECT_EQ(vintc_read(&ic, 0x40, 4), 1);
	EXPECT_EQ(vintc_read(&ic, 0x48, 4), 0);
	EXPECT_EQ(vintc_read(&ic, 0x00, 1), 0x11);
	vintc_write(&ic, 0x00, 1, 0x82); /* core 1, IP3 (IP5) */
	EXPECT_EQ(vintc_cause_ip(&ic, 1), 0x2000);
	EXPECT_EQ(vintc_cause_ip(&ic, 0), 0);
	vintc_write(&ic, 0x2c, 4, 1); /* IEN_CLR */
	EXPECT_EQ(vintc_cause_ip(&ic, 1), 0);
	vintc_set_pin(&ic, VINTC_PIN_UART, false);
	EXPECT_EQ(vintc_read(&ic, 0x20, 4), 0);
}

TEST(intc_hostile)
{
	struct vintc ic;

	vintc_reset(&ic);
	vintc_write(&ic, 0x5c, 8, ~0ull); /* runs past the end: ignored */
	vintc_write(&ic, 0x1000, 4, ~0ull);
	vintc_write(&ic, 0x00, 0, ~0ull);
	vintc_write(&ic, 0x00, 9, ~0ull);
	EXPECT_EQ(vintc_read(&ic, 0x00, 8), 0);
	EXPECT_EQ(vintc_read(&ic, 0xffffffffu, 4), 0);
	EXPECT_EQ(vintc_read(&ic, 0x5f, 2), 0);
	vintc_set_pin(&ic, 99, true);
	EXPECT_EQ(ic.pins, 0);
	vintc_write(&ic, 0x00, 8, 0x1111111111111111ull); /* 8 mapper bytes at once */
	EXPECT_EQ(vintc_read(&ic, 0x04, 4), 0x11111111);
	EXPECT_EQ(vintc_read(&ic, 0x28, 4), 0); /* IEN_SET reads zero */
}

static u64 td_read(struct vtestdev *d, u32 off, unsigned size)
{
	u64 v = 0x5a5a5a5a5a5a5a5aull;
	vtestdev_access(d, off, size, false, &v);
	return v;
}

static void td_write(struct vtestdev *d, u32 off, unsigned size, u64 v)
{
	vtestdev_access(d, off, size, true, &v);
}

TEST(testdev_ram_like)
{
	/* every width at every offset of the 64 bytes against a byte array
	 * that gets the same stores */
	struct vtestdev d;
	u8 ref[TERN_TESTDEV_RAM_SIZE];
	u64 seed = 0x9e3779b97f4a7c15ull;

	vtestdev_reset(&d);
	memset(ref, 0, sizeof(ref));
	for (unsigned size = 1; size <= 8; size++) {
		for (u32 off = 0; off + size <= TERN_TESTDEV_RAM_SIZE; off++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			td_write(&d, off, size, seed);
			for (unsigned b = 0; b < size; b++)
				ref[off + b] = (u8)(seed >> (8 * b));
			u64 want = 0;
			for (unsigned b = 0; b < size; b++)
				want |= (u64)ref[off + b] << (8 * b);
			EXPECT_EQ(td_read(&d, off, size), want);
		}
	}
	EXPECT_EQ(memcmp(d.ram, ref, sizeof(ref)), 0);
}

TEST(testdev_id_read_only)
{
	struct vtestdev d;

	vtestdev_reset(&d);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_ID, 4), TERN_TESTDEV_ID_VALUE);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_ID, 8), TERN_TESTDEV_ID_VALUE);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_ID + 2, 2), TERN_TESTDEV_ID_VALUE >> 16);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_ID + 3, 1), 0x54);
	td_write(&d, TERN_TESTDEV_ID, 4, 0);
	td_write(&d, TERN_TESTDEV_ID, 8, ~0ull);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_ID, 8), TERN_TESTDEV_ID_VALUE);
}

TEST(testdev_log)
{
	struct vtestdev d;

	vtestdev_reset(&d);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 8), 0);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LAST, 8), 0);
	td_write(&d, 0x13, 3, 0xffccbbaaull); /* the byte above the 3 is not stored */
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 8), 1);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LAST, 8), 0x13 | 3 << 8 | TERN_TESTDEV_LAST_STORE);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LASTDATA, 8), 0xccbbaa);
	EXPECT_EQ(td_read(&d, 0x10, 8), 0xccbbaa000000ull);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 4), 2); /* the read above, not the log reads */
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LAST, 4), 0x10 | 8 << 8);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LASTDATA, 8), 0xccbbaa000000ull);
	td_read(&d, TERN_TESTDEV_ID, 4); /* the ID is logged too */
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 1), 3);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LASTDATA, 4), TERN_TESTDEV_ID_VALUE);
	td_write(&d, TERN_TESTDEV_LAST, 8, ~0ull); /* read-only: ignored, not logged */
	td_write(&d, TERN_TESTDEV_LASTDATA, 8, ~0ull);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 8), 3);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LAST, 8), TERN_TESTDEV_ID | 4 << 8);
	td_write(&d, TERN_TESTDEV_COUNT + 7, 1, 0); /* any store to COUNT clears */
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 8), 0);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LAST, 8), 0);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_LASTDATA, 8), 0);
	EXPECT_EQ(td_read(&d, 0x10, 8), 0xccbbaa000000ull); /* the RAM stays */
	vtestdev_reset(&d);
	EXPECT_EQ(td_read(&d, 0x10, 8), 0);
}

TEST(testdev_hostile)
{
	struct vtestdev d;

	vtestdev_reset(&d);
	/* outside the device, zero or oversized: nothing stored or logged */
	td_write(&d, TERN_TESTDEV_SIZE, 1, ~0ull);
	td_write(&d, TERN_TESTDEV_SIZE - 4, 8, ~0ull);
	td_write(&d, 0xfffffffcu, 8, ~0ull);
	td_write(&d, 0, 0, ~0ull);
	td_write(&d, 0, 9, ~0ull);
	td_write(&d, 0, 1u << 31, ~0ull);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_SIZE, 1), 0);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_SIZE - 4, 8), 0);
	EXPECT_EQ(td_read(&d, 0xffffffffu, 4), 0);
	EXPECT_EQ(td_read(&d, 0, 0), 0);
	EXPECT_EQ(td_read(&d, 0, 16), 0);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_COUNT, 8), 0);
	for (u32 o = 0; o < TERN_TESTDEV_RAM_SIZE; o += 8)
		EXPECT_EQ(td_read(&d, o, 8), 0);
	/* across the end of the RAM into the ID: byte by byte */
	td_write(&d, 0x3c, 8, 0x1122334455667788ull);
	EXPECT_EQ(td_read(&d, 0x3c, 8), (u64)TERN_TESTDEV_ID_VALUE << 32 | 0x55667788u);
	/* the last byte of the device is LASTDATA's top byte: the ID's "T" */
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_SIZE - 1, 1), 0x54);
	EXPECT_EQ(td_read(&d, TERN_TESTDEV_SIZE - 1, 2), 0);
}

static u64 ipi_rd(struct vipi *ipi, u32 vcpu, u32 off, unsigned size)
{
	struct vipi_effect fx = {0, 0};
	u64 v = 0xdeadbeefdeadbeefull;

	vipi_access(ipi, vcpu, off, size, false, &v, &fx);
	return v;
}

static struct vipi_effect ipi_wr(struct vipi *ipi, u32 vcpu, u32 off, unsigned size, u64 v)
{
	struct vipi_effect fx = {0, 0};

	vipi_access(ipi, vcpu, off, size, true, &v, &fx);
	return fx;
}

TEST(ipi_decode)
{
	u32 vc = 99, off = 99;

	EXPECT_TRUE(vipi_decode(0x3ff01000ull, &vc, &off));
	EXPECT_EQ(vc, 0);
	EXPECT_EQ(off, 0);
	EXPECT_TRUE(vipi_decode(0x3ff01328ull, &vc, &off));
	EXPECT_EQ(vc, 3);
	EXPECT_EQ(off, 0x28);
	/* node 2, core 1: vCPU 9 */
	EXPECT_TRUE(vipi_decode((2ull << 44) | 0x3ff01108ull, &vc, &off));
	EXPECT_EQ(vc, 9);
	EXPECT_EQ(off, 8);
	/* outside: the LIOINTC right after, below, node 4 and beyond */
	EXPECT_TRUE(!vipi_decode(0x3ff01400ull, &vc, &off));
	EXPECT_TRUE(!vipi_decode(0x3ff00ff8ull, &vc, &off));
	EXPECT_TRUE(!vipi_decode((4ull << 44) | 0x3ff01000ull, &vc, &off));
	EXPECT_TRUE(!vipi_decode(~0ull, &vc, &off));
}

TEST(ipi_set_clear_en)
{
	struct vipi ipi;

	vipi_reset(&ipi, 4);
	/* SET without EN: pending in STATUS, no IP6 (EN gates), no kick */
	struct vipi_effect fx = ipi_wr(&ipi, 2, VIPI_SET, 4, 0x5);
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_STATUS, 4), 0x5);
	EXPECT_TRUE(!vipi_irq(&ipi, 2));
	EXPECT_EQ(fx.kick, 0);
	/* EN opens it: IP6 and a kick for vCPU 2 */
	fx = ipi_wr(&ipi, 2, VIPI_EN, 4, 0x1);
	EXPECT_TRUE(vipi_irq(&ipi, 2));
	EXPECT_EQ(fx.kick, 1u << 2);
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_EN, 4), 1);
	/* SET and CLEAR read zero; STATUS ignores writes */
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_SET, 4), 0);
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_CLEAR, 4), 0);
	ipi_wr(&ipi, 2, VIPI_STATUS, 4, 0);
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_STATUS, 4), 0x5);
	/* CLEAR the enabled bit: IP6 drops although bit 2 stays */
	ipi_wr(&ipi, 2, VIPI_CLEAR, 4, 0x1);
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_STATUS, 4), 0x4);
	EXPECT_TRUE(!vipi_irq(&ipi, 2));
	/* other vCPUs untouched */
	EXPECT_EQ(ipi_rd(&ipi, 1, VIPI_STATUS, 4), 0);
	EXPECT_TRUE(!vipi_irq(&ipi, 1));
	/* 64-bit: STATUS | EN << 32 at 0; SET low, CLEAR high at 8 */
	EXPECT_EQ(ipi_rd(&ipi, 2, 0, 8), 0x4ull | 1ull << 32);
	ipi_wr(&ipi, 2, 8, 8, 0x3ull | 0x4ull << 32);
	EXPECT_EQ(ipi_rd(&ipi, 2, VIPI_STATUS, 4), 0x3);
	EXPECT_TRUE(vipi_irq(&ipi, 2));
}

TEST(ipi_mailbox_start)
{
	struct vipi ipi;

	vipi_reset(&ipi, 2);
	/* Linux's order: MAILBOX3, 2, 1, then 0 (pc): only MAILBOX0 starts */
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_MAILBOX0 + 0x18, 8, 0xa1).start, 0);
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_MAILBOX0 + 0x10, 8, 0x9f).start, 0);
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_MAILBOX0 + 0x08, 8, 0x5e).start, 0);
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_MAILBOX0, 8, 0).start, 0); /* zero: still parked */
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_MAILBOX0, 8, 0xffffffff80201000ull).start, 1u << 1);
	EXPECT_EQ(ipi.core[1].mailbox[0], 0xffffffff80201000ull);
	EXPECT_EQ(ipi.core[1].mailbox[1], 0x5e);
	EXPECT_EQ(ipi.core[1].mailbox[3], 0xa1);
	/* mailboxes are storage in any width: two 32-bit halves, bytes */
	ipi_wr(&ipi, 0, VIPI_MAILBOX0 + 8, 4, 0x11223344);
	ipi_wr(&ipi, 0, VIPI_MAILBOX0 + 12, 4, 0x55667788);
	EXPECT_EQ(ipi_rd(&ipi, 0, VIPI_MAILBOX0 + 8, 8), 0x5566778811223344ull);
	EXPECT_EQ(ipi_rd(&ipi, 0, VIPI_MAILBOX0 + 13, 1), 0x77);
	EXPECT_EQ(ipi_rd(&ipi, 0, VIPI_MAILBOX0 + 12, 4), 0x55667788);
}

TEST(ipi_hostile)
{
	struct vipi ipi;

	vipi_reset(&ipi, 2);
	ipi_wr(&ipi, 1, VIPI_EN, 4, ~0u);
	/* a vCPU the partition does not have: reads 0, writes dropped,
	 * nothing kicked or started (KVM never checked the index) */
	EXPECT_EQ(ipi_rd(&ipi, 7, VIPI_STATUS, 4), 0);
	struct vipi_effect fx = ipi_wr(&ipi, 7, VIPI_SET, 4, 1);
	EXPECT_EQ(fx.kick | fx.start, 0);
	fx = ipi_wr(&ipi, 15, VIPI_MAILBOX0, 8, 0x1234);
	EXPECT_EQ(fx.kick | fx.start, 0);
	EXPECT_EQ(ipi_rd(&ipi, 200, VIPI_STATUS, 4), 0);
	EXPECT_EQ(ipi.no_core, 4);
	/* no byte lanes in the registers: 1/2-byte or misaligned read 0, do
	 * nothing (KVM read 8 bytes for a 4-byte access) */
	EXPECT_EQ(ipi_rd(&ipi, 1, VIPI_EN, 1), 0);
	EXPECT_EQ(ipi_rd(&ipi, 1, VIPI_EN + 2, 2), 0);
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_SET, 1, 1).kick, 0);
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_SET + 1, 2, 0xffff).kick, 0);
	EXPECT_EQ(ipi_wr(&ipi, 1, VIPI_SET + 2, 4, 0xffffffff).kick, 0); /* crosses into CLEAR */
	EXPECT_EQ(ipi_rd(&ipi, 1, VIPI_STATUS, 4), 0);
	EXPECT_TRUE(!vipi_irq(&ipi, 1));
	/* an 8-byte access at 4 crosses a doubleword: refused whole */
	EXPECT_EQ(ipi_rd(&ipi, 1, 4, 8), 0);
	/* holes in the block and past it */
	EXPECT_EQ(ipi_rd(&ipi, 1, 0x10, 8), 0);
	ipi_wr(&ipi, 1, 0x48, 8, ~0ull);
	EXPECT_EQ(ipi_rd(&ipi, 1, 0x48, 8), 0);
	EXPECT_EQ(ipi_rd(&ipi, 1, 0x100, 4), 0);
	EXPECT_EQ(ipi_rd(&ipi, 1, 0xfffffff0u, 4), 0);
	EXPECT_TRUE(ipi.bad >= 6);
	/* the table never grows past 16, whatever the partition claims */
	vipi_reset(&ipi, 1000);
	EXPECT_EQ(ipi.nr, VIPI_MAX);
}

int main(void)
{
	RUN(uart_tx_and_status);
	RUN(uart_thre_interrupt);
	RUN(uart_loopback);
	RUN(intc_routing);
	RUN(intc_hostile);
	RUN(testdev_ram_like);
	RUN(testdev_id_read_only);
	RUN(testdev_log);
	RUN(testdev_hostile);
	RUN(ipi_decode);
	RUN(ipi_set_clear_en);
	RUN(ipi_mailbox_start);
	RUN(ipi_hostile);
	return CHECK_DONE();
}
