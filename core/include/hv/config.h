/* SPDX-License-Identifier: MIT */
/* Partition configuration: plain C structs (configs/NAME.c), checked on the
 * build host by tools/cfgcheck (the same config_check() code) and again at
 * boot against the real machine. No text parser runs in the hypervisor. */
#ifndef HV_CONFIG_H
#define HV_CONFIG_H

#include "hv/types.h"

#define HV_CONFIG_MAGIC 0x5445524eu /* "TERN" */
#define HV_CONFIG_REVISION 3u

#define HV_MAX_PARTITIONS 8
#define HV_MAX_SLOTS 16     /* memory slots per partition (KVM_USER_MEM_SLOTS) */
#define HV_MAX_VCPUS_PER 16 /* vCPUs per partition */
#define HV_NAME_MAX 32

/* Memory slot flags. SLOT_F_READONLY: the partition's image loads into the
 * slot at every boot and the guest may read and execute it but not store
 * into it; a store gets the arch's answer (s390x: a protection exception;
 * mips64: the store is dropped, as a ROM drops it). */
#define SLOT_F_READONLY 0x1u

struct hv_slot_cfg {
	u64 gpa;  /* guest-physical base */
	u64 hpa;  /* host-physical base, exclusively owned by this partition */
	u64 size; /* bytes */
	u32 flags;
};

enum hv_fault_policy {
	FAULT_PARK = 0, /* stop the partition, keep it for inspection */
	FAULT_HALT = 1, /* stop the partition and free nothing */
	FAULT_RESET = 2,
};

/* Partition flags. */
#define PART_F_NO_REBOOT                                                                           \
	0x1u /* a reset / re-IPL request ends the partition                                        \
	        (status 0), like QEMU's -no-reboot */

/* How a partition's vCPUs share its CPUs (core/sched.c). */
enum hv_sched {
	SCHED_PINNED = 0,    /* one vCPU per CPU of `cpus`, never time-sliced */
	SCHED_TIMESLICE = 1, /* vCPU i on the (i mod n)-th CPU of `cpus`; the vCPUs
	                        of a CPU take turns, slice_us each (round robin) */
};
#define HV_SLICE_US_DEFAULT 5000u
#define HV_SLICE_US_MIN 100u
#define HV_SLICE_US_MAX 1000000u

struct hv_partition_cfg {
	const char *name;
	u64 cpus; /* bit n: physical CPU n runs a vCPU of this partition */
	u32 nr_slots;
	struct hv_slot_cfg slots[HV_MAX_SLOTS];
	u32 fault_policy;
	u32 flags;
	/* The guest: an ELF image embedded in the hypervisor (.incbin), loaded
	 * into the slots at boot. No image: the partition is created, not run. */
	const void *image;
	const void *image_end;
	const char *cmdline; /* what the guest finds where the native machine
	                        puts -append (s390x: 0x10480), may be NULL */
	u64 features;        /* arch-defined machine features offered to the
	                        guest (e.g. s390x DIAG 318), see arch/<arch>/include/arch/features.h */
	u32 nr_vcpus;        /* 0: one per CPU of `cpus`; at most HV_MAX_VCPUS_PER */
	u32 sched;           /* enum hv_sched */
	u32 slice_us;        /* SCHED_TIMESLICE: the slice (0: HV_SLICE_US_DEFAULT) */
};

static inline u32 hv_popcount64(u64 v)
{
	u32 n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/* How many vCPUs a partition has. */
static inline u32 hv_cfg_vcpus(const struct hv_partition_cfg *pc)
{
	return pc->nr_vcpus ? pc->nr_vcpus : hv_popcount64(pc->cpus);
}

/* Embed a guest image file into the hypervisor: defines `sym` and
 * `sym##_end`. The path is resolved by the assembler (-I of the build). */
#define HV_IMAGE(sym, path)                                                                        \
	extern const unsigned char sym[], sym##_end[];                                             \
	__asm__(".pushsection .rodata.guest_images,\"a\"\n"                                        \
	        ".balign 4096\n"                                                                   \
	        ".globl " #sym "\n" #sym ":\n"                                                     \
	        ".incbin \"" path "\"\n"                                                           \
	        ".globl " #sym "_end\n" #sym "_end:\n"                                             \
	        ".popsection\n")

/* Config flags. The SELFTEST ones exist for the harness's negative tests:
 * they make the hypervisor fail on purpose after SMP bring-up. */
#define CFG_F_SELFTEST_PANIC 0x1u     /* call panic() */
#define CFG_F_SELFTEST_EXCEPTION 0x2u /* touch an unmapped address */
#define CFG_F_SELFTEST_HANG 0x4u      /* never exit (harness must time out) */
#define CFG_F_SELFTEST_EXIT 0x8u      /* exit with status 5 */

struct hv_config {
	u32 magic;
	u32 revision;
	const char *name;
	u32 flags;
	u32 nr_partitions;
	struct hv_partition_cfg partitions[HV_MAX_PARTITIONS];
};

/* What the target machine or arch requires of a config. */
struct hv_limits {
	u32 max_cpus;  /* CPUs ids must be < max_cpus */
	u64 mem_align; /* alignment of gpa, hpa and size (power of two) */
	u64 max_slot_size;
	/* Host RAM the slots must lie in, and ranges they must avoid
	 * (the hypervisor image). nr_* may be 0 on the build host. */
	u32 nr_ram;
	struct {
		u64 base, size;
	} ram[16];
	u32 nr_avoid;
	struct {
		u64 base, size;
	} avoid[4];
};

/* Defines the image's config: HV_CONFIG("name", flags, nr, {partitions...}). */
#define HV_CONFIG(cfgname, cfgflags, nr, ...)                                                      \
	const struct hv_config hv_config = {                                                       \
	    .magic = HV_CONFIG_MAGIC,                                                              \
	    .revision = HV_CONFIG_REVISION,                                                        \
	    .name = cfgname,                                                                       \
	    .flags = cfgflags,                                                                     \
	    .nr_partitions = nr,                                                                   \
	    .partitions = __VA_ARGS__,                                                             \
	}

/* Per-arch requirements, for the build-host checker. NULL if unknown. */
const struct hv_limits *config_arch_limits(const char *arch);

/* Checks cfg against lim. Returns 0 if valid; otherwise the number of
 * problems found, each described (one per line) into err. */
int config_check(const struct hv_config *cfg, const struct hv_limits *lim, char *err, size_t errsz);

/* The config linked into this image (configs/<name>.c). */
extern const struct hv_config hv_config;

#endif
