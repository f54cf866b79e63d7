/* SPDX-License-Identifier: MIT */
/* Test controls of the fake arch (arch/host): unit tests drive "hardware"
 * state through these instead of registers. */
#ifndef ARCH_HOST_HOST_H
#define ARCH_HOST_HOST_H

#include "hv/types.h"

extern u32 host_cpu_id;        /* what arch_cpu_id() returns */
extern u64 host_now;           /* what arch_timer_now() returns */
extern u64 host_deadline;      /* last arch_timer_set_deadline() */
extern int host_power_status;  /* last arch_power_off() status, -1 if none */
extern u32 host_ipis_sent[16]; /* arch_ipi_send() per target */
/* Lines written to the console, concatenated with '\n'. */
extern char host_console[65536];
extern size_t host_console_len;
void host_console_reset(void);

#endif
