/* SPDX-License-Identifier: MIT */
/* SERVC: a virtual SCLP for the guest. The SCCB is validated as QEMU's
 * sclp_service_call() does (privilege, alignment and range → program
 * exceptions; a page crossing → response 0x0100), copied in once, served
 * from the copy, and written back whole; then the partition's floating
 * service-signal interruption (0x2401, parameter = SCCB address) is made
 * pending. Commands: READ SCP INFO (and FORCED), READ CPU INFO, WRITE
 * EVENT MASK, WRITE EVENT DATA (VT220 0x1a and line mode 0x02 → the
 * partition's console), READ EVENT DATA (never anything to read). */
#include <arch/be.h>
#include <arch/ebcdic.h>
#include <arch/emulate.h>
#include <arch/features.h>
#include <arch/gmem.h>
#include <arch/inject.h>

#include "hv/boot_info.h"
#include "hv/lib.h"

#define SCCB_MAX 4096
#define CMD_MASK 0xffff00ffu /* the middle byte names a resource */
#define CMD_READ_CPU_INFO 0x00010001u
#define CMD_READ_SCP_INFO 0x00020001u
#define CMD_READ_SCP_INFO_FORCED 0x00120001u
#define CMD_READ_EVENT_DATA 0x00770005u
#define CMD_WRITE_EVENT_DATA 0x00760005u
#define CMD_WRITE_EVENT_MASK 0x00780005u

#define RC_NORMAL_READ 0x0010
#define RC_NORMAL_COMPLETION 0x0020
#define RC_BOUNDARY_VIOLATION 0x0100
#define RC_INVALID_COMMAND 0x01f0
#define RC_INSUFFICIENT_LENGTH 0x0300
#define RC_INVALID_FUNCTION 0x40f0
#define RC_NO_EVENT_BUFFERS 0x60f0
#define RC_EVBUF_SYNTAX 0x73f0
#define RC_INVALID_MASK_LENGTH 0x74f0

/* SCCB header. */
#define H_LENGTH 0
#define H_FUNCTION 2
#define H_RESPONSE 6
#define H_SIZE 8

/* READ SCP INFO. */
#define SCP_RNMAX 8
#define SCP_RNSIZE 10
#define SCP_NCPU 16
#define SCP_CPUOFF 18
#define SCP_FACILITIES 24
#define SCP_RNSIZE2 100
#define SCP_RNMAX2 104
#define SCP_FAC134 134
#define SCP_CPUOFF_FIXED 128 /* without room for byte 134: CPU entries at 128 */
#define SCP_CPUOFF_EXT 144   /* with it, as QEMU's extended layout */
#define SCP_FAC134_DIAG318 0x80
#define SCLP_HAS_CPU_INFO 0x0c00000000000000ull
#define CPU_ENTRY_SIZE 16
#define CPU_ENTRY_TYPE 14

/* READ CPU INFO. */
#define CPUINFO_NR_CONF 8
#define CPUINFO_OFF_CONF 10
#define CPUINFO_NR_STANDBY 12
#define CPUINFO_OFF_STANDBY 14
#define CPUINFO_ENTRIES 24

/* Event buffers. */
#define EV_LENGTH 0
#define EV_TYPE 2
#define EV_FLAGS 3
#define EV_SIZE 6
#define EV_ACCEPTED 0x80
#define EVTYP_MSG 0x02
#define EVTYP_VT220 0x1a
#define EVTYP_MASK(t) (0x80000000u >> ((t)-1))
/* What the SCLP accepts from the guest, and can send it. */
#define SCLP_RECEIVE_MASK (EVTYP_MASK(EVTYP_MSG) | EVTYP_MASK(EVTYP_VT220))
#define SCLP_SEND_MASK EVTYP_MASK(EVTYP_VT220)

/* Line mode: MDB header, then objects; type 4 = message text object. */
#define MDB_HEADER 12
#define MTO_TYPE 4
#define MTO_HEADER 10

