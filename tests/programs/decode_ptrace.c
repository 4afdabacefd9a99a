/* ptrace requests on a child that stopped itself and on the program
 * itself (ESRCH), for test_decode_selfcheck: each call is followed by the
 * line mytrace must print for it (on stdout). */
#include <elf.h>
#include <linux/ptrace.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "selfcheck.h"

/* the first two general registers, as each arch's layout names them */
#if defined(__x86_64__)
#define ARCH "AUDIT_ARCH_X86_64"
#define TWO_REGS "{r15=%#llx, r14=%#llx}"
#elif defined(__aarch64__)
#define ARCH "AUDIT_ARCH_AARCH64"
#define TWO_REGS "{regs=[%#llx, %#llx]}"
#endif

static long pt(long req, long pid, unsigned long addr, unsigned long data)
{
	return syscall(SYS_ptrace, req, pid, addr, data);
}

/* Requests on ourselves, whom nobody traces: ESRCH, decoded at entry */
static void on_self(void)
{
	int self = getpid();
	siginfo_t si;
	long rc;

	rc = pt(0xdeadbeef, self, 0, 0);
	printf("ptrace(0xdeadbeef /* PTRACE_??? */, %d, NULL, NULL) = %s\n",
	       self, sc_ret(rc));
	rc = pt(PTRACE_INTERRUPT, self, 0, 0);
	printf("ptrace(PTRACE_INTERRUPT, %d) = %s\n", self, sc_ret(rc));
	rc = pt(PTRACE_CONT, self, 0, SIGUSR2);
	printf("ptrace(PTRACE_CONT, %d, NULL, SIGUSR2) = %s\n", self,
	       sc_ret(rc));
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSEGV;
	si.si_code = SEGV_PKUERR;
	si.si_errno = ENOENT;
	si.si_addr = (void *)0x1000;
	si.si_pkey = 7;
	rc = pt(PTRACE_SETSIGINFO, self, 0, (unsigned long)&si);
	printf("ptrace(PTRACE_SETSIGINFO, %d, NULL, {si_signo=SIGSEGV, "
	       "si_code=SEGV_PKUERR, si_errno=ENOENT, si_addr=0x1000, "
	       "si_pkey=7}) = %s\n", self, sc_ret(rc));
}

/* Requests on a child stopped by its own SIGSTOP */
static void on_child(void)
{
	struct ptrace_syscall_info info;
	uint64_t regs[64], mask = 1u << (SIGUSR1 - 1);
	struct iovec iov = { regs, 16 };
	int child, status;
	long rc;

	child = fork();
	if (child < 0)
		return;
	if (child == 0) {
		if (pt(PTRACE_TRACEME, 0, 0, 0) == 0)
			raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(child, &status, 0) != child || !WIFSTOPPED(status))
		return;
	rc = pt(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD |
		PTRACE_O_EXITKILL);
	printf("ptrace(PTRACE_SETOPTIONS, %d, NULL, PTRACE_O_TRACESYSGOOD|"
	       "PTRACE_O_EXITKILL) = %s\n", child, sc_ret(rc));
	rc = pt(PTRACE_GET_SYSCALL_INFO, child, 8, (unsigned long)&info);
	printf("ptrace(PTRACE_GET_SYSCALL_INFO, %d, 8, "
	       "{op=PTRACE_SYSCALL_INFO_NONE, arch=" ARCH "}) = %s\n", child,
	       sc_ret(rc));
	rc = pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long)&iov);
	printf("ptrace(PTRACE_GETREGSET, %d, NT_PRSTATUS, {iov_base=" TWO_REGS
	       ", iov_len=16}) = %s\n", child, (unsigned long long)regs[0],
	       (unsigned long long)regs[1], sc_ret(rc));
	rc = pt(PTRACE_SETSIGMASK, child, 8, (unsigned long)&mask);
	printf("ptrace(PTRACE_SETSIGMASK, %d, 8, [USR1]) = %s\n", child,
	       sc_ret(rc));
	rc = pt(PTRACE_CONT, child, 0, 0);
	printf("ptrace(PTRACE_CONT, %d, NULL, 0) = %s\n", child, sc_ret(rc));
	waitpid(child, &status, 0);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	on_self();
	on_child();
	return 0;
}
