/* End-to-end tests of --filter, --events, --syscall-limit and the output
 * controls --color, --always-show-pid and -N; the process-tree filters
 * need -f and are skipped until mytrace has it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

/* Every line of text that is not empty */
static int count_lines(const char *text)
{
	int n = 0;

	for (const char *p = text; *p; p++)
		if (*p == '\n')
			n++;
	return n;
}

/* Bad input: exit 1 with exactly the message on stderr, nothing run. */
static void expect_error(const char *const args[], const char *message)
{
	struct run_result r;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.err, message);
	assert_string_equal(r.out, "");
	run_result_free(&r);
}

#define HINT "\nTry 'mytrace -h' for more information.\n"

static void test_bad_input(void **state)
{
	expect_error((const char *[]){ "--format=xml", "/bin/echo", NULL },
		     "mytrace: invalid --format argument 'xml': not a format "
		     "(text, json, table or chrome)\n");
	expect_error((const char *[]){ "--filter", "name=sh", "/bin/echo",
				       NULL },
		     "mytrace: invalid --filter argument 'name=sh': unknown "
		     "field 'name' (comm, uid, pid, retval, SYSCALL.ARG or "
		     "follow)\n");
	expect_error((const char *[]){ "--filter", "comm", "/bin/echo", NULL },
		     "mytrace: invalid --filter argument 'comm': expected "
		     "FIELD=VALUE, FIELD OP VALUE (OP: != < > <= >=) or "
		     "follow\n");
	expect_error((const char *[]){ "--filter", "comm<=x", "/bin/echo",
				       NULL },
		     "mytrace: invalid --filter argument 'comm<=x': comm "
		     "accepts = and != only (with a glob pattern)\n");
	expect_error((const char *[]){ "--filter=comm=", "/bin/echo", NULL },
		     "mytrace: invalid --filter argument 'comm=': missing "
		     "value\n");
	expect_error((const char *[]){ "--filter", "uid=root", "/bin/echo",
				       NULL },
		     "mytrace: invalid --filter argument 'uid=root': 'root' is "
		     "not a valid uid\n");
	expect_error((const char *[]){ "--filter", "pid!=1x", "/bin/echo",
				       NULL },
		     "mytrace: invalid --filter argument 'pid!=1x': '1x' is not "
		     "a valid pid\n");
	expect_error((const char *[]){ "--color=red", "/bin/echo", NULL },
		     "mytrace: invalid --color argument 'red': not auto, always "
		     "or never\n");
	expect_error((const char *[]){ "--syscall-limit=0", "/bin/echo",
				       NULL },
		     "mytrace: invalid --syscall-limit argument '0': not a "
		     "positive number\n");
	/* --events is -e trace=, with its message */
	expect_error((const char *[]){ "--events=nosuchcall", "/bin/echo",
				       NULL },
		     "mytrace: invalid system call 'nosuchcall'\n");
	expect_error((const char *[]){ "--format", NULL },
		     "mytrace: option '--format' requires an argument" HINT);
}

static void test_events_alias(void **state)
{
	struct run_result r;
	const char *args[] = { "--events=write,exit_group",
			       test_program("write_hello"), NULL };

	run_traced(&r, args);
	assert_string_equal(r.trace,
			    "write(1, \"hello\\n\", 6)                  = 6\n"
			    "exit_group(0)                           = ?\n"
			    "+++ exited with 0 +++\n");
	run_result_free(&r);
}

/* The comm is read again after prctl(PR_SET_NAME). */
static void test_comm_after_rename(void **state)
{
	struct run_result r;
	const char *args[] = { "--filter", "comm=renamed-prog", "-e",
			       "trace=write", test_program("rename_self"),
			       NULL };
	const char *args2[] = { "--filter", "comm!=renamed-prog", "-e",
				"trace=write", test_program("rename_self"),
				NULL };

	run_traced(&r, args);
	assert_string_equal(r.out, "before\nafter\n");
	assert_string_equal(r.trace,
			    "write(1, \"after\\n\", 6)                  = 6\n"
			    "+++ exited with 0 +++\n");
	run_result_free(&r);
	run_traced(&r, args2);
	assert_string_equal(r.trace,
			    "write(1, \"before\\n\", 7)                 = 7\n");
	run_result_free(&r);
}

/* The uid is read again after setresuid: setpriv drops to nobody and
 * runs cat, whose calls are the only ones with uid 65534. */
