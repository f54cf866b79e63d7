/* SPDX-License-Identifier: MIT */
/* The guest's own user mode: the guest kernel maps code and data at useg
 * addresses with a user ASID, drops to user mode (ERET with KSU = user),
 * and takes syscalls, TLB refills, address errors, coprocessor-unusable and
 * interrupts back into its kernel handlers, then returns to user mode or
 * ends the program. */
#include "tg/tg.h"

extern char __tg_user_start[];
void u_syscalls(void), u_load(void), u_store(void), u_mfc0(void), u_break(void), u_spin(void),
    u_read_sp(void);

#define UCODE 0x00400000ull /* even page: the .user code; odd page: data */
#define UDATA (UCODE + PAGE16K)
#define UFAR 0x00800000ull /* mapped on demand by the refill handler */
#define USER_ASID 5
#define OTHER_ASID 6
#define KERNEL_ASID 1

static u8 data[3][PAGE16K] __attribute__((aligned(PAGE16K)));

static u64 uva(void (*f)(void))
{
	return UCODE + ((u64)(uintptr_t)f - (u64)(uintptr_t)__tg_user_start);
}

static void map(u64 va, u32 asid, u64 pa_even, u32 f_even, u64 pa_odd, u32 f_odd)
{
	struct tg_tlbe e = {
	    .hi = va | asid,
	    .lo0 = tg_entrylo(pa_even, f_even),
	    .lo1 = tg_entrylo(pa_odd, f_odd),
	    .mask = PM_16K,
	};
	tg_tlb_write_random(&e);
}

#define ST_PX 0x00800000u
#define RO (ENTRYLO_C_CACHED | ENTRYLO_V)
#define RW (ENTRYLO_C_CACHED | ENTRYLO_V | ENTRYLO_D)

static u32 sys1, faults;
static struct tg_frame seen; /* the frame of the last exception from user mode */

static void sys_handler(struct tg_frame *f)
{
	seen = *f;
	if (f->r[2] == 1) {
		sys1++;
		f->epc += 4;
		return;
	}
	tg_user_return(f, (long)f->r[4]);
}

static void fault_handler(struct tg_frame *f)
{
	seen = *f;
	faults++;
	tg_user_return(f, -(long)tg_exccode(f));
}

static void setup(void)
{
	tg_tlb_flush();
	memset(data, 0, sizeof(data));
	sys1 = faults = 0;
	memset(&seen, 0, sizeof(seen));
	map(UCODE, USER_ASID, tg_pa(__tg_user_start), RO, tg_pa(data[0]), RW);
	tg_set_handler(EXC_SYS, sys_handler);
	for (u32 c = 1; c < 32; c++)
		if (c != EXC_SYS)
			tg_set_handler(c, fault_handler);
	tg_dmtc0(CP0_ENTRYHI, 0, KERNEL_ASID);
	/* PX: 64-bit operations (ld/sd) in user mode, 32-bit addressing */
	tg_write_status(ST_PX);
}

static long run(void (*prog)(void), u32 asid, u64 a0, u64 a1)
{
	(void)a1;
	tg_dmtc0(CP0_ENTRYHI, 0, asid);
	register u64 r5 __asm__("$5") = a1;
	__asm__ volatile("" : : "r"(r5));
	long r = tg_run_user(uva(prog), UDATA + PAGE16K, a0);
	tg_dmtc0(CP0_ENTRYHI, 0, KERNEL_ASID);
	return r;
}

TG_TEST(user, syscall)
{
	setup();
	TG_EQ(run(u_syscalls, USER_ASID, 0, 0), 7);
	TG_EQ(sys1, 3);
	/* the handler saw user mode (KSU) with EXL set, EPC in the program */
	TG_EQ(seen.status & (ST_KSU | ST_EXL), ST_KSU_USER | ST_EXL);
	TG_CHECK(seen.epc >= uva(u_syscalls) && seen.epc < uva(u_syscalls) + 64);
	TG_EQ(seen.vec, VEC_GENERAL);
	/* back in kernel mode */
	TG_EQ(tg_read_status() & ST_KSU, 0);
	TG_EQ(faults, 0);
}

TG_TEST(user, stack)
{
	setup();
	TG_EQ(run(u_read_sp, USER_ASID, 0, 0), UDATA + PAGE16K);
}

TG_TEST(user, own_asid)
{
	/* the same address, two address spaces */
	setup();
	map(UFAR, OTHER_ASID, tg_pa(data[1]), RW, tg_pa(data[2]), RW);
	map(UFAR, USER_ASID, tg_pa(data[2]), RW, tg_pa(data[1]), RW);
	map(UCODE, OTHER_ASID, tg_pa(__tg_user_start), RO, tg_pa(data[0]), RW);
	*(volatile u64 *)data[1] = 0x1111;
	*(volatile u64 *)data[2] = 0x2222;
	TG_EQ(run(u_load, USER_ASID, UFAR, 0), 0x2222);
	TG_EQ(run(u_load, OTHER_ASID, UFAR, 0), 0x1111);
	TG_EQ(run(u_load, USER_ASID, UFAR + PAGE16K, 0), 0x1111);
	TG_EQ(faults, 0);
}

