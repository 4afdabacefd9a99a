/* aarch64: registers (through NT_PRSTATUS) and syscall table. */
#include <elf.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <asm/ptrace.h>

#include "arch.h"

const char arch_name[] = "aarch64";
const struct syscall_table *const arch_syscalls = &syscall_table_aarch64;
const uint32_t arch_audit = AUDIT_ARCH_AARCH64;

/* AArch32 programs (AUDIT_ARCH_ARM) are not decoded: native only */
const struct arch_personality arch_personalities[] = {
	{ "aarch64", AUDIT_ARCH_AARCH64, &syscall_table_aarch64, "64 bit" },
};
const unsigned arch_personality_count = 1;
/* clone(flags, stack, parent_tid, tls, child_tid) */
const unsigned arch_clone_child_tid_arg = 4;
const unsigned arch_clone_tls_arg = 3;

/* x0 is the return value by the exit: its entry value is kept apart */
const char *const arch_bpf_arg_regs[6] = { "orig_x0", "regs+8", "regs+16",
					    "regs+24", "regs+32", "regs+40" };

/* the ucontext's uc_sigmask within the frame the handler returns through */
const unsigned arch_sigreturn_mask_offset = 168;

int arch_get_syscall_regs(pid_t tid, struct syscall_regs *r)
{
	struct user_pt_regs regs;
	struct iovec iov = { &regs, sizeof(regs) };

	if (ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov) < 0)
		return -1;
	r->nr = regs.regs[8];
	for (int i = 0; i < MAX_ARGS; i++)
		r->args[i] = regs.regs[i];
	r->sp = regs.sp;
	r->rval = (int64_t)regs.regs[0];
	return 0;
}

/* x8 is read before the entry stop: the number the kernel will run lives
 * in the NT_ARM_SYSTEM_CALL register set. */
int arch_set_syscall(pid_t tid, long number)
{
	int nr = (int)number;
	struct iovec iov = { &nr, sizeof(nr) };

	return ptrace(PTRACE_SETREGSET, tid, NT_ARM_SYSTEM_CALL, &iov) < 0 ?
	       -1 : 0;
}

int arch_set_return(pid_t tid, int64_t value)
{
	struct user_pt_regs regs;
	struct iovec iov = { &regs, sizeof(regs) };

	if (ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov) < 0)
		return -1;
	regs.regs[0] = (uint64_t)value;
	return ptrace(PTRACE_SETREGSET, tid, NT_PRSTATUS, &iov) < 0 ? -1 : 0;
}
