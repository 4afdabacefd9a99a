/* Known syscall counts for -c: 7 getppid, 3 failing chdir, 2 umask, and
 * one failing openat on a path of its own. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	for (int i = 0; i < 7; i++)
		syscall(SYS_getppid);
	for (int i = 0; i < 3; i++)
		syscall(SYS_chdir, "/nonexistent/mytrace-counts");
	umask(022);
	umask(022);
	return syscall(SYS_openat, AT_FDCWD, "/nonexistent/mytrace-counts",
		       O_RDONLY) < 0 ? 0 : 1;
}
