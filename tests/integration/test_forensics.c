/* End-to-end tests of the "why did this fail?" tools: the -c summary,
 * -k stack traces, -e inject=/fault=, -e read=/write= dumps and the
 * --failures digest, on programs whose syscalls and failures are known. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

/* The line of text that starts with prefix, as a new string, or NULL. */
static char *line_with_prefix(const char *text, const char *prefix)
{
	size_t len = strlen(prefix);

	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n >= len && strncmp(p, prefix, len) == 0)
			return strndup(p, n);
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

/* The position of the line holding needle, or -1. */
static int line_index(const char *text, const char *needle)
{
	const char *hit = strstr(text, needle);
	int n = 0;

	if (!hit)
		return -1;
	for (const char *p = text; p < hit; p++)
		n += *p == '\n';
	return n;
}

/* --- -c */

static void test_summary_counts(void **state)
{
	struct run_result r;
	const char *args[] = { "-c", "-U", "calls,errors,name", "-S", "calls",
			       "-e", "trace=getppid,chdir,umask",
			       test_program("counts"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.trace,
		"    calls    errors syscall\n"
		"--------- --------- ----------------\n"
		"        7           getppid\n"
		"        3         3 chdir\n"
		"        2           umask\n"
		"--------- --------- ----------------\n"
		"       12         3 total\n");
	run_result_free(&r);
}

/* The default table: strace's header, rules and column widths; the
 * times vary, so only the shape of their cells is checked. */
static void test_summary_default_layout(void **state)
{
	struct run_result r;
	const char *args[] = { "-c", "-e", "trace=getppid,chdir",
			       test_program("counts"), NULL };
	char *row;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "% time     seconds  usecs/call     calls    "
			"errors syscall");
	assert_has_line(r.trace, "------ ----------- ----------- --------- "
			"--------- ----------------");
	row = line_with_prefix(r.trace, "100.00 ");
	assert_non_null(row);
	/* "100.00    0.000000           0        10         3 total": the
	 * time cells widen when a slow machine (an emulator) makes them
	 * large, so the times are parsed rather than counted in columns */
	{
		double seconds;
		unsigned long usecs, calls, errors;
		char name[16];
		int used = 0;

		assert_int_equal(sscanf(row, "100.00 %lf %lu %lu %lu %15s%n",
					&seconds, &usecs, &calls, &errors, name,
					&used), 5);
		assert_int_equal(calls, 10);
		assert_int_equal(errors, 3);
		assert_string_equal(name, "total");
		assert_int_equal(row[used], 0);
		assert_string_equal(row + strlen(row) - 25,
				    "       10         3 total");
		/* the seconds cell is %11.6f, as strace's */
		assert_non_null(strchr(row + 7, '.'));
		assert_int_equal(strspn(strchr(row + 7, '.') + 1,
					 "0123456789"), 6);
	}
	free(row);
	/* the summary alone: no trace line, no exit line */
	assert_null(strstr(r.trace, "getppid()"));
	assert_null(strstr(r.trace, "+++ exited"));
	run_result_free(&r);
}

static void test_summary_with_trace(void **state)
{
	struct run_result r;
	const char *args[] = { "-C", "-U", "calls,name", "-e", "trace=chdir",
			       test_program("counts"), NULL };

	run_traced(&r, args);
	assert_has_line(r.trace, "chdir(\"/nonexistent/mytrace-counts\")    = "
			"-1 ENOENT (No such file or directory)");
	assert_has_line(r.trace, "+++ exited with 0 +++");
	assert_has_line(r.trace, "        3 chdir");
	assert_has_line(r.trace, "        3 total");
	/* the summary comes after the trace */
	assert_true(line_index(r.trace, "+++ exited") <
		    line_index(r.trace, "    calls syscall"));
	run_result_free(&r);
}

static void test_summary_wall_clock_sort_by_name(void **state)
{
	struct run_result r;
	const char *args[] = { "-c", "-w", "-S", "name", "-U",
			       "name,calls,min-time,max-time",
			       "-e", "trace=getppid,chdir,umask",
			       test_program("counts"), NULL };

	run_traced(&r, args);
	assert_has_line(r.trace, "syscall              calls shortest  "
			"longest");
	assert_true(line_index(r.trace, "\nchdir ") <
		    line_index(r.trace, "\ngetppid "));
	assert_true(line_index(r.trace, "\ngetppid ") <
		    line_index(r.trace, "\numask "));
	run_result_free(&r);
}