/* One work copy per physical CPU: an SCCB is too big for the stack. */
static u8 sccb_work[HV_MAX_CPUS][SCCB_MAX];

static void respond(u8 *sccb, u16 rc)
{
	put_be16(sccb + H_RESPONSE, rc);
}

static void cpu_entries(struct partition *p, u8 *at)
{
	for (u32 i = 0; i < p->nr_vcpus; i++) {
		memset(at + i * CPU_ENTRY_SIZE, 0, CPU_ENTRY_SIZE);
		at[i * CPU_ENTRY_SIZE] = (u8)i;              /* CPU address = vCPU index */
		at[i * CPU_ENTRY_SIZE + CPU_ENTRY_TYPE] = 0; /* CP */
	}
}

static void read_scp_info(struct partition *p, u8 *sccb, u32 len)
{
	u32 n = p->nr_vcpus;
	bool diag318 = (p->cfg->features & S390_FEAT_DIAG318) != 0;
	/* Byte 134 lies inside CPU entry 0 when the entries start at 128:
	 * move them behind it when the SCCB has room, as QEMU does with the
	 * extended-length SCCB. */
	u32 off = len >= SCP_CPUOFF_EXT + n * CPU_ENTRY_SIZE ? SCP_CPUOFF_EXT : SCP_CPUOFF_FIXED;

	if (len < off + n * CPU_ENTRY_SIZE) {
		respond(sccb, RC_INSUFFICIENT_LENGTH);
		return;
	}
	memset(sccb + H_SIZE, 0, len - H_SIZE);
	/* Storage in increments of rnsize MiB, rnmax of them (u16). */
	u64 mib = ALIGN_UP(partition_mem_end(p), MiB(1)) >> 20, rnsize = 1;
	while (mib / rnsize > 0xffff)
		rnsize <<= 1;
	u64 rnmax = ALIGN_UP(mib, rnsize) / rnsize;
	if (rnsize <= 0xff) {
		put_be16(sccb + SCP_RNMAX, (u16)rnmax);
		sccb[SCP_RNSIZE] = (u8)rnsize;
	}
	put_be32(sccb + SCP_RNSIZE2, (u32)rnsize);
	put_be64(sccb + SCP_RNMAX2, rnmax);
	put_be16(sccb + SCP_NCPU, (u16)n);
	put_be16(sccb + SCP_CPUOFF, (u16)off);
	put_be64(sccb + SCP_FACILITIES, SCLP_HAS_CPU_INFO);
	if (diag318 && off > SCP_FAC134)
		sccb[SCP_FAC134] = SCP_FAC134_DIAG318;
	cpu_entries(p, sccb + off);
	respond(sccb, RC_NORMAL_READ);
}

static void read_cpu_info(struct partition *p, u8 *sccb, u32 len)
{
	u32 n = p->nr_vcpus;

	if (len < CPUINFO_ENTRIES + n * CPU_ENTRY_SIZE) {
		respond(sccb, RC_INSUFFICIENT_LENGTH);
		return;
	}
	memset(sccb + H_SIZE, 0, len - H_SIZE);
	put_be16(sccb + CPUINFO_NR_CONF, (u16)n);
	put_be16(sccb + CPUINFO_OFF_CONF, CPUINFO_ENTRIES);
	put_be16(sccb + CPUINFO_NR_STANDBY, 0);
	put_be16(sccb + CPUINFO_OFF_STANDBY, (u16)(CPUINFO_ENTRIES + n * CPU_ENTRY_SIZE));
	cpu_entries(p, sccb + CPUINFO_ENTRIES);
	respond(sccb, RC_NORMAL_READ);
}

/* A mask of mask_len bytes as the first four (event types 1-32). */
static u32 mask_get(const u8 *m, u32 mask_len)
{
	u8 b[4] = {0, 0, 0, 0};

	memcpy(b, m, mask_len < 4 ? mask_len : 4);
	return get_be32(b);
}

