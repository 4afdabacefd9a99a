/* -D, -DD, -DDD: mytrace traces the command from a grandchild, so that
 * the command keeps the caller's pid and stays the caller's child (its
 * status goes straight to the caller). The process mytrace was started
 * as forks twice and waits on a pipe; the grandchild, the tracer, seizes
 * it and says so through the pipe; it then execs the command. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "command.h"
#include "ptrace_engine.h"

static pid_t command_pid;	/* the caller's child, to become COMMAND */
static int gate = -1;		/* the tracer's end of the pipe */

/* In the process that becomes the command: waits for the tracer's word
 * (none: the tracer failed and said why), then execs. */
static void become_command(const struct options *opts, int rd, pid_t mid)
{
	char *file = command_resolve(opts->command[0]);
	struct passwd *pw;
	char c = 0;
	ssize_t n;

	if (!file)
		cannot_run(opts->command[0]);
	pw = lookup_user(opts->user);
	while (waitpid(mid, NULL, 0) < 0 && errno == EINTR)
		;
	while ((n = read(rd, &c, 1)) < 0 && errno == EINTR)
		;
	if (n != 1)
		exit(1);
	close(rd);
	prepare_child(opts, pw);
	execv(file, opts->command);
	fprintf(stderr, "mytrace: exec '%s': %s\n", file, strerror(errno));
	_exit(1);
}

void daemonize(const struct options *opts)
{
	int fds[2];
	pid_t mid;

	/* the command resolves its file itself: an error is said once */
	if (pipe2(fds, O_CLOEXEC) < 0)
		engine_die("pipe2");
	/* a grandchild may trace us even under Yama's ptrace_scope=1 */
	prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
	command_pid = getpid();
	mid = fork();
	if (mid < 0)
		engine_die("fork");
	if (mid > 0) {
		close(fds[1]);
		become_command(opts, fds[0], mid);
	}
	close(fds[0]);
	mid = fork();
	if (mid < 0)
		_exit(1);
	if (mid > 0)
		_exit(0);
	/* -DD: out of the caller's process group (kill 0 spares us);
	 * -DDD: out of its session (a hangup spares us) */
	if (opts->daemonize == 2 && setpgid(0, 0) < 0)
		engine_die("setpgid");
	if (opts->daemonize == 3 && setsid() < 0)
		engine_die("setsid");
	gate = fds[1];
}

void adopt_command(struct tracer *tr)
{
	long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |
		       tr->follow_opts |
		       (tr->opts->kill_on_exit ? PTRACE_O_EXITKILL : 0);
	pid_t pid = command_pid;
	struct tracee *t;
	int status;

	if (ptrace(PTRACE_SEIZE, pid, 0, options) < 0) {
		fprintf(stderr, "mytrace: attach: ptrace(PTRACE_SEIZE, %d): "
			"%s\n", pid, strerror(errno));
		exit(1);	/* the command sees the pipe close: exits 1 */
	}
	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0)
		engine_die("ptrace(PTRACE_INTERRUPT)");
	while (waitpid(pid, &status, __WALL) < 0)
		if (errno != EINTR)
			engine_die("waitpid");
	t = tracee_add(tr, pid, pid);
	t->before_exec = true;
	t->first_exec = true;
	tr->child = pid;
	tr->pipe.command = pid;
	engine_note(tr, "Process %d attached", pid);
	resume(t, 0);
	if (write(gate, "x", 1) != 1)
		engine_die("write");
	close(gate);
}
