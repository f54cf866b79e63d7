/* SPDX-License-Identifier: MIT */
/* Guest SDK: SMP on the Loongson-3 IPI mailbox, natively on QEMU 10
 * loongson3-virt and as a Tern partition, from the same code.
 *
 * Opt-in: a guest that uses it adds sdk/smp.c and sdk/smp_entry.S to its
 * sources (TG_SDK_SMP_SOURCES in tests/guests/mips64/guests.cmake) and
 * includes "tg_smp.h".
 *
 * CPUs are named by their EBase.CPUNum. Under Tern vCPU k has CPUNum k and
 * vCPU 0 enters at the ELF entry; natively QEMU 10 enters on CPU n-1 (for
 * -smp n) and parks CPUs 0..n-2 in its boot ROM. Either way a parked CPU c
 * polls MAILBOX0 of IPI block ("slot") c and starts with sp, gp and a1 from
 * MAILBOX1..3. What differs is which slot interrupts CPU c: slot c under
 * Tern, slot n-1-c natively on QEMU 10 (it wires its slots in reverse).
 * tg_smp_init() picks the map from tg_env(); tg_ipi_irq_slot() gives it.
 *
 * A slot's block is reached through uncached XKPHYS, so every CPU that
 * sends or takes IPIs runs with Status.KX set (tg_smp_start and
 * tg_ipi_enable set it; tg_run's clean state clears it on the boot CPU).
 *
 * IPIs: tg_ipi_send(cpu, bits) ORs bits into the STATUS of the slot that
 * interrupts cpu; that CPU's IP6 handler (in the SDK) reads STATUS, writes
 * the bits to CLEAR and calls the guest's tg_ipi_fn with them. By
 * convention the SDK's users send bit 1 << sender, so 32 bits name every
 * sender of up to TG_SMP_MAX CPUs; the meaning of a message lives in shared
 * memory, written before the send (tg_ipi_send orders it with `sync`).
 *
 * Waiting: tg_smp_wait_u32() sleeps in `wait` with interrupts on, until a
 * word changes or a timeout (Count ticks) passes. It arms the CPU's
 * Count/Compare timer at the timeout (at most TG_SMP_SLEEP at a time), so
 * it returns on time even if no IPI comes, and an interrupt that lands
 * between its check and its `wait` makes it return (the handler moves EPC
 * past the `wait`), so no wakeup is lost. It sleeps as long as it can and
 * never polls: under trap-and-emulate every poll is an exit, and exits of
 * vCPUs of one partition contend in the hypervisor. On a CPU that has
 * called tg_ipi_enable or waited this way the SDK owns IP7: do not use the
 * timer for anything else there.
 *
 * Secondary CPUs must not use tg_try, TG_RUN or user mode (that state is
 * the boot CPU's); an unexpected exception on one prints a line, is
 * counted (tg_smp_faults) and parks that CPU. The console takes a lock
 * (interrupts off while a line is written) once tg_smp_init has run. */
#ifndef TG_SMP_H
#define TG_SMP_H

#include "tg/tg.h"

#define TG_SMP_MAX 16u           /* CPUs: 4 nodes of 4 cores */
#define TG_SMP_STACK 8192u       /* bytes of stack per secondary CPU */
#define TG_SMP_SLEEP 0x7fffffffu /* longest sleep of a wait: 5.4 s of Count */

/* The IPI block of slot k: XKPHYS uncached 0x3ff01000 + (k%4)*0x100 +
 * ((k/4) << 44). Registers (32-bit) and mailboxes (64-bit): */
#define TG_IPI_STATUS 0x00
#define TG_IPI_EN 0x04
#define TG_IPI_SET 0x08
#define TG_IPI_CLEAR 0x0c
#define TG_IPI_MAILBOX(i) (0x20 + 8 * (i))
static inline u64 tg_ipi_block(u32 slot)
{
	return 0x9000000000000000ull | (0x3ff01000ull + (slot & 3) * 0x100ull) |
	       ((u64)(slot >> 2) << 44);
}

/* Set up SMP for n CPUs (the partition's vCPUs, or QEMU's -smp n; a guest
 * takes it from its command line, e.g. cpus=N). 0, or negative: n out of
 * range (-1), this CPU's CPUNum not below n (-2). */
int tg_smp_init(u32 n);
u32 tg_smp_ncpus(void);
u32 tg_smp_boot_cpu(void);    /* CPUNum of the CPU that entered at _start */
u32 tg_smp_self(void);        /* CPUNum of the running CPU (from its stack: no CP0 read) */
u32 tg_ipi_irq_slot(u32 cpu); /* the slot whose SET interrupts cpu */

/* Release parked CPU `cpu` into fn(arg) on its own stack: kernel mode,
 * Status = KX (interrupts off), kseg0 cacheable, EBase on the SDK's
 * vectors. Mailboxes of slot cpu: MAILBOX1 = stack, MAILBOX2 = gp,
 * MAILBOX3 = its tg_smp data (a1), then MAILBOX0 = the entry stub. If fn
 * returns, the CPU parks. 0, or -1 (no such CPU, the boot CPU, or already
 * started). */
int tg_smp_start(u32 cpu, void (*fn)(void *), void *arg);
bool tg_smp_started(u32 cpu);     /* it has reached fn */
u32 tg_smp_faults(void);          /* unexpected exceptions on secondary CPUs */
_Noreturn void tg_smp_park(void); /* interrupts off, `wait` forever */

/* IPIs. */
typedef void (*tg_ipi_fn)(u32 self, u32 bits);
void tg_ipi_set_handler(tg_ipi_fn fn); /* for every CPU */
/* This CPU takes IPIs: EN = all bits in its interrupt slot, Status |= KX,
 * IE, IM6 and IM7 (the waits' timer). */
void tg_ipi_enable(void);
void tg_ipi_send(u32 cpu, u32 bits);
u32 tg_ipi_taken(u32 cpu); /* IP6 interrupts taken by cpu (statistics) */

/* Sleep until *p != old (true) or `ticks` of Count have passed (false). */
bool tg_smp_wait_u32(const volatile u32 *p, u32 old, u32 ticks);
/* Sleep until *p >= want (true) or ms milliseconds have passed (false);
 * time is summed in 64 bits, so a wait may outlast a Count wrap. */
bool tg_smp_wait_at_least(const volatile u32 *p, u32 want, u32 ms);

/* Natural-number argument `name=V` of the command line, or def. */
u64 tg_cmdline_u64(const char *name, u64 def);

#endif
