/* End-to-end tests of the i386 personality on x86_64 (built only there): a
 * 32-bit program is announced as strace does and its calls are named and
 * decoded with the i386 table, its own calls too; -e trace= selects them
 * by name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static const char *hello32(void)
{
	return test_program("i386/hello32");
}

/* Whether this kernel runs 32-bit programs at all: some x86_64 kernels
 * and virtual machines refuse them (execve fails with ENOEXEC), and
 * then there is no i386 personality to trace. */
static void skip_without_32bit(void)
{
	static int runs = -1;

	if (runs < 0) {
		const char *argv[] = { hello32(), NULL };
		struct run_result r;

		run_command(&r, argv);
		runs = r.exit_code == 3;
		if (!runs)
			fprintf(stderr, "this kernel does not run 32-bit "
				"programs (exit code %d): skipped\n",
				r.exit_code);
		run_result_free(&r);
	}
	if (!runs)
		skip();
}

/* The pid the program wrote: "hello32 pid=N\n". */
static int written_pid(const struct run_result *r)
{
	int pid = 0;

	assert_int_equal(sscanf(r->out, "hello32 pid=%d\n", &pid), 1);
	return pid;
}

static void assert_linef(const char *text, const char *fmt, ...)
{
	char *line = NULL;
	va_list ap;

	va_start(ap, fmt);
	assert_true(vasprintf(&line, fmt, ap) > 0);
	va_end(ap);
	assert_has_line(text, line);
	free(line);
}

/* "CALL = RET" with CALL padded as the text format pads it */
static void assert_callf(const char *text, const char *ret, const char *fmt,
			 ...)
{
	char *call = NULL;
	va_list ap;

	va_start(ap, fmt);
	assert_true(vasprintf(&call, fmt, ap) > 0);
	va_end(ap);
	assert_linef(text, "%-39s = %s", call, ret);
	free(call);
}

static void test_announced_and_decoded(void **state)
{
	const char *args[] = { "-s", "4096", hello32(), NULL };
	struct run_result r;
	char *second, len[24];
	int pid;

	skip_without_32bit();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 3);
	pid = written_pid(&r);
	/* the execve returns in 64-bit mode; the announcement comes next */
	second = strchr(r.trace, '\n');
	assert_non_null(second);
	assert_linef(r.trace, "[ Process PID=%d runs in 32 bit mode. ]", pid);
	assert_int_equal(strncmp(second + 1, "[ Process PID=", 14), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "[ Process PID="), 1);
	snprintf(len, sizeof(len), "%zu", strlen(r.out));
	assert_callf(r.trace, len, "write(1, \"hello32 pid=%d\\n\", %s)",
		     pid, len);
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/nonexistent/mytrace-32\", "
			"O_RDONLY|O_LARGEFILE) = -1 ENOENT (No such file or "
			"directory)");
	/* glibc's two getpid calls and the int 0x80 one */
	assert_linef(r.trace, "getpid()                                = %d",
		     pid);
	assert_int_equal(count_lines_with_prefix(r.trace, "getpid()"), 3);
	assert_has_line(r.trace, "exit_group(3)                           = ?");
	assert_has_line(r.trace, "+++ exited with 3 +++");
	run_result_free(&r);
}

/* i386's write is 4, x86_64's stat: the set must follow the name */
static void test_trace_set_by_name(void **state)
{
	const char *args[] = { "-e", "trace=write,getpid", hello32(), NULL };
	const char *none[] = { "-e", "trace=none", hello32(), NULL };
	struct run_result r;
	int pid;

	skip_without_32bit();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 3);
	pid = written_pid(&r);
	assert_linef(r.trace, "[ Process PID=%d runs in 32 bit mode. ]", pid);
	assert_int_equal(count_lines_with_prefix(r.trace, "write(1, "), 1);
	assert_int_equal(count_lines_with_prefix(r.trace, "getpid()"), 3);
	assert_int_equal(count_lines_with_prefix(r.trace, "openat("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "brk("), 0);
	run_result_free(&r);

	/* as strace, the announcement even when no call is shown */
	run_traced(&r, none);
	pid = written_pid(&r);
	assert_linef(r.trace, "[ Process PID=%d runs in 32 bit mode. ]", pid);
	assert_has_line(r.trace, "+++ exited with 3 +++");
	assert_int_equal(count_lines_with_prefix(r.trace, "write("), 0);
	run_result_free(&r);
}

/* The calls only the i386 table has are decoded, each as the program
 * says (mmap2's offset in bytes, 32-bit ids, the 64-bit timespec of the
 * *_time64 calls), and those whose structs are laid out alike in both
 * personalities (uname, getdents64). */
static void test_i386_only_calls(void **state)
{
	const char *args[] = { test_program("i386/calls32"), NULL };
	struct run_result r;
	int lines = 0;

	skip_without_32bit();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	for (char *line = r.out, *nl; (nl = strchr(line, '\n'));
	     line = nl + 1) {
		char *tab;

		*nl = 0;
		tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = 0;
		assert_callf(r.trace, tab + 1, "%s", line);
		lines++;
	}
	assert_int_equal(lines, 6);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_announced_and_decoded),
		cmocka_unit_test(test_trace_set_by_name),
		cmocka_unit_test(test_i386_only_calls),
	};

	return cmocka_run_group_tests_name("integration: i386 personality",
					   tests, NULL, NULL);
}
