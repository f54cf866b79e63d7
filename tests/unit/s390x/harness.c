/* SPDX-License-Identifier: MIT */
/* Fakes of the core services for the s390x emulation-layer tests. */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <arch/be.h>
#include <arch/lowcore.h>

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
