/* For the command-line tests: a few calls whose lines strace and mytrace
 * must print alike under each option (times, pids and addresses masked). */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/null", O_WRONLY);
	char buf[4];

	if (fd < 0)
		return 1;
	if (write(fd, "a\033b\n\377", 5) != 5)
		return 1;
	close(fd);
	if (open("/nonexistent/mytrace-cli", O_RDONLY) >= 0)
		return 1;
	fd = open("/dev/null", O_RDONLY);
	if (read(fd, buf, sizeof(buf)) != 0)
		return 1;
	close(fd);
	return getuid() == (uid_t)-1;
}
