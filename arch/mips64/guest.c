/* SPDX-License-Identifier: MIT */
/* What a MIPS guest gets from either backend (trap-and-emulate or VZ):
 * the state QEMU's -kernel loader gives a kernel, its command line, and
 * how a result of the shared emulation layer becomes a core exit. */
#include "arch/backend.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/te.h"
#include "hv/lib.h"
#include "hv/percpu.h"

#define A0 4
#define A1 5
#define A2 6
#define A3 7

/* The command line block, laid out as QEMU's loader lays it out at
 * 0x0ff00000 (argv[] of 32-bit pointers, "g" at +0x10, the text at +0x12):
 * there if the partition has RAM there, else in the last page of the slot
 * holding guest-physical 0. Pointers are kseg0-window addresses. */
#define CMDLINE_NATIVE_GPA 0x0ff00000ull
#define CMDLINE_BLOCK 0x1000ull

static void put_cmdline(struct vcpu *v, const char *cmdline)
{
	struct partition *p = v->part;
	u64 g = CMDLINE_NATIVE_GPA;

	if (!partition_gpa_ptr(p, gpa(g), CMDLINE_BLOCK, true)) {
		g = ~0ull;
		for (u32 s = 0; s < p->nr_slots; s++)
			if (p->slots[s].gpa.v == 0 && p->slots[s].size >= 16 * CMDLINE_BLOCK &&
			    p->slots[s].size <= TE_WINDOW)
				g = p->slots[s].size - CMDLINE_BLOCK;
	}
	u8 *blk = g != ~0ull ? partition_gpa_ptr(p, gpa(g), CMDLINE_BLOCK, true) : NULL;
	if (!blk)
		return; /* nowhere to put it: argc stays 0 */
	u32 argv[3] = {(u32)(TE_KSEG0 + g + 0x10), (u32)(TE_KSEG0 + g + 0x12), 0};
	memset(blk, 0, CMDLINE_BLOCK);
	memcpy(blk, argv, sizeof(argv));
	blk[0x10] = 'g';
	hv_strlcpy((char *)blk + 0x12, cmdline, CMDLINE_BLOCK - 0x12);
	v->arch.ctx.gpr[A0] = 2;
	v->arch.ctx.gpr[A1] = TE_KSEG0 + g;
}

/* What QEMU's -kernel loader gives a kernel: kernel mode with Status = 0
 * (interrupts off, BEV and ERL clear), a0 = argc, a1 = argv (32-bit
 * pointers), a2 = boot parameters (none here), a3 = 0. */
void mips_guest_boot(struct vcpu *v, const struct vcpu_boot *b, u64 pc)
{
	struct mips_guest_ctx *c = &v->arch.ctx;

	c->cp0.status = 0;
	c->pc = pc;
	c->gpr[A0] = 0;
	c->gpr[A1] = c->gpr[A2] = c->gpr[A3] = 0;
	if (b->cmdline)
		put_cmdline(v, b->cmdline);
}

void mips_fpu_claim(struct vcpu *v, bool fr)
{
	struct arch_percpu *cpu = &this_cpu()->arch;
	struct vcpu *o = cpu->fpu_owner;
	u32 st = read_c0_status();

	if (o == v)
		return;
	if (o) {
		bool ofr = o->arch.ctx.cp0.status & C0_ST_FR;
		write_c0_status(st | C0_ST_CU1 | (ofr ? C0_ST_FR : 0));
		mips_fpu_save(&o->arch.fpu, ofr);
		o->arch.fpu_fr = ofr;
	}
	write_c0_status((st & ~(u32)C0_ST_FR) | C0_ST_CU1 | (fr ? C0_ST_FR : 0));
	mips_fpu_restore(&v->arch.fpu, fr);
	write_c0_status(st);
	cpu->fpu_owner = v;
}

void mips_guest_start(struct vcpu *v, u64 pc, u64 sp, u64 gp, u64 a1)
{
	struct mips_guest_ctx *c = &v->arch.ctx;

	c->cp0.status = 0;
	c->pc = mips_backend->entry_pc(pc);
	c->gpr[29] = sp;
	c->gpr[28] = gp;
	c->gpr[A1] = a1;
}

void mips_guest_fault(struct vcpu *v, struct vcpu_exit *e, const char *what)
{
	e->kind = VEXIT_FAULT;
	hv_snprintf(e->why, sizeof(e->why), "%s at pc 0x%llx", what,
	            (unsigned long long)v->arch.ctx.pc);
}

bool mips_guest_result(struct vcpu *v, int r, struct vcpu_exit *e)
{
	switch (r) {
	case EMU_DONE:
	case EMU_EXCEPTION:
		return true;
	case EMU_WAIT:
		v->arch.waiting = true;
		return true;
	case EMU_HYPERCALL:
		te_hypercall(v, e);
		return e->kind == VEXIT_PREEMPT;
	case EMU_EXIT:
		e->kind = (u32)v->arch.exit_kind;
		e->status = v->arch.exit_status;
		hv_snprintf(e->why, sizeof(e->why), "guest wrote the PM register");
		return false;
	case EMU_UNHANDLED:
	case EMU_FAIL:
	default:
		mips_guest_fault(v, e, "instruction the hypervisor cannot emulate");
		return false;
	}
}
