/* SPDX-License-Identifier: MIT */
/* The config checker, shared by the build host (tools/cfgcheck) and the
 * hypervisor's boot-time re-check. Reports every problem, not just the first. */
#include "hv/config.h"
#include "hv/lib.h"

struct report {
	char *buf;
	size_t size, len;
	int count;
};

static void problem(struct report *r, const char *fmt, ...) __printf(2, 3);
static void problem(struct report *r, const char *fmt, ...)
{
	va_list ap;

	r->count++;
	if (!r->buf || r->len + 1 >= r->size)
		return;
	va_start(ap, fmt);
	int n = hv_vsnprintf(r->buf + r->len, r->size - r->len, fmt, ap);
	va_end(ap);
	r->len += (size_t)n;
	if (r->len + 1 >= r->size) {
		r->len = r->size - 1;
		return;
	}
	r->buf[r->len++] = '\n';
	r->buf[r->len] = 0;
}

/* [a, a+as) and [b, b+bs) overlap; sizes are non-zero and do not wrap. */
static bool overlaps(u64 a, u64 as, u64 b, u64 bs)
{
	return a < b + bs && b < a + as;
}

static bool inside_ram(const struct hv_limits *lim, u64 base, u64 size)
{
	if (lim->nr_ram == 0)
		return true; /* unknown on the build host */
	for (u32 i = 0; i < lim->nr_ram && i < ARRAY_SIZE(lim->ram); i++)
		if (base >= lim->ram[i].base && base + size <= lim->ram[i].base + lim->ram[i].size)
			return true;
	return false;
}

static void check_slot(struct report *r, const struct hv_config *c, const struct hv_limits *lim,
                       u32 p, u32 s)
{
	const struct hv_slot_cfg *sl = &c->partitions[p].slots[s];
	const char *pn = c->partitions[p].name ? c->partitions[p].name : "?";

	if (sl->size == 0) {
		problem(r, "p%u '%s' slot %u: size is 0", p, pn, s);
		return;
	}
	if (sl->size > lim->max_slot_size)
		problem(r, "p%u '%s' slot %u: size 0x%llx exceeds the maximum 0x%llx", p, pn, s,
		        (unsigned long long)sl->size, (unsigned long long)lim->max_slot_size);
	if (sl->gpa + sl->size < sl->gpa || sl->hpa + sl->size < sl->hpa) {
		problem(r, "p%u '%s' slot %u: range wraps around the address space", p, pn, s);
		return;
	}
	if (!IS_ALIGNED(sl->gpa, lim->mem_align) || !IS_ALIGNED(sl->hpa, lim->mem_align) ||
	    !IS_ALIGNED(sl->size, lim->mem_align))
		problem(r,
		        "p%u '%s' slot %u: gpa 0x%llx hpa 0x%llx size 0x%llx not aligned to 0x%llx",
		        p, pn, s, (unsigned long long)sl->gpa, (unsigned long long)sl->hpa,
		        (unsigned long long)sl->size, (unsigned long long)lim->mem_align);
	if (!inside_ram(lim, sl->hpa, sl->size))
		problem(r, "p%u '%s' slot %u: hpa 0x%llx+0x%llx is not inside the machine's RAM", p,
		        pn, s, (unsigned long long)sl->hpa, (unsigned long long)sl->size);
	for (u32 i = 0; i < lim->nr_avoid && i < ARRAY_SIZE(lim->avoid); i++)
		if (overlaps(sl->hpa, sl->size, lim->avoid[i].base, lim->avoid[i].size))
			problem(
			    r, "p%u '%s' slot %u: hpa 0x%llx+0x%llx overlaps the hypervisor image",
			    p, pn, s, (unsigned long long)sl->hpa, (unsigned long long)sl->size);
	/* Later slots of this partition: guest-physical overlap. Later slots of
	 * every partition: host-physical overlap (memory is never shared). */
	for (u32 t = s + 1; t < c->partitions[p].nr_slots; t++) {
		const struct hv_slot_cfg *o = &c->partitions[p].slots[t];
		if (o->size && overlaps(sl->gpa, sl->size, o->gpa, o->size))
			problem(r, "p%u '%s': slots %u and %u overlap in guest-physical memory", p,
			        pn, s, t);
	}
	for (u32 q = p; q < c->nr_partitions; q++) {
		for (u32 t = (q == p ? s + 1 : 0); t < c->partitions[q].nr_slots; t++) {
			const struct hv_slot_cfg *o = &c->partitions[q].slots[t];
			if (o->size && overlaps(sl->hpa, sl->size, o->hpa, o->size))
				problem(
				    r,
				    "p%u slot %u and p%u slot %u overlap in host memory (0x%llx)",
				    p, s, q, t,
				    (unsigned long long)(sl->hpa > o->hpa ? sl->hpa : o->hpa));
		}
	}
}

