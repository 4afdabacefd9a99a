/* End-to-end tests of --format=chrome: the Trace Event Format file of a
 * real process tree parses with python's json and jq, and holds the
 * known calls, execs and exits under the processes' names. */
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

#define CHECKER "tests/tools/check-chrome"

static char *save_temp(const char *text)
{
	char *path = strdup("/tmp/mytrace-test-chrome-XXXXXX");
	int fd = mkstemp(path);
	size_t len = strlen(text);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

static void test_process_tree(void **state)
{
	struct run_result r, c;
	char script[512];
	const char *args[] = { "-f", "--format=chrome", "/bin/sh", "-c",
			       script, NULL };
	const char *jq[] = { "/usr/bin/jq", "-c",
			     "[.traceEvents[] | select(.ph == \"M\") | "
			     ".name] | unique", NULL, NULL };
	const char *check[] = { CHECKER, NULL, NULL };
	char *path;

	snprintf(script, sizeof(script), "%s; /bin/cat /nope; exit 1",
		 test_program("write_hello"));
	run_traced(&r, args);
	if (r.exit_code == 1 && strstr(r.err, "invalid option"))
		skip();
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.out, "hello\n");
	path = save_temp(r.trace);
	check[1] = path;
	run_command(&c, check);
	if (c.exit_code != 0)
		fail_msg("check-chrome failed:\n%s%s", c.out, c.err);
	/* the call, in the process the metadata names, with its line */
	assert_has_line(c.out, "write in write_hello desc 6 True "
			"write(1, \"hello\\n\", 6) = 6");
	assert_has_line(c.out, "openat in cat ENOENT -2");
	assert_has_line(c.out, "exec in write_hello write_hello ");
	assert_has_line(c.out, "exec in cat cat ");
	assert_has_line(c.out, "exited in write_hello write_hello 0");
	assert_has_line(c.out, "exited in cat cat 1");
	assert_has_line(c.out, "exited in sh sh 1");
	run_result_free(&c);
	jq[3] = path;
	run_command(&c, jq);
	assert_int_equal(c.exit_code, 0);
	assert_string_equal(c.out, "[\"process_name\",\"thread_name\"]\n");
	run_result_free(&c);
	unlink(path);
	free(path);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_process_tree),
	};

	return cmocka_run_group_tests_name("integration: --format=chrome",
					   tests, NULL, NULL);
}
