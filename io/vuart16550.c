/* SPDX-License-Identifier: MIT */
/* Virtual 16550: the register behaviour a driver relies on.
 *   0 RBR/THR (DLL when LCR.DLAB)  1 IER (DLM)  2 IIR/FCR  3 LCR
 *   4 MCR  5 LSR  6 MSR  7 SCR
 * The THR-empty interrupt follows the 16550: it is raised when IER.ETBEI
 * is set while the THR is empty and after each transmitted byte, and is
 * cleared by reading IIR (when it is the reported source) or writing THR. */
#include "io/vuart16550.h"

#define IER_ERBFI 0x01
#define IER_ETBEI 0x02
#define IIR_NONE 0x01
#define IIR_THRI 0x02
#define IIR_RDI 0x04
#define IIR_FIFO 0xc0
#define FCR_ENABLE 0x01
#define LCR_DLAB 0x80
#define MCR_LOOP 0x10
#define LSR_DR 0x01
#define LSR_THRE 0x20
#define LSR_TEMT 0x40
#define MSR_NOLOOP 0xb0 /* DCD, DSR, CTS: a cable with a listener */

void vuart_reset(struct vuart16550 *u)
{
	*u = (struct vuart16550){0};
}

static u8 iir(const struct vuart16550 *u)
{
	u8 fifo = (u->fcr & FCR_ENABLE) ? IIR_FIFO : 0;

	if ((u->ier & IER_ERBFI) && u->rx_ready)
		return fifo | IIR_RDI;
	if ((u->ier & IER_ETBEI) && u->thre_irq)
		return fifo | IIR_THRI;
	return fifo | IIR_NONE;
}

bool vuart_irq(const struct vuart16550 *u)
{
	return !(iir(u) & IIR_NONE);
}

u8 vuart_read(struct vuart16550 *u, u32 off)
{
	u8 v;

	switch (off) {
	case 0:
		if (u->lcr & LCR_DLAB)
			return u->dll;
		v = u->rbr;
		u->rx_ready = false;
		return v;
	case 1:
		return (u->lcr & LCR_DLAB) ? u->dlm : u->ier;
	case 2:
		v = iir(u);
		if ((v & 0x0f) == IIR_THRI)
			u->thre_irq = false;
		return v;
	case 3:
		return u->lcr;
	case 4:
		return u->mcr;
	case 5:
		return LSR_THRE | LSR_TEMT | (u->rx_ready ? LSR_DR : 0);
	case 6:
		if (u->mcr & MCR_LOOP) /* the modem outputs read back */
			return (u8)(((u->mcr & 0x0c) << 4) | ((u->mcr & 0x01) << 5) |
			            ((u->mcr & 0x02) << 3));
		return MSR_NOLOOP;
	case 7:
		return u->scr;
	default:
		return 0xff;
	}
}

bool vuart_write(struct vuart16550 *u, u32 off, u8 v, u8 *tx)
{
	switch (off) {
	case 0:
		if (u->lcr & LCR_DLAB) {
			u->dll = v;
			return false;
		}
		u->thre_irq = true; /* sent at once: THR is empty again */
		if (u->mcr & MCR_LOOP) {
			u->rbr = v;
			u->rx_ready = true;
			return false;
		}
		*tx = v;
		return true;
	case 1:
		if (u->lcr & LCR_DLAB) {
			u->dlm = v;
		} else {
			if ((v & IER_ETBEI) && !(u->ier & IER_ETBEI))
				u->thre_irq = true; /* enabling it with THR empty */
			u->ier = v & 0x0f;
		}
		return false;
	case 2:
		u->fcr = v;
		if (v & 0x02) /* clear receive FIFO */
			u->rx_ready = false;
		return false;
	case 3:
		u->lcr = v;
		return false;
	case 4:
		u->mcr = v & 0x1f;
		return false;
	case 7:
		u->scr = v;
		return false;
	default: /* LSR, MSR: read-only */
		return false;
	}
}
