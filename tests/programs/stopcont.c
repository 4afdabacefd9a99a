/* Job control seen from a parent: a child stops itself with SIGSTOP, is
 * continued, then is stopped with SIGTSTP (a shell's ^Z) and continued
 * again; the parent reports what waitpid saw each time. */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void expect_stop(pid_t pid, int sig)
{
	int status;

	waitpid(pid, &status, WUNTRACED);
	if (WIFSTOPPED(status))
		printf("stopped %s\n", WSTOPSIG(status) == sig ? "ok" : "bad");
	else
		printf("not stopped (status %#x)\n", status);
	fflush(stdout);
}

static void expect_cont(pid_t pid)
{
	int status;

	waitpid(pid, &status, WCONTINUED);
	printf("%s\n", WIFCONTINUED(status) ? "continued" : "not continued");
	fflush(stdout);
}

int main(void)
{
	int status;
	int go[2];
	char c;
	pid_t pid;

	if (pipe(go) < 0)
		return 2;
	pid = fork();
	/* A process group of its own, with its parent outside it in the same
	 * session, is never orphaned: the kernel would drop SIGTSTP to an
	 * orphaned group (as when the tests run under setsid, with no
	 * terminal), and the child would never stop. Both sides set it, so
	 * neither can run ahead of it. */
	if (pid == 0)
		setpgid(0, 0);
	else if (pid > 0)
		setpgid(pid, pid);
	if (pid == 0) {
		raise(SIGSTOP);
		/* the parent stops us again while we wait here */
		if (read(go[0], &c, 1) != 1)
			_exit(2);
		syscall(SYS_getppid);
		_exit(4);
	}
	expect_stop(pid, SIGSTOP);
	kill(pid, SIGCONT);
	expect_cont(pid);
	kill(pid, SIGTSTP);
	expect_stop(pid, SIGTSTP);
	kill(pid, SIGCONT);
	expect_cont(pid);
	if (write(go[1], "g", 1) != 1)
		return 2;
	waitpid(pid, &status, 0);
	printf("exit %d\n", WEXITSTATUS(status));
	return 0;
}
