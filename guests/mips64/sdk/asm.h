/* SPDX-License-Identifier: MIT */
/* Guest SDK assembler helpers: n64 register names and the frame layout that
 * struct tg_frame (tg/tg.h) mirrors. */
#ifndef TG_SDK_ASM_H
#define TG_SDK_ASM_H

#include "tg/cp0.h"

#define zero $0
#define AT $1
#define v0 $2
#define v1 $3
#define a0 $4
#define a1 $5
#define a2 $6
#define a3 $7
#define t0 $12
#define t1 $13
#define t2 $14
#define t3 $15
#define s0 $16
#define s1 $17
#define s2 $18
#define s3 $19
#define s4 $20
#define s5 $21
#define s6 $22
#define s7 $23
#define t8 $24
#define t9 $25
#define k0 $26
#define k1 $27
#define gp $28
#define sp $29
#define fp $30
#define ra $31

/* struct tg_frame */
#define F_R(n) ((n)*8)
#define F_HI 256
#define F_LO 264
#define F_EPC 272
#define F_STATUS 280
#define F_CAUSE 288
#define F_BADVADDR 296
#define F_VEC 304
#define F_SIZE 320

/* struct tg_jmp */
#define J_S(n) ((n)*8)
#define J_FP 64
#define J_SP 72
#define J_GP 80
#define J_RA 88

#endif
