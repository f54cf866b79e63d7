/* SPDX-License-Identifier: MIT */
/* Hypercalls of the mips64 guest ABI (arch/include/arch/guest_abi.h):
 * `hypcall` with the function in v0 and arguments in a0-a3. Every guest
 * value is checked; a bad one is an error code for the guest. */
#include "arch/te.h"
#include "hv/lib.h"

#define V0 2
#define V1 3
#define A0 4
#define A1 5
#define WRITE_MAX 4096u

void te_hypercall(struct vcpu *v, struct vcpu_exit *e)
{
	struct mips_guest_ctx *c = &v->arch.ctx;
	u64 fn = c->gpr[V0], a0 = c->gpr[A0], a1 = c->gpr[A1];
	s64 ret = 0;

	v->arch.exits[TE_EXIT_HCALL]++;
	if (c->hcall_code != 0) {
		c->gpr[V0] = (u64)(s64)TERN_HC_ENOSYS;
		return;
	}
	switch (fn) {
	case TERN_HC_VERSION:
		ret = TERN_GUEST_ABI_MAGIC;
		c->gpr[V1] = TERN_GUEST_ABI_VERSION;
		break;
	case TERN_HC_EXIT:
		e->kind = VEXIT_DONE;
		e->status = (int)a0;
		hv_snprintf(e->why, sizeof(e->why), "guest exit hypercall");
		break;
	case TERN_HC_PUTC: {
		char ch = (char)a0;
		partition_console_write(v->part, &ch, 1);
		break;
	}
	case TERN_HC_WRITE: {
		const char *buf =
		    a1 <= WRITE_MAX ? partition_gpa_ptr(v->part, gpa(a0), a1, false) : 0;
		if (a1 == 0) {
			ret = 0;
		} else if (!buf) {
			ret = TERN_HC_EFAULT;
		} else {
			char tmp[256];
			for (u64 off = 0; off < a1; off += sizeof(tmp)) {
				u64 n = a1 - off < sizeof(tmp) ? a1 - off : sizeof(tmp);
				memcpy(tmp, buf + off, n); /* copy once, then use */
				partition_console_write(v->part, tmp, n);
			}
			ret = (s64)a1;
		}
		break;
	}
	case TERN_HC_RESET:
		e->kind = VEXIT_RESET;
		break;
	default:
		ret = TERN_HC_ENOSYS;
		break;
	}
	c->gpr[V0] = (u64)ret;
}
