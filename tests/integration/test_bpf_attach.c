/* --backend=bpf -p: attaching to a running process traces all its
 * threads, with -f the children it makes afterwards, and an interrupt
 * lets go of it, which runs on. Skipped where the kernel or the build has
 * no eBPF. */
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
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static bool bpf_works(void)
{
	static int works = -1;
	struct run_result r;
	const char *args[] = { "--backend=bpf", "/bin/true", NULL };

	if (works >= 0)
		return works;
	run_mytrace_raw(&r, args);
	works = r.exit_code == 0;
	if (!works)
		print_message("skipping the eBPF tests: %s", r.err);
	run_result_free(&r);
	return works;
}

/* Starts argv with stdin and stdout on /dev/null, stderr to err_path. */
static pid_t spawn(const char *const argv[], const char *err_path)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int null = open("/dev/null", O_RDWR);

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

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 20);
	size_t n;

	assert_non_null(buf);
	if (!f)
		return buf;
	n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

/* Waits up to 10 s for every one of want in the file at path. */
static bool wait_for(const char *path, const char *const want[])
{
	for (int i = 0; i < 1000; i++) {
		char *text = slurp(path);
		bool all = true;

		for (size_t k = 0; want[k]; k++)
			all = all && strstr(text, want[k]);
		free(text);
		if (all)
			return true;
		nap();
	}
	return false;
}

/* A file that the process at pid keeps growing, or rewriting. */
static bool still_runs(pid_t pid, const char *progress)
{
	char before[64] = "", after[64] = "";
	char *text = slurp(progress);

	snprintf(before, sizeof(before), "%s", text);
	free(text);
	for (int i = 0; i < 500; i++) {
		nap();
		text = slurp(progress);
		snprintf(after, sizeof(after), "%s", text);
		free(text);
		if (strcmp(before, after) != 0)
			return kill(pid, 0) == 0;
	}
	return false;
}

/* busy's two threads are both traced, and SIGINT lets go of them. */
static void test_attach_threads(void **state)
{
	char progress[] = "/tmp/mytrace-test-bbusy-XXXXXX";
	char err[] = "/tmp/mytrace-test-bbusyerr-XXXXXX";
	char trace[] = "/tmp/mytrace-test-batt-XXXXXX";
	char mterr[] = "/tmp/mytrace-test-batterr-XXXXXX";
	char pid[16], line[128];
	/* the main thread writes at offset 0, the helper at 32 */
	const char *const both[] = { ", 0) = 31\n", ", 32) = 31\n", NULL };
	const char *busy_argv[] = { test_program("busy"), progress, NULL };
	pid_t busy, mt;
	int status;
	char *text;

	(void)state;
	if (!bpf_works())
		skip();
	close(mkstemp(progress));
	close(mkstemp(err));
	close(mkstemp(trace));
	close(mkstemp(mterr));
	busy = spawn(busy_argv, err);
	assert_true(still_runs(busy, progress));
	snprintf(pid, sizeof(pid), "%d", busy);
	const char *mt_argv[] = { mytrace_path(), "--backend=bpf", "-o", trace,
				  "-e", "trace=pwrite64", "-p", pid, NULL };

	mt = spawn(mt_argv, mterr);
	assert_true(wait_for(trace, both));
	kill(mt, SIGINT);
	assert_int_equal(waitpid(mt, &status, 0), mt);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	text = slurp(mterr);
	snprintf(line, sizeof(line),
		 "mytrace: Process %d attached with 2 threads", busy);
	assert_has_line(text, line);
	snprintf(line, sizeof(line), "mytrace: Process %d detached", busy);
	assert_has_line(text, line);
	free(text);
	/* let go: it runs on, and nothing more is traced */
	assert_true(still_runs(busy, progress));
	kill(busy, SIGKILL);
	waitpid(busy, &status, 0);
	unlink(progress);
	unlink(err);
	unlink(trace);
	unlink(mterr);
}

/* With -f, the children the process starts after the attach are traced;
 * without it, a process that is gone ends the trace. */
static void test_attach_follow(void **state)
{
	char progress[] = "/tmp/mytrace-test-bsh-XXXXXX";
	char err[] = "/tmp/mytrace-test-bsherr-XXXXXX";
	char trace[] = "/tmp/mytrace-test-bshtr-XXXXXX";
	char mterr[] = "/tmp/mytrace-test-bshmt-XXXXXX";
	char script[256], pid[16];
	const char *const child[] = { "execve(\"/bin/true\"", NULL };
	pid_t sh, mt;
	int status;
	char *text;

	(void)state;
	if (!bpf_works())
		skip();
	close(mkstemp(progress));
	close(mkstemp(err));
	close(mkstemp(trace));
	close(mkstemp(mterr));
	/* a loop of children, and a line a round in progress */
	snprintf(script, sizeof(script),
		 "while :; do /bin/true; date +%%s%%N >%s; "
		 "sleep 0.02; done", progress);
	const char *sh_argv[] = { "/bin/sh", "-c", script, NULL };

	sh = spawn(sh_argv, err);
	assert_true(still_runs(sh, progress));
	snprintf(pid, sizeof(pid), "%d", sh);
	const char *mt_argv[] = { mytrace_path(), "--backend=bpf", "-f", "-o",
				  trace, "-e", "trace=execve", "-p", pid,
				  NULL };

	mt = spawn(mt_argv, mterr);
	assert_true(wait_for(trace, child));
	/* the shell goes: so does mytrace, with status 0 */
	kill(sh, SIGKILL);
	waitpid(sh, &status, 0);
	for (int i = 0; i < 1000 && waitpid(mt, &status, WNOHANG) == 0; i++)
		nap();
	if (kill(mt, 0) == 0) {
		kill(mt, SIGKILL);
		waitpid(mt, &status, 0);
		fail_msg("mytrace -p did not end with its process");
	}
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	text = slurp(trace);
	assert_non_null(strstr(text, "execve(\"/bin/true\", [\"/bin/true\"]"));
	free(text);
	unlink(progress);
	unlink(err);
	unlink(trace);
	unlink(mterr);
}

/* A pid that cannot be traced: one line, exit 1 when it is the only one. */
static void test_attach_refused(void **state)
{
	struct run_result r;
	char pid[16], line[128];
	pid_t gone;
	int status;

	(void)state;
	if (!bpf_works())
		skip();
	gone = fork();
	if (gone == 0)
		_exit(0);
	waitpid(gone, &status, 0);
	snprintf(pid, sizeof(pid), "%d", gone);
	const char *args[] = { "--backend=bpf", "-p", pid, NULL };

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 1);
	snprintf(line, sizeof(line), "mytrace: attach to %d: No such process",
		 gone);
	assert_has_line(r.err, line);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attach_threads),
		cmocka_unit_test(test_attach_follow),
		cmocka_unit_test(test_attach_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
