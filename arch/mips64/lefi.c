/* SPDX-License-Identifier: MIT */
/* LEFI, the Loongson firmware's boot parameters (a2 at entry): CPU count
 * and PRId, the memory map, the board name. Layout as in Linux's
 * asm/mach-loongson64/boot_param.h; the inner tables are packed and are
 * found through offsets relative to struct loongson_params. Every offset
 * and count is checked before use: the block is small and lives in the
 * boot ROM, so anything pointing far away is treated as absent. */
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/console.h"
#include "hv/lib.h"

#define LEFI_PARAMS_AT 40     /* efi_loongson.smbios.lp inside boot_params */
#define LEFI_SPAN 0x10000     /* tables lie within this many bytes of lp */
#define LEFI_MAX_MAP 128      /* entries in efi_memory_map_loongson */
#define LEFI_MEM_SYSTEM_LOW 1 /* RAM through the low alias */
#define LEFI_MEM_SYSTEM_HIGH 2
#define LEFI_MEM_RESERVED 3

/* struct loongson_params: offsets of the tables, relative to itself. */
enum { LP_MEMORY, LP_CPU, LP_SYSTEM, LP_IRQ, LP_INTERFACE, LP_SPECIAL, LP_BOARDDEV, LP_COUNT };
struct lefi_params {
	u64 offset[LP_COUNT];
};

struct lefi_cpuinfo {
	u16 vers;
	u32 processor_id;
	u32 cputype;
	u32 total_node;
	u16 cpu_startup_core_id;
	u16 reserved_cores_mask;
	u32 cpu_clock_freq;
	u32 nr_cpus;
	char cpuname[64];
} __packed;

/* Only the outer table is packed: an entry keeps its natural layout and
 * tail padding (24 bytes), but starts at an unaligned offset. */
struct lefi_mem_entry {
	u32 node_id;
	u32 mem_type;
	u64 mem_start;
	u32 mem_size_mib;
	u32 pad;
} __packed;

struct lefi_memmap {
	u16 vers;
	u32 nr_map;
	u32 mem_freq;
	struct lefi_mem_entry map[LEFI_MAX_MAP];
} __packed;

static char board_name[64];

/* A sign-extended kseg0/kseg1 address: where firmware data can be read
 * without a mapping. */
static bool is_kseg(u64 a)
{
	return (a >> 32) == 0xffffffffu && (a & 0xc0000000u) == 0x80000000u;
}

static const void *table(const struct lefi_params *lp, u64 off, size_t size)
{
	if (off == 0 || off > LEFI_SPAN || size > LEFI_SPAN - off)
		return NULL;
	return (const u8 *)lp + off;
}

static void parse_memmap(const struct lefi_memmap *mm, struct lefi_info *out)
{
	u32 n = mm->nr_map;

	if (n > LEFI_MAX_MAP)
		n = LEFI_MAX_MAP;
	for (u32 i = 0; i < n && out->nr_mem < ARRAY_SIZE(out->mem); i++) {
		const struct lefi_mem_entry *e = &mm->map[i];
		u32 type;

		if (e->mem_type == LEFI_MEM_SYSTEM_LOW || e->mem_type == LEFI_MEM_SYSTEM_HIGH)
			type = MEM_RAM;
		else if (e->mem_type == LEFI_MEM_RESERVED)
			type = MEM_RESERVED;
		else
			continue; /* PCI windows, ROMs, tables: not memory for us */
		if (e->mem_size_mib == 0)
			continue;
		out->mem[out->nr_mem].base = hpa(e->mem_start);
		out->mem[out->nr_mem].size = MiB(e->mem_size_mib);
		out->mem[out->nr_mem].type = type;
		out->nr_mem++;
	}
}

void lefi_parse(u64 lefi, struct lefi_info *out)
{
	memset(out, 0, sizeof(*out));
	out->board = "";
	if (!is_kseg(lefi) || !is_kseg(lefi + LEFI_PARAMS_AT + LEFI_SPAN)) {
		hv_log("mips64: no LEFI boot parameters (a2 = 0x%llx)", (unsigned long long)lefi);
		return;
	}
	const struct lefi_params *lp =
	    (const struct lefi_params *)(uintptr_t)(lefi + LEFI_PARAMS_AT);
	const struct lefi_cpuinfo *ci = table(lp, lp->offset[LP_CPU], sizeof(*ci));
	const struct lefi_memmap *mm = table(lp, lp->offset[LP_MEMORY], sizeof(*mm));
	const char *bd = table(lp, lp->offset[LP_BOARDDEV], sizeof(board_name));

	if (!ci || !mm) {
		hv_log("mips64: LEFI boot parameters at 0x%llx lack cpu or memory tables",
		       (unsigned long long)lefi);
		return;
	}
	out->valid = true;
	out->prid = ci->processor_id;
	out->nr_cpus = ci->nr_cpus;
	out->cpu_clock_hz = ci->cpu_clock_freq;
	parse_memmap(mm, out);
	if (bd) {
		memcpy(board_name, bd, sizeof(board_name) - 1);
		board_name[sizeof(board_name) - 1] = 0;
		out->board = board_name;
	}
}
