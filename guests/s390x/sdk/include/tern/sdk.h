/* SPDX-License-Identifier: MIT */
/* Tern s390x guest SDK: what a guest's main() may use. The same ELF runs
 * natively under `qemu-system-s390x -M s390-ccw-virtio -kernel` and as a
 * Tern partition; nothing here depends on which, except host_is_tern(). */
#ifndef TERN_SDK_H
#define TERN_SDK_H

#include <tern/s390x.h>
#include <tern/types.h>

#define SDK_MAX_CPUS 16

/* The guest's entry point, called on CPU 0 with interrupts off; its return
 * value is the exit status (see sdk_exit). */
int main(void);

/* --- console (SCLP) ------------------------------------------------------- */
int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
void puts_raw(const char *s, size_t len); /* whole lines; no formatting */
/* Which SCLP event type the console writes: 0x1a (VT220) or 0x02 (line
 * mode), 0 if none answered; and the masks WRITE EVENT MASK returned. */
u8 console_event_type(void);
u32 console_sclp_receive_mask(void);
/* Response code of the last console WRITE EVENT DATA. */
u16 console_last_response(void);

/* --- strings --------------------------------------------------------------- */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);
char *strstr(const char *h, const char *n);

/* --- command line (QEMU -append / the partition's cmdline at 0x10480) ---- */
const char *cmdline(void);
/* The value of "key=value" in the command line, copied into buf; false if
 * the key is absent. */
bool cmdline_get(const char *key, char *buf, size_t size);
/* A numeric "key=N" (decimal or 0x hex), def if absent or malformed. */
u64 cmdline_u64(const char *key, u64 def);

/* --- interruptions ----------------------------------------------------------- */
struct irq_ctx {
	u64 gprs[16];
	struct psw psw; /* the old PSW; the handler may change it */
};

/* Called from the external-interruption handler (interrupts off) with the
 * interruption code, parameter and CPU address. The SDK has already made
 * a clock-comparator or CPU-timer condition go away (CKC = max, CPU timer
 * = max) so the handler may re-arm it. NULL: count only. */
typedef void (*ext_handler_t)(u16 code, u32 param, u16 cpu_addr);
void ext_set_handler(ext_handler_t h);

/* Restart interruptions (SIGP RESTART to a running CPU, a watchdog's
 * restart action): called with the restart old PSW in c->psw, on the CPU
 * that took it, interrupts off; returning resumes c->psw. NULL: a restart
 * is an unexpected interruption (the run ends). A CPU started by
 * cpu_start() takes its restarts here once restart_arm() ran on it. */
typedef void (*restart_handler_t)(struct irq_ctx *c);
void restart_set_handler(restart_handler_t h);
/* On this CPU: point the restart new PSW at the SDK's handler again. */
void restart_arm(void);

/* Per-CPU counters of external interruptions by code (the CPU running). */
u32 ext_count(u16 code);
u16 ext_last_code(void);
u16 ext_last_cpu_addr(void);
u32 ext_last_param(void);

/* One enabled wait for an external interruption (I/O stays disabled);
 * returns with interrupts disabled once one was handled. */
void wait_for_ext(void);
/* Enabled wait until *flag != 0 or `timeout_us` of TOD time passed
 * (0 = forever). Returns true if the flag was seen. Uses the clock
 * comparator for the timeout: the caller must not have it armed. */
bool wait_for_flag(const volatile u32 *flag, u64 timeout_us);
/* Busy delay on the TOD clock. */
void udelay(u64 us);

/* Program-interruption expectations on this CPU:
 *   pgm_expect();
 *   <one instruction that may interrupt>
 *   code = pgm_result(&info);   // 0 if none
 * An expected interruption resumes after the instruction (suppression /
 * completion / termination; nullifying codes are stepped over by ILC). */
struct pgm_info {
	u16 code; /* interruption code (low byte: the cause) */
	u16 ilc;  /* instruction length in bytes (2, 4, 6) */
	struct psw old;
	u64 teid;
};
void pgm_expect(void);
u16 pgm_result(struct pgm_info *out);

/* Run fn(arg) in the problem state (the P bit on); returns when fn returns. */
void run_in_problem_state(void (*fn)(void *), void *arg);

