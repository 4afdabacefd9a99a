/* Fails the way a CI job does: looks for its config file in three places,
 * finds none, and exits 2. Before that it makes failures that explain
 * nothing: an isatty() on a file (ENOTTY) and a search that succeeds at
 * its second path. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static const char *const config_paths[] = {
	"/etc/mytrace-test/app.conf",
	"/usr/local/etc/mytrace-test/app.conf",
	"/nonexistent/mytrace-test/app.conf",
};

int main(void)
{
	int fd = open("/nonexistent/mytrace-test/passwd", O_RDONLY);

	if (fd < 0)
		fd = open("/etc/passwd", O_RDONLY);
	if (fd >= 0) {
		isatty(fd);
		close(fd);
	}
	for (size_t i = 0; i < 3; i++) {
		fd = open(config_paths[i], O_RDONLY);
		if (fd >= 0)
			return 0;
	}
	fputs("config_search: no configuration file found\n", stderr);
	return 2;
}
