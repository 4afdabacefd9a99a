/* End-to-end tests of strace's output controls: -x/-xx, -X, -n, -y/-yy,
 * -a, -t/-tt/-ttt/-r/-T, -e raw=/verbose=/abbrev=, -e status=, -z/-Z,
 * -e signal= and -P, with exact lines (times and addresses masked). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arch_expect.h"
#include "harness.h"

#define PROG "output_controls"
#define CALLS "-e", "trace=openat,write,close,kill"

#define WRITE_ODD "write(3, \"ab\\n\\tc\\33d\\3447\\0z\", 11)"
#define OPEN_NULL "openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = 3"
#define OPEN_MISSING "openat(AT_FDCWD, \"/nonexistent/mytrace-oc\", " \
	"O_RDONLY) = -1 ENOENT (No such file or directory)"

/* Runs the test program under mytrace with flags (NULL-terminated). */
static void run_prog(struct run_result *r, const char *const flags[])
{
	const char *args[32];
	size_t n = 0;

	while (flags[n] && n < 30) {
		args[n] = flags[n];
		n++;
	}
	args[n++] = test_program(PROG);
	args[n] = NULL;
	run_traced(r, args);
	assert_int_equal(r->exit_code, 0);
}

/* A copy of text with every run of digits in a time stamp, "<d.d>" or a
 * leading "d.d "/"hh:mm:ss" replaced by N: times vary, formats do not. */
static char *mask_digits(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	for (const char *p = text; *p;) {
		if (*p >= '0' && *p <= '9') {
			while (*p >= '0' && *p <= '9')
				p++;
			*o++ = 'N';
			continue;
		}
		*o++ = *p++;
	}
	*o = 0;
	return out;
}

static void test_default_lines(void **state)
{
	const char *flags[] = { CALLS, NULL };
	struct run_result r;

	run_prog(&r, flags);
	assert_has_line(r.trace, OPEN_NULL);
	assert_has_line(r.trace, WRITE_ODD "     = 11");
	assert_has_line(r.trace, "write(3, \"plain\\n\", 6)                  = 6");
	assert_has_line(r.trace, "write(3, \"a\\33b\\t\", 4)                  = 4");
	assert_has_line(r.trace, "close(3)                                = 0");
	assert_has_line(r.trace, OPEN_MISSING);
	assert_non_null(strstr(r.trace, "--- SIGUSR1 {si_signo=SIGUSR1, "
				       "si_code=SI_USER, si_pid="));
	run_result_free(&r);
}

static void test_hex_strings(void **state)
{
	const char *x[] = { "-x", CALLS, NULL };
	const char *xx[] = { "-xx", CALLS, NULL };
	struct run_result r;

	/* -x: a string with any non-ASCII byte goes all hex */
	run_prog(&r, x);
	assert_has_line(r.trace, "write(3, \"\\x61\\x62\\x0a\\x09\\x63\\x1b"
			"\\x64\\xe4\\x37\\x00\\x7a\", 11) = 11");
	assert_has_line(r.trace, "write(3, \"plain\\n\", 6)                  = 6");
	/* a control byte alone is enough; \t alone is not */
	assert_has_line(r.trace, "write(3, \"\\x61\\x1b\\x62\\x09\", 4)         = 4");
	run_result_free(&r);
	run_prog(&r, xx);
	assert_has_line(r.trace, "write(3, \"\\x70\\x6c\\x61\\x69\\x6e\\x0a\", "
			"6) = 6");
	assert_has_line(r.trace, "openat(AT_FDCWD, \"\\x2f\\x64\\x65\\x76\\x2f"
			"\\x6e\\x75\\x6c\\x6c\", O_WRONLY) = 3");
	run_result_free(&r);
}

