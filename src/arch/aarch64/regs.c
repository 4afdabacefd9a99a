/* arm64's register sets as ptrace shows them: struct user_regs_struct
 * of sys/user.h (regs[31], sp, pc, pstate); the SIMD registers (128-bit
 * words) show as an address. */
#include <stddef.h>
#include <sys/user.h>

#include "arch.h"

static const struct arch_reg_field gregs[] = {
	{ "regs", offsetof(struct user_regs_struct, regs), 8, 31 },
	{ "sp", offsetof(struct user_regs_struct, sp), 8, 0 },
	{ "pc", offsetof(struct user_regs_struct, pc), 8, 0 },
	{ "pstate", offsetof(struct user_regs_struct, pstate), 8, 0 },
};

const struct arch_reg_set arch_gregs = {
	gregs, sizeof(gregs) / sizeof(gregs[0]),
	sizeof(struct user_regs_struct)
};
const struct arch_reg_set arch_fpregs = { NULL, 0, 0 };
