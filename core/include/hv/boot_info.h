/* SPDX-License-Identifier: MIT */
/* The one contract between firmware-facing boot code (boot/<arch>, arch/<arch>)
 * and core: what the machine is, which CPUs and which RAM it has. Filled on the
 * boot CPU before hv_main() runs; read-only afterwards. */
#ifndef HV_BOOT_INFO_H
#define HV_BOOT_INFO_H

#include "hv/types.h"

#define HV_MAX_CPUS 16
#define HV_MAX_MEM_REGIONS 16

enum mem_type {
	MEM_RAM = 1,      /* usable RAM */
	MEM_RESERVED = 2, /* present but not for us (firmware, aliases) */
};

struct mem_region {
	hpa_t base;
	u64 size;
	u32 type;
};

struct boot_info {
	const char *arch;     /* "mips64", "s390x", "host" */
	const char *machine;  /* e.g. "qemu loongson3-virt (Loongson-3A4000)" */
	const char *firmware; /* where the facts came from, e.g. "LEFI", "SCLP" */
	u32 nr_cpus;          /* CPUs present, including the boot CPU */
	u32 boot_cpu;         /* hardware id (EBase.CPUNum / CPU address) of the boot CPU */
	u32 cpu_hwid[HV_MAX_CPUS];
	u32 nr_mem;
	struct mem_region mem[HV_MAX_MEM_REGIONS];
	hpa_t image_start; /* the hypervisor image, [start, end) */
	hpa_t image_end;
	u64 timer_hz;        /* rate of arch_timer_now(); calibrated where it must be */
	const char *cmdline; /* operator's command line, may be "" */
	const char *guests;  /* how guests run here and why, e.g. "SIE (probe: ...)" */
};

#endif