static void test_const_styles(void **state)
{
	const char *raw[] = { "-X", "raw", CALLS, NULL };
	const char *verbose[] = { "-X", "verbose", CALLS, NULL };
	const char *abbrev[] = { "-X", "abbrev", CALLS, NULL };
	struct run_result r;

	run_prog(&r, raw);
	assert_has_line(r.trace, "openat(-100, \"/dev/null\", 0x1)          = 3");
	assert_has_line(r.trace, "openat(-100, \"/nonexistent/mytrace-oc\", 0) "
			"= -1 ENOENT (No such file or directory)");
	assert_non_null(strstr(r.trace, ", 10)"));	/* kill(pid, 10) */
	assert_non_null(strstr(r.trace, "--- SIGUSR1 {si_signo=10, si_code=0, "
				       "si_pid="));
	run_result_free(&r);
	run_prog(&r, verbose);
	assert_has_line(r.trace, "openat(-100 /* AT_FDCWD */, \"/dev/null\", "
			"0x1 /* O_WRONLY */) = 3");
	assert_has_line(r.trace, "openat(-100 /* AT_FDCWD */, "
			"\"/nonexistent/mytrace-oc\", 0 /* O_RDONLY */) = -1 "
			"ENOENT (No such file or directory)");
	assert_non_null(strstr(r.trace, "--- SIGUSR1 {si_signo=10 /* SIGUSR1 */, "
				       "si_code=0 /* SI_USER */, si_pid="));
	run_result_free(&r);
	run_prog(&r, abbrev);
	assert_has_line(r.trace, OPEN_NULL);
	run_result_free(&r);
}

static void test_syscall_numbers(void **state)
{
	const char *flags[] = { "-n", CALLS, NULL };
	struct run_result r;

	run_prog(&r, flags);
	assert_has_line(r.trace, EXPECT_N_OPENAT " " OPEN_NULL);
	assert_has_line(r.trace, EXPECT_N_CLOSE
			" close(3)                         = 0");
	/* exit lines carry the thread's latest syscall, as in strace */
	assert_has_line(r.trace, EXPECT_N_EXIT_GROUP " +++ exited with 0 +++");
	run_result_free(&r);
}

static void test_fd_paths(void **state)
{
	const char *y[] = { "-y", CALLS, NULL };
	const char *yy[] = { "-yy", CALLS, NULL };
	const char *dev[] = { "--decode-fds=dev", CALLS, NULL };
	const char *yy_path[] = { "-yy", "-P", "/dev/null", CALLS, NULL };
	struct run_result r;
	char cwd[4096], *line = NULL;

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	run_prog(&r, y);
	assert_has_line(r.trace, "write(3</dev/null>, \"plain\\n\", 6)       = 6");
	assert_has_line(r.trace, "close(3</dev/null>)                     = 0");
	assert_true(asprintf(&line, "openat(AT_FDCWD<%s>, \"/dev/null\", "
			     "O_WRONLY) = 3</dev/null>", cwd) > 0);
	assert_has_line(r.trace, line);
	free(line);
	run_result_free(&r);
	run_prog(&r, yy);
	assert_has_line(r.trace, "write(3</dev/null<char 1:3>>, \"plain\\n\", "
			"6) = 6");
	run_result_free(&r);
	/* only devices: their path and device, no working directory */
	run_prog(&r, dev);
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = "
			"3</dev/null<char 1:3>>");
	run_result_free(&r);
	/* -P compares the path, not what -yy adds to it */
	run_prog(&r, yy_path);
	assert_has_line(r.trace, "write(3</dev/null<char 1:3>>, \"plain\\n\", "
			"6) = 6");
	assert_int_equal(count_lines_with_prefix(r.trace, "close(3</dev/null"),
			 1);
	run_result_free(&r);
}

static void test_sockets_yy(void **state)
{
	const char *args[] = { "-yy", "-e", "trace=close,getsockname", "-e",
			       "signal=none", "python3", "-c",
			       "import socket\n"
			       "p = socket.socketpair()\n"
			       "p[1].getsockname()\n"
			       "s = socket.socket()\n"
			       "s.bind(('127.0.0.1', 0)); s.listen()\n"
			       "c = socket.create_connection(s.getsockname())\n"
			       "c.close(); s.close(); p[0].close()\n"
			       "p[1].close()\n"
			       "a = socket.socket(socket.AF_UNIX)\n"
			       "a.bind(b'\\0mytrace-yy'); a.close()\n"
			       "n = socket.socket(socket.AF_NETLINK, "
			       "socket.SOCK_RAW, 0)\n"
			       "n.bind((0, 0)); n.close()\n", NULL };
	struct run_result r;
	char *masked;

	if (access("/usr/bin/python3", X_OK) != 0)
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	masked = mask_digits(r.trace);
	assert_non_null(strstr(masked, "<TCP:[N.N.N.N:N->N.N.N.N:N]>) = N\n"));
	assert_non_null(strstr(masked, "<TCP:[N.N.N.N:N]>)"));
	/* the second end, once seen, still shows its peer when that is
	 * closed (as strace does, which remembers it) */
	assert_non_null(strstr(strstr(masked, "<UNIX-STREAM:[N->N]>)") + 1,
			       "<UNIX-STREAM:[N->N]>)"));
	assert_non_null(strstr(masked,
			       "<UNIX-STREAM:[N,@\"mytrace-yy\"]>)"));
	assert_non_null(strstr(masked, "<NETLINK:[ROUTE:N]>)"));
	free(masked);
	run_result_free(&r);
}

