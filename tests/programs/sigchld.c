/* Forks a child that exits 0, waits for it: one SIGCHLD and one wait4.
 * With "busy", the child first spends about 0.2 s of CPU time, which its
 * SIGCHLD reports in clock ticks (si_utime). */
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void spin(void)
{
	volatile unsigned long n = 0;
	clock_t end = clock() + CLOCKS_PER_SEC / 5;

	while (clock() < end)
		n++;
}

int main(int argc, char **argv)
{
	int status;
	pid_t pid = fork();

	(void)argv;
	if (pid == 0) {
		if (argc > 1)
			spin();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WEXITSTATUS(status);
}
