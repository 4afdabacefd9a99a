/* Integration tests of what the --failures digest answers for a CI step:
 * it follows a script's children, ranks the failure of the process whose
 * status became the command's first, names processes by comm, and shows
 * the last words of the processes that failed. */
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

/* The line of text that starts with prefix, or NULL. */
static const char *line_at(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = text; p && *p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, prefix, n) == 0)
			return p;
	}
	return NULL;
}

static size_t line_len(const char *line)
{
	const char *nl = strchr(line, '\n');

	return nl ? (size_t)(nl - line) : strlen(line);
}

/* Whether the line of text starting with prefix holds needle. */
static bool line_holds(const char *text, const char *prefix,
		       const char *needle)
{
	const char *line = line_at(text, prefix);
	char *copy;
	bool found;

	if (!line)
		return false;
	copy = strndup(line, line_len(line));
	found = strstr(copy, needle) != NULL;
	free(copy);
	return found;
}

/* A script whose child fails: without -f on the command line, the digest
 * still sees the child, ranks its failure first, says the shell passed
 * its status on, and ends with the child's error message. The explicit
 * exit keeps a busybox sh (the arm64 guest) from running cat in its own
 * place. */
static void test_script_child_failure(void **state)
{
	struct run_result r;
	const char *args[] = { "-q", "--failures", "/bin/sh", "-c",
			       "/bin/cat /nonexistent/mytrace-digest; exit $?",
			       NULL };

	run_traced(&r, args);
	/* the command's own view: cat's message and status */
	assert_int_equal(r.exit_code, 1);
	assert_non_null(strstr(r.err, "/nonexistent/mytrace-digest"));
	assert_true(line_holds(r.trace, "--- failures: ",
			       "; the command exited with 1, passed on from "
			       "cat ["));
	assert_true(line_holds(r.trace, "1. ", "(\"/nonexistent/"
			       "mytrace-digest\") = -1 ENOENT (No such file "
			       "or directory): 1x, first at "));
	assert_true(line_holds(r.trace, "1. ", " in cat ["));
	assert_true(line_holds(r.trace, "1. ", "; in the process that failed "
			       "the command; never found; just before the "
			       "failing exit"));
	assert_true(line_holds(r.trace, "last words of cat [",
			       "], which exited with 1:"));
	/* GNU cat or busybox cat: both name the file on stderr */
	assert_true(line_holds(r.trace, "  2> \"", "cat: "));
	assert_true(line_holds(r.trace, "  2> \"", "/nonexistent/"
			       "mytrace-digest"));
	run_result_free(&r);
}

/* Nothing fails in a child that exits 0, and a process that exits 0 has
 * no last words; the script's own exit status is nobody else's. */
static void test_own_exit_status(void **state)
{
	struct run_result r;
	const char *args[] = { "-q", "--failures", "/bin/sh", "-c",
			       "/bin/echo hello; exit 3", NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 3);
	assert_string_equal(r.out, "hello\n");
	assert_true(line_holds(r.trace, "--- failures: ",
			       "; the command exited with 3"));
	assert_false(line_holds(r.trace, "--- failures: ", "passed on"));
	assert_null(line_at(r.trace, "last words of "));
	run_result_free(&r);
}

/* No failed call names a missing Python module: the digest shows the
 * error Python printed. */
static void test_python_last_words(void **state)
{
	struct run_result r;
	const char *python = "/usr/bin/python3";
	const char *args[] = { "-q", "--failures", python, "-c",
			       "import mytrace_no_such_module", NULL };

	if (access(python, X_OK) != 0)
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 1);
	assert_non_null(strstr(r.err, "ModuleNotFoundError"));
	assert_true(line_holds(r.trace, "last words of python3 [",
			       "], which exited with 1:"));
	assert_has_line(r.trace, "  2> \"ModuleNotFoundError: No module named"
			" 'mytrace_no_such_module'\\n\"");
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_child_failure),
		cmocka_unit_test(test_own_exit_status),
		cmocka_unit_test(test_python_last_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