static u32 refills;
static struct tg_frame refill_seen;
static void refill_handler(struct tg_frame *f)
{
	refill_seen = *f;
	refills++;
	map(f->badvaddr & ~(2 * PAGE16K - 1), USER_ASID, tg_pa(data[1]), RW, tg_pa(data[2]), RW);
}

TG_TEST(user, tlb_refill)
{
	/* a miss in user mode refills through the guest kernel's handler and
	 * the user program goes on */
	setup();
	refills = 0;
	tg_set_handler(EXC_TLBL, refill_handler);
	tg_set_handler(EXC_TLBS, refill_handler);
	*(volatile u64 *)(data[2] + 8) = 0xabc;
	TG_EQ(run(u_load, USER_ASID, UFAR + PAGE16K + 8, 0), 0xabc);
	TG_EQ(refills, 1);
	TG_EQ(refill_seen.vec, VEC_REFILL);
	TG_EQ(refill_seen.badvaddr, UFAR + PAGE16K + 8);
	TG_EQ(refill_seen.status & ST_KSU, ST_KSU_USER);
	TG_EQ(refill_seen.epc, uva(u_load));
	TG_EQ(run(u_store, USER_ASID, UFAR + 0x10, 0), UFAR + 0x10); /* already mapped */
	TG_EQ(refills, 1);
	TG_EQ(faults, 0);
}

TG_TEST(user, tlb_modified)
{
	/* a store to the read-only code page: Mod in the kernel */
	setup();
	TG_EQ(run(u_store, USER_ASID, UCODE + 0x100, 0), -EXC_MOD);
	TG_EQ(seen.badvaddr, UCODE + 0x100);
	TG_EQ(seen.epc, uva(u_store));
}

TG_TEST(user, kernel_address)
{
	/* the guest kernel's addresses are out of reach of its user mode */
	static volatile u64 secret = 0x5ec7e7;
	setup();
	u64 k0 = (u64)(uintptr_t)&secret;
	TG_EQ(run(u_load, USER_ASID, k0, 0), -EXC_ADEL);
	TG_EQ(seen.badvaddr, k0);
	u64 k1 = (u64)(uintptr_t)tg_kseg1(tg_pa(&secret));
	TG_EQ(run(u_store, USER_ASID, k1, 0), -EXC_ADES);
	TG_EQ(seen.badvaddr, k1);
	TG_EQ(secret, 0x5ec7e7);
}

TG_TEST(user, privileged)
{
	setup();
	TG_EQ(run(u_mfc0, USER_ASID, 0, 0), -EXC_CPU);
	TG_EQ((seen.cause >> CAUSE_CE_SHIFT) & 3, 0);
	TG_EQ(seen.epc, uva(u_mfc0));
	TG_EQ(run(u_break, USER_ASID, 0, 0), -EXC_BP);
}

static u32 ticks;
static void tick_handler(struct tg_frame *f)
{
	seen = *f;
	if (++ticks < 3) {
		tg_mtc0(CP0_COMPARE, 0, tg_read_count() + 4000000);
		return; /* back to user mode */
	}
	tg_mtc0(CP0_COMPARE, 0, tg_read_count() - 1);
	tg_user_return(f, 99);
}

TG_TEST(user, interrupts)
{
	/* the timer interrupts the user program; the kernel returns to it
	 * twice, then ends it */
	setup();
	ticks = 0;
	tg_set_handler(EXC_INT, tick_handler);
	tg_mtc0(CP0_COMPARE, 0, tg_read_count() + 4000000);
	tg_write_status(ST_PX | ST_IE | ST_IM(7));
	long r = run(u_spin, USER_ASID, 0, 0);
	tg_write_status(0);
	TG_EQ(r, 99);
	TG_EQ(ticks, 3);
	TG_EQ(seen.status & ST_KSU, ST_KSU_USER);
	TG_EQ(seen.epc, uva(u_spin)); /* the loop is one branch and its slot */
}

int main(void)
{
	TG_RUN(user, syscall);
	TG_RUN(user, stack);
	TG_RUN(user, own_asid);
	TG_RUN(user, tlb_refill);
	TG_RUN(user, tlb_modified);
	TG_RUN(user, kernel_address);
	TG_RUN(user, privileged);
	TG_RUN(user, interrupts);
	tg_tlb_flush();
	return tg_tests_done();
}
