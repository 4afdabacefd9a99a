/* A program that traces its own children, as a debugger or a tracer
 * would: one child asks with PTRACE_TRACEME, the other is seized by the
 * parent. Prints what each ptrace call gave ("ok" or the errno name),
 * how each child ended, and then the line a tracer of the parent alone
 * with -e trace=getpid must print for its getpid call. Exits 0 when both
 * children were traced by it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *result(long r)
{
	if (r == 0)
		return "ok";
	return errno == EPERM ? "EPERM" : strerrorname_np(errno);
}

/* Waits for child: its stop, then (resumed) its end. */
static int follow_child(pid_t child, const char *who)
{
	int status;

	if (waitpid(child, &status, 0) != child)
		return 1;
	if (WIFSTOPPED(status)) {
		printf("%s stopped by %s\n", who,
		       sigabbrev_np(WSTOPSIG(status)));
		ptrace(PTRACE_CONT, child, 0, 0);
		if (waitpid(child, &status, 0) != child)
			return 1;
	}
	if (WIFEXITED(status)) {
		printf("%s exited with %d\n", who, WEXITSTATUS(status));
		return WEXITSTATUS(status);
	}
	printf("%s killed by %s\n", who, sigabbrev_np(WTERMSIG(status)));
	return 1;
}

/* The child asks to be traced by us, then stops itself. */
static int traceme_child(void)
{
	pid_t child;
	int fds[2];
	char r[16] = "";

	if (pipe(fds) < 0)
		return 1;
	child = fork();
	if (child == 0) {
		long t = ptrace(PTRACE_TRACEME, 0, 0, 0);

		snprintf(r, sizeof(r), "%s", result(t));
		if (write(fds[1], r, strlen(r)) < 0)
			_exit(3);
		if (t == 0)
			raise(SIGSTOP);
		_exit(t == 0 ? 0 : 2);
	}
	close(fds[1]);
	if (read(fds[0], r, sizeof(r) - 1) < 0)
		return 1;
	close(fds[0]);
	printf("PTRACE_TRACEME: %s\n", r);
	fflush(stdout);
	return follow_child(child, "traceme child");
}

/* The child waits on a pipe; we seize it and interrupt it. */
static int seized_child(void)
{
	pid_t child;
	int fds[2];
	char c = 0;
	long r;

	if (pipe(fds) < 0)
		return 1;
	child = fork();
	if (child == 0) {
		close(fds[1]);
		while (read(fds[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(c == 'x' ? 0 : 2);
	}
	close(fds[0]);
	r = ptrace(PTRACE_SEIZE, child, 0, 0);
	printf("PTRACE_SEIZE: %s\n", result(r));
	if (r == 0 && ptrace(PTRACE_INTERRUPT, child, 0, 0) < 0)
		printf("PTRACE_INTERRUPT: %s\n", result(-1));
	fflush(stdout);
	c = 'x';
	if (write(fds[1], &c, 1) < 0)
		return 1;
	close(fds[1]);
	return follow_child(child, "seized child");
}

int main(void)
{
	int bad = traceme_child();

	bad |= seized_child();
	printf("getpid() = %ld\n", (long)syscall(SYS_getpid));
	return bad ? 1 : 0;
}