static void test_uid_after_setuid(void **state)
{
	struct run_result r;
	const char *args[] = { "--format=table", "--filter", "uid=65534",
			       "-e", "trace=openat,setresuid,setresgid",
			       "/usr/bin/setpriv", "--reuid=65534",
			       "--regid=65534", "--clear-groups", "/bin/cat",
			       "/dev/null", NULL };
	const char *args2[] = { "--filter", "uid=0", "-e",
				"trace=openat,setresuid", "/usr/bin/setpriv",
				"--reuid=65534", "--regid=65534",
				"--clear-groups", "/bin/cat", "/dev/null", NULL };

	const char *args3[] = { "-f", "--filter", "uid=65534", "-e",
				"trace=openat",
				"/usr/bin/setpriv", "--reuid=65534",
				"--regid=65534", "--clear-groups", "/bin/cat",
				"/dev/null", NULL };

	if (getuid() != 0)
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	/* the setresuid call itself was entered as root */
	assert_null(strstr(r.trace, "  setresuid  "));
	assert_non_null(strstr(r.trace, "  setresgid  "));
	assert_non_null(strstr(r.trace, "\"/dev/null\", O_RDONLY"));
	/* every row but the header is nobody's */
	assert_int_equal(count_lines_with_prefix(r.trace, ""),
			 1 + count_lines(strstr(r.trace, "\n") + 1));
	for (const char *p = strchr(r.trace, '\n') + 1; *p;
	     p = strchr(p, '\n') + 1)
		assert_memory_equal(p + 15, "  65534  ", 9);
	run_result_free(&r);

	/* setresuid untraced, so that a seccomp filter (-f) would skip it */
	run_traced(&r, args3);
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.trace, "openat(AT_FDCWD, \"/dev/null\", "
			       "O_RDONLY) = "));
	run_result_free(&r);

	run_traced(&r, args2);
	assert_int_equal(count_lines_with_prefix(r.trace, "setresuid("), 1);
	assert_null(strstr(r.trace, "/dev/null"));
	run_result_free(&r);
}

/* --filter follow: a process that matches brings its children along:
 * dash matches comm=dash, and its child cat shows only with follow. */
static void test_filter_follow(void **state)
{
	struct run_result r;
	const char *with[] = { "-f", "--filter", "comm=dash", "--filter",
			       "follow", "-e", "trace=openat", "/bin/dash",
			       "-c", "/bin/cat /etc/hostname; exit 4", NULL };
	const char *without[] = { "-f", "--filter", "comm=dash", "-e",
				  "trace=openat", "/bin/dash", "-c",
				  "/bin/cat /etc/hostname; exit 4", NULL };

	if (!have_follow() || access("/bin/dash", X_OK) != 0)
		skip();
	run_traced(&r, with);
	assert_int_equal(r.exit_code, 4);
	assert_non_null(strstr(r.trace, "\"/etc/hostname\", O_RDONLY) = 3"));
	run_result_free(&r);
	run_traced(&r, without);
	assert_int_equal(r.exit_code, 4);
	assert_null(strstr(r.trace, "\"/etc/hostname\", O_RDONLY"));
	/* the filtered shell's own calls show either way */
	assert_non_null(strstr(r.trace, "openat("));
	run_result_free(&r);
}

/* With -f, only cat's events appear, though sh is traced and followed. */
static void test_comm_filter_tree(void **state)
{
	struct run_result r;
	const char *args[] = { "-f", "--format=json", "--filter", "comm=cat",
			       "/bin/sh", "-c",
			       "/bin/cat /dev/null; /bin/echo x; exit 3",
			       NULL };
	const char *args2[] = { "-f", "--filter", "comm!=sh,echo",
				"--always-show-pid", "-e", "trace=openat",
				"/bin/sh", "-c",
				"/bin/cat /dev/null; /bin/echo x", NULL };

	if (!have_follow())
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 3);
	assert_string_equal(r.out, "x\n");
	assert_int_equal(count_lines_with_prefix(r.trace, "{"),
			 count_lines(r.trace));
	/* each record is cat's */
	for (const char *p = r.trace; *p; p = strchr(p, '\n') + 1) {
		const char *nl = strchr(p, '\n');
		const char *comm = strstr(p, ",\"comm\":\"cat\",");

		assert_true(comm && comm < nl);
	}
	assert_non_null(strstr(r.trace, "{\"type\":\"exec\","));
	assert_non_null(strstr(r.trace, "\"value\":\"/dev/null\""));
	assert_non_null(strstr(r.trace, "{\"type\":\"exited\","));
	run_result_free(&r);

	/* -f into a file: strace's bare pid before each line, one pid */
	run_traced(&r, args2);
	assert_non_null(strstr(r.trace, "openat(AT_FDCWD, \"/dev/null\", "
			       "O_RDONLY) = "));
	for (const char *p = r.trace; *p; p = strchr(p, '\n') + 1) {
		assert_true(atoi(p) > 0);
		assert_int_equal(atoi(p), atoi(r.trace));
	}
	run_result_free(&r);
}

