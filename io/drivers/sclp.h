/* SPDX-License-Identifier: MIT */
/* Host driver for the SCLP (service-call logical processor) of IBM Z: the
 * console (line mode on Hercules, VT220 on QEMU) and the machine facts of
 * READ SCP INFO. Every SERVC is serialised and waits for its service-signal
 * interruption before the next one. */
#ifndef IO_DRIVERS_SCLP_H
#define IO_DRIVERS_SCLP_H

#include "hv/types.h"

#define SCLP_MAX_CPUS 64

struct sclp_scp_info {
	u64 mem_bytes; /* rnmax x rnsize */
	u32 nr_cpus;   /* CPU entries recorded (up to SCLP_MAX_CPUS) */
	u16 cpu_addr[SCLP_MAX_CPUS];
};

/* EBCDIC code page of the line-mode console: the SCLP does not tell. */
enum sclp_codepage {
	SCLP_CP_1047 = 0, /* Hercules with CODEPAGE 819/1047 */
	SCLP_CP_500,      /* QEMU's sclplmconsole */
};

/* WRITE EVENT MASK and choose the console event type. Called once at boot;
 * the console also does it on first use (with code page 1047). */
void sclp_console_init(enum sclp_codepage cp);
/* "line mode (type 0x02)", "VT220 (type 0x1a)" or "none". */
const char *sclp_console_kind(void);
/* Write one line (no newline in s). Works with interruptions disabled and
 * from the crash path; a CPU that re-enters (a fault while printing) or
 * waits too long for another takes the SCLP over. */
void sclp_console_write(const char *s, size_t len);

/* READ SCP INFO. Returns HV_OK or HV_E_NODEV. */
int sclp_read_scp_info(struct sclp_scp_info *info);

/* From the external interruption handler: a service signal (code 2401)
 * with its parameter (the SCCB address, low bits flags). */
void sclp_service_signal(u32 param);

#endif
