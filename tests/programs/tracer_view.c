/* How a traced program sees its tracer (for -D, -DD, -DDD): whether its
 * parent is the caller (argv[1], the caller's pid), whether the tracer
 * is its parent, and whether the tracer shares its process group and
 * session. Then prints the line a tracer with -e trace=getpid prints for
 * its getpid call, and exits with 3. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t tracer_pid(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");
	pid_t pid = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "TracerPid:", 10) == 0)
			pid = (pid_t)atoi(line + 10);
	fclose(f);
	return pid;
}

int main(int argc, char **argv)
{
	pid_t tracer = tracer_pid();

	if (argc < 2)
		return 2;
	printf("parent: %s\n", getppid() == (pid_t)atoi(argv[1]) ?
	       "the caller" : "another process");
	if (!tracer) {
		printf("tracer: none\n");
	} else {
		printf("tracer: %s\n", tracer == getppid() ? "the parent" :
		       "another process");
		printf("tracer's process group: %s\n",
		       getpgid(tracer) == getpgrp() ? "ours" : "another");
		printf("tracer's session: %s\n",
		       getsid(tracer) == getsid(0) ? "ours" : "another");
	}
	printf("getpid() = %ld\n", (long)syscall(SYS_getpid));
	return 3;
}