/* Globs in comm and bounds on uid select processes in a tree. */
static void test_glob_and_bounds(void **state)
{
	struct run_result r;
	char uid[32];
	const char *args[] = { "-f", "--always-show-pid", "--filter",
			       "comm=ca?", "-e", "trace=openat", "/bin/sh",
			       "-c", "/bin/cat /dev/null; /bin/ls /dev/null",
			       NULL };
	const char *args2[] = { "-f", "--filter", uid, "-e", "trace=openat",
				"/bin/sh", "-c", "/bin/cat /dev/null", NULL };

	if (!have_follow())
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "/dev/null\n");
	assert_non_null(strstr(r.trace, "openat(AT_FDCWD, \"/dev/null\", "
			       "O_RDONLY) = 3"));
	/* every line is cat's: one pid, no ls */
	for (const char *p = r.trace; *p; p = strchr(p, '\n') + 1)
		assert_int_equal(atoi(p), atoi(r.trace));
	run_result_free(&r);

	/* uid<=ours shows the tree, uid>ours nothing */
	snprintf(uid, sizeof(uid), "uid<=%u", (unsigned)getuid());
	run_traced(&r, args2);
	assert_non_null(strstr(r.trace, "\"/dev/null\""));
	run_result_free(&r);
	snprintf(uid, sizeof(uid), "uid>%u", (unsigned)getuid());
	run_traced(&r, args2);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.trace, "");
	run_result_free(&r);
}

/* retval and argument filters decide at the exit: exactly the calls
 * that match are printed, each on one whole line. */
static void test_event_filters(void **state)
{
	struct run_result r;
	const char *failed[] = { "--filter", "retval<0", "-e",
				 "trace=openat,close", test_program("open_missing"),
				 NULL };
	const char *path[] = { "--filter", "openat.pathname=/lib/*", "-e",
			       "trace=openat", test_program("open_missing"),
			       NULL };
	const char *fd[] = { "--filter", "write.fd=1", "--filter",
			     "write.count>=2", "-e", "trace=write", "/bin/sh",
			     "-c", "echo a; printf c", NULL };

	run_traced(&r, failed);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.trace, "openat(AT_FDCWD, \"/nonexistent/"
			    "mytrace-test\", O_RDONLY) = -1 ENOENT (No such "
			    "file or directory)\n+++ exited with 0 +++\n");
	run_result_free(&r);

	run_traced(&r, path);
	assert_int_equal(count_lines_with_prefix(r.trace, "openat("), 1);
	assert_non_null(strstr(r.trace, "openat(AT_FDCWD, \"/lib/"));
	run_result_free(&r);

	run_traced(&r, fd);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "a\nc");
	assert_string_equal(r.trace, "write(1, \"a\\n\", 2)"
			    "                      = 2\n+++ exited with 0 +++\n");
	run_result_free(&r);
}

/* In a new pid namespace pids are known in advance: mytrace is 1, sh 2,
 * the first echo 3; --filter pid=3 shows that echo alone. */
static void test_pid_filter_tree(void **state)
{
	struct run_result r;
	const char *argv[] = { "/usr/bin/unshare", "--pid", "--fork",
			       "--mount-proc", mytrace_path(), "-f", "-q",
			       "--always-show-pid", "--filter", "pid=3",
			       "-e", "trace=write", "/bin/sh", "-c",
			       "/bin/echo a; /bin/echo b", NULL };

	if (getuid() != 0 || !have_follow())
		skip();
	run_command(&r, argv);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "a\nb\n");
	assert_string_equal(r.err,
			    "[pid     3] write(1, \"a\\n\", 2)          = 2\n"
			    "[pid     3] +++ exited with 0 +++\n");
	run_result_free(&r);
}

