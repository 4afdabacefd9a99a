/* Forks a child that exits 0, waits for it: one SIGCHLD and one wait4. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
	return WEXITSTATUS(status);
}
