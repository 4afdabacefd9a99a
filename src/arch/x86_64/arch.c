/* x86_64: registers, syscall tables (native and i386) and injection. */
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "arch.h"

const char arch_name[] = "x86_64";
const struct syscall_table *const arch_syscalls = &syscall_table_x86_64;
const uint32_t arch_audit = AUDIT_ARCH_X86_64;

const struct arch_personality arch_personalities[] = {
	{ "x86_64", AUDIT_ARCH_X86_64, &syscall_table_x86_64, "64 bit" },
	/* 32-bit programs: int 0x80, sysenter and the i386 numbers */
	{ "i386", AUDIT_ARCH_I386, &syscall_table_i386, "32 bit" },
};
const unsigned arch_personality_count = 2;
/* clone(flags, stack, parent_tid, child_tid, tls) */
const unsigned arch_clone_child_tid_arg = 3;
const unsigned arch_clone_tls_arg = 4;

const char *const arch_bpf_arg_regs[6] = { "di", "si", "dx", "r10", "r8",
					    "r9" };

/* the ucontext's uc_sigmask within the frame the handler returns through */
const unsigned arch_sigreturn_mask_offset = 296;

int arch_get_syscall_regs(pid_t tid, struct syscall_regs *r)
{
	struct user_regs_struct regs;

	if (ptrace(PTRACE_GETREGS, tid, 0, &regs) < 0)
		return -1;
	r->nr = regs.orig_rax;
	r->args[0] = regs.rdi;
	r->args[1] = regs.rsi;
	r->args[2] = regs.rdx;
	r->args[3] = regs.r10;
	r->args[4] = regs.r8;
	r->args[5] = regs.r9;
	r->sp = regs.rsp;
	r->rval = (int64_t)regs.rax;
	return 0;
}

/* The kernel reads the number from orig_rax after the entry stop. */
int arch_set_syscall(pid_t tid, long nr)
{
	struct user_regs_struct regs;

	if (ptrace(PTRACE_GETREGS, tid, 0, &regs) < 0)
		return -1;
	regs.orig_rax = (unsigned long long)nr;
	return ptrace(PTRACE_SETREGS, tid, 0, &regs) < 0 ? -1 : 0;
}

int arch_set_return(pid_t tid, int64_t value)
{
	struct user_regs_struct regs;

	if (ptrace(PTRACE_GETREGS, tid, 0, &regs) < 0)
		return -1;
	regs.rax = (unsigned long long)value;
	return ptrace(PTRACE_SETREGS, tid, 0, &regs) < 0 ? -1 : 0;
}
