/* Raises one signal of each si_code family and survives it, for
 * test_decode_signal: a fault (SEGV), a bad instruction (ILL), a divide
 * by zero (FPE), a trap, a queued signal with a value, a POSIX timer, a
 * tkill, a kernel-sent SIGSYS from seccomp. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static sigjmp_buf back;

static void handler(int sig)
{
	siglongjmp(back, sig);
}

static void catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_NODEFER;
	sigaction(sig, &sa, NULL);
}

int main(void)
{
	volatile int zero = 0;
	static union sigval val = { .sival_int = 42 };
	struct sigevent sev;
	timer_t timer;
	struct itimerspec its = { { 0, 0 }, { 0, 1000000 } };

	catch(SIGSEGV);
	catch(SIGILL);
	catch(SIGFPE);
	catch(SIGTRAP);
	catch(SIGUSR1);
	catch(SIGALRM);
	catch(SIGSYS);
	if (!sigsetjmp(back, 1))
		*(volatile int *)8 = 1;
	/* an illegal instruction: __builtin_trap() is ud2 on x86_64, but a
	 * breakpoint (SIGTRAP) on aarch64, whose undefined one is udf */
	if (!sigsetjmp(back, 1)) {
#if defined(__aarch64__)
		__asm__ volatile("udf #0");
#else
		__builtin_trap();
#endif
	}
	if (!sigsetjmp(back, 1))
		zero = 1 / zero;
#if defined(__x86_64__)
	if (!sigsetjmp(back, 1))
		__asm__ volatile("int3");
#endif
	if (!sigsetjmp(back, 1))
		sigqueue(getpid(), SIGUSR1, val);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGALRM;
	sev.sigev_value.sival_int = 7;
	timer_create(CLOCK_MONOTONIC, &sev, &timer);
	if (!sigsetjmp(back, 1)) {
		timer_settime(timer, 0, &its, NULL);
		pause();
	}
	if (!sigsetjmp(back, 1)) {
		struct sock_filter f[] = {
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
			BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
			BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		};
		struct sock_fprog prog = { 4, f };

		prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
		prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
		syscall(SYS_getppid);
	}
	return 0;
}
