/* SPDX-License-Identifier: MIT */
/* The guest-physical devices of a trap-and-emulate partition, at the
 * addresses loongson3-virt has them: the PM register (power off, reset),
 * the 16550 UART (to the partition's tagged console) and the LIOINTC-like
 * interrupt controller; the test device (in a hole of QEMU's read-zero
 * range, arch/guest_abi.h); QEMU's read-zero "mmio fallback" ranges; anything
 * else is no device (the caller raises a bus error). Accesses of any size
 * and alignment arrive here (the guest chooses them): byte devices take
 * them byte by byte, none can index outside its registers. */
#include "arch/backend.h"
#include "arch/te.h"
#include "arch/vintc.h"
#include "arch/vtestdev.h"
#include "hv/lib.h"
#include "hv/spinlock.h"
#include "io/vuart16550.h"

#define PM_BASE 0x10080000ull
#define PM_SIZE 0x100u
#define PM_CNTL_OFF 0x10u
#define UART_BASE 0x1fe001e0ull
#define FALLBACK0 0x10000000ull
#define FALLBACK1 0x30000000ull
#define FALLBACK_SIZE 0x10000000ull

static bool in(u64 pa, unsigned size, u64 base, u64 len)
{
	return pa >= base && pa - base < len && size <= len - (pa - base);
}

void te_devices_reset(struct partition *p)
{
	for (u32 i = 0; i < VIPI_MAX; i++)
		p->arch.lines[i] = 0;
	vipi_reset(&p->arch.ipi, p->nr_vcpus);
	vuart_reset(&p->arch.vuart);
	vintc_reset(&p->arch.vintc);
	vtestdev_reset(&p->arch.testdev);
}

static int pm_write(struct vcpu *v, u64 off, unsigned size, u64 val)
{
	/* byte-wide register: a wider store writes its first byte there only
	 * if it covers PM_CNTL */
	if (off > PM_CNTL_OFF || off + size <= PM_CNTL_OFF)
		return EMU_DONE;
	u8 b = (u8)(val >> (8 * (PM_CNTL_OFF - off)));
	if (b == TERN_GUEST_PM_POWEROFF) {
		v->arch.exit_kind = VEXIT_DONE;
		v->arch.exit_status = 0;
		return EMU_EXIT;
	}
	if (b == TERN_GUEST_PM_RESET) {
		v->arch.exit_kind = VEXIT_RESET;
		return EMU_EXIT;
	}
	return EMU_DONE;
}

/* The UART's transmitted bytes go to tx[] (printed after the device lock
 * is dropped: a console line must not hold up the partition's vCPUs). */
static unsigned uart_access(struct vcpu *v, u64 off, unsigned size, bool write, u64 *val,
                            char tx[8])
{
	struct partition *p = v->part;
	u64 out = 0;
	unsigned n = 0;

	for (unsigned b = 0; b < size; b++) {
		u8 ch;
		if (!write)
			out |= (u64)vuart_read(&p->arch.vuart, (u32)(off + b)) << (8 * b);
		else if (vuart_write(&p->arch.vuart, (u32)(off + b), (u8)(*val >> (8 * b)), &ch))
			tx[n++] = (char)ch;
	}
	if (!write)
		*val = out;
	vintc_set_pin(&p->arch.vintc, VINTC_PIN_UART, vuart_irq(&p->arch.vuart));
	return n;
}

/* Each vCPU's interrupt lines (Cause IP2..IP6), recomputed under the lock
 * after every device access and read without it on every exit. */
static void lines_update(struct partition *p)
{
	for (u32 i = 0; i < p->nr_vcpus && i < VIPI_MAX; i++) {
		u32 ip = vintc_cause_ip(&p->arch.vintc, i);
		if (vipi_irq(&p->arch.ipi, i))
			ip |= 0x4000u; /* IP6 */
		__atomic_store_n(&p->arch.lines[i], ip, __ATOMIC_RELEASE);
	}
}

/* A secondary vCPU leaves its virtual boot loop, as the firmware's loop
 * does when it finds MAILBOX0 set: pc from MAILBOX0, sp, gp and a1 from
 * MAILBOX1..3 (Linux's loongson3_boot_secondary writes them last to
 * first). Under the device lock, so only one writer starts it; it is not
 * running (not started), so its state is ours to set. */