/* --- -k */

static void test_stack_trace_call_chain(void **state)
{
	struct run_result r;
	const char *args[] = { "-k", "-e", "trace=openat",
			       test_program("callchain"), NULL };
	int open_line, l2, l1, m;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	open_line = line_index(r.trace, "openat(AT_FDCWD, \"/nonexistent/"
			       "mytrace-callchain\", O_RDONLY) = -1 ENOENT");
	l2 = line_index(r.trace, "/callchain(level2+0x");
	l1 = line_index(r.trace, "/callchain(level1+0x");
	m = line_index(r.trace, "/callchain(main+0x");
	assert_true(open_line >= 0);
	assert_int_equal(l2, open_line + 2);
	assert_int_equal(l1, l2 + 1);
	assert_int_equal(m, l1 + 1);
	/* the frame above level2 is libc's open wrapper */
	assert_non_null(strstr(r.trace, "\n > /"));
	assert_non_null(strstr(r.trace, "libc.so.6(__open"));
	run_result_free(&r);
}

/* The line of the trace that holds needle, as a string of its own. */
static char *line_with(const char *text, const char *needle)
{
	const char *at = strstr(text, needle), *start, *end;

	if (!at)
		fail_msg("no '%s' in:\n%s", needle, text);
	for (start = at; start > text && start[-1] != '\n'; start--)
		;
	end = strchrnul(at, '\n');
	return strndup(start, end - start);
}

/* The frame line ends with "] FILE:LINE", the line srcline prints that
 * its code is at. */
static void assert_frame_source(const char *frame, const char *expect)
{
	size_t fl = strlen(frame), el = strlen(expect);

	if (fl < el + 2 || strcmp(frame + fl - el, expect) ||
	    strncmp(frame + fl - el - 2, "] ", 2))
		fail_msg("frame '%s' does not end with '] %s'", frame, expect);
}

/* -kk (strace 6.8): each frame with a symbol also shows its source
 * file:line, read from the DWARF line table. */
static void test_stack_trace_source(void **state)
{
	struct run_result r, k;
	const char *args[] = { "-kk", "--stack-trace-frame-limit=2", "-e",
			       "trace=openat", test_program("srcline"), NULL };
	const char *plain[] = { "-k", "-e", "trace=openat",
				test_program("srcline"), NULL };
	char *open_at, *call_at, *frame;
	int open_line;

	run_mytrace_raw(&r, (const char *[]){ "-kk", "true", NULL });
	if (strstr(r.err, "built without libdw")) {
		run_result_free(&r);
		skip();
	}
	run_result_free(&r);
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	open_at = strndup(r.out, strcspn(r.out, "\n"));
	call_at = strdup(r.out + strlen(open_at) + 1);
	call_at[strcspn(call_at, "\n")] = 0;
	open_line = line_index(r.trace, "openat(AT_FDCWD, \"/nonexistent/"
			       "mytrace-srcline\", O_RDONLY) = -1 ENOENT");
	assert_true(open_line >= 0);
	/* two frames: libc's wrapper, then inner() at its open() line */
	assert_int_equal(line_index(r.trace, "/srcline(inner+0x"),
			 open_line + 2);
	assert_true(line_index(r.trace, "/srcline(main+0x") < 0);
	frame = line_with(r.trace, "/srcline(inner+0x");
	assert_frame_source(frame, open_at);
	free(frame);
	run_result_free(&r);

	/* without the limit main() shows the line that calls inner() */
	run_traced(&r, (const char *[]){ "--stack-trace=source", "-e",
		   "trace=openat", test_program("srcline"), NULL });
	frame = line_with(r.trace, "/srcline(main+0x");
	assert_frame_source(frame, call_at);
	free(frame);
	run_result_free(&r);

	/* -k alone: the frame ends at its offset */
	run_traced(&k, plain);
	frame = line_with(k.trace, "/srcline(inner+0x");
	assert_int_equal(frame[strlen(frame) - 1], ']');
	free(frame);
	run_result_free(&k);
	free(open_at);
	free(call_at);
}

