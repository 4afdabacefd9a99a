/* -e inject=getuid:delay_enter=...: the parent is held in getuid while
 * its traced child runs on; the child sees it there (/proc/PID/syscall)
 * and kills it. A tracer that slept through the delay would keep the
 * child stopped at its next call: the test would never end. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long current_call(pid_t pid)
{
	char path[64], buf[128];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/syscall", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return n > 0 ? strtol(buf, NULL, 10) : -1;
}

int main(void)
{
	pid_t parent = getpid();

	if (fork() == 0) {
		/* run without the delay (the JSON battery), the parent is
		 * soon gone: so is the child */
		while (current_call(parent) != SYS_getuid)
			if (getppid() != parent)
				return 1;
		printf("parent held in getuid\n");
		fflush(stdout);
		kill(parent, SIGKILL);
		return 0;
	}
	syscall(SYS_getuid);
	return 3;
}
