/* vfork, then the child runs "/bin/sh -c 'exit 5'"; the parent exits with
 * the child's status. */
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int status;
	pid_t pid = vfork();

	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exit 5", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	return WEXITSTATUS(status);
}
