/* Runs for a minute: a main thread and a helper thread each bump a
 * counter and write it to argv[1] every millisecond or so (pwrite at
 * offsets 0 and 32), so a test can see both still make progress. Dies of
 * SIGALRM at the end. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int fd;

static void loop(off_t at)
{
	struct timespec ms = { 0, 1000000 };
	char buf[32];

	for (unsigned long n = 1;; n++) {
		int len = snprintf(buf, sizeof(buf), "%-31lu", n);

		if (pwrite(fd, buf, (size_t)len, at) < 0)
			_exit(2);
		nanosleep(&ms, NULL);
	}
}

static void *helper(void *arg)
{
	(void)arg;
	loop(32);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc < 2)
		return 2;
	/* a failed test must not leave us running for ever */
	alarm(60);
	fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 2;
	pthread_create(&t, NULL, helper, NULL);
	loop(0);
	return 0;
}
