/* SPDX-License-Identifier: MIT */
/* Loading a partition's ELF image into its slots. The image is part of the
 * hypervisor (trusted, checked at build time by nobody), yet every field is
 * checked: a bad image must fail its partition, never the hypervisor. */
#include "hv/elf.h"
#include "hv/arch/vcpu.h"
#include "hv/lib.h"
#include "hv/vcpu.h"

#define EI_CLASS 4
#define EI_DATA 5
#define ELFCLASS64 2
#define PT_LOAD 1

struct elf64_ehdr {
	u8 ident[16];
	u16 type, machine;
	u32 version;
	u64 entry, phoff, shoff;
	u32 flags;
	u16 ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	u32 type, flags;
	u64 offset, vaddr, paddr, filesz, memsz, align;
};

static u8 native_data(void)
{
	const u16 probe = 1;

	return *(const u8 *)&probe ? 1 /* ELFDATA2LSB */ : 2 /* ELFDATA2MSB */;
}

int elf_load(struct partition *p, const void *image, u64 size, gva_t *entry, char *err,
             size_t errsz)
{
	struct elf64_ehdr eh;

	if (!image || size < sizeof(eh)) {
		hv_snprintf(err, errsz, "image too small (%llu bytes)", (unsigned long long)size);
		return HV_E_INVAL;
	}
	memcpy(&eh, image, sizeof(eh)); /* copy once, then validate the copy */
	if (memcmp(eh.ident, "\177ELF", 4) != 0 || eh.ident[EI_CLASS] != ELFCLASS64 ||
	    eh.ident[EI_DATA] != native_data()) {
		hv_snprintf(err, errsz, "not a 64-bit ELF of this byte order");
		return HV_E_INVAL;
	}
	if (eh.machine != arch_elf_machine()) {
		hv_snprintf(err, errsz, "ELF machine %u, this hypervisor runs machine %u",
		            eh.machine, arch_elf_machine());
		return HV_E_INVAL;
	}
	if (eh.phentsize != sizeof(struct elf64_phdr) || eh.phnum == 0 || eh.phnum > 64 ||
	    eh.phoff > size || (u64)eh.phnum * sizeof(struct elf64_phdr) > size - eh.phoff) {
		hv_snprintf(err, errsz, "bad program header table");
		return HV_E_INVAL;
	}
	u32 loaded = 0;
	for (u16 i = 0; i < eh.phnum; i++) {
		struct elf64_phdr ph;
		memcpy(&ph, (const u8 *)image + eh.phoff + (u64)i * sizeof(ph), sizeof(ph));
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		if (ph.filesz > ph.memsz || ph.offset > size || ph.filesz > size - ph.offset) {
			hv_snprintf(err, errsz, "segment %u lies outside the file", i);
			return HV_E_INVAL;
		}
		u64 g = arch_elf_segment_gpa(ph.vaddr, ph.paddr);
		/* not a guest store: the loader fills read-only slots too, that
		 * is how their contents (a ROM, a firmware) get there */
		u8 *dst = partition_gpa_ptr(p, gpa(g), ph.memsz, false);
		if (!dst) {
			hv_snprintf(
			    err, errsz,
			    "segment %u (gpa 0x%llx, 0x%llx bytes) is not inside one memory slot",
			    i, (unsigned long long)g, (unsigned long long)ph.memsz);
			return HV_E_RANGE;
		}
		memcpy(dst, (const u8 *)image + ph.offset, ph.filesz);
		memset(dst + ph.filesz, 0, ph.memsz - ph.filesz);
		loaded++;
	}
	if (!loaded) {
		hv_snprintf(err, errsz, "no loadable segment");
		return HV_E_INVAL;
	}
	*entry = gva(eh.entry);
	return HV_OK;
}
