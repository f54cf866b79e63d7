/* SPDX-License-Identifier: MIT */
/* SCLP host driver. One SERVC at a time machine-wide: Hercules answers
 * busy (cc 2) until the previous service signal was taken, and the service
 * signal is a floating interruption that any CPU with CR0 bit 54 may take,
 * so only the CPU that owns the SCLP enables that subclass, and only while
 * it waits in an enabled wait for its answer. */
#include "sclp.h"

#include <arch/ebcdic.h>
#include <arch/insn.h>

#include "hv/lib.h"

#define SCLP_CMD_READ_SCP_INFO 0x00020001u
#define SCLP_CMD_WRITE_EVENT_DATA 0x00760005u
#define SCLP_CMD_WRITE_EVENT_MASK 0x00780005u

#define SCLP_RC_NORMAL_READ 0x0010
#define SCLP_RC_NORMAL_COMPLETION 0x0020

#define EVTYP_MSG 0x02   /* line-mode message: Hercules, QEMU sclplmconsole */
#define EVTYP_VT220 0x1a /* ASCII console: QEMU sclpconsole (its -nographic default) */
#define EVTYP_MASK(t) (0x80000000u >> ((t)-1))

#define MDB_TAG 0xd4c4c240u /* "MDB " in EBCDIC */
#define MTO_LINE_END 0x1000 /* line-type flags: end of message */

#define SCCB_SIZE 4096
#define LINE_MAX_BYTES 1024
#define STEAL_AFTER_TICKS (4096000000ull / 2) /* half a second of TOD */

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
	u32 sclp_receive; /* event types the SCLP accepts from us */
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

/* Byte offsets in the READ SCP INFO answer (the SCLP's, not ours to pick). */
#define SCP_RNMAX 8     /* u16: storage increments */
#define SCP_RNSIZE 10   /* u8: increment size in MiB */
#define SCP_NCPU 16     /* u16: CPU entries */
#define SCP_CPUOFF 18   /* u16: offset of the first CPU entry */
#define SCP_RNSIZE2 100 /* u32: increment size when rnsize is 0 */
#define SCP_RNMAX2 104  /* u64: increments when rnmax is 0 */
#define SCP_CPU_ENTRY 16

/* Below 2 GiB, 8-byte aligned, never crossing a page, never in a prefix
 * area: what SERVC demands of an SCCB. */
static u8 console_sccb[SCCB_SIZE] __aligned(SCCB_SIZE);
static u8 info_sccb[SCCB_SIZE] __aligned(SCCB_SIZE);

static u32 owner;              /* CPU address + 1 of the CPU that owns the SCLP, 0 if free */
static volatile u32 signalled; /* a service signal arrived since our last SERVC */
static u32 console_type;       /* EVTYP_*, 0 if there is no console */
static bool console_ready;
static enum sclp_codepage codepage;

static u32 sclp_acquire(void)
{
	u32 me = (u32)stap() + 1;
	u64 start = 0;

	for (;;) {
		u32 expected = 0;
		if (__atomic_compare_exchange_n(&owner, &expected, me, false, __ATOMIC_ACQUIRE,
		                                __ATOMIC_RELAXED))
			return me;
		/* Owned by this CPU: we faulted while printing and the crash
		 * path prints; that owner will never continue. */
		if (expected == me)
			return me;
		/* Another CPU normally owns it for one SERVC; if it does not let
		 * go, it died there, and a crash report must still get out. */
		u64 now = stck();
		if (!start)
			start = now;
		else if (now - start > STEAL_AFTER_TICKS) {
			__atomic_store_n(&owner, me, __ATOMIC_RELEASE);
			return me;
		}
	}
}

static void sclp_release(u32 me)
{
	u32 expected = me;

	__atomic_compare_exchange_n(&owner, &expected, 0, false, __ATOMIC_RELEASE,
	                            __ATOMIC_RELAXED);
}

void sclp_service_signal(u32 param)
{
	(void)param;
	signalled = 1;
}

/* Enabled wait with only the service-signal subclass on, until the handler
 * saw a service signal. Other subclasses stay pending meanwhile. */
static void wait_service_signal(void)
{
	u64 cr0 = ctl0_get();

	ctl0_set((cr0 & ~(u64)CR0_SUBCLASS_MASKS) | CR0_SERVICE_SIGNAL);
	while (!signalled)
		enabled_wait();
	ctl0_set(cr0);
}

static int servc(u32 cmd, const void *sccb)
{
	int cc;

	__asm__ volatile(".insn rre,0xb2200000,%[cmd],%[sccb]\n"
	                 "ipm %[cc]\n"
	                 "srl %[cc],28\n"
	                 : [cc] "=&d"(cc)
	                 : [cmd] "d"((unsigned long)cmd), [sccb] "a"((unsigned long)sccb)
	                 : "cc", "memory");
	return cc;
}

/* One SCLP command, answered when this returns HV_OK. Caller owns the SCLP. */
static int sclp_call(u32 cmd, void *sccb)
{
	for (int tries = 0; tries < 16; tries++) {
		signalled = 0;
		int cc = servc(cmd, sccb);
		if (cc == 3)
			return HV_E_NODEV;
		/* cc 0: our answer is signalled. cc 2: an earlier signal is still
		 * pending (e.g. a CPU died waiting for it): take it, retry. */
		wait_service_signal();
		if (cc == 0)
			return HV_OK;
	}
	return HV_E_BUSY;
}

