/* Makes COUNT getppid calls, then: "int" sends SIGINT to its parent (the
 * tracer) and waits to be killed; "segv" crashes; "block" makes one more
 * call and blocks reading stdin, so a reader of the trace can check that
 * the line arrived before the tracee's next syscall. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 100;
	char c;

	if (argc < 2)
		return 2;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	if (strcmp(argv[1], "int") == 0) {
		kill(getppid(), SIGINT);
		for (;;)
			pause();
	}
	if (strcmp(argv[1], "segv") == 0)
		*(volatile int *)8 = 1;
	if (strcmp(argv[1], "block") == 0) {
		syscall(SYS_getpid);
		if (read(0, &c, 1) != 1)
			return 3;
		syscall(SYS_gettid);
	}
	return 0;
}
