/* Reports what its syscalls returned, so that tests of -e inject= can
 * check what the program saw: five openat of /dev/null ("open N: fd" or
 * "open N: ERRNO"), three getppid ("getppid N: VALUE"), and how many
 * SIGUSR1 it received. Uses raw syscalls: libc must not add its own. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static const char *err_name(int e)
{
	switch (e) {
	case EACCES: return "EACCES";
	case ENOENT: return "ENOENT";
	case ENOSYS: return "ENOSYS";
	case EPERM: return "EPERM";
	case EIO: return "EIO";
	default: return strerror(e);
	}
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	for (int i = 1; i <= 5; i++) {
		long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);

		if (fd < 0) {
			printf("open %d: %s\n", i, err_name(errno));
		} else {
			printf("open %d: fd\n", i);
			if (fd > 2)
				syscall(SYS_close, fd);
		}
	}
	for (int i = 1; i <= 3; i++)
		printf("getppid %d: %s\n", i,
		       syscall(SYS_getppid) == 42 ? "42" : "real");
	printf("SIGUSR1: %d\n", (int)usr1);
	return 0;
}
