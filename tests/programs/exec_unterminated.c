/* execve with argv and envp that run into an unreadable page before any
 * terminator: prints the line the trace must show, since only it knows
 * where the page ends. The file does not exist, so the call fails (with
 * EFAULT where the kernel reads the vectors first). */
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char **argv, **envp;

	if (p == MAP_FAILED || munmap(p + page, page) != 0)
		return 1;
	/* two pointers each, the last ones before the unreadable page */
	argv = (char **)(p + page) - 2;
	envp = argv - 2;
	argv[0] = "mytrace";
	argv[1] = "tail";
	envp[0] = "A=1";
	envp[1] = "B=2";
	syscall(SYS_execve, "/nonexistent/mytrace-exec", argv, envp);
	/* a kernel that reads the vectors before the file fails on them */
	printf("execve(\"/nonexistent/mytrace-exec\", [\"mytrace\", \"tail\", "
	       "... /* %p */], %p /* 4 vars, unterminated */) = -1 %s\n",
	       (void *)(p + page), (void *)envp, errno == EFAULT ?
	       "EFAULT (Bad address)" : "ENOENT (No such file or directory)");
	return 0;
}
