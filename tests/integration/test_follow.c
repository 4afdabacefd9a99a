/* Processes and threads: -f over a process tree and a threaded program,
 * exec from a thread, vfork, signals and job control, -ff, -p attach and
 * detach, -E/-u/-b, real make and shell pipelines, and bad -p input. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "arch_expect.h"
#include "harness.h"

/* --- reading "-f -o FILE" traces: every line starts with "PID  " */

#define MAX_PIDS 512

struct pid_tally {
	int pid;
	int calls[2];		/* completed calls of names[0], names[1] */
	int unfinished[2];	/* "name(... <unfinished ...>" lines */
	int resumed[2];		/* "<... name resumed>" lines */
	int exits;		/* "+++ exited with N +++" lines */
	int exit_code;
	int lines_after_exit;
};

struct tally {
	struct pid_tally p[MAX_PIDS];
	int n;
};

static struct pid_tally *tally_pid(struct tally *t, int pid)
{
	for (int i = 0; i < t->n; i++)
		if (t->p[i].pid == pid)
			return &t->p[i];
	assert_true(t->n < MAX_PIDS);
	memset(&t->p[t->n], 0, sizeof(t->p[0]));
	t->p[t->n].pid = pid;
	return &t->p[t->n++];
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Counts, per pid, the calls of two syscalls (whole lines, or an
 * unfinished line and its resumed line) and the exit lines. */
static void tally_trace(struct tally *t, const char *trace,
			const char *const names[2])
{
	char start[2][64], resumed[2][64];

	t->n = 0;
	for (int k = 0; k < 2; k++) {
		snprintf(start[k], sizeof(start[k]), "%s(", names[k]);
		snprintf(resumed[k], sizeof(resumed[k]), "<... %s resumed>",
			 names[k]);
	}
	for (const char *p = trace; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *rest;
		long pid = strtol(p, &rest, 10);
		struct pid_tally *pt;

		assert_true(pid > 0);
		while (*rest == ' ')
			rest++;
		len -= (size_t)(rest - p);
		pt = tally_pid(t, (int)pid);
		if (pt->exits)
			pt->lines_after_exit++;
		for (int k = 0; k < 2; k++) {
			if (strncmp(rest, start[k], strlen(start[k])) == 0) {
				if (ends_with(rest, len, " <unfinished ...>"))
					pt->unfinished[k]++;
				else
					pt->calls[k]++;
			} else if (strncmp(rest, resumed[k],
					   strlen(resumed[k])) == 0) {
				pt->resumed[k]++;
				pt->calls[k]++;
			}
		}
		if (strncmp(rest, "+++ exited with ", 16) == 0) {
			pt->exits++;
			pt->exit_code = atoi(rest + 16);
		}
		p = end ? end + 1 : p + strlen(p);
	}
}

static void test_process_tree(void **state)
{
	static struct tally t;
	const char *names[2] = { "getppid", "getuid" };
	const char *args[] = { "-f", test_program("tree"), NULL };
	struct run_result r;
	int by_level[3] = { 0, 0, 0 };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	tally_trace(&t, r.trace, names);
	assert_int_equal(t.n, 200);
	for (int i = 0; i < t.n; i++) {
		struct pid_tally *p = &t.p[i];

		assert_int_equal(p->exits, 1);
		assert_int_equal(p->lines_after_exit, 0);
		assert_in_range(p->exit_code, 0, 2);
		by_level[p->exit_code]++;
		assert_int_equal(p->calls[0], 3);
		assert_int_equal(p->unfinished[0], p->resumed[0]);
		assert_int_equal(p->calls[1], p->exit_code + 1);
		assert_int_equal(p->unfinished[1], p->resumed[1]);
	}
	assert_int_equal(by_level[0], 1);
	assert_int_equal(by_level[1], 10);
	assert_int_equal(by_level[2], 189);
	run_result_free(&r);
}

static void test_threads(void **state)
{
	static struct tally t;
	const char *names[2] = { "getppid", "no-such-call" };
	const char *args[] = { "-f", "-e", "trace=getppid",
			       test_program("threads"), NULL };
	struct run_result r;
	int total = 0, busy = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	tally_trace(&t, r.trace, names);
	/* the main thread and 8 workers, each with one exit line */
	assert_int_equal(t.n, 9);
	for (int i = 0; i < t.n; i++) {
		struct pid_tally *p = &t.p[i];

		assert_int_equal(p->exits, 1);
		assert_int_equal(p->lines_after_exit, 0);
		assert_int_equal(p->unfinished[0], p->resumed[0]);
		assert_true(p->calls[0] == 0 || p->calls[0] == 10000);
		busy += p->calls[0] == 10000;
		total += p->calls[0];
	}
	assert_int_equal(busy, 8);
	assert_int_equal(total, 80000);
	run_result_free(&r);
}

/* The pid at the start of the first line of trace. */
static int first_pid(const char *trace)
{
	return atoi(trace);
}

static void test_exec_from_thread(void **state)
{
	const char *args[] = { "-f", "-e", "trace=execve,exit_group",
			       test_program("exec_thread"), NULL };
	struct run_result r;
	char line[128];
	int leader;
	const char *p;

	run_traced(&r, args);
	/* the program returns 1 if its thread's execve failed */
	assert_int_equal(r.exit_code, 0);
	leader = first_pid(r.trace);
	p = strstr(r.trace, "+++ superseded by execve in pid ");
	assert_non_null(p);
	assert_int_not_equal(atoi(p + 32), leader);
	/* the execve goes on under the leader's pid */
	snprintf(line, sizeof(line), "%-5d <... execve resumed>)", leader);
	p = strstr(r.trace, line);
	assert_non_null(p);
	assert_memory_equal(strchr(p, '\n') - 3, "= 0\n", 4);
	snprintf(line, sizeof(line), "%-5d +++ exited with 0 +++", leader);
	assert_has_line(r.trace, line);
	run_result_free(&r);
}

/* The line of the leader's exit(2) is ended "= ?" when another thread's
 * line comes (it never returns, so no "<... exit resumed>" follows), and
 * the execing thread's line ends "<pid changed to LEADER ...>". */
static void test_exec_after_leader_exit(void **state)
{
	const char *args[] = { "-f", "-e", "trace=execve,exit",
			       test_program("leader_gone"), "exec", NULL };
	struct run_result r;
	char line[64];
	int leader;
	const char *p;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	leader = first_pid(r.trace);
	snprintf(line, sizeof(line), "%-5d exit(0)", leader);
	p = strstr(r.trace, line);
	assert_non_null(p);
	assert_memory_equal(strchr(p, '\n') - 4, " = ?\n", 5);
	snprintf(line, sizeof(line), " <pid changed to %d ...>\n", leader);
	p = strstr(r.trace, "execve(\"/bin/true\", [\"/bin/true\"]");
	assert_non_null(p);
	assert_memory_equal(strchr(p, '\n') + 1 - strlen(line), line,
			    strlen(line));
	assert_null(strstr(r.trace, "exit resumed"));
	snprintf(line, sizeof(line), "%-5d <... execve resumed>)", leader);
	p = strstr(r.trace, line);
	assert_non_null(p);
	assert_memory_equal(strchr(p, '\n') - 3, "= 0\n", 4);
	run_result_free(&r);
}

/* exit_group(2) ends a thread asleep in nanosleep(2): its line ends
 * "<unfinished ...>) = ?", as no result of the call was ever seen. */
static void test_thread_ended_in_call(void **state)
{
	const char *args[] = { "-f", "-e", "trace=nanosleep,exit_group",
			       test_program("leader_gone"), NULL };
	struct run_result r;
	char line[96];
	int sleeper = 0;
	const char *p;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 7);
	p = strstr(r.trace, "nanosleep({tv_sec=10, tv_nsec=0}, ");
	assert_non_null(p);
	while (p > r.trace && p[-1] != '\n')
		p--;
	sleeper = atoi(p);
	snprintf(line, sizeof(line),
		 "%-5d <... nanosleep resumed> <unfinished ...>) = ?", sleeper);
	assert_has_line(r.trace, line);
	assert_null(strstr(r.trace, "exit_group resumed"));
	run_result_free(&r);
}