/* --- SIGP and CPUs ---------------------------------------------------------- */
#define SIGP_SENSE 0x01
#define SIGP_EXTERNAL_CALL 0x02
#define SIGP_EMERGENCY_SIGNAL 0x03
#define SIGP_START 0x04
#define SIGP_STOP 0x05
#define SIGP_RESTART 0x06
#define SIGP_STOP_AND_STORE_STATUS 0x09
#define SIGP_INITIAL_CPU_RESET 0x0b
#define SIGP_CPU_RESET 0x0c
#define SIGP_SET_PREFIX 0x0d
#define SIGP_STORE_STATUS_AT_ADDRESS 0x0e
#define SIGP_SET_ARCHITECTURE 0x12
#define SIGP_COND_EMERGENCY_SIGNAL 0x13
#define SIGP_SENSE_RUNNING 0x15

#define SIGP_STATUS_EQUIPMENT_CHECK 0x80000000u
#define SIGP_STATUS_NOT_RUNNING 0x00000400u
#define SIGP_STATUS_INCORRECT_STATE 0x00000200u
#define SIGP_STATUS_INVALID_PARAMETER 0x00000100u
#define SIGP_STATUS_EXT_CALL_PENDING 0x00000080u
#define SIGP_STATUS_STOPPED 0x00000040u
#define SIGP_STATUS_CHECK_STOP 0x00000010u
#define SIGP_STATUS_INVALID_ORDER 0x00000002u

/* SIGP order to CPU address `addr` with parameter `param`; returns the
 * condition code and, for cc 1, the status word in *status (if not NULL). */
int sigp(u16 addr, u8 order, u64 param, u32 *status);
/* The same, retried while the CPU answers busy (cc 2). */
int sigp_retry(u16 addr, u8 order, u64 param, u32 *status);

/* Start CPU `addr` (stopped, as after reset) running fn(arg) on its own
 * stack and prefix area: SIGP SET PREFIX then RESTART. Waits until it runs.
 * Returns 0, or the failing SIGP's cc + 10*step for the report. */
int cpu_start(u16 addr, void (*fn)(void *), void *arg);
/* Has the CPU returned from fn? */
bool cpu_finished(u16 addr);
/* SIGP STOP to `addr` and wait until SENSE says stopped; 0 or -1. */
int cpu_stop(u16 addr);
/* CPU addresses this guest started (bit n = CPU n), CPU 0 included. */
u64 cpus_started(void);

/* --- the machine --------------------------------------------------------- */
/* STSI: function code fc, selectors sel1/sel2 into a 4 KiB page; returns cc.
 * stsi_level() is the current configuration level (STSI 0.0.0). */
int stsi(void *page, u32 fc, u32 sel1, u32 sel2);
u32 stsi_level(void);
/* Under Tern? STSI 3.2.2 names the control program "TERN". */
bool host_is_tern(void);
/* cpu_start() sent SIGP RESTART a second time (natively on QEMU only). */
extern u32 sdk_restart_retries;
/* The innermost control-program name (STSI 3.2.2, ASCII) or "" if none. */
const char *host_cp_name(void);
/* EBCDIC (IBM-1047) to ASCII for the printable range, '.' otherwise. */
char ebcdic_to_ascii(u8 c);
u8 ascii_to_ebcdic(char c);

/* SCLP service call: cc of SERVC. sclp_call() waits for the service
 * signal (retrying while busy) and returns the SCCB response code, or
 * 0xffff if the SCLP did not accept the command (cc 3). */
int servc(u32 cmd, void *sccb);
u16 sclp_call(u32 cmd, void *sccb);
/* Wait for the service signal that follows an accepted SERVC (cc 0). */
void sclp_wait_signal(void);
/* READ SCP INFO (forced, then plain): memory size in bytes and the CPU
 * entries count; false if the SCLP answered neither. */
bool sclp_read_info(void *sccb4k);
u64 sclp_memory_size(void);
u32 sclp_cpu_count(void);
extern u8 sclp_sccb_page[4096]; /* a free 4 KiB SCCB page for tests */

/* DIAG 0x308 subcode with the parameter register pair; returns the
 * response code (r1+1 after the call). */

/* --- end of the run --------------------------------------------------------- */
/* Status 0: SIGP STOP to every other CPU this guest started, then to self
 * (QEMU: clean shutdown; Tern: the partition ends with status 0).
 * Otherwise a disabled wait whose address carries the status
 * (0xdead0000 | status; never ...fff, which QEMU takes as success). */
__noreturn void sdk_exit(int status);

#endif
