/* The ptrace engine's ways in: launching the command (fork, the seccomp
 * filter the consumers' plan allows, PTRACE_SEIZE, execve) and attaching
 * to running processes with every thread they have. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach.h"
#include "command.h"
#include "ptrace_engine.h"

static const long base_options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;

/* In the child, between fork and execve: -E and -u. */
void prepare_child(const struct options *opts, const struct passwd *pw)
{
	command_apply_env(opts->env, opts->nenv);
	if (!pw)
		return;
	/* -u UID:GID (no name): no supplementary groups at all */
	if ((pw->pw_name ? initgroups(pw->pw_name, pw->pw_gid) :
			   setgroups(0, NULL)) < 0 ||
	    setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
		fprintf(stderr, "mytrace: -u %s: %s\n", opts->user,
			strerror(errno));
		_exit(1);
	}
}

/* Whether the command gets our filter, and the calls that must stop
 * under it: what the consumers declared. On unless turned off, and only
 * when it spares stops; --seccomp-bpf asks for it but a full set still
 * needs no filter. Only with -f: the children inherit the filter and
 * must be traced, and a child we do not follow must be left alone (its
 * own PTRACE_TRACEME, or a debugger, would fail with EPERM). */
static bool want_seccomp(const struct tracer *tr, struct syscall_set *stop)
{
	const struct stop_plan *plan = &tr->pipe.plan;
	int asked = tr->opts->seccomp_bpf;

	*stop = plan->stop;
	/* -D: the command execs on its own, before the tracer could give
	 * it a filter */
	if (!tr->opts->follow || tr->opts->daemonize || plan->every_call ||
	    plan->lets_go ||
	    asked == 0 || !seccomp_narrows(stop))
		return false;
	return asked > 0 || !plan->prefer_every_call;
}

/* -u UID:GID, two decimal numbers: no name is looked up. */
static bool parse_ids(const char *user, struct passwd *pw)
{
	unsigned long uid, gid;
	char *end;

	if (*user < '0' || *user > '9')
		return false;
	errno = 0;
	uid = strtoul(user, &end, 10);
	if (*end != ':' || end[1] < '0' || end[1] > '9')
		return false;
	gid = strtoul(end + 1, &end, 10);
	if (*end || errno || uid >= (uid_t)-1 || gid >= (gid_t)-1)
		return false;
	memset(pw, 0, sizeof(*pw));
	pw->pw_uid = (uid_t)uid;
	pw->pw_gid = (gid_t)gid;
	return true;
}

struct passwd *lookup_user(const char *user)
{
	static struct passwd ids;
	struct passwd *pw;

	if (!user)
		return NULL;
	if (parse_ids(user, &ids))
		return &ids;
	errno = 0;
	pw = getpwnam(user);
	if (!pw) {
		if (errno)
			fprintf(stderr, "mytrace: -u %s: %s\n", user,
				strerror(errno));
		else
			fprintf(stderr, "mytrace: Cannot find user '%s'\n",
				user);
		exit(1);
	}
	return pw;
}

/* The child: waits until the tracer has seized it, then execs. */
static void run_child(struct tracer *tr, int gate, const char *file,
		      char **argv, const struct passwd *pw)
{
	char c;

	engine_restore_signals();
	while (read(gate, &c, 1) < 0 && errno == EINTR)
		;
	if (tr->seccomp && seccomp_install(&tr->prog) < 0 &&
	    tr->opts->seccomp_bpf > 0)
		fprintf(stderr, "mytrace: seccomp filter: %s; "
			"tracing every syscall\n", strerror(errno));
	prepare_child(tr->opts, pw);
	if (tr->opts->argv0)
		argv[0] = (char *)tr->opts->argv0;
	execv(file, argv);
	fprintf(stderr, "mytrace: exec: %s\n", strerror(errno));
	_exit(1);
}

void cannot_run(const char *cmd)
{
	fprintf(stderr, "mytrace: cannot run '%s': %s\n", cmd,
		strerror(errno));
	exit(1);
}

