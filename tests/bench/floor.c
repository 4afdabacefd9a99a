/* floor: the least a tracer that reads every syscall stop can cost, for
 * comparison (make bench MYTRACE=build/bench/floor). It follows every
 * process and thread, reads each syscall stop with PTRACE_GET_SYSCALL_INFO
 * (probing a lone thread before and after a yield, as mytrace does) and prints
 * nothing. FLOOR_NO_READ=1 reads nothing: wait4 and PTRACE_SYSCALL only.
 * It ignores mytrace's flags (-o FILE and -e EXPR take a value). */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#define FOLLOW (PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | \
		PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC)

static int read_stop(pid_t tid, struct __ptrace_syscall_info *info)
{
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof(*info), info);

	return n > 0 && (info->op == PTRACE_SYSCALL_INFO_ENTRY ||
			 info->op == PTRACE_SYSCALL_INFO_EXIT);
}

int main(int argc, char **argv)
{
	int reads = getenv("FLOOR_NO_READ") == NULL;
	struct __ptrace_syscall_info info;
	int i = 1, status, rc = 0, tracees = 1;
	pid_t child, last = 0;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "-e"))
			i++;
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: floor [FLAGS] COMMAND [ARGS]\n");
		return 2;
	}
	child = fork();
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		execvp(argv[i], argv + i);
		_exit(127);
	}
	waitpid(child, &status, 0);
	ptrace(PTRACE_SETOPTIONS, child, 0,
	       PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | FOLLOW);
	ptrace(PTRACE_SYSCALL, child, 0, 0);
	for (;;) {
		int sig = 0, event;
		pid_t tid;

		/* as mytrace: look once, then once more after a yield */
		if (reads && tracees == 1 && last) {
			int found = read_stop(last, &info);

			if (!found) {
				sched_yield();
				found = read_stop(last, &info);
			}
			if (found) {
				ptrace(PTRACE_SYSCALL, last, 0, 0);
				continue;
			}
		}
		tid = wait4(-1, &status, __WALL, NULL);
		if (tid < 0)
			break;
		last = 0;
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			tracees--;
			if (tid == child)
				rc = WIFEXITED(status) ? WEXITSTATUS(status) :
				     128 + WTERMSIG(status);
			continue;
		}
		event = (unsigned)status >> 16;
		if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
		    event == PTRACE_EVENT_CLONE)
			tracees++;
		if (WSTOPSIG(status) == (SIGTRAP | 0x80)) {
			if (reads && read_stop(tid, &info))
				last = tid;
		} else if (!event && WSTOPSIG(status) != SIGTRAP &&
			   WSTOPSIG(status) != SIGSTOP) {
			sig = WSTOPSIG(status);
		}
		ptrace(PTRACE_SYSCALL, tid, 0, sig);
	}
	return rc;
}