static void test_align_column(void **state)
{
	const char *flags[] = { "-a", "20", CALLS, NULL };
	const char *zero[] = { "-a", "0", CALLS, NULL };
	struct run_result r;

	run_prog(&r, flags);
	assert_has_line(r.trace, "close(3)            = 0");
	assert_has_line(r.trace, OPEN_NULL);
	run_result_free(&r);
	run_prog(&r, zero);
	assert_has_line(r.trace, "close(3) = 0");
	run_result_free(&r);
}

static void test_times(void **state)
{
	static const struct {
		const char *flag, *line;
	} cases[] = {
		{ "-t", "N:N:N close(N)                       = N" },
		{ "-tt", "N:N:N.N close(N)                = N" },
		{ "-ttt", "N.N close(N)              = N" },
		{ "-r", "     N.N close(N)                  = N" },
		{ "-T", "close(N)                                = N <N.N>" },
	};
	struct run_result r;
	char *masked;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *flags[] = { cases[i].flag, CALLS, NULL };

		run_prog(&r, flags);
		masked = mask_digits(r.trace);
		assert_has_line(masked, cases[i].line);
		free(masked);
		run_result_free(&r);
	}
	/* -r with -t: the difference in parentheses; -T never on "= ?" */
	{
		const char *flags[] = { "-t", "-r", "-T", "-e",
					"trace=close,exit_group", NULL };

		run_prog(&r, flags);
		masked = mask_digits(r.trace);
		assert_has_line(masked, "N:N:N (+     N.N) close(N)      = N "
				"<N.N>");
		assert_has_line(masked, "N:N:N (+     N.N) exit_group(N) = ?");
		assert_has_line(masked, "N:N:N (+     N.N) +++ exited with N "
				"+++");
		free(masked);
		run_result_free(&r);
	}
}

static void test_status_filters(void **state)
{
	const char *failed[] = { "-Z", CALLS, NULL };
	const char *ok[] = { "-z", CALLS, NULL };
	const char *unfinished[] = { "-e", "status=unfinished", NULL };
	const char *not_failed[] = { "-e", "status=!failed", CALLS, NULL };
	struct run_result r;

	run_prog(&r, failed);
	assert_has_line(r.trace, OPEN_MISSING);
	assert_null(strstr(r.trace, "close(3)"));
	assert_null(strstr(r.trace, "write("));
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
	run_prog(&r, ok);
	assert_has_line(r.trace, OPEN_NULL);
	assert_null(strstr(r.trace, "ENOENT"));
	run_result_free(&r);
	run_prog(&r, not_failed);
	assert_has_line(r.trace, "close(3)                                = 0");
	assert_null(strstr(r.trace, "ENOENT"));
	run_result_free(&r);
	run_prog(&r, unfinished);
	assert_has_line(r.trace, "exit_group(0)                           = ?");
	assert_int_equal(count_lines_with_prefix(r.trace, ""), 3);
	run_result_free(&r);
}

static void test_signal_filter(void **state)
{
	const char *none[] = { "-e", "signal=none", CALLS, NULL };
	const char *usr1[] = { "-e", "signal=USR1", "-e", "trace=none", NULL };
	const char *not_usr1[] = { "-e", "signal=!SIGUSR1", CALLS, NULL };
	struct run_result r;

	run_prog(&r, none);
	assert_null(strstr(r.trace, "--- SIG"));
	assert_has_line(r.trace, "close(3)                                = 0");
	run_result_free(&r);
	run_prog(&r, usr1);
	assert_non_null(strstr(r.trace, "--- SIGUSR1 {"));
	run_result_free(&r);
	run_prog(&r, not_usr1);
	assert_null(strstr(r.trace, "--- SIGUSR1"));
	run_result_free(&r);
}