static void test_vfork(void **state)
{
	const char *args[] = { "-f", "-e", "trace=" EXPECT_VFORK_NAME
			       ",exit_group", test_program("vfork"), NULL };
	struct run_result r;
	const char *p;
	char *masked;
	int n = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 5);
	masked = mask_addresses(r.trace);
	assert_non_null(strstr(masked, EXPECT_VFORK_ENTRY));
	free(masked);
	for (p = r.trace; (p = strstr(p, "+++ exited with 5 +++")); p++)
		n++;
	assert_int_equal(n, 2);
	run_result_free(&r);
}

static void test_signal_handlers(void **state)
{
	const char *plain[] = { test_program("sigusr"), NULL };
	const char *args[] = { "-f", test_program("sigusr"), NULL };
	struct run_result u, r;
	int n = 0;

	run_command(&u, plain);
	run_traced(&r, args);
	assert_string_equal(u.out, "usr1 1000\n");
	assert_string_equal(r.out, u.out);
	assert_int_equal(r.exit_code, 0);
	for (const char *p = r.trace; (p = strstr(p, "--- SIGUSR1 {")); p++)
		n++;
	assert_int_equal(n, 1000);
	run_result_free(&u);
	run_result_free(&r);
}

static void test_stop_and_continue(void **state)
{
	const char *plain[] = { test_program("stopcont"), NULL };
	const char *args[] = { "-f", test_program("stopcont"), NULL };
	struct run_result u, r;

	run_command(&u, plain);
	run_traced(&r, args);
	assert_string_equal(u.out, "stopped ok\ncontinued\nstopped ok\n"
			    "continued\nexit 4\n");
	assert_string_equal(r.out, u.out);
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.trace, " --- stopped by SIGSTOP ---\n"));
	assert_non_null(strstr(r.trace, " --- stopped by SIGTSTP ---\n"));
	run_result_free(&u);
	run_result_free(&r);
}