static void test_syscall_limit(void **state)
{
	struct run_result r;
	const char *args[] = { "--syscall-limit=3", "-e", "trace=write",
			       "/bin/sh", "-c",
			       "for i in 1 2 3 4 5 6; do echo $i; done; exit 5",
			       NULL };
	const char *args2[] = { "--syscall-limit=2", "--format=json", "-e",
				"trace=write", "/bin/sh", "-c",
				"echo a; echo b; echo c", NULL };

	run_traced(&r, args);
	/* tracing stopped; the command ran to its end */
	assert_int_equal(r.exit_code, 5);
	assert_string_equal(r.out, "1\n2\n3\n4\n5\n6\n");
	assert_string_equal(r.trace,
			    "write(1, \"1\\n\", 2)                      = 2\n"
			    "write(1, \"2\\n\", 2)                      = 2\n"
			    "write(1, \"3\\n\", 2)                      = 2\n");
	run_result_free(&r);

	run_traced(&r, args2);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "a\nb\nc\n");
	assert_int_equal(count_lines_with_prefix(r.trace,
						 "{\"type\":\"syscall\""), 2);
	assert_int_equal(count_lines_with_prefix(r.trace,
						 "{\"type\":\"detach\""), 1);
	assert_null(strstr(r.trace, "\"exited\""));
	run_result_free(&r);
}

static void test_color_and_pid(void **state)
{
	struct run_result r;
	const char *always[] = { "--color=always", "-e", "trace=write",
				 test_program("write_hello"), NULL };
	const char *automatic[] = { "--color", "--color=auto", "-e",
				    "trace=write", test_program("write_hello"),
				    NULL };
	const char *pid[] = { "--always-show-pid", "-N", "-e", "trace=write",
			      test_program("write_hello"), NULL };

	run_traced(&r, always);
	assert_string_equal(r.trace,
			    "\033[1mwrite\033[0m(1, \"hello\\n\", 6)"
			    "                  = 6\n"
			    "\033[35m+++ exited with 0 +++\033[0m\n");
	run_result_free(&r);
	/* auto: the trace goes to a file, not a terminal */
	run_traced(&r, automatic);
	assert_null(strchr(r.trace, '\033'));
	run_result_free(&r);

	run_traced(&r, pid);
	assert_int_equal(count_lines_with_prefix(r.trace, "[pid "), 2);
	assert_non_null(strstr(r.trace, "] write(fd=1, buf=\"hello\\n\", "
			       "count=6) = 6\n"));
	assert_non_null(strstr(r.trace, "] +++ exited with 0 +++\n"));
	run_result_free(&r);
}

/* On a terminal (script(1) gives one), auto colours unless NO_COLOR. */
static void test_color_on_terminal(void **state)
{
	struct run_result r;
	char *cmd;
	const char *argv[] = { "/usr/bin/script", "-qec", NULL, "/dev/null",
			       NULL };

	/* exit_group: nothing else writes to the terminal meanwhile */
	assert_true(asprintf(&cmd, "%s -e trace=exit_group %s", mytrace_path(),
			     test_program("exit3")) > 0);
	argv[2] = cmd;
	unsetenv("NO_COLOR");
	run_command(&r, argv);
	assert_int_equal(r.exit_code, 3);
	assert_non_null(strstr(r.out, "\033[1mexit_group\033[0m(3) "));
	run_result_free(&r);
	setenv("NO_COLOR", "1", 1);
	run_command(&r, argv);
	unsetenv("NO_COLOR");
	assert_int_equal(r.exit_code, 3);
	assert_non_null(strstr(r.out, "exit_group(3) "));
	assert_null(strchr(r.out, '\033'));
	run_result_free(&r);
	free(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_events_alias),
		cmocka_unit_test(test_comm_after_rename),
		cmocka_unit_test(test_uid_after_setuid),
		cmocka_unit_test(test_comm_filter_tree),
		cmocka_unit_test(test_glob_and_bounds),
		cmocka_unit_test(test_event_filters),
		cmocka_unit_test(test_pid_filter_tree),
		cmocka_unit_test(test_syscall_limit),
		cmocka_unit_test(test_filter_follow),
		cmocka_unit_test(test_color_and_pid),
		cmocka_unit_test(test_color_on_terminal),
	};

	return cmocka_run_group_tests_name("integration: filters and output "
					   "controls", tests, NULL, NULL);
}