static void mask_put(u8 *m, u32 mask_len, u32 v)
{
	u8 b[4];

	put_be32(b, v);
	memset(m, 0, mask_len);
	memcpy(m, b, mask_len < 4 ? mask_len : 4);
}

static void write_event_mask(struct partition *p, u8 *sccb, u32 len)
{
	u32 ml = get_be16(sccb + 10);

	if (ml == 0 || ml > 1021) {
		respond(sccb, RC_INVALID_MASK_LENGTH);
		return;
	}
	if (len < 12 + 4 * ml) {
		respond(sccb, RC_INSUFFICIENT_LENGTH);
		return;
	}
	p->arch.sclp_cp_receive = mask_get(sccb + 12, ml);
	p->arch.sclp_cp_send = mask_get(sccb + 12 + ml, ml);
	mask_put(sccb + 12 + 2 * ml, ml, SCLP_RECEIVE_MASK);
	mask_put(sccb + 12 + 3 * ml, ml, SCLP_SEND_MASK);
	respond(sccb, RC_NORMAL_COMPLETION);
}

/* Which console event types reach the console: a guest that writes every
 * line both ways (as QEMU-built guests do) is printed once, in the type it
 * announced first; one that set no mask is printed as it writes. */
static bool event_printed(struct partition *p, u8 type)
{
	u32 send = p->arch.sclp_cp_send;

	if (type == EVTYP_VT220)
		return !send || (send & EVTYP_MASK(EVTYP_VT220));
	return !send || !(send & EVTYP_MASK(EVTYP_VT220));
}

static void print_line_mode(struct partition *p, const u8 *ev, u32 elen)
{
	char text[256];

	if (elen < EV_SIZE + MDB_HEADER)
		return;
	u32 at = EV_SIZE + MDB_HEADER;
	while (at + 4 <= elen) {
		u32 olen = get_be16(ev + at), otype = get_be16(ev + at + 2);
		if (olen < 4 || olen > elen - at)
			break;
		if (otype == MTO_TYPE && olen >= MTO_HEADER) {
			u32 n = olen - MTO_HEADER, k = 0;
			for (u32 i = 0; i < n && k < sizeof(text) - 1; i++)
				text[k++] = ebcdic_to_ascii(ev[at + MTO_HEADER + i]);
			text[k++] = '\n';
			partition_console_write(p, text, k);
		}
		at += olen;
	}
}

static void write_event_data(struct partition *p, u8 *sccb, u32 len)
{
	if (sccb[H_FUNCTION] != 0) {
		respond(sccb, RC_INVALID_FUNCTION);
		return;
	}
	u32 at = H_SIZE;
	while (at < len) {
		u8 *ev = sccb + at;
		u32 elen = len - at >= 2 ? get_be16(ev + EV_LENGTH) : 0;
		if (elen < EV_SIZE || elen > len - at) {
			respond(sccb, RC_EVBUF_SYNTAX);
			return;
		}
		u8 type = ev[EV_TYPE];
		if (type == EVTYP_VT220) {
			if (event_printed(p, type))
				partition_console_write(p, (const char *)ev + EV_SIZE,
				                        elen - EV_SIZE);
			ev[EV_FLAGS] |= EV_ACCEPTED;
		} else if (type == EVTYP_MSG) {
			if (event_printed(p, type))
				print_line_mode(p, ev, elen);
			ev[EV_FLAGS] |= EV_ACCEPTED;
		}
		at += elen;
	}
	respond(sccb, RC_NORMAL_COMPLETION);
}

static int servc_command(struct emu *em, struct partition *p, u32 cmd, u64 real, u64 abs, u8 *sccb,
                         bool *signalled);

