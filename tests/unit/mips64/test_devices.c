/* SPDX-License-Identifier: MIT */
/* The virtual 16550, the virtual LIOINTC and the MMIO test device, with
 * hostile offsets and sizes. */
#include "arch/vintc.h"
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
	return CHECK_DONE();
}