/* --- prefixes and -ff */

static void test_pid_prefix_on_stderr(void **state)
{
	const char *args[] = { "-f", "-e", "trace=exit_group", "sh", "-c",
			       "/bin/true; exit 0", NULL };
	struct run_result r;
	const char *p;
	char line[128];
	int child;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	p = strstr(r.err, "mytrace: Process ");
	assert_non_null(p);
	child = atoi(p + 17);
	snprintf(line, sizeof(line), "mytrace: Process %d attached", child);
	assert_has_line(r.err, line);
	snprintf(line, sizeof(line), "[pid %5d] +++ exited with 0 +++", child);
	assert_has_line(r.err, line);
	/* alone again: no prefix */
	assert_has_line(r.err, "+++ exited with 0 +++");
	run_result_free(&r);
}

static void test_output_separately(void **state)
{
	char dir[] = "/tmp/mytrace-test-ff-XXXXXX";
	char prefix[128], path[300];
	struct run_result r;
	struct dirent *de;
	int files = 0;
	DIR *d;

	assert_non_null(mkdtemp(dir));
	snprintf(prefix, sizeof(prefix), "%s/t", dir);
	const char *args[] = { "-ff", "-o", prefix, "sh", "-c",
			       "/bin/true; exit 6", NULL };

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 6);
	/* -o FILE with a command is quiet, as strace is */
	assert_string_equal(r.err, "");
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		FILE *f;
		char first[16] = "";

		if (de->d_name[0] == '.')
			continue;
		assert_int_equal(strncmp(de->d_name, "t.", 2), 0);
		assert_true(atoi(de->d_name + 2) > 0);
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		f = fopen(path, "r");
		assert_non_null(f);
		assert_non_null(fgets(first, sizeof(first), f));
		fclose(f);
		/* no pid prefix: every file starts with a syscall */
		assert_true(first[0] >= 'a' && first[0] <= 'z');
		unlink(path);
		files++;
	}
	closedir(d);
	rmdir(dir);
	assert_int_equal(files, 2);
	run_result_free(&r);
}

/* --- attach and detach */

