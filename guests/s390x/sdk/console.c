/* SPDX-License-Identifier: MIT */
/* Console output through the SCLP: WRITE EVENT MASK once, then one WRITE
 * EVENT DATA per line, of the event type the SCLP accepts: VT220 (0x1a,
 * ASCII; QEMU's sclpconsole) if offered, else line mode (0x02, an MDB with
 * one message-text object in EBCDIC; Hercules, LPAR). */
#include "sdk_internal.h"

#define SCLP_CMD_WRITE_EVENT_DATA 0x00760005u
#define SCLP_CMD_WRITE_EVENT_MASK 0x00780005u
#define SCLP_RC_NORMAL_COMPLETION 0x0020

#define EVTYP_MSG 0x02
#define EVTYP_VT220 0x1a
#define EVTYP_MASK(t) (0x80000000u >> ((t)-1))

#define LINE_MAX 200

struct sccb_header {
	u16 length;
	u8 function_code;
	u8 control_mask[3];
	u16 response_code;
} __packed;

struct evbuf_header {
	u16 length;
	u8 type;
	u8 flags;
	u16 reserved;
} __packed;

struct event_mask_sccb {
	struct sccb_header h;
	u16 reserved;
	u16 mask_length;
	u32 cp_receive;
	u32 cp_send;
	u32 sclp_receive;
	u32 sclp_send;
} __packed;

struct mdb_header {
	u16 length;
	u16 type;
	u32 tag;
	u32 revision;
} __packed;

struct mto {
	u16 length;
	u16 type;
	u16 line_type_flags;
	u8 alarm_control;
	u8 reserved[3];
} __packed;

struct lm_sccb {
	struct sccb_header h;
	struct evbuf_header ev;
	struct mdb_header mdb;
	struct mto mto;
	u8 text[];
} __packed;

struct vt220_sccb {
	struct sccb_header h;
	struct evbuf_header ev;
	u8 text[];
} __packed;

static u8 sccb[4096] __aligned(4096);
static struct sdk_lock console_lock;
static bool ready;
static u8 evtype;
static u32 receive_mask;
static u16 last_rc;

static void setup(void)
{
	struct event_mask_sccb *m = (struct event_mask_sccb *)sccb;

	ready = true;
	memset(m, 0, sizeof(*m));
	m->h.length = sizeof(*m);
	m->mask_length = sizeof(u32);
	m->cp_send = EVTYP_MASK(EVTYP_MSG) | EVTYP_MASK(EVTYP_VT220);
	if (sclp_call(SCLP_CMD_WRITE_EVENT_MASK, m) != SCLP_RC_NORMAL_COMPLETION) {
		evtype = EVTYP_MSG; /* an SCLP without event masks prints line mode */
		return;
	}
	receive_mask = m->sclp_receive;
	if (receive_mask & EVTYP_MASK(EVTYP_VT220))
		evtype = EVTYP_VT220;
	else if (receive_mask & EVTYP_MASK(EVTYP_MSG))
		evtype = EVTYP_MSG;
	else
		evtype = 0;
}

static void write_vt220(const char *s, size_t len)
{
	struct vt220_sccb *v = (struct vt220_sccb *)sccb;

	memset(v, 0, sizeof(*v));
	memcpy(v->text, s, len);
	v->ev.length = (u16)(sizeof(v->ev) + len);
	v->ev.type = EVTYP_VT220;
	v->h.length = (u16)(sizeof(*v) + len);
	last_rc = sclp_call(SCLP_CMD_WRITE_EVENT_DATA, v);
}

static void write_line_mode(const char *s, size_t len)
{
	struct lm_sccb *l = (struct lm_sccb *)sccb;

	if (len && s[len - 1] == '\n')
		len--;
	memset(l, 0, sizeof(*l));
	for (size_t i = 0; i < len; i++)
		l->text[i] = ascii_to_ebcdic(s[i]);
	l->mto.length = (u16)(sizeof(l->mto) + len);
	l->mto.type = 4;
	l->mto.line_type_flags = 0x1000; /* end of message */
	l->mdb.length = (u16)(sizeof(l->mdb) + l->mto.length);
	l->mdb.type = 1;
	l->mdb.tag = 0xd4c4c240; /* "MDB " in EBCDIC */
	l->mdb.revision = 1;
	l->ev.length = (u16)(sizeof(l->ev) + l->mdb.length);
	l->ev.type = EVTYP_MSG;
	l->h.length = (u16)(sizeof(l->h) + l->ev.length);
	last_rc = sclp_call(SCLP_CMD_WRITE_EVENT_DATA, l);
}

/* One line (or a piece of one) per SERVC; caller holds the lock. */
static void write_piece(const char *s, size_t len)
{
	if (!ready)
		setup();
	if (evtype == EVTYP_VT220)
		write_vt220(s, len);
	else if (evtype == EVTYP_MSG)
		write_line_mode(s, len);
}

void puts_raw(const char *s, size_t len)
{
	u8 mask = sdk_lock(&console_lock);

	while (len) {
		size_t n = 0;
		while (n < len && n < LINE_MAX && s[n] != '\n')
			n++;
		if (n < len && s[n] == '\n')
			n++;
		write_piece(s, n);
		s += n;
		len -= n;
	}
	sdk_unlock(&console_lock, mask);
}

u8 console_event_type(void)
{
	u8 mask = sdk_lock(&console_lock);

	if (!ready)
		setup();
	sdk_unlock(&console_lock, mask);
	return evtype;
}

u32 console_sclp_receive_mask(void)
{
	console_event_type();
	return receive_mask;
}

u16 console_last_response(void)
{
	return last_rc;
}

void console_flush(void)
{
	/* Lines are written whole; nothing is buffered. */
}

int vprintf(const char *fmt, va_list ap)
{
	char buf[512];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t len = (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1;

	puts_raw(buf, len);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}
