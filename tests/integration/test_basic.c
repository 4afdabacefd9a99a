/* End-to-end tests of the foundation: exact trace lines, exit statuses and
 * errors for bad input, on small programs that make known syscalls. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static void test_write_hello(void **state)
{
	struct run_result r;
	/* -s 4096: the program's path must not be cut in the execve line */
	const char *args[] = { "-s", "4096", test_program("write_hello"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "hello\n");
	assert_has_line(r.trace, "write(1, \"hello\\n\", 6)                  = 6");
	assert_has_line(r.trace, "exit_group(0)                           = ?");
	assert_has_line(r.trace, "+++ exited with 0 +++");
	/* the first line is the execve of the resolved program */
	char *expected = NULL;

	assert_true(asprintf(&expected, "execve(\"%s\", [\"%s\"], ",
			     args[2], args[2]) > 0);
	assert_memory_equal(r.trace, expected, strlen(expected));
	assert_non_null(strstr(r.trace, " vars */) = 0\n"));
	free(expected);
	run_result_free(&r);
}

static void test_open_missing(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("open_missing"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/nonexistent/mytrace-test\", "
			"O_RDONLY) = -1 ENOENT (No such file or directory)");
	run_result_free(&r);
}

static void test_exit_status(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("exit3"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 3);
	assert_has_line(r.trace, "exit_group(3)                           = ?");
	assert_has_line(r.trace, "+++ exited with 3 +++");
	run_result_free(&r);
}

static void test_shell_exit_status(void **state)
{
	struct run_result r;
	const char *args[] = { "sh", "-c", "exit 7", NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 7);
	assert_has_line(r.trace, "+++ exited with 7 +++");
	run_result_free(&r);
}

static void test_segv(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("segv"), NULL };

	run_traced(&r, args);
	/* mytrace dies of the same signal as its command */
	assert_true(WIFSIGNALED(r.wait_status));
	assert_int_equal(WTERMSIG(r.wait_status), SIGSEGV);
	assert_has_line(r.trace, "--- SIGSEGV {si_signo=SIGSEGV, "
			"si_code=SEGV_MAPERR, si_addr=NULL} ---");
	assert_has_line(r.trace, "+++ killed by SIGSEGV +++");
	run_result_free(&r);
}

static void test_sigkill(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("sigkill_self"), NULL };

	run_traced(&r, args);
	assert_true(WIFSIGNALED(r.wait_status));
	assert_int_equal(WTERMSIG(r.wait_status), SIGKILL);
	assert_has_line(r.trace, "+++ killed by SIGKILL +++");
	assert_int_equal(count_lines_with_prefix(r.trace, "kill("), 1);
	run_result_free(&r);
}

static void test_garbage_pointers(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("badptr"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "write(1, 0x1, 10)                       = -1 EFAULT (Bad address)");
	assert_has_line(r.trace, "openat(AT_FDCWD, 0xdead0000, O_RDONLY)  = -1 EFAULT (Bad address)");
	assert_has_line(r.trace, "newfstatat(AT_FDCWD, \"/\", 0x10, 0)      = -1 EFAULT (Bad address)");
	assert_has_line(r.trace, "read(0, \"\", 2147483647)                 = 0");
	run_result_free(&r);
}

static void test_string_quoting(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("strings"), NULL };

	run_traced(&r, args);
	assert_has_line(r.trace, "write(1, \"\\1\\2\\177\\377\\t\\n\\\"\\\\0a\", 10)  = 10");
	assert_has_line(r.trace, "write(1, \"0123456789abcdefghijklmnopqrstuv\"..., 46) = 46");
	run_result_free(&r);

	const char *short_args[] = { "-s", "5", test_program("strings"), NULL };

	run_traced(&r, short_args);
	assert_has_line(r.trace, "write(1, \"01234\"..., 46)                = 46");
	run_result_free(&r);
}

static void test_raw_syscall(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("raw_syscall"), NULL };

	run_traced(&r, args);
	assert_has_line(r.trace, "syscall_0x3e8(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)");
	run_result_free(&r);
}

static void test_trace_filter(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=openat,exit_group",
			       test_program("open_missing"), NULL };

	run_traced(&r, args);
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/nonexistent/mytrace-test\", "
			"O_RDONLY) = -1 ENOENT (No such file or directory)");
	assert_int_equal(count_lines_with_prefix(r.trace, "execve("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "mmap("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "exit_group("), 1);
	run_result_free(&r);
}

static void test_sigchld_and_wait(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("sigchld"), NULL };
	char *masked;

	run_traced(&r, args);
	masked = mask_addresses(r.trace);
	assert_int_equal(count_lines_with_prefix(r.trace, "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid="), 1);
	assert_non_null(strstr(r.trace, "wait4("));
	assert_non_null(strstr(r.trace, ", [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = "));
	free(masked);
	run_result_free(&r);
}

/* A child's CPU time in its SIGCHLD is in clock ticks, shown as seconds
 * too: si_utime=21 /\* 0.21 s *\/ */
