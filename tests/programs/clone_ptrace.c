/* A child made with clone(CLONE_PTRACE), which the kernel attaches to
 * the parent's tracer: without -f the tracer must let it go, so that a
 * signal kills it as it would untraced. Prints how the child ended.
 * With "parent", the child is made with CLONE_PARENT instead: a child of
 * the tracer, which it never traced; the program prints its pid. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[65536] __attribute__((aligned(16)));

static int quick(void *arg)
{
	(void)arg;
	return 0;
}

static int child(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return 0;
}

int main(int argc, char **argv)
{
	int status;
	pid_t pid;

	(void)argv;
	if (argc > 1) {
		pid = clone(quick, stack + sizeof(stack), CLONE_PARENT | SIGCHLD,
			    NULL);
		printf("%d\n", pid);
		usleep(200000);
		return pid < 0;
	}
	pid = clone(child, stack + sizeof(stack), CLONE_PTRACE | SIGCHLD, NULL);

	if (pid < 0)
		return 2;
	kill(pid, SIGUSR1);
	if (waitpid(pid, &status, 0) != pid)
		return 3;
	if (WIFSIGNALED(status))
		printf("child killed by signal %d\n", WTERMSIG(status));
	else
		printf("child status %#x\n", status);
	return 0;
}
