/* SPDX-License-Identifier: MIT */
/* Big-endian loads and stores of guest data structures (lowcore, SCCBs,
 * SYSIBs): the emulation layer also runs as a host program in unit tests,
 * on little-endian machines. On s390x these are plain loads and stores. */
#ifndef ARCH_BE_H
#define ARCH_BE_H

#include "hv/types.h"

static inline u64 get_be(const void *p, unsigned bytes)
{
	const u8 *b = p;
	u64 v = 0;

	for (unsigned i = 0; i < bytes; i++)
		v = v << 8 | b[i];
	return v;
}

static inline void put_be(void *p, unsigned bytes, u64 v)
{
	u8 *b = p;

	for (unsigned i = bytes; i-- > 0;) {
		b[i] = (u8)v;
		v >>= 8;
	}
}

static inline u16 get_be16(const void *p)
{
	return (u16)get_be(p, 2);
}
static inline u32 get_be32(const void *p)
{
	return (u32)get_be(p, 4);
}
static inline u64 get_be64(const void *p)
{
	return get_be(p, 8);
}
static inline void put_be16(void *p, u16 v)
{
	put_be(p, 2, v);
}
static inline void put_be32(void *p, u32 v)
{
	put_be(p, 4, v);
}
static inline void put_be64(void *p, u64 v)
{
	put_be(p, 8, v);
}

#endif
