/* What the traced program sees does not change because of mytrace's own
 * limits: a huge -s, few descriptors under -ff, a full output disk, -p of
 * a zombie; and no line is lost under load (bounded forms of make stress). */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

/* Runs "sh -c script" with $MYTRACE and $PROG (the crowd program) set. */
static void run_shell(struct run_result *r, const char *script)
{
	const char *argv[] = { "/bin/sh", "-c", script, NULL };

	setenv("MT", mytrace_path(), 1);
	setenv("PROG", test_program("crowd"), 1);
	run_command(r, argv);
}

/* The trace and the program's own writes share stderr (no -o, 2>&1 into
 * a pipe): each write's entry is out before the program's bytes, and the
 * bytes come before the return value, in the order things happened. */
static void test_shared_stderr_order(void **state)
{
	struct run_result r;

	run_shell(&r, "\"$MT\" -e trace=write /bin/sh -c "
		  "'echo one >&2; echo two >&2' 2>&1 | cat");
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.out, "write(1, \"one\\n\", 4one\n)"));
	assert_non_null(strstr(r.out, "write(1, \"two\\n\", 4two\n)"));
	assert_true(strstr(r.out, "4one") < strstr(r.out, "4two"));
	/* the rest of the line keeps its column: " = 4" at 40 */
	assert_non_null(strstr(r.out, "4one\n)                    = 4\n"));
	run_result_free(&r);
}

static char *make_temp_dir(void)
{
	char *dir = strdup("/tmp/mytrace-test-rel-XXXXXX");

	assert_non_null(dir);
	assert_non_null(mkdtemp(dir));
	setenv("DIR", dir, 1);
	return dir;
}

static void remove_dir(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4096];

	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	free(dir);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;

	assert_non_null(f);
	n = getdelim(&buf, &cap, 0, f);
	fclose(f);
	if (n < 0) {
		free(buf);
		return strdup("");
	}
	return buf;
}

/* Lines of text that contain needle. */
static long count_containing(const char *text, const char *needle)
{
	long n = 0;

	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n');
		const char *hit = strstr(p, needle);

		if (hit && (!end || hit < end))
			n++;
		p = end ? end + 1 : NULL;
	}
	return n;
}

/* Defect 5: -v -s 1000000 prints every argv string, none as an address. */
static void test_huge_s_prints_all_strings(void **state)
{
	struct run_result r;
	const char *args[] = { "-v", "-s", "1000000", "-e", "trace=execve",
			       test_program("crowd"), "args", "a", "b", "c",
			       "d", "e", "f", "g", NULL };
	char *expected = NULL;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 7);
	assert_string_equal(r.out, "a b c d e f g\n");
	assert_true(asprintf(&expected, "execve(\"%s\", [\"%s\", \"args\", "
			     "\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", "
			     "\"g\"], [\"", args[5], args[5]) > 0);
	if (strncmp(r.trace, expected, strlen(expected)) != 0) {
		print_error("trace:\n%s\nexpected to start with:\n%s\n",
			    r.trace, expected);
		fail();
	}
	/* the environment is printed too, up to its end */
	assert_non_null(strstr(r.trace, "\"]) = 0\n"));
	free(expected);
	run_result_free(&r);
}

/* Defect 6, bounded: 100 live children under -ff with 64 descriptors.
 * Every child has its file with its line; the program's view is intact. */
static void test_ff_short_of_descriptors(void **state)
{
	struct run_result r;
	char *dir = make_temp_dir();
	char seen[100] = { 0 };
	long files = 0, lines = 0;
	struct dirent *de;
	DIR *d;

	run_shell(&r, "ulimit -n 64 && exec \"$MT\" -ff -o \"$DIR/x\" "
		  "\"$PROG\" children 100");
	assert_string_equal(r.err, "");
	assert_int_equal(r.exit_code, 0);
	assert_int_equal(count_lines_with_prefix(r.out, "child "), 100);
	assert_true(has_line(r.out, "children 100 ok"));
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		char path[4096], *text, *hit;
		int i;

		if (strncmp(de->d_name, "x.", 2) != 0)
			continue;
		files++;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		text = slurp(path);
		hit = strstr(text, "write(1, \"child ");
		if (hit && sscanf(hit, "write(1, \"child %d\\n", &i) == 1 &&
		    i >= 0 && i < 100) {
			seen[i]++;
			lines++;
		}
		/* each child's own trace ends with its exit */
		assert_non_null(strstr(text, "+++ exited with 0 +++\n"));
		free(text);
	}
	closedir(d);
	assert_int_equal(files, 101);
	assert_int_equal(lines, 100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(seen[i], 1);
	run_result_free(&r);
	remove_dir(dir);
}

/* mytrace raises its own descriptor limit; the program keeps its own. */
/* -ff: a file that cannot be opened once the workload runs (its
 * directory removed) is reported once; the workload goes on. */
static void test_ff_file_refused_keeps_workload(void **state)
{
	struct run_result r;
	char *dir = make_temp_dir();

	(void)state;
	run_shell(&r, "mkdir $DIR/sub && $MT -ff -o $DIR/sub/t sh -c "
		  "'rm -rf $DIR/sub; /bin/true; /bin/true; echo ok'; "
		  "echo status=$?");
	assert_string_equal(r.out, "ok\nstatus=0\n");
	assert_int_equal(count_lines_with_prefix(r.err, "mytrace: can't open"),
			 1);
	assert_non_null(strstr(r.err, "going on without that file"));
	run_result_free(&r);
	remove_dir(dir);
}