static void start_secondary(struct partition *p, u32 id)
{
	struct vcpu *t = partition_vcpu(p, id);
	const u64 *mb = p->arch.ipi.core[id].mailbox;

	if (!t || t->id == 0 || __atomic_load_n(&t->arch.started, __ATOMIC_ACQUIRE))
		return;
	mips_guest_start(t, mb[0], mb[1], mb[2], mb[3]);
	__atomic_store_n(&t->arch.started, true, __ATOMIC_RELEASE);
}

static void ipi_access(struct vcpu *v, u32 id, u32 off, unsigned size, bool write, u64 *val,
                       u32 *kick)
{
	struct partition *p = v->part;
	struct vipi_effect fx = {0, 0};

	vipi_access(&p->arch.ipi, id, off, size, write, val, &fx);
	for (u32 i = 0; i < p->nr_vcpus && i < VIPI_MAX; i++)
		if (fx.start & (1u << i))
			start_secondary(p, i);
	*kick = fx.kick | fx.start;
}

int te_device_access(struct vcpu *v, u64 pa, unsigned size, bool write, u64 *val)
{
	struct partition *p = v->part;
	int r = EMU_DONE;
	u32 id, off, kick = 0;
	char tx[8];
	unsigned ntx = 0;

	if (size == 0 || size > 8)
		return EMU_FAIL;
	spin_lock(&p->arch.lock);
	if (vipi_decode(pa, &id, &off)) {
		ipi_access(v, id, off, size, write, val, &kick);
	} else if (in(pa, size, UART_BASE, VUART_REGS)) {
		ntx = uart_access(v, pa - UART_BASE, size, write, val, tx);
	} else if (in(pa, size, VINTC_GPA, VINTC_SIZE)) {
		if (write)
			vintc_write(&p->arch.vintc, (u32)(pa - VINTC_GPA), size, *val);
		else
			*val = vintc_read(&p->arch.vintc, (u32)(pa - VINTC_GPA), size);
	} else if (in(pa, size, TERN_GUEST_TESTDEV, TERN_TESTDEV_SIZE)) {
		vtestdev_access(&p->arch.testdev, (u32)(pa - TERN_GUEST_TESTDEV), size, write, val);
	} else if (in(pa, size, PM_BASE, PM_SIZE)) {
		if (write)
			r = pm_write(v, pa - PM_BASE, size, *val);
		else
			*val = 0;
	} else if (in(pa, size, FALLBACK0, FALLBACK_SIZE) ||
	           in(pa, size, FALLBACK1, FALLBACK_SIZE)) {
		if (!write)
			*val = 0;
	} else {
		r = EMU_FAIL;
	}
	if (r != EMU_FAIL)
		lines_update(p);
	spin_unlock(&p->arch.lock);
	if (ntx)
		partition_console_write(p, tx, ntx);
	for (u32 i = 0; kick && i < p->nr_vcpus; i++)
		if ((kick & (1u << i)) && i != v->id)
			vcpu_kick(&p->vcpus[i]);
	return r;
}

u32 te_device_irq_lines(struct vcpu *v)
{
	struct partition *p = v->part;

	return v->id < VIPI_MAX ? __atomic_load_n(&p->arch.lines[v->id], __ATOMIC_ACQUIRE) : 0;
}

/* Guest-physical access: RAM of the slots (read-only slots ignore writes),
 * else a device; EMU_FAIL when there is neither (a bus error for the
 * guest, raised by the caller). Both backends. */
int mips_phys_access(struct vcpu *v, u64 pa, unsigned size, bool write, u64 *val)
{
	struct partition *p = v->part;
	u8 *ram = partition_gpa_ptr(p, gpa(pa), size, false);

	if (ram) {
		if (!write) {
			u64 x = 0;
			memcpy(&x, ram, size);
			*val = x;
		} else if (partition_gpa_ptr(p, gpa(pa), size, true)) {
			memcpy(ram, val, size);
		}
		return EMU_DONE;
	}
	return te_device_access(v, pa, size, write, val);
}
