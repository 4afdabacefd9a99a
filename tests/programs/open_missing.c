/* Opens a path that does not exist, then exits 0. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = openat(AT_FDCWD, "/nonexistent/mytrace-test", O_RDONLY);

	return fd < 0 ? 0 : 1;
}
