/* SPDX-License-Identifier: MIT */
/* Guest storage for the emulation layer. Guest absolute storage is the
 * partition's slots (partition_gpa_ptr); real addresses apply the vCPU's
 * prefix; logical addresses walk the guest's own z/Architecture DAT tables
 * (4 KiB pages: the guest machine offers no EDAT). Table entries are
 * fetched from guest absolute storage, the resulting frame address is
 * real, as the architecture says. */
#include <arch/gmem.h>

#include "hv/lib.h"
#include "hv/vcpu.h"

#define PAGE 4096ull
#define PSW_MASK_DAT_BIT PSW_MASK_DAT

#define ASCE_ORIGIN 0xfffffffffffff000ull
#define ASCE_REAL 0x20ull
#define ASCE_DT(a) (((a) >> 2) & 3)
#define ASCE_TL(a) ((a)&3)

#define RTE_ORIGIN 0xfffffffffffff000ull
#define RTE_INVALID 0x20ull
#define RTE_TT(e) (((e) >> 2) & 3)
#define RTE_TL(e) ((e)&3)
#define STE_ORIGIN 0xfffffffffffff800ull
#define STE_INVALID 0x20ull
#define STE_PROTECT 0x200ull
#define STE_FC 0x400ull
#define PTE_ORIGIN 0xfffffffffffff000ull
#define PTE_INVALID 0x400ull
#define PTE_PROTECT 0x200ull

#define CR0_LOW_ADDRESS_PROTECTION 0x10000000ull

/* Whole range in one slot: a direct pointer; ranges across slots are copied
 * page by page below, which also keeps each piece inside one slot. */
bool gmem_read_abs(struct partition *p, u64 abs, void *buf, u64 len)
{
	u8 *out = buf;

	while (len) {
		u64 chunk = PAGE - (abs & (PAGE - 1));
		if (chunk > len)
			chunk = len;
		const void *src = partition_gpa_ptr(p, gpa(abs), chunk, false);
		if (!src)
			return false;
		memcpy(out, src, chunk);
		out += chunk;
		abs += chunk;
		len -= chunk;
	}
	return true;
}

bool gmem_write_abs(struct partition *p, u64 abs, const void *buf, u64 len)
{
	const u8 *in = buf;

	while (len) {
		u64 chunk = PAGE - (abs & (PAGE - 1));
		if (chunk > len)
			chunk = len;
		void *dst = partition_gpa_ptr(p, gpa(abs), chunk, true);
		if (!dst)
			return false;
		memcpy(dst, in, chunk);
		in += chunk;
		abs += chunk;
		len -= chunk;
	}
	return true;
}

int gmem_abs_store_check(struct partition *p, u64 abs, u64 len)
{
	if (len == 0 || abs + len < abs)
		return PGM_ADDRESSING;
	for (u64 a = abs & ~(PAGE - 1); a < abs + len; a += PAGE) {
		u64 at = a < abs ? abs : a; /* the first page from abs on */
		if (!partition_gpa_ptr(p, gpa(at), 1, false))
			return PGM_ADDRESSING;
		if (!partition_gpa_ptr(p, gpa(at), 1, true))
			return PGM_PROTECTION;
	}
	return 0;
}

static bool fetch_entry(struct partition *p, u64 abs, u64 *e)
{
	u8 b[8];

	if (!gmem_read_abs(p, abs, b, 8))
		return false;
	*e = 0;
	for (int i = 0; i < 8; i++)
		*e = *e << 8 | b[i];
	return true;
}

static u64 space_asce(const struct s390_cpu *cpu, u64 *asce_id)
{
	switch (cpu->psw.mask & PSW_MASK_ASC) {
	case PSW_ASC_SECONDARY:
		*asce_id = 2;
		return cpu->crs[7];
	case PSW_ASC_HOME:
		*asce_id = 3;
		return cpu->crs[13];
	default: /* primary; access-register mode uses the primary space too */
		*asce_id = 0;
		return cpu->crs[1];
	}
}

