/* SPDX-License-Identifier: MIT */
/* SCLP service calls: SERVC, the service-signal handshake (an SCLP may
 * answer busy, cc 2, until the previous service signal was taken), and
 * READ SCP INFO. One SERVC at a time: callers hold the SCLP lock. */
#include "sdk_internal.h"

#define SCLP_CMD_READ_SCP_INFO 0x00020001u
#define SCLP_CMD_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_RC_NORMAL_READ 0x0010
#define SCLP_RC_INVALID_COMMAND 0x01f0

/* Byte offsets in the READ SCP INFO answer. */
#define SCP_RNMAX 8
#define SCP_RNSIZE 10
#define SCP_NCPU 16
#define SCP_RNSIZE2 100
#define SCP_RNMAX2 104

u8 sclp_sccb_page[4096] __aligned(4096);
static u8 info_sccb[4096] __aligned(4096);
static volatile u32 signalled;
static u64 mem_size;
static u32 cpu_count;
static bool info_read;

int servc(u32 cmd, void *sccb)
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

void sclp_signal(u32 param)
{
	(void)param;
	signalled = 1;
}

void sclp_wait_signal(void)
{
	u64 cr0 = ctl0_get();

	/* Only the CPU that waits takes the (floating) service signal. */
	ctl0_set(cr0 | CR0_SERVICE_SIG);
	while (!signalled)
		wait_for_ext();
	ctl0_set(cr0);
}

u16 sclp_call(u32 cmd, void *sccb)
{
	static struct sdk_lock sclp_lock;
	u16 rc = 0xffff;
	u8 mask = sdk_lock(&sclp_lock);

	for (int tries = 0; tries < 64; tries++) {
		signalled = 0;
		int cc = servc(cmd, sccb);
		if (cc == 3)
			break;
		/* cc 0: our answer comes with a service signal. cc 2: an earlier
		 * signal is still pending: take it and retry. */
		sclp_wait_signal();
		if (cc == 0) {
			rc = ((volatile u16 *)sccb)[3];
			break;
		}
	}
	sdk_unlock(&sclp_lock, mask);
	return rc;
}

static u16 rd16(const u8 *p, unsigned off)
{
	return (u16)(p[off] << 8 | p[off + 1]);
}

bool sclp_read_info(void *sccb4k)
{
	u8 *s = sccb4k;
	static const u32 cmds[] = {SCLP_CMD_READ_SCP_INFO_FORCED, SCLP_CMD_READ_SCP_INFO};

	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		memset(s, 0, 4096);
		s[0] = 0x10; /* length 4096 */
		s[1] = 0x00;
		u16 rc = sclp_call(cmds[i], s);
		if (rc == SCLP_RC_NORMAL_READ)
			return true;
		if (rc != SCLP_RC_INVALID_COMMAND)
			return false;
	}
	return false;
}

static void read_info_once(void)
{
	if (info_read)
		return;
	info_read = true;
	if (!sclp_read_info(info_sccb))
		return;
	u64 rnmax = rd16(info_sccb, SCP_RNMAX);
	u64 rnsize = info_sccb[SCP_RNSIZE];
	if (!rnmax) {
		rnmax = 0;
		for (int i = 0; i < 8; i++)
			rnmax = rnmax << 8 | info_sccb[SCP_RNMAX2 + i];
	}
	if (!rnsize) {
		for (int i = 0; i < 4; i++)
			rnsize = rnsize << 8 | info_sccb[SCP_RNSIZE2 + i];
	}
	mem_size = rnmax * rnsize << 20;
	cpu_count = rd16(info_sccb, SCP_NCPU);
}

u64 sclp_memory_size(void)
{
	read_info_once();
	return mem_size;
}

u32 sclp_cpu_count(void)
{
	read_info_once();
	return cpu_count;
}
