/* SPDX-License-Identifier: MIT */
/* Loongson IPI blocks: one per CPU slot, SET/CLEAR/STATUS/EN, on IP6.
 *
 * Which CPU a slot interrupts is not assumed: QEMU 10 wires slot k to CPU
 * n-1-k (its vCPUs are created in reverse), older QEMU and KVM to CPU k.
 * The boot CPU finds its own slot by raising each slot in turn with IE
 * clear and watching its Cause.IP6, derives the map from that, and every
 * secondary checks its own slot the same way before it reports in
 * (searching all slots if the guess was wrong).
 *
 * A SET raises the line only if STATUS & EN is non-zero at that moment, and
 * the line drops only when STATUS becomes 0 while EN is non-zero: EN stays
 * all-ones on every slot from discovery on. */
#include "hv/arch/ipi.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/cpu.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/percpu.h"

#define IPI_CALL 0x1u /* core's IPI: hv_ipi_handler() */
#define IPI_STOP 0x2u /* power-off: park this CPU */
/* Probe bits are per prober, so concurrent probes never clear each other. */
#define IPI_PROBE(hwid) (1u << (16 + (hwid)))
#define PROBE_WAIT_TICKS 20000u /* Cause follows a SET at once on QEMU */

static u32 nr_slots;

static bool ip6_pending(void)
{
	return (read_c0_cause() & CAUSE_IP6) != 0;
}

static bool wait_ip6(bool want)
{
	u32 t0 = read_c0_count();

	while (ip6_pending() != want)
		if (read_c0_count() - t0 > PROBE_WAIT_TICKS)
			return false;
	return true;
}

/* Does a SET in `slot` raise this CPU's IP6? Interrupts disabled. */
static bool probe_slot(u32 slot, u32 bit)
{
	u64 b = ipi_slot_base(slot);

	mmio_write32(b + IPI_SET, bit);
	mips_sync();
	bool mine = wait_ip6(true) && (mmio_read32(b + IPI_STATUS) & bit);
	mmio_write32(b + IPI_CLEAR, bit);
	mips_sync();
	if (mine)
		wait_ip6(false);
	return mine;
}

static bool find_own_slot(u32 me, u32 first_guess, u32 *slot)
{
	if (first_guess < nr_slots && probe_slot(first_guess, IPI_PROBE(me))) {
		*slot = first_guess;
		return true;
	}
	for (u32 k = 0; k < nr_slots; k++) {
		if (k != first_guess && probe_slot(k, IPI_PROBE(me))) {
			*slot = k;
			return true;
		}
	}
	return false;
}

/* Boot CPU, before any secondary is released (they sit in the boot ROM,
 * which ignores the IPI registers). */
void mips_ipi_discover(u32 boot_cpu, u32 nr_cpus)
{
	u32 s = 0;

	nr_slots = nr_cpus;
	for (u32 k = 0; k < nr_slots; k++) {
		mmio_write32(ipi_slot_base(k) + IPI_EN, ~0u);
		mmio_write32(ipi_slot_base(k) + IPI_CLEAR, ~0u);
	}
	mips_sync();
	bool found = find_own_slot(boot_cpu, nr_cpus - 1 - boot_cpu, &s);
	bool reversed = found && s == nr_cpus - 1 - boot_cpu;
	bool identity = found && s == boot_cpu;

	for (u32 c = 0; c < nr_cpus; c++)
		percpu[c].arch.ipi_slot = reversed ? nr_cpus - 1 - c : c;
	percpu[boot_cpu].arch.ipi_slot = s;
	mips_sync();
	if (!found)
		hv_log("mips64: IPI: no slot raises the boot cpu's IP6; IPIs will not work");
	else if (reversed == identity)
		hv_log("mips64: IPI: slot %u interrupts boot cpu %u; each cpu checks its own slot",
		       s, boot_cpu);
	else
		hv_log("mips64: IPI: slot %u interrupts boot cpu %u, so slot k -> cpu %s", s,
		       boot_cpu, reversed ? "n-1-k (reversed)" : "k");
}

/* Secondary, interrupts disabled, before it reports in. */
void mips_ipi_cpu_verify(u32 me)
{
	struct arch_percpu *a = &percpu[me].arch;
	u32 s = a->ipi_slot;

	if (find_own_slot(me, s, &s)) {
		if (s != a->ipi_slot)
			hv_log("mips64: cpu %u: IPI slot is %u, not %u as derived", me, s,
			       a->ipi_slot);
		a->ipi_slot = s;
	} else {
		hv_log("mips64: cpu %u: no IPI slot raises its IP6", me);
	}
	mips_sync(); /* the slot is read by senders once this CPU is online */
}

int arch_ipi_send(u32 hwid)
{
	if (hwid >= nr_slots)
		return HV_E_NODEV;
	mips_sync(); /* what the target will look at, before its interrupt */
	mmio_write32(ipi_slot_base(READ_ONCE(percpu[hwid].arch.ipi_slot)) + IPI_SET, IPI_CALL);
	return HV_OK;
}

/* IP6, interrupts disabled. */
void mips_ipi_irq(void)
{
	u64 b = ipi_slot_base(this_cpu()->arch.ipi_slot);
	u32 st = mmio_read32(b + IPI_STATUS);

	mmio_write32(b + IPI_CLEAR, st);
	mips_sync();
	if (st & IPI_STOP)
		mips_halt();
	if (st & IPI_CALL)
		hv_ipi_handler();
}

/* Ask every other CPU that may be running to park itself. Does not wait:
 * the caller is about to power off. */
void mips_ipi_stop_others(void)
{
	u32 me = arch_cpu_id();

	mips_sync();
	for (u32 c = 0; c < nr_slots; c++) {
		u32 st = READ_ONCE(percpu[c].state);
		if (c != me && (st == CPU_ONLINE || st == CPU_STARTING))
			mmio_write32(ipi_slot_base(percpu[c].arch.ipi_slot) + IPI_SET, IPI_STOP);
	}
	mips_sync();
}
