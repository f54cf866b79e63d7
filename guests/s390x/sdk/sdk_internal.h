/* SPDX-License-Identifier: MIT */
/* Between the SDK's own files. */
#ifndef SDK_INTERNAL_H
#define SDK_INTERNAL_H

#include <tern/sdk.h>

struct irq_ctx;

/* Entered from assembly. */
void sdk_start(void);
void sdk_secondary_main(void);
void sdk_ext_handler(struct irq_ctx *c);
void sdk_pgm_handler(struct irq_ctx *c);
void sdk_svc_handler(struct irq_ctx *c);
void sdk_io_handler(struct irq_ctx *c);
void sdk_mcck_handler(struct irq_ctx *c);
void sdk_restart_handler(struct irq_ctx *c);
extern const char sdk_ext_stub[], sdk_pgm_stub[], sdk_svc_stub[], sdk_io_stub[], sdk_mcck_stub[],
    sdk_restart_stub[], sdk_secondary_entry[];

/* Fill the new PSWs of the prefix area at `lc` (0 = this CPU's own). */
void irq_install(unsigned long lc);
/* The SCLP saw a service signal (from the external handler). */
void sclp_signal(u32 param);
/* Flush the console before the end. */
void console_flush(void);
/* Mark the CPU stopped for sdk_exit, and the smp bookkeeping. */
u16 sdk_cpu_index(void);

/* A spinlock with interrupts off. */
struct sdk_lock {
	u32 v;
};
u8 sdk_lock(struct sdk_lock *l);
void sdk_unlock(struct sdk_lock *l, u8 mask);

#endif
