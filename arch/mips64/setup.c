/* SPDX-License-Identifier: MIT */
/* Boot CPU: from the firmware's hand-off to a filled struct boot_info. */
#include "arch/backend.h"
#include "arch/cp0.h"
#include "arch/mips64.h"
#include "arch/platform.h"
#include "hv/arch/cpu.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/lib.h"

#define DEFAULT_LOW_RAM MiB(240) /* what loongson3-virt's LEFI gives, if LEFI is missing */

static struct boot_info bi;
static char cmdline[256];
static char machine[128];

/* argv[1] of the -kernel loader: an array of 32-bit (sign-extended)
 * pointers into the low alias. */
static const char *find_cmdline(s64 argc, u64 argv)
{
	if (argc < 2 || (argv >> 32) != 0xffffffffu || (argv & 0xc0000000u) != 0x80000000u)
		return "";
	u64 arg1 = (u64)(s64)((const s32 *)(uintptr_t)argv)[1];
	if ((arg1 >> 32) != 0xffffffffu || (arg1 & 0xc0000000u) != 0x80000000u)
		return "";
	hv_strlcpy(cmdline, (const char *)(uintptr_t)arg1, sizeof(cmdline));
	return cmdline;
}

/* QEMU's LEFI names its board "Loongson-3A-VIRT-1w-V1.00-demo". */
static bool is_qemu_virt(const char *board)
{
	static const char tag[] = "-VIRT-";
	size_t n = strlen(tag);

	for (const char *p = board; *p; p++)
		if (strncmp(p, tag, n) == 0)
			return true;
	return false;
}

static void add_region(u64 base, u64 size, u32 type)
{
	u32 i = bi.nr_mem;

	if (size == 0 || i >= ARRAY_SIZE(bi.mem))
		return;
	while (i > 0 && bi.mem[i - 1].base.v > base) { /* keep the map sorted */
		bi.mem[i] = bi.mem[i - 1];
		i--;
	}
	bi.mem[i] = (struct mem_region){hpa(base), size, type};
	bi.nr_mem++;
}

static bool overlaps_ram(const struct lefi_info *li, u64 base, u64 size)
{
	for (u32 i = 0; i < li->nr_mem; i++)
		if (li->mem[i].type == MEM_RAM && li->mem[i].base.v < base + size &&
		    base < li->mem[i].base.v + li->mem[i].size)
			return true;
	return false;
}

/* LEFI lists the low alias [0, 240 MiB) and the RAM above the alias
 * (0x90000000 on). Both alias windows are the same first 256 MiB of RAM, so
 * the map says so: the rest of the low window (where the loader put the
 * command line) and the high view of the alias are reserved, and only one
 * view of each byte is ever RAM. */
static void build_memory_map(const struct lefi_info *li)
{
	u64 low_end = 0;
	bool high_ram = false;

	for (u32 i = 0; i < li->nr_mem; i++) {
		const struct mem_region *m = &li->mem[i];
		add_region(m->base.v, m->size, m->type);
		if (m->type == MEM_RAM && m->base.v == 0)
			low_end = m->size;
		if (m->type == MEM_RAM && m->base.v >= HIGHRAM_BASE + LOWMEM_ALIAS_SIZE)
			high_ram = true;
	}
	if (li->nr_mem == 0) {
		add_region(0, DEFAULT_LOW_RAM, MEM_RAM);
		low_end = DEFAULT_LOW_RAM;
	}
	if (low_end && low_end < LOWMEM_ALIAS_SIZE &&
	    !overlaps_ram(li, low_end, LOWMEM_ALIAS_SIZE - low_end))
		add_region(low_end, LOWMEM_ALIAS_SIZE - low_end, MEM_RESERVED);
	if (high_ram && !overlaps_ram(li, HIGHRAM_BASE, LOWMEM_ALIAS_SIZE))
		add_region(HIGHRAM_BASE, LOWMEM_ALIAS_SIZE, MEM_RESERVED);
}

void mips_boot_main(s64 argc, u64 argv, u64 lefi)
{
	u32 me = arch_cpu_id();
	u32 prid = read_c0_prid();
	struct lefi_info li;

	mips_console_init();
	mips_cpu_setup();
	lefi_parse(lefi, &li);

	bi.arch = "mips64";
	bi.firmware = li.valid ? "LEFI" : "none (defaults)";
	bi.cmdline = find_cmdline(argc, argv);
	mips_exit_semihosting = hv_has_word(bi.cmdline, "semihosting");
	mips_on_qemu_virt = is_qemu_virt(li.board);
	hv_snprintf(machine, sizeof(machine), "%s (%s, PRId 0x%08x)",
	            mips_on_qemu_virt ? "qemu loongson3-virt"
	                              : (li.board[0] ? li.board : "Loongson-3"),
	            mips_cpu_model(prid), prid);
	bi.machine = machine;
	hv_log("mips64: guest sdbbp: %s", mips_sdbbp_guard_name());

	bi.nr_cpus = li.nr_cpus;
	if (bi.nr_cpus == 0 || bi.nr_cpus > HV_MAX_CPUS) {
		hv_log("mips64: LEFI reports %u CPUs; using %u", li.nr_cpus,
		       li.nr_cpus ? HV_MAX_CPUS : 1);
		bi.nr_cpus = li.nr_cpus ? HV_MAX_CPUS : 1;
	}
	for (u32 i = 0; i < bi.nr_cpus; i++)
		bi.cpu_hwid[i] = i;
	/* QEMU 10 enters on the last CPU although LEFI says boot_core 0. */
	bi.boot_cpu = me;
	if (me >= bi.nr_cpus) {
		hv_log("mips64: boot cpu %u is outside LEFI's %u CPUs; counting it in", me,
		       bi.nr_cpus);
		bi.nr_cpus = me + 1;
		for (u32 i = 0; i < bi.nr_cpus; i++)
			bi.cpu_hwid[i] = i;
	}

	build_memory_map(&li);
	bi.image_start = hpa((u64)(uintptr_t)__image_start & KSEG_PHYS_MASK);
	bi.image_end = hpa((u64)(uintptr_t)__image_end & KSEG_PHYS_MASK);

	mips_ipi_discover(me, bi.nr_cpus);
	bi.timer_hz = mips_timer_calibrate((u64)li.cpu_clock_hz / 2);
	bi.guests = mips_backend_describe();
	hv_main(&bi);
}
