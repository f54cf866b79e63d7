/* SPDX-License-Identifier: MIT */
/* Interfaces between the files of the MIPS64 port (not seen by core). */
#ifndef ARCH_MIPS64_H
#define ARCH_MIPS64_H

#include "arch/frame.h"
#include "hv/boot_info.h"
#include "hv/types.h"

#define MIPS_NO_DEADLINE (~0ull)

/* head.S / vectors.S / cpu_asm.S */
extern char __image_start[], __image_end[];
extern char mips_idle_window[], mips_idle_wait[], mips_idle_resume[];
extern struct mips_exc_area mips_exc_area[HV_MAX_CPUS];
extern u32 mips_exit_semihosting; /* read by the last-resort exit in vectors.S */
extern u32 mips_on_qemu_virt;     /* LEFI says QEMU loongson3-virt: PM powers off */
/* How a user-mode `sdbbp` is kept out of EJTAG debug mode on this machine:
 * by Config5.SBRI (Reserved Instruction; set on every CPU by
 * mips_cpu_setup), else only by the boot ROM's debug vector raising
 * Coprocessor Unusable, which holds only while Status.CU1 is clear. */
enum mips_sdbbp_guard {
	SDBBP_GUARD_SBRI, /* Config5.SBRI set on every CPU */
	SDBBP_GUARD_ROM,  /* no SBRI; the ROM path checked: guests get no FPU */
	SDBBP_GUARD_NONE, /* neither: no trap-and-emulate guests */
};
extern enum mips_sdbbp_guard mips_sdbbp_guard;
const char *mips_sdbbp_guard_name(void);
void mips_save_regs(struct mips_frame *f);

/* Entry points from assembler. */
__noreturn void mips_boot_main(s64 argc, u64 argv, u64 lefi);
__noreturn void mips_secondary_main(u64 arg);
void mips_exception(struct mips_frame *f);
/* exception.c: the host interrupts in `pending` (Cause & Status IP bits),
 * also for interrupts that arrive while a guest runs. */
void mips_irq_handle(u32 pending);

/* cpu.c: per-CPU setup common to the boot CPU and secondaries. */
void mips_cpu_setup(void);
const char *mips_cpu_model(u32 prid);

/* lefi.c: the firmware's boot parameters. */
struct lefi_info {
	bool valid;
	u32 prid;
	u32 nr_cpus;
	u32 cpu_clock_hz;
	const char *board; /* board name, or "" */
	u32 nr_mem;
	struct mem_region mem[HV_MAX_MEM_REGIONS];
};
void lefi_parse(u64 lefi, struct lefi_info *out);

/* console.c */
void mips_console_init(void);

/* timer.c */
void mips_timer_cpu_init(void);
void mips_timer_irq(void);
u64 mips_timer_calibrate(u64 fallback_hz);

/* ipi.c */
void mips_ipi_discover(u32 boot_cpu, u32 nr_cpus);
void mips_ipi_cpu_verify(u32 hwid);
void mips_ipi_irq(void);
void mips_ipi_stop_others(void);

/* crash.c */
__noreturn void mips_crash(const struct mips_frame *f);

/* host_ops.c: host cache and CPUCFG on a guest's behalf (both backends). */
void mips_host_cache_index(u32 op, u64 va);
bool mips_host_cpucfg(u32 sel, u32 *val);
u32 mips_host_fcsr(void);
struct mips_fpu;
/* A guest's FPU state, saved when another vCPU on the CPU needs the FPU. */
void mips_fpu_save(struct mips_fpu *f, bool fr);
void mips_fpu_restore(const struct mips_fpu *f, bool fr);
bool mips_fcsr_cc(u32 fcsr, u32 cc);

/* vz_hw.c: per-CPU setup of the page-walk registers (Loongson LSPW). */
void vz_hw_cpu_setup(void);

/* power.c */
__noreturn void mips_halt(void);

#endif