static pid_t spawn(const char *const argv[], const char *err_path)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		int null = open("/dev/null", O_RDWR);

		/* nothing of ours may keep the test's pipes open */
		dup2(null, 0);
		dup2(null, 1);
		dup2(fd, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

static void nap(void)
{
	struct timespec ms = { 0, 10 * 1000 * 1000 };

	nanosleep(&ms, NULL);
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_size : -1;
}

/* The two counters busy writes at offsets 0 and 32; one a thread has
 * not written yet (a loaded machine) reads as 0. */
static void read_progress(const char *path, long c[2])
{
	char buf[64] = "";
	int fd = open(path, O_RDONLY);
	ssize_t n;

	assert_true(fd >= 0);
	n = pread(fd, buf, 63, 0);
	close(fd);
	assert_true(n >= 0);
	c[0] = n > 0 ? atol(buf) : 0;
	c[1] = n > 32 ? atol(buf + 32) : 0;
}

/* Waits (up to 10 s) until both of busy's threads have moved on. */
static void assert_progress(const char *path)
{
	long a[2], b[2];

	read_progress(path, a);
	for (int i = 0; i < 1000; i++) {
		read_progress(path, b);
		if (b[0] > a[0] && b[1] > a[1])
			return;
		nap();
	}
	fail_msg("busy made no progress: %ld %ld", b[0], b[1]);
}

static char proc_state(pid_t pid, int *tracer)
{
	char path[64], line[256], state = '?';
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "State:", 6) == 0)
			sscanf(line + 6, " %c", &state);
		if (strncmp(line, "TracerPid:", 10) == 0)
			*tracer = atoi(line + 10);
	}
	fclose(f);
	return state;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 65536);
	size_t n;

	assert_non_null(buf);
	if (!f)
		return buf;
	n = fread(buf, 1, 65535, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

/* Attaches with -p pidlist, waits for trace lines, sends sig, and checks
 * the detach and that busy runs on untraced. */
static void attach_and_detach(pid_t busy, const char *pidlist, int sig,
			      const char *progress, const char *expect_err)
{
	char trace[] = "/tmp/mytrace-test-att-XXXXXX";
	char err[] = "/tmp/mytrace-test-atterr-XXXXXX";
	char line[128];
	int status, tracer = -1;
	pid_t mt;
	char *text;

	close(mkstemp(trace));
	close(mkstemp(err));
	const char *argv[] = { mytrace_path(), "-o", trace, "-p", pidlist,
			       NULL };

	mt = spawn(argv, err);
	for (int i = 0; i < 1000; i++) {
		text = slurp(trace);
		bool seen = strstr(text, "pwrite64(") != NULL;

		free(text);
		if (seen)
			break;
		nap();
	}
	kill(mt, sig);
	assert_int_equal(waitpid(mt, &status, 0), mt);
	/* after the detach it dies of the signal, as strace does */
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), sig);
	text = slurp(err);
	if (expect_err)
		assert_non_null(strstr(text, expect_err));
	snprintf(line, sizeof(line),
		 "mytrace: Process %d attached with 2 threads", busy);
	assert_has_line(text, line);
	snprintf(line, sizeof(line), "mytrace: Process %d detached", busy);
	assert_has_line(text, line);
	free(text);
	text = slurp(trace);
	assert_non_null(strstr(text, "pwrite64("));
	free(text);
	assert_int_not_equal(proc_state(busy, &tracer), 'T');
	assert_int_not_equal(proc_state(busy, &tracer), 't');
	assert_int_equal(tracer, 0);
	assert_progress(progress);
	unlink(trace);
	unlink(err);
}

static void test_attach_detach(void **state)
{
	char progress[] = "/tmp/mytrace-test-busy-XXXXXX";
	char err[] = "/tmp/mytrace-test-busyerr-XXXXXX";
	char list[64], msg[128];
	pid_t busy, gone;
	int status;

	close(mkstemp(progress));
	close(mkstemp(err));
	const char *argv[] = { test_program("busy"), progress, NULL };

	busy = spawn(argv, err);
	for (int i = 0; i < 1000 && file_size(progress) < 63; i++)
		nap();
	assert_progress(progress);
	snprintf(list, sizeof(list), "%d", busy);
	attach_and_detach(busy, list, SIGINT, progress, NULL);
	/* again, with a dead pid in the list: it is reported, busy is
	 * still attached */
	gone = fork();
	if (gone == 0)
		_exit(0);
	waitpid(gone, &status, 0);
	snprintf(list, sizeof(list), "%d,%d", gone, busy);
	snprintf(msg, sizeof(msg), "mytrace: attach to %d: No such process",
		 gone);
	attach_and_detach(busy, list, SIGTERM, progress, msg);
	kill(busy, SIGKILL);
	waitpid(busy, &status, 0);
	unlink(progress);
	unlink(err);
}