int gmem_translate(struct partition *p, const struct s390_cpu *cpu, u64 addr, bool write, u64 *abs,
                   u64 *teid)
{
	u64 asce_id, real;
	static const u16 region_pgm[4] = {PGM_SEGMENT_TRANSLATION, PGM_REGION_THIRD_TRANS,
	                                  PGM_REGION_SECOND_TRANS, PGM_REGION_FIRST_TRANS};

	*teid = 0;
	if (write && (cpu->crs[0] & CR0_LOW_ADDRESS_PROTECTION) && (addr & ~0x1000ull) < 512) {
		*teid = (addr & ~(PAGE - 1)) | 4; /* bit 61: protection by LAP */
		return PGM_PROTECTION;
	}
	if (!(cpu->psw.mask & PSW_MASK_DAT_BIT)) {
		*abs = real_to_abs(addr, cpu->prefix);
		return 0;
	}
	u64 asce = space_asce(cpu, &asce_id);
	u64 tid = (addr & ~(PAGE - 1)) | asce_id;
	if (asce & ASCE_REAL) {
		*abs = real_to_abs(addr, cpu->prefix);
		return 0;
	}
	int level = (int)ASCE_DT(asce); /* 3 region-first ... 0 segment */
	/* The highest index bits a table of this level cannot reach. */
	if (level < 3 && (addr >> (31 + 11 * level)) != 0) {
		*teid = tid;
		return PGM_ASCE_TYPE;
	}
	u64 origin = asce & ASCE_ORIGIN, tl = ASCE_TL(asce), e;
	for (; level > 0; level--) {
		u64 idx = (addr >> (20 + 11 * level)) & 0x7ff;
		if ((idx >> 9) > tl) {
			*teid = tid;
			return region_pgm[level];
		}
		if (!fetch_entry(p, origin + idx * 8, &e))
			return PGM_ADDRESSING;
		if (e & RTE_INVALID) {
			*teid = tid;
			return region_pgm[level];
		}
		if (RTE_TT(e) != (u64)level) /* an entry of this table's type */
			return PGM_TRANSLATION_SPEC;
		origin = e & RTE_ORIGIN;
		tl = RTE_TL(e);
	}
	u64 sx = (addr >> 20) & 0x7ff;
	if ((sx >> 9) > tl) {
		*teid = tid;
		return PGM_SEGMENT_TRANSLATION;
	}
	if (!fetch_entry(p, origin + sx * 8, &e))
		return PGM_ADDRESSING;
	if (e & STE_INVALID) {
		*teid = tid;
		return PGM_SEGMENT_TRANSLATION;
	}
	if (e & STE_FC)
		return PGM_TRANSLATION_SPEC; /* no EDAT on this machine */
	bool protect = e & STE_PROTECT;
	u64 pte;
	if (!fetch_entry(p, (e & STE_ORIGIN) + ((addr >> 12) & 0xff) * 8, &pte))
		return PGM_ADDRESSING;
	if (pte & PTE_INVALID) {
		*teid = tid;
		return PGM_PAGE_TRANSLATION;
	}
	if (write && (protect || (pte & PTE_PROTECT))) {
		*teid = tid | 4;
		return PGM_PROTECTION;
	}
	real = (pte & PTE_ORIGIN) | (addr & (PAGE - 1));
	*abs = real_to_abs(real, cpu->prefix);
	return 0;
}

static int access(struct partition *p, const struct s390_cpu *cpu, u64 addr, u8 *buf, u32 len,
                  bool write, u64 *teid)
{
	while (len) {
		u32 chunk = (u32)(PAGE - (addr & (PAGE - 1)));
		u64 abs;
		if (chunk > len)
			chunk = len;
		int rc = gmem_translate(p, cpu, addr, write, &abs, teid);
		if (rc)
			return rc;
		bool ok =
		    write ? gmem_write_abs(p, abs, buf, chunk) : gmem_read_abs(p, abs, buf, chunk);
		if (!ok)
			return PGM_ADDRESSING;
		buf += chunk;
		addr += chunk;
		len -= chunk;
	}
	return 0;
}

int gmem_read(struct partition *p, const struct s390_cpu *cpu, u64 addr, void *buf, u32 len,
              u64 *teid)
{
	return access(p, cpu, addr, buf, len, false, teid);
}

int gmem_write(struct partition *p, const struct s390_cpu *cpu, u64 addr, const void *buf, u32 len,
               u64 *teid)
{
	/* Check every page first: a failed write must not be half done. */
	for (u64 a = addr & ~(PAGE - 1); a < addr + len; a += PAGE) {
		u64 abs;
		int rc = gmem_translate(p, cpu, a < addr ? addr : a, true, &abs, teid);
		if (rc)
			return rc;
		rc = gmem_abs_store_check(p, abs, 1);
		if (rc) {
			*teid = 0; /* for a read-only slot too: see host_fault() in sie.c */
			return rc;
		}
	}
	return access(p, cpu, addr, (u8 *)(unsigned long)buf, len, true, teid);
}
