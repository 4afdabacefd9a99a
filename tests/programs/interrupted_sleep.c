/* A sleep a signal cuts short: the kernel writes the time left, which
 * the trace shows at the exit (whose restart code the tracer sees). The
 * program prints that line, since only it knows the time left. With
 * "ignored", SIGALRM is ignored: a traced sleep is still cut short (the
 * tracer sees the signal) and the kernel resumes it with
 * restart_syscall(2), which the trace shows. */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void on_alarm(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct timespec req = { 0, 999999999 }, left = { 0, 0 };
	struct itimerval once = { { 0, 0 }, { 0, 50000 } };

	(void)argv;
	if (argc > 1) {
		req.tv_nsec = 200000000;
		signal(SIGALRM, SIG_IGN);
		setitimer(ITIMER_REAL, &once, NULL);
		return syscall(SYS_nanosleep, &req, &left) != 0;
	}
	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &once, NULL);
	syscall(SYS_nanosleep, &req, &left);
	printf("nanosleep({tv_sec=0, tv_nsec=999999999}, {tv_sec=%ld, "
	       "tv_nsec=%ld}) = ? ERESTART_RESTARTBLOCK (Interrupted by "
	       "signal)\n", (long)left.tv_sec, left.tv_nsec);
	return 0;
}