int emulate_servc(struct emu *em)
{
	struct partition *p = em->p;
	u32 cmd = (u32)em->cpu->gprs[emu_rre_r1(em)];
	u64 real = em->cpu->gprs[emu_rre_r2(em)];
	u8 *sccb = sccb_work[em->v->pcpu % HV_MAX_CPUS];

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	/* 8-byte aligned, below 2 GiB, and not in the low or prefix area. */
	if ((real & ~0x7ffffff8ull) || (real & ~0x1fffull) == 0 ||
	    (real & ~0x1fffull) == em->cpu->prefix)
		return emu_pgm(em, PGM_SPECIFICATION);
	u64 abs = real_to_abs(real, em->cpu->prefix);
	/* One command at a time, as the SCLP of a real machine (and
	 * Hercules): until the service signal of the last one has been
	 * presented, SERVC is busy. Without this, two vCPUs' commands would
	 * share one pending signal and one completion would be lost. */
	u32 idle = 0;
	if (!__atomic_compare_exchange_n(&p->arch.servc_busy, &idle, 1, false, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE)) {
		psw_set_cc(&em->cpu->psw, SCLP_SERVC_CC_BUSY);
		return EMU_CONTINUE;
	}
	bool signalled = false;
	int rc = servc_command(em, p, cmd, real, abs, sccb, &signalled);
	if (!signalled) /* a program exception: no signal will free SERVC */
		__atomic_store_n(&p->arch.servc_busy, 0, __ATOMIC_RELEASE);
	return rc;
}

/* The command itself, once SERVC is ours; *signalled tells whether it
 * completed with a service signal (which frees SERVC when presented). */
static int servc_command(struct emu *em, struct partition *p, u32 cmd, u64 real, u64 abs, u8 *sccb,
                         bool *signalled)
{
	if (!gmem_read_abs(p, abs, sccb, H_SIZE))
		return emu_pgm(em, PGM_ADDRESSING);
	u32 len = get_be16(sccb + H_LENGTH);
	if (len < H_SIZE)
		return emu_pgm(em, PGM_SPECIFICATION);
	bool boundary = len > SCCB_MAX - (abs & (SCCB_MAX - 1));
	if (boundary)
		len = H_SIZE;
	/* The answer goes back into the SCCB: storage the guest may not store
	 * into (a read-only slot) is refused before the command acts. */
	int wc = gmem_abs_store_check(p, abs, len);
	if (wc)
		return emu_pgm(em, (u16)wc);
	/* Copy the guest's SCCB once; serve the copy only. */
	if (boundary) {
		respond(sccb, RC_BOUNDARY_VIOLATION);
	} else if (!gmem_read_abs(p, abs, sccb, len)) {
		return emu_pgm(em, PGM_ADDRESSING);
	} else {
		switch (cmd & CMD_MASK) {
		case CMD_READ_SCP_INFO:
		case CMD_READ_SCP_INFO_FORCED:
			read_scp_info(p, sccb, len);
			break;
		case CMD_READ_CPU_INFO:
			read_cpu_info(p, sccb, len);
			break;
		case CMD_WRITE_EVENT_MASK:
			write_event_mask(p, sccb, len);
			break;
		case CMD_WRITE_EVENT_DATA:
			write_event_data(p, sccb, len);
			break;
		case CMD_READ_EVENT_DATA:
			respond(sccb, RC_NO_EVENT_BUFFERS);
			break;
		default:
			respond(sccb, RC_INVALID_COMMAND);
			break;
		}
	}
	if (!gmem_write_abs(p, abs, sccb, len))
		return emu_pgm(em, PGM_ADDRESSING);
	inject_service_signal(p, (u32)real);
	*signalled = true;
	/* The signal floats: another vCPU, waiting, may be the one enabled
	 * for it (a running one finds it at its next exit). */
	for (u32 i = 0; i < p->nr_vcpus; i++) {
		struct vcpu *o = &p->vcpus[i];
		if (o != em->v && !__atomic_load_n(&o->arch.stopped, __ATOMIC_ACQUIRE) &&
		    !__atomic_load_n(&o->arch.in_guest, __ATOMIC_ACQUIRE))
			vcpu_kick(o);
	}
	psw_set_cc(&em->cpu->psw, 0);
	return EMU_CONTINUE;
}
