/* Passes garbage pointers to syscalls: the tracer must print addresses. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	syscall(SYS_write, 1, (void *)0x1, 10);
	syscall(SYS_openat, AT_FDCWD, (void *)0xdead0000, O_RDONLY);
	syscall(SYS_newfstatat, AT_FDCWD, "/", (void *)0x10, 0);
	syscall(SYS_read, 0, (void *)0x20, 0x7fffffff);
	return 0;
}
