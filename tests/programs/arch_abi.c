/* Makes the calls whose decoding depends on the architecture's ABI: open
 * flags whose values differ per arch, fork's clone (the order of its last
 * arguments differs) and a handler's return (rt_sigreturn finds the mask in
 * an arch-specific signal frame). */
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	sigset_t usr2;
	pid_t pid;
	int fd;

	fd = open("/", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0)
		close(fd);
	open("/nonexistent/mytrace-abi", O_WRONLY | O_DIRECT | O_APPEND);

	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);

	pid = fork();
	if (pid == 0)
		_exit(4);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return 0;
}
