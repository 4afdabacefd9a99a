/* Opens a file after a signal: the traced program's view of a tracer that
 * lets go on an interrupt. Prints "ready", waits for SIGINT, SIGTERM or
 * SIGHUP, then opens argv[1] and prints "opened" (or the error, exit 3).
 * With "again", it then prints "waiting" and waits to be killed; with
 * "which", it first prints the signal that came ("got SIGHUP"). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_signal(int sig)
{
	got = sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	int fd;

	if (argc < 2)
		return 2;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	printf("ready\n");
	fflush(stdout);
	while (!got)
		pause();
	if (argc > 2 && strcmp(argv[2], "which") == 0)
		printf("got SIG%s\n", sigabbrev_np(got));
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		printf("open: %s\n", strerror(errno));
		return 3;
	}
	close(fd);
	printf("opened\n");
	fflush(stdout);
	if (argc > 2 && strcmp(argv[2], "again") == 0) {
		printf("waiting\n");
		fflush(stdout);
		for (;;)
			pause();
	}
	return 0;
}