static void test_already_traced(void **state)
{
	char progress[] = "/tmp/mytrace-test-busy-XXXXXX";
	char err[] = "/tmp/mytrace-test-busyerr-XXXXXX";
	char trace[] = "/tmp/mytrace-test-att-XXXXXX";
	char pid[16], msg[128];
	struct run_result r;
	pid_t busy, mt;
	int status;

	close(mkstemp(progress));
	close(mkstemp(err));
	close(mkstemp(trace));
	const char *argv[] = { test_program("busy"), progress, NULL };

	busy = spawn(argv, err);
	snprintf(pid, sizeof(pid), "%d", busy);
	const char *first[] = { mytrace_path(), "-o", trace, "-p", pid, NULL };

	mt = spawn(first, err);
	for (int i = 0; i < 1000 && file_size(trace) < 100; i++)
		nap();
	const char *second[] = { "-p", pid, NULL };

	run_mytrace_raw(&r, second);
	assert_int_equal(r.exit_code, 1);
	snprintf(msg, sizeof(msg), "mytrace: attach to %d: already traced "
		 "by process %d\n", busy, mt);
	assert_string_equal(r.err, msg);
	run_result_free(&r);
	kill(mt, SIGHUP);
	assert_int_equal(waitpid(mt, &status, 0), mt);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP);
	assert_progress(progress);
	kill(busy, SIGKILL);
	waitpid(busy, &status, 0);
	unlink(progress);
	unlink(err);
	unlink(trace);
}

/* Without -o, a fatal signal to mytrace detaches and passes the signal on
 * to the command, and mytrace dies of it too (strace's way). */
static void test_signal_with_command(void **state)
{
	char err[] = "/tmp/mytrace-test-sigerr-XXXXXX";
	char line[64];
	int status;
	pid_t mt, child;
	char *text;

	close(mkstemp(err));
	/* without the filter: what carries it is kept (test_letgo) */
	const char *argv[] = { mytrace_path(), "--no-seccomp-bpf", "-e",
			       "trace=nanosleep,clock_nanosleep", "sleep",
			       "30", NULL };

	mt = spawn(argv, err);
	for (int i = 0; i < 1000; i++) {
		text = slurp(err);
		bool seen = strstr(text, "nanosleep(") != NULL;

		free(text);
		if (seen)
			break;
		nap();
	}
	kill(mt, SIGTERM);
	assert_int_equal(waitpid(mt, &status, 0), mt);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	text = slurp(err);
	child = atoi(strstr(text, "mytrace: Process ") + 17);
	snprintf(line, sizeof(line), "mytrace: Process %d detached", child);
	assert_non_null(strstr(text, line));
	assert_non_null(strstr(text, "\n <detached ...>\n"));
	free(text);
	/* the command got the signal too: it is gone, not left running */
	for (int i = 0; i < 1000 && kill(child, 0) == 0; i++)
		nap();
	assert_int_equal(kill(child, 0), -1);
	unlink(err);
}

/* The only child of pid, once it sleeps in clock_nanosleep(2), or 0. */
static pid_t sleeping_child(pid_t pid)
{
	char path[64], buf[64] = "";
	pid_t child = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%d", &child) != 1)
		child = 0;
	if (f)
		fclose(f);
	if (!child)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/syscall", child);
	f = fopen(path, "r");
	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = 0;
		fclose(f);
	}
	return atol(buf) == SYS_clock_nanosleep ? child : 0;
}

/* -e status=detached prints only the call mytrace let go of in flight:
 * the whole line, held until then. */
static void test_status_detached(void **state)
{
	char err[] = "/tmp/mytrace-test-sigerr-XXXXXX";
	const char *argv[] = { mytrace_path(), "-e", "status=detached",
			       "sleep", "30", NULL };
	int status;
	pid_t mt, child = 0;
	char *text;

	close(mkstemp(err));
	mt = spawn(argv, err);
	for (int i = 0; i < 1000 && !child; i++) {
		nap();
		child = sleeping_child(mt);
	}
	assert_int_not_equal(child, 0);
	kill(mt, SIGTERM);
	assert_int_equal(waitpid(mt, &status, 0), mt);
	text = slurp(err);
	assert_string_equal(strstr(text, "clock_nanosleep("),
			    "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=30, "
			    "tv_nsec=0},  <detached ...>\n");
	assert_null(strstr(text, "execve("));
	free(text);
	unlink(err);
}

static void expect_attach_error(const char *const args[], const char *msg)
{
	struct run_result r;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 1);
	if (strncmp(r.err, msg, strlen(msg)) != 0)
		fail_msg("stderr was:\n%s\nexpected:\n%s", r.err, msg);
	run_result_free(&r);
}