void launch(struct tracer *tr, char **argv)
{
	char *file = command_resolve(argv[0]);
	struct passwd *pw;
	struct syscall_set stop;
	struct tracee *t;
	int gate[2];
	pid_t pid;
	int status;
	long options = base_options | tr->follow_opts;

	if (!file)
		cannot_run(argv[0]);
	pw = lookup_user(tr->opts->user);
	if (pipe2(gate, O_CLOEXEC) < 0)
		engine_die("pipe2");
	if (want_seccomp(tr, &stop)) {
		if (seccomp_build(&tr->prog, &stop) < 0)
			engine_die("seccomp filter");
		tr->seccomp = true;
		options |= PTRACE_O_TRACESECCOMP;
	}
	/* A command left without us runs on, as under strace, unless it
	 * carries our filter, whose calls would then fail with ENOSYS:
	 * killed with us then, as with --kill-on-exit. The children the
	 * kernel attaches for -f inherit the option. */
	if (tr->seccomp || tr->opts->kill_on_exit)
		options |= PTRACE_O_EXITKILL;
	pid = fork();
	if (pid < 0)
		engine_die("fork");
	if (pid == 0) {
		close(gate[1]);
		run_child(tr, gate[0], file, argv, pw);
	}
	close(gate[0]);
	engine_debug(tr, "launched %s as %d, %s", file, pid, tr->seccomp ?
		     "under our seccomp filter" : "stopping at every syscall");
	free(file);
	if (ptrace(PTRACE_SEIZE, pid, 0, options) < 0) {
		fprintf(stderr, "mytrace: ptrace(PTRACE_SEIZE, %d): %s\n", pid,
			strerror(errno));
		kill(pid, SIGKILL);
		exit(1);
	}
	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0)
		engine_die("ptrace(PTRACE_INTERRUPT)");
	while (waitpid(pid, &status, __WALL) < 0)
		if (errno != EINTR)
			engine_die("waitpid");
	t = tracee_add(tr, pid, pid);
	t->before_exec = true;
	t->first_exec = true;
	t->our_filter = tr->seccomp;
	tr->child = pid;
	tr->pipe.command = pid;
	resume(t, 0);
	close(gate[1]);
}

/* Seizes every thread of pid, again until no new one shows up: threads
 * may be born while we go. Returns how many were seized. */
static int seize_threads(struct tracer *tr, pid_t pid, int *err)
{
	long options = base_options | tr->follow_opts |
		       (tr->opts->kill_on_exit ? PTRACE_O_EXITKILL : 0);
	int seized = 0, added;

	*err = 0;
	do {
		pid_t *tids;
		int n = attach_list_threads(pid, &tids);

		if (n < 0) {
			*err = errno;
			return seized;
		}
		added = 0;
		for (int i = 0; i < n; i++) {
			if (tracee_find(tr, tids[i]))
				continue;
			if (ptrace(PTRACE_SEIZE, tids[i], 0, options) < 0) {
				if (!*err && errno != ESRCH)
					*err = errno;
				continue;
			}
			ptrace(PTRACE_INTERRUPT, tids[i], 0, 0);
			emit_simple(tr, tracee_add(tr, tids[i], pid),
				    EV_ATTACH);
			seized++;
			added++;
		}
		free(tids);
	} while (added > 0);
	return seized;
}

/* Why pid cannot be attached to, before trying; NULL if it may be. */
static const char *attach_refusal(pid_t pid, char *buf, size_t len)
{
	pid_t tracer;

	if (pid == getpid())
		return "that is mytrace itself";
	if (kill(pid, 0) < 0 && errno == ESRCH)
		return strerror(ESRCH);
	tracer = attach_tracer_of(pid);
	if (tracer > 0) {
		snprintf(buf, len, "already traced by process %d", tracer);
		return buf;
	}
	if (attach_tgid(pid) != pid) {
		snprintf(buf, len, "a thread, not a process; use -p %d",
			 attach_tgid(pid));
		return buf;
	}
	return NULL;
}

bool attach_process(struct tracer *tr, pid_t pid)
{
	char why[256];
	const char *refused;
	int seized, err;

	if (pid != getpid() && tracee_find(tr, pid))
		return true;	/* named twice, or our own child */
	refused = attach_refusal(pid, why, sizeof(why));
	if (refused) {
		fprintf(stderr, "mytrace: attach to %d: %s\n", pid, refused);
		return false;
	}
	seized = seize_threads(tr, pid, &err);
	if (seized == 0) {
		attach_explain(pid, err ? err : ESRCH, why, sizeof(why));
		fprintf(stderr, "mytrace: attach to %d: %s\n", pid, why);
		return false;
	}
	if (seized > 1)
		engine_note(tr, "Process %d attached with %d threads", pid,
			    seized);
	else
		engine_note(tr, "Process %d attached", pid);
	return true;
}
