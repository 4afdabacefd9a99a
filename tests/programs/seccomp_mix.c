/* A little of everything for comparing traces with and without the
 * seccomp filter: files, a forked child and a thread that make traced
 * calls (a child without a tracer would get ENOSYS), and a signal. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *thread_main(void *arg)
{
	(void)arg;
	if (openat(AT_FDCWD, "/nonexistent/thread", O_RDONLY) >= 0 ||
	    errno != ENOENT)
		return (void *)1;
	return NULL;
}

/* "Seccomp:\t2" when a filter is on; the tests check which way we ran */
static void print_seccomp_mode(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "Seccomp:", 8) == 0 ||
		    strncmp(line, "NoNewPrivs:", 11) == 0)
			fputs(line, stdout);
	fclose(f);
}

int main(void)
{
	pthread_t th;
	void *res;
	int status;
	pid_t pid;
	int fd;

	fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
	close(fd);
	openat(AT_FDCWD, "/nonexistent/parent", O_RDONLY);
	getppid();
	pid = fork();
	if (pid == 0) {
		/* ENOSYS here would mean the filter met no tracer */
		if (openat(AT_FDCWD, "/nonexistent/child", O_RDONLY) >= 0 ||
		    errno != ENOENT)
			_exit(1);
		getppid();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return 2;
	if (pthread_create(&th, NULL, thread_main, NULL) != 0 ||
	    pthread_join(th, &res) != 0 || res)
		return 3;
	signal(SIGUSR1, SIG_IGN);
	kill(getpid(), SIGUSR1);
	print_seccomp_mode();
	return 0;
}
