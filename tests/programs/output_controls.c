/* Makes a fixed set of calls for the output-control tests: writes to
 * /dev/null (strings with escapes, one plain), a failing open, and a
 * SIGUSR1 it handles. */
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	static const char odd[] = "ab\n\tc\033d\3447\0z";
	int fd;

	/* whatever the caller left open, /dev/null must become fd 3 */
	close_range(3, ~0U, 0);
	fd = openat(AT_FDCWD, "/dev/null", O_WRONLY);

	if (fd < 0)
		return 1;
	write(fd, odd, sizeof(odd) - 1);
	write(fd, "plain\n", 6);
	write(fd, "a\033b\t", 4);
	close(fd);
	openat(AT_FDCWD, "/nonexistent/mytrace-oc", O_RDONLY);
	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	return 0;
}