static void test_bad_pids(void **state)
{
	const char *zero[] = { "-p", "0", NULL };
	const char *garbage[] = { "-p", "12x", NULL };
	const char *negative[] = { "-p", "-5", NULL };
	const char *empty[] = { "-p", ",", NULL };
	const char *huge[] = { "-p", "2147483647", NULL };
	char self[256];

	expect_attach_error(zero, "mytrace: Invalid process id: '0'\n");
	expect_attach_error(garbage, "mytrace: Invalid process id: '12x'\n");
	expect_attach_error(negative, "mytrace: Invalid process id: '-5'\n");
	expect_attach_error(empty, "mytrace: Invalid process id: ','\n");
	expect_attach_error(huge, "mytrace: attach to 2147483647: "
			    "No such process\n");
	/* the shell's pid becomes mytrace's own through exec */
	snprintf(self, sizeof(self), "exec %s -p $$", mytrace_path());
	const char *own[] = { "/bin/sh", "-c", self, NULL };
	struct run_result r;

	run_command(&r, own);
	assert_int_equal(r.exit_code, 1);
	assert_non_null(strstr(r.err, ": that is mytrace itself\n"));
	run_result_free(&r);
}

/* --- startup options */

static void test_env_and_user(void **state)
{
	const char *env[] = { "-E", "MYTRACE_TEST_VAR=bar", "-E", "HOME",
			      "sh", "-c",
			      "echo \"$MYTRACE_TEST_VAR ${HOME-unset}\"", NULL };
	const char *user[] = { "-u", "nobody", "id", "-u", NULL };
	const char *nouser[] = { "-u", "no-such-user-mytrace", "true", NULL };
	struct run_result r;

	run_traced(&r, env);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "bar unset\n");
	run_result_free(&r);
	run_traced(&r, user);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "65534\n");
	run_result_free(&r);
	run_mytrace_raw(&r, nouser);
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.err, "mytrace: Cannot find user "
			    "'no-such-user-mytrace'\n");
	run_result_free(&r);
}

static void test_detach_on_execve(void **state)
{
	char script[512];

	snprintf(script, sizeof(script), "%s; exit 4",
		 test_program("write_hello"));
	const char *args[] = { "-f", "-b", "execve", "sh", "-c", script,
			       NULL };
	struct run_result r;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 4);
	assert_string_equal(r.out, "hello\n");
	/* the child's execve shows, then nothing more of it: no exit line */
	assert_null(strstr(r.trace, "write(1, \"hello"));
	assert_non_null(strstr(r.trace, " execve(\"/"));
	assert_int_equal(count_lines_with_prefix(strstr(r.trace, "+++"),
						 "+++"), 1);
	assert_non_null(strstr(r.trace, " +++ exited with 4 +++\n"));
	run_result_free(&r);
}

/* --- exits and kills */

static void test_kills_and_orphans(void **state)
{
	/* the inner shell kills its parent; a sleep killed in its syscall;
	 * a child that outlives the shell that started it */
	const char *args[] = { "-f", "-e", "trace=none", "sh", "-c",
			       "sleep 5 & kill -9 $!; wait; "
			       "(sleep 0.2; exit 3) & "
			       "sh -c 'kill -9 $PPID'; exit 0", NULL };
	struct run_result r;
	const char *p;
	int killed = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 128 + SIGKILL);
	for (p = r.trace; (p = strstr(p, "+++ killed by SIGKILL +++")); p++)
		killed++;
	assert_int_equal(killed, 2);
	assert_non_null(strstr(r.trace, "+++ exited with 3 +++"));
	run_result_free(&r);
}

/* --- real programs */

/* Whether a C compiler is there: the aarch64 guest has none (its
 * initramfs would need 220 MB more). */
static bool have_cc(void)
{
	return system("command -v cc >/dev/null 2>&1") == 0;
}

/* Writes dir/name with text. */
static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A project whose parallel build prints 40: five objects and a program.
 * Without a compiler the same graph is built by shell commands: each
 * "object" is a number, the "program" a script that adds them up. */
