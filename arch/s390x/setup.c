/* SPDX-License-Identifier: MIT */
/* Boot CPU, from head.S: learn the machine (SCLP, STSI, SIGP) and hand a
 * complete struct boot_info to core. */
#include <arch/insn.h>
#include <arch/s390x.h>
#include <arch/sigp.h>

#include "drivers/sclp.h"
#include "hv/console.h"
#include "hv/hv.h"
#include "hv/panic.h"
#include "hv/percpu.h"

/* QEMU treats an ELF entered at 0x10000 as Linux and copies -append here;
 * the linker script keeps the area zero, so it reads "" elsewhere. */
#define CMDLINE_AREA 0x10480ul
#define CMDLINE_MAX 0x380
/* Lowcore of the boot CPU (prefix 0) and the IPL area below the image. */
#define LOW_RESERVED_END 0x10000ul

u64 s390x_cpu_mask;
u64 s390x_ram_end;

static struct boot_info bi;
static char cmdline[CMDLINE_MAX + 1];

static const char *read_cmdline(void)
{
	const volatile char *src = (const volatile char *)CMDLINE_AREA;
	size_t n = 0;

	if (s390x_machine == MACHINE_HERCULES)
		return "";
	while (n < CMDLINE_MAX && src[n]) {
		char c = src[n];
		cmdline[n++] = (c >= 0x20 && c < 0x7f) ? c : ' ';
	}
	cmdline[n] = 0;
	return cmdline;
}

static void add_cpu(u16 addr)
{
	bi.cpu_hwid[bi.nr_cpus++] = addr;
	s390x_cpu_mask |= 1ull << addr;
}

/* The SCLP's CPU list, less the addresses SIGP finds not operational
 * (Hercules lists MAXCPU entries); SIGP sense of 0..15 without a list. */
static void find_cpus(const struct sclp_scp_info *info, u16 me)
{
	u64 listed = 0;
	u32 ignored = 0;

	for (u32 i = 0; i < info->nr_cpus; i++) {
		if (info->cpu_addr[i] < HV_MAX_CPUS)
			listed |= 1ull << info->cpu_addr[i];
		else if (info->cpu_addr[i] != me)
			ignored++;
	}
	if (!info->nr_cpus)
		listed = (1ull << HV_MAX_CPUS) - 1;
	for (u16 a = 0; a < HV_MAX_CPUS; a++) {
		u32 status;
		if (a == me)
			add_cpu(a);
		else if (((listed >> a) & 1) &&
		         sigp_retry(a, SIGP_SENSE, 0, &status) != SIGP_CC_NOT_OPERATIONAL)
			add_cpu(a);
	}
	if (ignored)
		hv_log("cpus: %u with an address beyond %u ignored", ignored, HV_MAX_CPUS - 1);
}

void arch_boot(void)
{
	struct sclp_scp_info info;
	u16 me = stap();

	bi.machine = machine_detect();
	sclp_console_init(s390x_machine == MACHINE_QEMU ? SCLP_CP_500 : SCLP_CP_1047);
	bi.arch = "s390x";
	bi.firmware = "SCLP";
	timer_init();
	bi.timer_hz = TOD_HZ;
	if (me >= HV_MAX_CPUS) {
		hv_log("boot cpu address %u is beyond %u", me, HV_MAX_CPUS - 1);
		hv_exit(HV_EXIT_FAIL);
	}
	if (sclp_read_scp_info(&info) != HV_OK) {
		hv_log("SCLP READ SCP INFO failed: machine size unknown");
		hv_exit(HV_EXIT_FAIL);
	}
	bi.boot_cpu = me;
	find_cpus(&info, me);

	s390x_ram_end = info.mem_bytes;
	bi.mem[0] = (struct mem_region){hpa(0), LOW_RESERVED_END, MEM_RESERVED};
	bi.mem[1] =
	    (struct mem_region){hpa(LOW_RESERVED_END), info.mem_bytes - LOW_RESERVED_END, MEM_RAM};
	bi.nr_mem = 2;
	bi.image_start = hpa((u64)_image_start);
	bi.image_end = hpa((u64)_image_end);
	bi.cmdline = read_cmdline();
	bi.guests = sie_describe();
	percpu[me].arch.prefix = 0;
	hv_main(&bi);
}