static void test_trace_path(void **state)
{
	const char *flags[] = { "-P", "/dev/null", NULL };
	const char *two[] = { "-P", "/dev/null", "-P",
			      "/nonexistent/mytrace-oc", CALLS, NULL };
	struct run_result r;

	/* the descriptor is matched through its path: write and close too */
	run_prog(&r, flags);
	assert_has_line(r.trace, OPEN_NULL);
	assert_has_line(r.trace, WRITE_ODD "     = 11");
	assert_has_line(r.trace, "close(3)                                = 0");
	assert_null(strstr(r.trace, "mytrace-oc"));
	assert_null(strstr(r.trace, "execve("));
	assert_null(strstr(r.trace, "mmap("));
	run_result_free(&r);
	run_prog(&r, two);
	assert_has_line(r.trace, OPEN_NULL);
	assert_has_line(r.trace, OPEN_MISSING);
	assert_null(strstr(r.trace, "kill("));
	run_result_free(&r);
}

static void test_raw_verbose_abbrev(void **state)
{
	const char *raw[] = { "-e", "raw=close,openat", CALLS, NULL };
	const char *noverb[] = { "-e", "verbose=none", "-e",
				 "trace=rt_sigaction,execve", NULL };
	const char *v[] = { "-v", "-s", "4096", "-e", "trace=execve", NULL };
	const char *abbrev[] = { "-e", "abbrev=none", "-e", "trace=execve",
				 NULL };
	struct run_result r;
	char *masked;

	run_prog(&r, raw);
	assert_has_line(r.trace, "close(0x3)                              = 0");
	assert_non_null(strstr(r.trace, "openat(" EXPECT_RAW_AT_FDCWD ", 0x"));
	assert_non_null(strstr(r.trace, ", 0x1, 0) = 0x3\n"));
	assert_has_line(r.trace, WRITE_ODD "     = 11");
	run_result_free(&r);
	run_prog(&r, noverb);
	masked = mask_addresses(r.trace);
	assert_has_line(masked, "rt_sigaction(SIGUSR1, 0xADDR, 0xADDR, 8) = 0");
	/* no argument list and no "N vars" read from memory either */
	assert_non_null(strstr(masked, "\", 0xADDR, 0xADDR) = 0\n"));
	free(masked);
	run_result_free(&r);
	/* unabbreviated: the environment is a list, not "N vars" */
	run_prog(&r, v);
	assert_null(strstr(r.trace, " vars */"));
	assert_non_null(strstr(r.trace, "\"], ["));
	run_result_free(&r);
	run_prog(&r, abbrev);
	assert_null(strstr(r.trace, " vars */"));
	run_result_free(&r);
}

/* --- bad input: one line naming the bad token, exit 1 */

static void test_bad_input(void **state)
{
	const char *bad_x[] = { "-X", "nonsense", "true", NULL };
	const char *bad_a[] = { "-a", "abc", "true", NULL };
	const char *bad_status[] = { "-e", "status=successful,foo", "true",
				     NULL };
	const char *empty_status[] = { "-e", "status=", "true", NULL };
	const char *bad_signal[] = { "-e", "signal=SIGFOO", "true", NULL };
	const char *big_signal[] = { "-e", "signal=300", "true", NULL };
	const char *bad_raw[] = { "-e", "raw=nosuchcall", "true", NULL };
	const char *bad_abbrev[] = { "-e", "abbrev=%nosuchclass", "true",
				     NULL };
	const char *bad_verbose[] = { "-e", "verbose=/(", "true", NULL };

	assert_usage_error(bad_x, "mytrace: invalid -X argument: 'nonsense'\n");
	assert_usage_error(bad_a, "mytrace: invalid -a argument: 'abc'\n");
	assert_usage_error(bad_status, "mytrace: invalid status 'foo'\n");
	assert_usage_error(empty_status, "mytrace: invalid status ''\n");
	assert_usage_error(bad_signal, "mytrace: invalid signal 'SIGFOO'\n");
	assert_usage_error(big_signal, "mytrace: invalid signal '300'\n");
	assert_usage_error(bad_raw,
			   "mytrace: invalid system call 'nosuchcall'\n");
	assert_usage_error(bad_abbrev,
			   "mytrace: invalid system call '%nosuchclass'\n");
	assert_usage_error(bad_verbose,
			   "mytrace: regcomp: (: ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_lines),
		cmocka_unit_test(test_hex_strings),
		cmocka_unit_test(test_const_styles),
		cmocka_unit_test(test_syscall_numbers),
		cmocka_unit_test(test_fd_paths),
		cmocka_unit_test(test_sockets_yy),
		cmocka_unit_test(test_align_column),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_status_filters),
		cmocka_unit_test(test_signal_filter),
		cmocka_unit_test(test_trace_path),
		cmocka_unit_test(test_raw_verbose_abbrev),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests_name("integration: output controls",
					   tests, NULL, NULL);
}
