/* SPDX-License-Identifier: MIT */
/* The virtual 16550 and the virtual LIOINTC, with hostile offsets and
 * sizes. */
#include "arch/vintc.h"
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

int main(void)
{
	RUN(uart_tx_and_status);
	RUN(uart_thre_interrupt);
	RUN(uart_loopback);
	RUN(intc_routing);
	RUN(intc_hostile);
	return CHECK_DONE();
}
