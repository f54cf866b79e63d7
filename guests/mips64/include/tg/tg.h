/* SPDX-License-Identifier: MIT */
/* Tern guest SDK for mips64 (Loongson-3): console, tests, exceptions, exit.
 *
 * A guest built with this SDK runs in two layouts from the same sources:
 *   NAME.elf         trap-and-emulate layout: linked in the guest "kseg0"
 *                    window at 0x40000000 (guest-physical = address -
 *                    0x40000000), its "kseg1" window at 0x60000000; run as
 *                    a Tern partition.
 *   NAME-native.elf  linked in ckseg0 (0xffffffff80200000) and loaded by
 *                    QEMU's -kernel like Tern itself; run on the bare machine.
 * Both put the image at physical 0x200000, so physical addresses, TLB
 * entries and results are the same in both. */
#ifndef TG_TG_H
#define TG_TG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tg/cp0.h"

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* --- layout and environment ------------------------------------------- */
/* Bases of the layout's kseg0 (cached) and kseg1 (uncached) windows onto
 * physical address 0 (set by the linker script). */
extern char __tg_kseg0[], __tg_kseg1[];
#define TG_KSEG0 ((u64)(uintptr_t)__tg_kseg0)
#define TG_KSEG1 ((u64)(uintptr_t)__tg_kseg1)
static inline u64 tg_pa(const volatile void *p)
{
	return (u64)(uintptr_t)p - TG_KSEG0;
}
static inline void *tg_kseg0(u64 pa)
{
	return (void *)(uintptr_t)(TG_KSEG0 + pa);
}
static inline volatile void *tg_kseg1(u64 pa)
{
	return (volatile void *)(uintptr_t)(TG_KSEG1 + pa);
}

enum tg_env {
	TG_ENV_NATIVE = 0, /* on the bare machine, kernel mode */
	TG_ENV_TERN = 1,   /* a partition of Tern */
};
enum tg_env tg_env(void);
bool tg_layout_te(void); /* linked in the trap-and-emulate windows */
static inline bool tg_native(void)
{
	return tg_env() == TG_ENV_NATIVE;
}

/* The -append text (natively) or the partition's cmdline; "" if none. */
const char *tg_cmdline(void);
bool tg_cmdline_has(const char *word);
/* PRId-based model: 3A1000 (PRId 0x63xx) or 3A4000 (PRId 0x14c0xx). */
bool tg_model_3a1000(void);
bool tg_model_3a4000(void);
const char *tg_name(void); /* the guest's name (TG_GUEST_NAME) */

/* --- console and exit ---------------------------------------------------- */
void tg_putc(char c);
void tg_puts(const char *s); /* no newline added */
void tg_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tg_vprintf(const char *fmt, va_list ap);
int tg_snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
_Noreturn void tg_exit(int status);

/* --- tests -------------------------------------------------------------- */
typedef void (*tg_test_fn)(void);
void tg_run(const char *suite, const char *name, tg_test_fn fn);
int tg_tests_done(void); /* prints "TESTS DONE pass=P fail=F skip=S", returns F */
void tg_check_failed(int line, const char *what);
void tg_eq_failed(int line, const char *a, const char *b, u64 va, u64 vb);
void tg_skip(const char *why);
void tg_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define TG_TEST(suite, name) static void test_##suite##_##name(void)
#define TG_RUN(suite, name) tg_run(#suite, #name, test_##suite##_##name)
#define TG_CHECK(c)                                                                                \
	do {                                                                                       \
		if (!(c)) {                                                                        \
			tg_check_failed(__LINE__, #c);                                             \
			return;                                                                    \
		}                                                                                  \
	} while (0)
#define TG_EQ(a, b)                                                                                \
	do {                                                                                       \
		u64 a_ = (u64)(a), b_ = (u64)(b);                                                  \
		if (a_ != b_) {                                                                    \
			tg_eq_failed(__LINE__, #a, #b, a_, b_);                                    \
			return;                                                                    \
		}                                                                                  \
	} while (0)
#define TG_SKIP(why)                                                                               \
	do {                                                                                       \
		tg_skip(why);                                                                      \
		return;                                                                            \
	} while (0)

/* --- exceptions ----------------------------------------------------------- */
/* The register frame the vectors save (r[29] is the interrupted sp). */
struct tg_frame {
	u64 r[32];
	u64 hi, lo, epc, status, cause, badvaddr, vec, pad;
};
static inline u32 tg_exccode(const struct tg_frame *f)
{
	return (u32)(f->cause & CAUSE_EXC_MASK) >> CAUSE_EXC_SHIFT;
}

/* A handler for one ExcCode (0 = interrupts). It may change the frame
 * (epc, status, registers); eret resumes from it. */
typedef void (*tg_handler_fn)(struct tg_frame *f);
void tg_set_handler(u32 exccode, tg_handler_fn fn);

/* What the last caught exception looked like. */
struct tg_caught {
	u32 count, exccode, vec;
	u64 epc, badvaddr, cause, status, entryhi, context;
};
extern struct tg_caught tg_last;

/* Run fn(arg) with the ExcCodes in mask caught: the first such exception
 * abandons fn and tg_try returns its ExcCode + 1 (details in tg_last);
 * 0 when fn returned normally. Any other exception fails the test. */
int tg_try(u32 mask, void (*fn)(void *), void *arg);
#define TG_EXC(code) (1u << (code))

/* setjmp/longjmp through an exception frame. */
struct tg_jmp {
	u64 s[8], fp, sp, gp, ra;
};
int tg_setjmp(struct tg_jmp *j) __attribute__((returns_twice));
void tg_frame_longjmp(struct tg_frame *f, const struct tg_jmp *j, long val);

/* Drop to the guest's own user mode at pc with sp and a0 = arg (EntryHi's
 * ASID as set by the caller). Returns the value a handler passes to
 * tg_user_return(). */
long tg_run_user(u64 pc, u64 sp, u64 arg);
void tg_user_return(struct tg_frame *f, long val);

/* --- TLB helpers ----------------------------------------------------------- */
struct tg_tlbe {
	u64 hi, lo0, lo1;
	u32 mask;
};
u32 tg_tlb_size(void);
void tg_tlb_write(u32 index, const struct tg_tlbe *e);
void tg_tlb_write_random(const struct tg_tlbe *e);
void tg_tlb_read(u32 index, struct tg_tlbe *e);
u32 tg_tlb_probe(u64 entryhi); /* Index after tlbp: P bit set when absent */
void tg_tlb_flush(void);       /* every entry unique and invalid, Wired 0 */
/* EntryLo for a 16 KiB page at physical pa. */
static inline u64 tg_entrylo(u64 pa, u32 flags)
{
	return ((pa >> 12) << ENTRYLO_PFN_SHIFT) | flags;
}

/* --- misc ----------------------------------------------------------------- */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);

/* Busy-wait helpers on Count (400 MHz natively on QEMU 10). */
#define TG_COUNT_HZ 400000000u
void tg_delay_ticks(u32 ticks);

/* The guest program. Test guests return tg_tests_done(). */
int main(void);

#endif
