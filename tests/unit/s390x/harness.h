/* SPDX-License-Identifier: MIT */
/* A partition of 1 MiB of guest storage and two vCPUs for the s390x
 * emulation-layer tests, and the core services the layer calls, faked. */
#ifndef TESTS_UNIT_S390X_HARNESS_H
#define TESTS_UNIT_S390X_HARNESS_H

#include <arch/emulate.h>

#define GUEST_MEM (1u << 20)

extern u8 guest_mem[GUEST_MEM];
extern struct partition part;
extern struct vcpu vcpu[2];
extern struct hv_partition_cfg part_cfg;
extern char console_out[4096];
extern char log_out[4096];
extern u32 kicks;
extern u8 fake_keys[GUEST_MEM / 4096]; /* storage keys of the fake frames */
extern char hcmds[256];                /* Hercules commands issued, ';'-separated */

/* Fresh partition: storage zero, vCPU 0 running with a 64-bit PSW, vCPU 1
 * stopped, every new PSW pointing at 0x8000 + 0x100 * class. */
void harness_reset(u64 features);
/* Run one intercepted instruction on vCPU v (bytes as the ipa/ipb give). */
int run_insn(struct vcpu *v, const u8 *insn, struct vcpu_exit *e);
/* Big-endian guest storage accessors. */
u64 g_get(u64 addr, unsigned bytes);
void g_put(u64 addr, unsigned bytes, u64 v);
/* The program interruption code presented last (0 if none). */
u16 last_pgm(void);

#endif
