/* Internal to src/decode: the register sets of ptrace's
 * PTRACE_GETREGS-style requests and PTRACE_GETREGSET (ptrace_regs.c). */
#ifndef MYTRACE_PTRACE_REGS_H
#define MYTRACE_PTRACE_REGS_H

#include "decoders.h"

/* data of kind regs_in/_out, fpregs_in/_out, regset_in/_out (the _out
 * ones at exit: out); NULL for another kind */
struct value *ptrace_regs_value(struct decode_ctx *ctx, const char *kind,
				const char *name, uint64_t addr, bool out);

#endif
