/* x86_64's register sets as ptrace shows them: struct user_regs_struct
 * and struct user_fpregs_struct of sys/user.h. */
#include <stddef.h>
#include <sys/user.h>

#include "arch.h"

#define G(f) { #f, offsetof(struct user_regs_struct, f), 8, 0 }

static const struct arch_reg_field gregs[] = {
	G(r15), G(r14), G(r13), G(r12), G(rbp), G(rbx), G(r11), G(r10),
	G(r9), G(r8), G(rax), G(rcx), G(rdx), G(rsi), G(rdi), G(orig_rax),
	G(rip), G(cs), G(eflags), G(rsp), G(ss), G(fs_base), G(gs_base),
	G(ds), G(es), G(fs), G(gs),
};

#define F(f, n) { #f, offsetof(struct user_fpregs_struct, f), \
	sizeof(((struct user_fpregs_struct *)0)->f) / ((n) ? (n) : 1), n }

static const struct arch_reg_field fpregs[] = {
	F(cwd, 0), F(swd, 0), F(ftw, 0), F(fop, 0), F(rip, 0), F(rdp, 0),
	F(mxcsr, 0), F(mxcr_mask, 0), F(st_space, 32), F(xmm_space, 64),
	F(padding, 24),
};

const struct arch_reg_set arch_gregs = {
	gregs, sizeof(gregs) / sizeof(gregs[0]),
	sizeof(struct user_regs_struct)
};
const struct arch_reg_set arch_fpregs = {
	fpregs, sizeof(fpregs) / sizeof(fpregs[0]),
	sizeof(struct user_fpregs_struct)
};
