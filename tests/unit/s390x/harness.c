/* SPDX-License-Identifier: MIT */
/* Fakes of the core services for the s390x emulation-layer tests. */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <arch/be.h>
#include <arch/hcmd.h>
#include <arch/lowcore.h>
#include <arch/skey.h>

#include "hv/arch/timer.h"
#include "hv/lib.h"

u8 guest_mem[GUEST_MEM] __attribute__((aligned(4096)));
struct partition part;
struct vcpu vcpu[2];
struct hv_partition_cfg part_cfg;
char console_out[4096];
char log_out[4096];
u32 kicks;

void harness_reset(u64 features)
{
	memset(guest_mem, 0, sizeof(guest_mem));
	memset(&part, 0, sizeof(part));
	memset(vcpu, 0, sizeof(vcpu));
	memset(&part_cfg, 0, sizeof(part_cfg));
	memset(fake_keys, 0, sizeof(fake_keys));
	hcmds[0] = 0;
	console_out[0] = log_out[0] = 0;
	kicks = 0;
	part_cfg.features = features;
	part_cfg.name = "test";
	part.cfg = &part_cfg;
	part.state = PART_RUNNING;
	part.nr_slots = 1;
	part.slots[0].gpa = gpa(0);
	part.slots[0].hpa = hpa((u64)(unsigned long)guest_mem);
	part.slots[0].size = GUEST_MEM;
	part.nr_vcpus = 2;
	part.vcpus = vcpu;
	for (u32 i = 0; i < 2; i++) {
		vcpu[i].id = i;
		vcpu[i].pcpu = i;
		vcpu[i].part = &part;
		vcpu[i].arch.cpu.crs[0] = 0xe0;
		vcpu[i].arch.cpu.psw.mask = PSW_MASK_64;
		vcpu[i].arch.cpu.psw.addr = 0x10004;
	}
	vcpu[1].arch.stopped = 1;
	for (u32 c = 0; c < 6; c++) {
		g_put(LC_RESTART_NEW_PSW + 16 * c, 8, PSW_MASK_64);
		g_put(LC_RESTART_NEW_PSW + 16 * c + 8, 8, 0x8000 + 0x100 * c);
	}
}

int run_insn(struct vcpu *v, const u8 *insn, struct vcpu_exit *e)
{
	struct emu em = {.v = v, .p = v->part, .cpu = &v->arch.cpu, .e = e};

	memcpy(em.insn, insn, 6);
	em.ilen = insn_length(insn[0]);
	memset(e, 0, sizeof(*e));
	return emulate_insn(&em);
}

u64 g_get(u64 addr, unsigned bytes)
{
	return get_be(guest_mem + addr, bytes);
}

void g_put(u64 addr, unsigned bytes, u64 v)
{
	put_be(guest_mem + addr, bytes, v);
}

u16 last_pgm(void)
{
	return (u16)g_get(LC_PGM_CODE, 2);
}

/* --- fakes --------------------------------------------------------------- */

void *partition_gpa_ptr(struct partition *p, gpa_t g, u64 len, bool write)
{
	(void)write;
	for (u32 s = 0; s < p->nr_slots; s++) {
		const struct mem_slot *sl = &p->slots[s];
		if (len && g.v >= sl->gpa.v && g.v - sl->gpa.v < sl->size &&
		    len <= sl->size - (g.v - sl->gpa.v))
			return (void *)(unsigned long)(sl->hpa.v + (g.v - sl->gpa.v));
	}
	return NULL;
}

u64 partition_mem_end(const struct partition *p)
{
	return p->slots[0].gpa.v + p->slots[0].size;
}

u64 partition_mem_size(const struct partition *p)
{
	return p->slots[0].size;
}

struct vcpu *partition_vcpu(struct partition *p, u32 id)
{
	return id < p->nr_vcpus ? &p->vcpus[id] : NULL;
}

void partition_console_write(struct partition *p, const char *buf, size_t len)
{
	size_t at = strlen(console_out);

	(void)p;
	if (at + len < sizeof(console_out)) {
		memcpy(console_out + at, buf, len);
		console_out[at + len] = 0;
	}
}

void partition_log(const struct partition *p, const char *fmt, ...)
{
	va_list ap;
	size_t at = strlen(log_out);

	(void)p;
	va_start(ap, fmt);
	vsnprintf(log_out + at, sizeof(log_out) - at, fmt, ap);
	va_end(ap);
}

void vcpu_kick(struct vcpu *v)
{
	(void)v;
	kicks++;
}

u64 arch_timer_now(void)
{
	return 0x1000000000ull;
}

/* Storage keys of the fake frames: one per 4 KiB page of guest_mem. */
u8 fake_keys[GUEST_MEM / 4096];

static u8 *key_of(u64 hpa)
{
	u64 off = hpa - (u64)(unsigned long)guest_mem;

	return off < GUEST_MEM ? &fake_keys[off / 4096] : NULL;
}

u8 skey_insert(u64 hpa)
{
	u8 *k = key_of(hpa);

	return k ? *k : 0;
}

int skey_set(u64 hpa, u64 *r1, unsigned m3)
{
	u8 *k = key_of(hpa);

	if (!k)
		return 3;
	u8 old = *k, want = (u8)(*r1 & 0xfe);
	if (m3 & (SSKE_MR | SSKE_MC)) {
		u8 mask =
		    0xf8 | ((m3 & SSKE_MR) ? 0 : SKEY_REF) | ((m3 & SSKE_MC) ? 0 : SKEY_CHANGE);
		*r1 = (*r1 & ~0xff00ull) | (u64)old << 8;
		if ((old & mask) == (want & mask))
			return 0;
		*k = want;
		return 1;
	}
	*k = want;
	return 0;
}

int skey_reset_reference(u64 hpa)
{
	u8 *k = key_of(hpa);

	if (!k)
		return 0;
	int cc = (*k & SKEY_REF ? 2 : 0) | (*k & SKEY_CHANGE ? 1 : 0);
	*k &= (u8)~SKEY_REF;
	return cc;
}

/* Hercules panel commands issued, separated by ';'. */
char hcmds[256];

bool hercules_command(const char *cmd)
{
	size_t n = strlen(hcmds);

	snprintf(hcmds + n, sizeof(hcmds) - n, "%s;", cmd);
	return true;
}