static void test_stack_trace_on_signal(void **state)
{
	struct run_result r;
	const char *args[] = { "-k", "-e", "trace=none", test_program("segv"),
			       NULL };
	int sig, main_frame;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 128 + 11);
	sig = line_index(r.trace, "--- SIGSEGV {si_signo=SIGSEGV");
	main_frame = line_index(r.trace, "/segv(main+0x");
	assert_true(sig >= 0);
	assert_int_equal(main_frame, sig + 1);
	run_result_free(&r);
}

static void test_stack_trace_without_unwind_info(void **state)
{
	struct run_result r;
	const char *args[] = { "-k", "-e", "trace=write",
			       test_program("nounwind"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "x\n");
	assert_has_line(r.trace, "write(1, \"x\\n\", 2)                      = 2");
	/* at least the frame in libc; the stripped binary by address */
	assert_true(count_lines_with_prefix(r.trace, " > ") >= 1);
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
}

/* --- -e inject= / fault= */

static void run_probe(struct run_result *r, const char *spec1,
		      const char *spec2)
{
	const char *args[] = { "-e", "trace=openat,getppid", "-e", spec1,
			       spec2 ? "-e" : NULL, spec2,
			       NULL };
	const char *full[8];
	size_t n = 0;

	for (size_t i = 0; args[i]; i++)
		full[n++] = args[i];
	full[n++] = test_program("inject_probe");
	full[n] = NULL;
	run_traced(r, full);
	assert_int_equal(r->exit_code, 0);
}

static void test_inject_error_third(void **state)
{
	struct run_result r;

	run_probe(&r, "inject=openat:error=EACCES:when=3", NULL);
	assert_string_equal(r.out,
		"open 1: fd\nopen 2: fd\nopen 3: EACCES\nopen 4: fd\n"
		"open 5: fd\ngetppid 1: real\ngetppid 2: real\n"
		"getppid 3: real\nSIGUSR1: 0\n");
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = "
			"-1 EACCES (Permission denied) (INJECTED)");
	assert_int_equal(count_lines_with_prefix(r.trace, "openat("), 5);
	run_result_free(&r);
}

static void test_inject_retval_and_range(void **state)
{
	struct run_result r;

	run_probe(&r, "inject=openat:error=EPERM:when=2..4+2",
		  "inject=getppid:retval=42:when=2+");
	assert_string_equal(r.out,
		"open 1: fd\nopen 2: EPERM\nopen 3: fd\nopen 4: EPERM\n"
		"open 5: fd\ngetppid 1: real\ngetppid 2: 42\n"
		"getppid 3: 42\nSIGUSR1: 0\n");
	assert_int_equal(count_lines_with_prefix(r.trace,
		"getppid()                               = 42 (INJECTED)"), 2);
	run_result_free(&r);
}

static void test_inject_signal(void **state)
{
	struct run_result r;

	run_probe(&r, "inject=getppid:signal=SIGUSR1:when=3", NULL);
	assert_non_null(strstr(r.out, "getppid 3: real\nSIGUSR1: 1\n"));
	assert_int_equal(count_lines_with_prefix(r.trace, "--- SIGUSR1 "), 1);
	run_result_free(&r);
}

static void test_fault_default_enosys(void **state)
{
	struct run_result r;

	run_probe(&r, "fault=openat:when=5", NULL);
	assert_non_null(strstr(r.out, "open 4: fd\nopen 5: ENOSYS\n"));
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = "
			"-1 ENOSYS (Function not implemented) (INJECTED)");
	run_result_free(&r);
}

static void test_inject_class_and_delay(void **state)
{
	struct run_result r;

	/* the third %file call: after execve and the static startup's
	 * readlink, the first openat */
	run_probe(&r, "inject=%file:retval=7:delay_exit=1:when=3", NULL);
	assert_non_null(strstr(r.out, "open 1: fd\nopen 2: fd\n"));
	assert_int_equal(count_lines_with_prefix(r.trace,
		"openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 7 (INJECTED) "
		"(DELAYED)"), 1);
	run_result_free(&r);
}

