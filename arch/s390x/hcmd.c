/* SPDX-License-Identifier: MIT */
/* DIAG 8 (CP command) as Hercules implements it with DIAG8CMD ENABLE: Rx
 * holds the address of the EBCDIC command, Ry its length (flags byte 0:
 * no response buffer); Hercules runs it as a panel command (vm.c
 * cpcmd_call -> panel_command), synchronously on the issuing CPU. One
 * command at a time: the buffer is shared. */
#include <arch/ebcdic.h>
#include <arch/hcmd.h>
#include <arch/s390x.h>

#include "hv/lib.h"
#include "hv/spinlock.h"

#define CMD_MAX 64

static u8 cmd_ebcdic[CMD_MAX] __aligned(8);
static spinlock_t cmd_lock = SPINLOCK_INIT;

bool hercules_command(const char *cmd)
{
	if (s390x_machine != MACHINE_HERCULES)
		return false;
	size_t n = strnlen(cmd, CMD_MAX);
	spin_lock(&cmd_lock);
	for (size_t i = 0; i < n; i++)
		cmd_ebcdic[i] = ascii_to_ebcdic(cmd[i]);
	register unsigned long rx __asm__("2") = (unsigned long)cmd_ebcdic;
	register unsigned long ry __asm__("3") = n;
	__asm__ volatile("diag %0,%1,0x8" : "+d"(rx), "+d"(ry) : : "cc", "memory");
	spin_unlock(&cmd_lock);
	return true;
}
