/* -e namespace=new: enters a new network namespace, returns to the first
 * one by its descriptor (with and without a type) and fails once; prints
 * each line the trace must show, or "SKIP" when namespaces are refused. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void ns_of(const char *name, char *buf, size_t size)
{
	char path[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", name);
	n = readlink(path, buf, size - 1);
	buf[n > 0 ? n : 0] = 0;
}

int main(void)
{
	char first[128], made[128];
	int fd = open("/proc/self/ns/net", O_RDONLY);

	ns_of("net", first, sizeof(first));
	if (fd < 0 || unshare(CLONE_NEWNET) != 0) {
		puts("SKIP");
		return 0;
	}
	ns_of("net", made, sizeof(made));
	printf("unshare(CLONE_NEWNET) = 0 (%s)\n", made);
	if (setns(fd, CLONE_NEWNET) != 0) {
		puts("SKIP");
		return 0;
	}
	printf("setns(%d, CLONE_NEWNET) = 0 (%s)\n", fd, first);
	if (unshare(CLONE_NEWNET) != 0 || setns(fd, 0) != 0) {
		puts("SKIP");
		return 0;
	}
	ns_of("net", made, sizeof(made));
	printf("setns(%d, 0) = 0 (%s)\n", fd, made);
	setns(-1, CLONE_NEWNET);
	printf("setns(-1, CLONE_NEWNET) = -1 EBADF (%s)\n", strerror(EBADF));
	return 0;
}