static void test_sigchld_times(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=none", test_program("sigchld"),
			       "busy", NULL };
	static const char *const fields[] = { "si_utime=", "si_stime=" };
	char want[64];
	long ticks, total = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	/* the 0.2 s splits between user and system time as the machine
	 * goes: each field has its comment when it is not 0 */
	for (int i = 0; i < 2; i++) {
		const char *p = strstr(r.trace, fields[i]);

		assert_non_null(p);
		ticks = strtol(p + 9, NULL, 10);
		total += ticks;
		if (ticks)
			snprintf(want, sizeof(want), "%s%ld /* %ld.%02ld s */",
				 fields[i], ticks, ticks / 100, ticks % 100);
		else
			snprintf(want, sizeof(want), "%s0%c", fields[i],
				 i ? '}' : ',');
		assert_memory_equal(p, want, strlen(want));
	}
	assert_true(total > 0);
	run_result_free(&r);
}

/* --- bad input: one line naming the problem, exit 1, nothing traced */

static void test_bad_input(void **state)
{
	const char *none[] = { NULL };
	const char *unknown_flag[] = { "-Q", "true", NULL };
	const char *unknown_long[] = { "--no-such-flag", "true", NULL };
	const char *bad_s[] = { "-s", "-1", "true", NULL };
	const char *bad_trace[] = { "-e", "trace=nosuchcall", "true", NULL };
	const char *bad_class[] = { "-e", "trace=%nosuchclass", "true", NULL };
	const char *bad_regex[] = { "-e", "trace=/(", "true", NULL };
	const char *missing_cmd[] = { "/nonexistent/cmd", NULL };
	const char *missing_path_cmd[] = { "no-such-command-mytrace", NULL };
	const char *missing_arg[] = { "-o", NULL };

	assert_usage_error(none, "mytrace: must have PROG [ARGS] or -p PID\n"
			   "Try 'mytrace -h' for more information.\n");
	assert_usage_error(unknown_flag, "mytrace: invalid option -- 'Q'\n");
	assert_usage_error(unknown_long,
			   "mytrace: unrecognized option '--no-such-flag'\n");
	assert_usage_error(bad_s, "mytrace: invalid -s argument: '-1'\n");
	assert_usage_error(bad_trace,
			   "mytrace: invalid system call 'nosuchcall'\n");
	assert_usage_error(bad_class,
			   "mytrace: invalid system call '%nosuchclass'\n");
	assert_usage_error(bad_regex,
			   "mytrace: regcomp: (: ");
	assert_usage_error(missing_cmd, "mytrace: cannot run '/nonexistent/cmd': "
			   "No such file or directory\n");
	assert_usage_error(missing_path_cmd,
			   "mytrace: cannot run 'no-such-command-mytrace': "
			   "No such file or directory\n");
	assert_usage_error(missing_arg,
			   "mytrace: option requires an argument -- 'o'\n");
}

/* A command that exists but cannot be run (a directory, a file without
 * x): as strace, the trace shows its failed execve and its end, and the
 * child says why on stderr. */
static void test_first_exec_fails(void **state)
{
	char not_exec_path[] = "/tmp/mytrace-test-noexec-XXXXXX";
	int fd = mkstemp(not_exec_path);
	const char *cmds[] = { "/", not_exec_path };

	assert_true(fd >= 0);
	close(fd);
	for (size_t i = 0; i < 2; i++) {
		const char *args[] = { cmds[i], NULL };
		struct run_result r;
		char prefix[128];
		const char *nl;

		run_traced(&r, args);
		assert_int_equal(r.exit_code, 1);
		assert_string_equal(r.err, "mytrace: exec: Permission denied\n");
		snprintf(prefix, sizeof(prefix), "execve(\"%s\", [\"%s\"], 0x",
			 cmds[i], cmds[i]);
		assert_int_equal(strncmp(r.trace, prefix, strlen(prefix)), 0);
		nl = strchr(r.trace, '\n');
		assert_non_null(nl);
		assert_int_equal(strncmp(nl - 33, ") = -1 EACCES (Permission "
					 "denied)", 33), 0);
		assert_string_equal(nl + 1, "+++ exited with 1 +++\n");
		run_result_free(&r);
	}
	unlink(not_exec_path);
}

static void test_help_and_version(void **state)
{
	struct run_result r;
	const char *help[] = { "-h", NULL };
	const char *version[] = { "--version", NULL };

	run_mytrace_raw(&r, help);
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.out, "Usage: mytrace [OPTIONS] COMMAND"));
	run_result_free(&r);
	run_mytrace_raw(&r, version);
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.out, "mytrace -- version "));
	run_result_free(&r);
}

static void test_trace_to_stderr_by_default(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("write_hello"), NULL };

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "hello\n");
	assert_has_line(r.err, "write(1, \"hello\\n\", 6)                  = 6");
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_hello),
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_exit_status),
		cmocka_unit_test(test_shell_exit_status),
		cmocka_unit_test(test_segv),
		cmocka_unit_test(test_sigkill),
		cmocka_unit_test(test_garbage_pointers),
		cmocka_unit_test(test_string_quoting),
		cmocka_unit_test(test_raw_syscall),
		cmocka_unit_test(test_trace_filter),
		cmocka_unit_test(test_sigchld_and_wait),
		cmocka_unit_test(test_sigchld_times),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_first_exec_fails),
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_trace_to_stderr_by_default),
	};

	return cmocka_run_group_tests_name("integration: basic", tests, NULL,
					   NULL);
}