static char *make_project(void)
{
	char *dir = strdup("/tmp/mytrace-test-make-XXXXXX");
	bool cc = have_cc();
	char name[16], text[128];

	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 4; i++) {
		snprintf(name, sizeof(name), "f%d.c", i);
		if (cc)
			snprintf(text, sizeof(text),
				 "int f%d(int x) { return x * %d; }\n", i,
				 i + 2);
		else
			snprintf(text, sizeof(text), "%d*%d\n", i + 1, i + 2);
		write_file(dir, name, text);
	}
	if (cc) {
		write_file(dir, "main.c", "#include <stdio.h>\n"
			   "int f0(int), f1(int), f2(int), f3(int);\n"
			   "int main(void) { printf(\"%d\\n\", f0(1) + "
			   "f1(2) + f2(3) + f3(4)); return 0; }\n");
		write_file(dir, "Makefile",
			   "prog: main.o f0.o f1.o f2.o f3.o\n\tcc -o $@ $^\n"
			   "%.o: %.c\n\tcc -O0 -c -o $@ $<\n"
			   "out.txt: prog\n\t./prog > $@\n"
			   "fail: out.txt\n\tgrep -q 9999 out.txt\n");
		return dir;
	}
	write_file(dir, "main.c", "0\n");
	write_file(dir, "Makefile",
		   "prog: main.o f0.o f1.o f2.o f3.o\n"
		   "\tprintf '#!/bin/sh\\necho $$((%s))\\n' "
		   "\"$$(cat $^ | paste -sd+ -)\" > $@ && chmod +x $@\n"
		   "%.o: %.c\n\tsh -c 'echo $$(($$(cat $$1)))' sh $< > $@\n"
		   "out.txt: prog\n\t./prog > $@\n"
		   "fail: out.txt\n\tgrep -q 9999 out.txt\n");
	return dir;
}

static char *run_in(const char *dir, const char *cmd, bool traced,
		    int *code)
{
	char script[1024], result[300];
	struct run_result r;

	snprintf(result, sizeof(result), "%s/out.txt", dir);
	snprintf(script, sizeof(script), "cd %s && %s", dir, cmd);
	const char *plain[] = { "/bin/sh", "-c", script, NULL };
	const char *args[] = { "-f", "/bin/sh", "-c", script, NULL };

	if (traced)
		run_traced(&r, args);
	else
		run_command(&r, plain);
	*code = r.exit_code;
	run_result_free(&r);
	return slurp(result);
}

static void remove_project(char *dir)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static void test_make_j2(void **state)
{
	char *a = make_project(), *b = make_project();
	int ca, cb;
	char *oa, *ob;

	oa = run_in(a, "make -s -j2 out.txt", false, &ca);
	ob = run_in(b, "make -s -j2 out.txt", true, &cb);
	assert_int_equal(ca, 0);
	assert_int_equal(cb, ca);
	assert_string_equal(oa, "40\n");
	assert_string_equal(ob, oa);
	free(oa);
	free(ob);
	oa = run_in(a, "make -s -j2 fail", false, &ca);
	ob = run_in(b, "make -s -j2 fail", true, &cb);
	assert_int_equal(ca, 2);
	assert_int_equal(cb, ca);
	free(oa);
	free(ob);
	remove_project(a);
	remove_project(b);
}

static void test_pipeline(void **state)
{
	char *a = make_project(), *b = make_project();
	const char *cmd = "seq 1 3000 | sort -r | head -n 3 > out.txt; "
			  "grep -c 9 out.txt | tr 0-9 a-j >> out.txt; exit 3";
	int ca, cb;
	char *oa, *ob;

	oa = run_in(a, cmd, false, &ca);
	ob = run_in(b, cmd, true, &cb);
	assert_int_equal(ca, 3);
	assert_int_equal(cb, 3);
	assert_string_equal(oa, "999\n998\n997\nd\n");
	assert_string_equal(ob, oa);
	free(oa);
	free(ob);
	remove_project(a);
	remove_project(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_process_tree),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_exec_from_thread),
		cmocka_unit_test(test_exec_after_leader_exit),
		cmocka_unit_test(test_thread_ended_in_call),
		cmocka_unit_test(test_vfork),
		cmocka_unit_test(test_signal_handlers),
		cmocka_unit_test(test_stop_and_continue),
		cmocka_unit_test(test_pid_prefix_on_stderr),
		cmocka_unit_test(test_output_separately),
		cmocka_unit_test(test_attach_detach),
		cmocka_unit_test(test_already_traced),
		cmocka_unit_test(test_signal_with_command),
		cmocka_unit_test(test_status_detached),
		cmocka_unit_test(test_bad_pids),
		cmocka_unit_test(test_env_and_user),
		cmocka_unit_test(test_detach_on_execve),
		cmocka_unit_test(test_kills_and_orphans),
		cmocka_unit_test(test_make_j2),
		cmocka_unit_test(test_pipeline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