/* A delay holds only its own thread: the parent waits out a 1000 s
 * delay_enter in getuid while its traced child runs, sees it there and
 * kills it (under the seccomp filter and without it; strace's "delay"
 * test in the same spirit). A tracer that slept through the delay would
 * never let the child reach its kill. */
static void test_delay_holds_one_thread(void **state)
{
	for (int filtered = 0; filtered < 2; filtered++) {
		const char *args[] = { "-f", filtered ? "--seccomp-bpf" :
				       "--no-seccomp-bpf", "-e",
				       "trace=getuid,kill", "-e",
				       "inject=getuid:delay_enter=1000s",
				       test_program("delay_hold"), NULL };
		struct run_result r;

		run_traced(&r, args);
		assert_int_equal(r.exit_code, 128 + 9);
		assert_string_equal(r.out, "parent held in getuid\n");
		assert_non_null(strstr(r.trace, "getuid("));
		assert_non_null(strstr(r.trace, "+++ killed by SIGKILL +++"));
		run_result_free(&r);
	}
}

/* --- -e read= / write= */

static void test_io_dumps(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=read,write", "-e", "read=10",
			       "-e", "write=11,1", test_program("io_dump"),
			       NULL };
	static const char dump[] =
		" | 00000  64 75 6d 70 20 6d 65 09  70 6c 65 61 73 65 01 02  "
		"dump me.please.. |\n"
		" | 00010  ff 0a 21 21                                       "
		"..!!             |\n";
	char *expected = NULL;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_true(asprintf(&expected,
		"write(11, \"dump me\\tplease\\1\\2\\377\\n!!\", 20) = 20\n%s"
		"read(10, \"dump me\\tplease\\1\\2\\377\\n!!\", 64) = 20\n%s"
		"write(1, \"hello\\n\", 6)                  = 6\n"
		" | 00000  68 65 6c 6c 6f 0a                                 "
		"hello.           |\n", dump, dump) > 0);
	if (!strstr(r.trace, expected))
		fail_msg("expected:\n%s\nin:\n%s", expected, r.trace);
	free(expected);
	run_result_free(&r);
}

/* --- --failures */

static void test_failures_digest(void **state)
{
	struct run_result r;
	const char *args[] = { "--failures", "-e", "trace=none",
			       test_program("config_search"), NULL };
	char *head, *first;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 2);
	head = line_with_prefix(r.trace, "--- failures: ");
	assert_non_null(head);
	assert_non_null(strstr(head, "the command exited with 2; likeliest "
			       "cause first ---"));
	first = line_with_prefix(r.trace, "1. ");
	assert_non_null(first);
	assert_non_null(strstr(first, "1. openat(\"/nonexistent/mytrace-test/"
			       "app.conf\") = -1 ENOENT (No such file or "
			       "directory): 1x, first at "));
	assert_non_null(strstr(first, "; never found; just before the "
			       "failing exit"));
	/* the other config paths come next; the search that succeeded and
	 * the isatty() probe are not among the suspects */
	assert_non_null(strstr(r.trace, "\n2. openat(\"/usr/local/etc/"));
	assert_non_null(strstr(r.trace, "\n3. openat(\"/etc/mytrace-test/"));
	assert_null(strstr(r.trace, "passwd\") = -1"));
	assert_null(strstr(r.trace, "ENOTTY"));
	assert_has_line(r.trace, "... and 3 more groups, less likely");
	free(head);
	free(first);
	run_result_free(&r);
}

/* -ff -o FILE --failures: no shared output, so the digest goes to
 * stderr, and each process's trace to its own file */
