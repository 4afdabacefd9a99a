/* Makes exact signal-family syscalls for test_decode_signal. */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa;
	sigset_t set, old;
	stack_t ss;
	static char stack[16384];
	siginfo_t si;
	struct timespec ts = { 0, 0 };

	syscall(SYS_close_range, 3, ~0U, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
	sigfillset(&set);
	sigdelset(&set, SIGKILL);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &old, 8);
	ss.ss_sp = stack;
	ss.ss_size = sizeof(stack);
	ss.ss_flags = 0;
	syscall(SYS_sigaltstack, NULL, &ss);
	syscall(SYS_rt_sigpending, &set, 8);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	syscall(SYS_signalfd4, -1, &set, 8, SFD_CLOEXEC | SFD_NONBLOCK);
	syscall(SYS_kill, getpid(), SIGUSR2);
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1);
	syscall(SYS_tkill, getpid(), 0);
	return 0;
}