/* Caller owns the SCLP. */
static void console_setup(void)
{
	struct event_mask_sccb *m = (struct event_mask_sccb *)console_sccb;

	console_ready = true;
	memset(m, 0, sizeof(*m));
	m->h.length = sizeof(*m);
	m->mask_length = sizeof(u32);
	m->cp_send = EVTYP_MASK(EVTYP_MSG) | EVTYP_MASK(EVTYP_VT220);
	if (sclp_call(SCLP_CMD_WRITE_EVENT_MASK, m) != HV_OK ||
	    m->h.response_code != SCLP_RC_NORMAL_COMPLETION) {
		/* An SCLP without event masks: line mode is the one that the
		 * oldest ones print. */
		console_type = EVTYP_MSG;
		return;
	}
	/* One type only, so that no line is printed twice; VT220 first, as
	 * it is QEMU's console and Hercules does not offer it. */
	if (m->sclp_receive & EVTYP_MASK(EVTYP_VT220))
		console_type = EVTYP_VT220;
	else if (m->sclp_receive & EVTYP_MASK(EVTYP_MSG))
		console_type = EVTYP_MSG;
	else
		console_type = 0;
}

void sclp_console_init(enum sclp_codepage cp)
{
	u32 me = sclp_acquire();

	codepage = cp;
	if (!console_ready)
		console_setup();
	sclp_release(me);
}

const char *sclp_console_kind(void)
{
	switch (console_type) {
	case EVTYP_MSG:
		return "line mode (type 0x02)";
	case EVTYP_VT220:
		return "VT220 (type 0x1a)";
	default:
		return "none";
	}
}

static void write_line_mode(const char *s, size_t len)
{
	struct lm_sccb *l = (struct lm_sccb *)console_sccb;

	memset(l, 0, sizeof(*l));
	for (size_t i = 0; i < len; i++)
		l->text[i] =
		    codepage == SCLP_CP_500 ? ascii_to_ebcdic_500(s[i]) : ascii_to_ebcdic(s[i]);
	l->mto.length = (u16)(sizeof(l->mto) + len);
	l->mto.type = 4;
	l->mto.line_type_flags = MTO_LINE_END;
	l->mdb.length = (u16)(sizeof(l->mdb) + l->mto.length);
	l->mdb.type = 1;
	l->mdb.tag = MDB_TAG;
	l->mdb.revision = 1;
	l->ev.length = (u16)(sizeof(l->ev) + l->mdb.length);
	l->ev.type = EVTYP_MSG;
	l->h.length = (u16)(sizeof(l->h) + l->ev.length);
	sclp_call(SCLP_CMD_WRITE_EVENT_DATA, l);
}

static void write_vt220(const char *s, size_t len)
{
	struct vt220_sccb *v = (struct vt220_sccb *)console_sccb;

	memset(v, 0, sizeof(*v));
	memcpy(v->text, s, len);
	v->text[len] = '\n';
	v->ev.length = (u16)(sizeof(v->ev) + len + 1);
	v->ev.type = EVTYP_VT220;
	v->h.length = (u16)(sizeof(v->h) + v->ev.length);
	sclp_call(SCLP_CMD_WRITE_EVENT_DATA, v);
}

void sclp_console_write(const char *s, size_t len)
{
	u32 me = sclp_acquire();

	if (!console_ready)
		console_setup();
	if (len > LINE_MAX_BYTES)
		len = LINE_MAX_BYTES;
	if (console_type == EVTYP_MSG)
		write_line_mode(s, len);
	else if (console_type == EVTYP_VT220)
		write_vt220(s, len);
	sclp_release(me);
}

static u64 get_be(const u8 *p, unsigned bytes)
{
	u64 v = 0;

	for (unsigned i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	return v;
}

int sclp_read_scp_info(struct sclp_scp_info *info)
{
	struct sccb_header *h = (struct sccb_header *)info_sccb;
	u32 me = sclp_acquire();

	memset(info_sccb, 0, sizeof(info_sccb));
	h->length = sizeof(info_sccb);
	int rc = sclp_call(SCLP_CMD_READ_SCP_INFO, info_sccb);
	sclp_release(me);
	if (rc != HV_OK || h->response_code != SCLP_RC_NORMAL_READ)
		return HV_E_NODEV;

	u64 rnmax = get_be(info_sccb + SCP_RNMAX, 2);
	u64 rnsize = get_be(info_sccb + SCP_RNSIZE, 1);
	if (!rnmax)
		rnmax = get_be(info_sccb + SCP_RNMAX2, 8);
	if (!rnsize)
		rnsize = get_be(info_sccb + SCP_RNSIZE2, 4);
	info->mem_bytes = rnmax * (rnsize << 20);

	u32 n = (u32)get_be(info_sccb + SCP_NCPU, 2);
	u32 off = (u32)get_be(info_sccb + SCP_CPUOFF, 2);
	info->nr_cpus = 0;
	for (u32 i = 0; i < n && info->nr_cpus < SCLP_MAX_CPUS; i++) {
		u32 e = off + i * SCP_CPU_ENTRY;
		if (e + SCP_CPU_ENTRY > sizeof(info_sccb))
			break;
		info->cpu_addr[info->nr_cpus++] = info_sccb[e];
	}
	return info->mem_bytes ? HV_OK : HV_E_NODEV;
}