static void test_failures_with_ff(void **state)
{
	struct run_result r;
	char dir[] = "/tmp/mytrace-ff-XXXXXX", out[64], cmd[128];
	const char *args[] = { "-ff", "-o", out, "--failures",
			       test_program("config_search"), NULL };

	assert_non_null(mkdtemp(dir));
	snprintf(out, sizeof(out), "%s/x", dir);
	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 2);
	assert_int_equal(count_lines_with_prefix(r.err, "--- failures: "), 1);
	assert_int_equal(count_lines_with_prefix(r.err,
		"1. openat(\"/nonexistent/mytrace-test/app.conf\") = -1 ENOENT"),
		1);
	run_result_free(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* -q --failures without -e trace=: the digest replaces the trace */
static void test_failures_quiet(void **state)
{
	struct run_result r;
	const char *args[] = { "-q", "--failures",
			       test_program("config_search"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 2);
	assert_int_equal(count_lines_with_prefix(r.trace, "openat("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "execve("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "--- failures: "), 1);
	assert_int_equal(count_lines_with_prefix(r.trace,
		"1. openat(\"/nonexistent/mytrace-test/app.conf\") = -1 ENOENT"), 1);
	run_result_free(&r);
}

static void test_failures_with_stack(void **state)
{
	struct run_result r;
	const char *args[] = { "--failures", "-k", "-e", "trace=none",
			       test_program("callchain"), NULL };
	int first, level2;

	run_traced(&r, args);
	first = line_index(r.trace, "1. openat(\"/nonexistent/"
			   "mytrace-callchain\")");
	level2 = line_index(r.trace, "/callchain(level2+0x");
	assert_true(first >= 0);
	assert_int_equal(level2, first + 2);
	assert_non_null(strstr(r.trace, "\n   > /"));
	run_result_free(&r);
}

/* --- bad input */

static void expect_error(const char *const args[], const char *message)
{
	struct run_result r;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 1);
	if (!strstr(r.err, message))
		fail_msg("expected '%s' in:\n%s", message, r.err);
	assert_null(strchr(strchr(r.err, '\n') + 1, '\n'));
	run_result_free(&r);
}

static void test_bad_input(void **state)
{
	static const char *const cases[][3] = {
		{ "-e", "inject=openat:error=EFOO",
		  "mytrace: invalid inject argument 'openat:error=EFOO': "
		  "unknown error 'EFOO'" },
		{ "-e", "inject=openat:error=EIO:when=0",
		  "when= first must be 1..65535, not '0'" },
		{ "-e", "inject=openat:delay_enter=-5", "bad delay '-5'" },
		{ "-e", "inject=openat:error=EIO:retval=1",
		  "only one of error= and retval= may be given" },
		{ "-e", "inject=openat", "one of error=, retval=" },
		{ "-e", "fault=openat:retval=1", "fault= takes only error=" },
		{ "-e", "inject=openat:error=EIO:when=3..2",
		  "bad when= range '3..2'" },
		{ "-e", "inject=openat:signal=SIGFOO",
		  "unknown signal 'SIGFOO'" },
		{ "-e", "read=x", "mytrace: invalid descriptor 'x'" },
		{ "-e", "write=1,all", "mytrace: invalid descriptor 'all'" },
		{ "-e", "read=!,", "mytrace: invalid descriptor '!,'" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *args[] = { cases[i][0], cases[i][1], "true",
				       NULL };

		expect_error(args, cases[i][2]);
	}
	/* strace's words, and its hint */
	assert_usage_error((const char *[]){ "-S", "bogus", "true", NULL },
			   "mytrace: invalid sortby: 'bogus'\n"
			   "Try 'mytrace -h' for more information.\n");
	assert_usage_error((const char *[]){ "-U", "calls,bogus", "true",
			   NULL }, "mytrace: unknown column name: 'bogus'\n"
			   "Try 'mytrace -h' for more information.\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_counts),
		cmocka_unit_test(test_summary_default_layout),
		cmocka_unit_test(test_summary_with_trace),
		cmocka_unit_test(test_summary_wall_clock_sort_by_name),
		cmocka_unit_test(test_stack_trace_call_chain),
		cmocka_unit_test(test_stack_trace_source),
		cmocka_unit_test(test_stack_trace_on_signal),
		cmocka_unit_test(test_stack_trace_without_unwind_info),
		cmocka_unit_test(test_inject_error_third),
		cmocka_unit_test(test_inject_retval_and_range),
		cmocka_unit_test(test_inject_signal),
		cmocka_unit_test(test_fault_default_enosys),
		cmocka_unit_test(test_inject_class_and_delay),
		cmocka_unit_test(test_delay_holds_one_thread),
		cmocka_unit_test(test_io_dumps),
		cmocka_unit_test(test_failures_digest),
		cmocka_unit_test(test_failures_quiet),
		cmocka_unit_test(test_failures_with_ff),
		cmocka_unit_test(test_failures_with_stack),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