int config_check(const struct hv_config *c, const struct hv_limits *lim, char *err, size_t errsz)
{
	struct report r = {err, errsz, 0, 0};
	u64 cpus_used = 0;

	if (err && errsz)
		err[0] = 0;
	if (!c || !lim) {
		problem(&r, "no config or no limits");
		return r.count;
	}
	if (c->magic != HV_CONFIG_MAGIC) {
		problem(&r, "bad magic 0x%08x (want 0x%08x)", c->magic, HV_CONFIG_MAGIC);
		return r.count;
	}
	if (c->revision != HV_CONFIG_REVISION) {
		problem(&r, "config revision %u, this hypervisor reads revision %u", c->revision,
		        HV_CONFIG_REVISION);
		return r.count;
	}
	if (!IS_POW2(lim->mem_align))
		problem(&r, "limits: alignment 0x%llx is not a power of two",
		        (unsigned long long)lim->mem_align);
	if (c->nr_partitions > HV_MAX_PARTITIONS) {
		problem(&r, "%u partitions, at most %u", c->nr_partitions, HV_MAX_PARTITIONS);
		return r.count;
	}
	for (u32 p = 0; p < c->nr_partitions; p++) {
		const struct hv_partition_cfg *pc = &c->partitions[p];
		const char *pn = pc->name ? pc->name : "?";

		if (!pc->name || !pc->name[0] || strnlen(pc->name, HV_NAME_MAX) >= HV_NAME_MAX)
			problem(&r, "p%u: name missing or longer than %u", p, HV_NAME_MAX - 1);
		if (pc->cpus == 0)
			problem(&r, "p%u '%s': no CPU assigned", p, pn);
		if (lim->max_cpus < 64 && (pc->cpus >> lim->max_cpus) != 0)
			problem(&r, "p%u '%s': CPU mask 0x%llx names CPUs beyond %u", p, pn,
			        (unsigned long long)pc->cpus, lim->max_cpus - 1);
		if (pc->cpus & cpus_used)
			problem(&r, "p%u '%s': CPU(s) 0x%llx already assigned to another partition",
			        p, pn, (unsigned long long)(pc->cpus & cpus_used));
		cpus_used |= pc->cpus;
		if (pc->image &&
		    (!pc->image_end || (const u8 *)pc->image_end <= (const u8 *)pc->image))
			problem(&r, "p%u '%s': guest image has no extent", p, pn);
		if (pc->sched > SCHED_TIMESLICE)
			problem(&r, "p%u '%s': unknown scheduling policy %u", p, pn, pc->sched);
		if (pc->nr_vcpus > HV_MAX_VCPUS_PER)
			problem(&r, "p%u '%s': %u vCPUs, at most %u", p, pn, pc->nr_vcpus,
			        HV_MAX_VCPUS_PER);
		if (pc->sched == SCHED_PINNED && pc->nr_vcpus > hv_popcount64(pc->cpus))
			problem(&r, "p%u '%s': %u pinned vCPUs need as many CPUs, the mask has %u",
			        p, pn, pc->nr_vcpus, hv_popcount64(pc->cpus));
		if (pc->sched == SCHED_TIMESLICE && pc->slice_us &&
		    (pc->slice_us < HV_SLICE_US_MIN || pc->slice_us > HV_SLICE_US_MAX))
			problem(&r, "p%u '%s': time slice %u us outside %u..%u", p, pn,
			        pc->slice_us, HV_SLICE_US_MIN, HV_SLICE_US_MAX);
		if (pc->fault_policy > FAULT_RESET)
			problem(&r, "p%u '%s': unknown fault policy %u", p, pn, pc->fault_policy);
		if (pc->nr_slots == 0 || pc->nr_slots > HV_MAX_SLOTS) {
			problem(&r, "p%u '%s': %u memory slots (1..%u allowed)", p, pn,
			        pc->nr_slots, HV_MAX_SLOTS);
			continue;
		}
		for (u32 s = 0; s < pc->nr_slots; s++)
			check_slot(&r, c, lim, p, s);
	}
	return r.count;
}

static const struct hv_limits limits_mips64 = {
    .max_cpus = 16,
    .mem_align = KiB(16), /* the TLB page size Tern maps guests with */
    .max_slot_size = GiB(64),
};

static const struct hv_limits limits_s390x = {
    .max_cpus = 16,
    .mem_align = MiB(1), /* SIE MSO/MSL granularity and segment size */
    .max_slot_size = GiB(64),
};

static const struct hv_limits limits_host = {
    .max_cpus = 16,
    .mem_align = KiB(4),
    .max_slot_size = GiB(64),
};

const struct hv_limits *config_arch_limits(const char *arch)
{
	if (!arch)
		return NULL;
	if (strcmp(arch, "mips64") == 0)
		return &limits_mips64;
	if (strcmp(arch, "s390x") == 0)
		return &limits_s390x;
	if (strcmp(arch, "host") == 0)
		return &limits_host;
	return NULL;
}
