/* SPDX-License-Identifier: MIT */
/* STORE SYSTEM INFORMATION: the guest runs at configuration level 3 (a
 * virtual machine): 1.1.1 (the machine), 1.2.2 (its CPUs), 2.2.2 (the
 * logical partition Tern runs in, as Tern sees it) and 3.2.2 (the
 * partition itself, control program "TERN"). Everything else: cc 3. */
#include <arch/be.h>
#include <arch/ebcdic.h>
#include <arch/emulate.h>

#include "hv/boot_info.h"
#include "hv/lib.h"

#define SYSIB_SIZE 4096
#define LEVEL_VM 3

static u8 sysib_work[HV_MAX_CPUS][SYSIB_SIZE];

/* A blank-padded EBCDIC field. */
static void field(u8 *dst, const char *ascii, size_t n)
{
	size_t len = strnlen(ascii, n);

	for (size_t i = 0; i < len; i++)
		dst[i] = ascii_to_ebcdic(ascii[i]);
	memset(dst + len, 0x40, n - len);
}

static void cpu_counts(u8 *at, u32 n)
{
	put_be16(at, (u16)n);     /* total */
	put_be16(at + 2, (u16)n); /* configured */
	put_be16(at + 4, 0);      /* standby */
	put_be16(at + 6, 0);      /* reserved */
}

static void sysib_111(const struct emu *em, u8 *b)
{
	char seq[17];

	field(b + 32, "TERN", 16); /* manufacturer */
	field(b + 48, "8561", 4);  /* type */
	field(b + 64, "TERN", 16); /* model capacity identifier */
	hv_snprintf(seq, sizeof(seq), "%016u", em->p->id);
	field(b + 80, seq, 16);     /* sequence code */
	field(b + 96, "TERN", 4);   /* plant */
	field(b + 100, "TERN", 16); /* model */
}

static void sysib_122(const struct emu *em, u8 *b)
{
	b[0] = 0;            /* format */
	put_be32(b + 32, 0); /* capability: unknown */
	cpu_counts(b + 36, em->p->nr_vcpus);
}

static void sysib_222(const struct emu *em, u8 *b)
{
	put_be16(b + 32, 1); /* LPAR number */
	b[35] = 0x80;        /* characteristics: dedicated */
	cpu_counts(b + 36, em->p->nr_vcpus);
	field(b + 44, "TERN", 8); /* LPAR name */
	put_be32(b + 52, 1000);   /* capability adjustment factor */
}

static void sysib_322(const struct emu *em, u8 *b)
{
	char name[9];
	u8 *vm = b + 32;

	b[31] = 1; /* one virtual-machine level description */
	cpu_counts(vm + 4, em->p->nr_vcpus);
	hv_snprintf(name, sizeof(name), "TERNP%u", em->p->id);
	field(vm + 12, name, 8);    /* virtual machine name */
	put_be32(vm + 20, 1000);    /* capability adjustment factor */
	field(vm + 24, "TERN", 16); /* control program identifier */
}

int emulate_stsi(struct emu *em)
{
	struct s390_cpu *cpu = em->cpu;
	u64 r0 = cpu->gprs[0], r1 = cpu->gprs[1];
	u32 fc = (u32)(r0 >> 28) & 0xf, sel1 = (u32)r0 & 0xff, sel2 = (u32)r1 & 0xffff;

	if (emu_problem_state(em))
		return emu_pgm(em, PGM_PRIVILEGED_OP);
	/* Reserved bits: r0 bits 36-55, r1 bits 32-47. */
	if ((r0 & 0x0fffff00ull) || (r1 & 0xffff0000ull))
		return emu_pgm(em, PGM_SPECIFICATION);
	if (fc == 0) {
		cpu->gprs[0] = (r0 & ~0xffffffffull) | (u64)LEVEL_VM << 28;
		psw_set_cc(&cpu->psw, 0);
		return EMU_CONTINUE;
	}
	u64 addr = emu_addr_d2b2(em);
	if (fc <= LEVEL_VM && (addr & 0xfff))
		return emu_pgm(em, PGM_SPECIFICATION);
	u8 *b = sysib_work[em->v->pcpu % HV_MAX_CPUS];
	memset(b, 0, SYSIB_SIZE);
	u32 which = fc << 16 | sel1 << 8 | sel2;
	switch (which) {
	case 0x010101:
		sysib_111(em, b);
		break;
	case 0x010202:
		sysib_122(em, b);
		break;
	case 0x020202:
		sysib_222(em, b);
		break;
	case 0x030202:
		sysib_322(em, b);
		break;
	default:
		psw_set_cc(&cpu->psw, 3);
		return EMU_CONTINUE;
	}
	if (emu_write(em, addr, b, SYSIB_SIZE))
		return EMU_CONTINUE;
	psw_set_cc(&cpu->psw, 0);
	return EMU_CONTINUE;
}