static void test_program_keeps_fd_limit(void **state)
{
	struct run_result r;
	struct rlimit rl;

	assert_int_equal(getrlimit(RLIMIT_NOFILE, &rl), 0);
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max <= 64)
		skip();
	run_shell(&r, "ulimit -S -n 64 && exec \"$MT\" -o /dev/null "
		  "/bin/sh -c 'ulimit -S -n; exit 5'");
	assert_int_equal(r.exit_code, 5);
	assert_string_equal(r.out, "64\n");
	run_result_free(&r);
}

/* A full disk: the error names the file once, the program runs to its
 * end with its own output, and its exit status is mytrace's. */
static void test_write_error_names_file(void **state)
{
	struct run_result r;
	const char *args[] = { "-o", "/dev/full", test_program("crowd"),
			       "args", "still", "here", NULL };

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 7);
	assert_string_equal(r.out, "still here\n");
	assert_string_equal(r.err, "mytrace: write to '/dev/full': "
			    "No space left on device\n");
	run_result_free(&r);
}

/* -p of a process that has exited but was not reaped says so. */
static void test_attach_zombie(void **state)
{
	struct run_result r;
	char pid_text[16], path[64], *status;
	const char *args[] = { "-p", pid_text, NULL };
	char expected[256];
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	/* a zombie as soon as it has exited: waitid leaves it unreaped */
	siginfo_t si;

	assert_int_equal(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT), 0);
	status = slurp(path);
	assert_non_null(strstr(status, "State:\tZ"));
	free(status);
	snprintf(pid_text, sizeof(pid_text), "%d", pid);
	run_mytrace_raw(&r, args);
	snprintf(expected, sizeof(expected), "mytrace: attach to %d: "
		 "Operation not permitted (a zombie: it has exited and its "
		 "parent has not collected its status yet)\n", pid);
	assert_string_equal(r.err, expected);
	assert_int_equal(r.exit_code, 1);
	run_result_free(&r);
	/* still a zombie, for its parent to reap with its status */
	int st;

	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* Calls that completed in a text trace: whole lines and resumed ones. */
static long completed_calls(const char *text, const char *name)
{
	char whole[64], resumed[64];

	snprintf(whole, sizeof(whole), "%s() ", name);
	snprintf(resumed, sizeof(resumed), "<... %s resumed>", name);
	return count_containing(text, whole) + count_containing(text, resumed);
}

/* Load, bounded (make stress runs 580,000 lines): 4 processes making
 * 5,000 getppid calls each under -f, -ff and --format=json; every call
 * has its line and the program's own view is intact. */
#define LOAD_CALLS "5000"
#define LOAD_PROCS "4"
#define LOAD_LINES 20000

static void test_load_f_no_line_lost(void **state)
{
	struct run_result r;
	const char *args[] = { "-f", "-e", "trace=getppid",
			       test_program("crowd"), "calls", LOAD_CALLS,
			       LOAD_PROCS, NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "calls " LOAD_CALLS " " LOAD_PROCS " ok\n");
	assert_int_equal(completed_calls(r.trace, "getppid"), LOAD_LINES);
	assert_int_equal(count_containing(r.trace, "+++ exited with 0 +++"),
			 4);
	run_result_free(&r);
}

static void test_load_ff_no_line_lost(void **state)
{
	struct run_result r;
	char *dir = make_temp_dir();
	long files = 0, calls = 0;
	struct dirent *de;
	DIR *d;

	run_shell(&r, "exec \"$MT\" -ff -e trace=getppid -o \"$DIR/x\" "
		  "\"$PROG\" calls " LOAD_CALLS " " LOAD_PROCS);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "calls " LOAD_CALLS " " LOAD_PROCS " ok\n");
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		char path[4096], *text;

		if (strncmp(de->d_name, "x.", 2) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		text = slurp(path);
		files++;
		calls += completed_calls(text, "getppid");
		free(text);
	}
	closedir(d);
	assert_int_equal(files, 4);
	assert_int_equal(calls, LOAD_LINES);
	run_result_free(&r);
	remove_dir(dir);
}

static void test_load_json_no_line_lost(void **state)
{
	struct run_result r;
	const char *args[] = { "--format=json", "-f", "-e", "trace=getppid",
			       test_program("crowd"), "calls", LOAD_CALLS,
			       LOAD_PROCS, NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "calls " LOAD_CALLS " " LOAD_PROCS " ok\n");
	assert_int_equal(count_containing(r.trace, "\"syscall\":\"getppid\""),
			 LOAD_LINES);
	assert_int_equal(count_lines_with_prefix(r.trace, "{\"type\":\"exited\""),
			 4);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_huge_s_prints_all_strings),
		cmocka_unit_test(test_ff_short_of_descriptors),
		cmocka_unit_test(test_ff_file_refused_keeps_workload),
		cmocka_unit_test(test_program_keeps_fd_limit),
		cmocka_unit_test(test_write_error_names_file),
		cmocka_unit_test(test_attach_zombie),
		cmocka_unit_test(test_load_f_no_line_lost),
		cmocka_unit_test(test_shared_stderr_order),
		cmocka_unit_test(test_load_ff_no_line_lost),
		cmocka_unit_test(test_load_json_no_line_lost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
