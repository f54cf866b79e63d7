/* SPDX-License-Identifier: MIT */
/* Basic types for a freestanding build, and typed addresses.
 *
 * Host-physical, guest-physical and guest-virtual addresses are distinct
 * struct types so that passing one where another is expected is a compile
 * error, not a silent bug. Host-virtual addresses are plain C pointers. */
#ifndef HV_TYPES_H
#define HV_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* Host-physical address. */
typedef struct {
	u64 v;
} hpa_t;
/* Guest-physical address (an address inside one partition's memory slots). */
typedef struct {
	u64 v;
} gpa_t;
/* Guest-virtual address (as the guest's own MMU sees it). */
typedef struct {
	u64 v;
} gva_t;

static inline hpa_t hpa(u64 v)
{
	return (hpa_t){v};
}
static inline gpa_t gpa(u64 v)
{
	return (gpa_t){v};
}
static inline gva_t gva(u64 v)
{
	return (gva_t){v};
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a) (((x) + ((a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)
#define IS_POW2(x) ((x) != 0 && ((x) & ((x)-1)) == 0)

#define KiB(x) ((u64)(x) << 10)
#define MiB(x) ((u64)(x) << 20)
#define GiB(x) ((u64)(x) << 30)

#define __noreturn __attribute__((noreturn))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __unused __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __section(s) __attribute__((section(s)))

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* Error codes: 0 is success, negative values are failures. */
#define HV_OK 0
#define HV_E_INVAL (-1)
#define HV_E_NOMEM (-2)
#define HV_E_RANGE (-3)
#define HV_E_BUSY (-4)
#define HV_E_TIMEOUT (-5)
#define HV_E_NODEV (-6)

#endif
