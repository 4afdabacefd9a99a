/* Decoding checked by the traced programs themselves: each program in
 * tests/programs/decode_<family>.c makes its calls and prints on stdout
 * the line mytrace must print for each; every such line must be in the
 * trace (addresses masked, alignment normalized on both sides). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

/* Runs tests/programs/NAME under mytrace with the options in opts (a
 * NULL-terminated list, at most 6) and checks its lines. */
static void check_program_opts(const char *name, const char *const opts[])
{
	const char *args[8];
	struct run_result r;
	char *trace, *want, *line, *save = NULL;
	unsigned k = 0;
	int n = 0;

	while (opts[k] && k < 6) {
		args[k] = opts[k];
		k++;
	}
	args[k++] = test_program(name);
	args[k] = NULL;
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	trace = normalize_trace(r.trace);
	want = normalize_trace(r.out);
	for (line = strtok_r(want, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), n++)
		assert_has_line(trace, line);
	assert_true(n > 0);
	free(want);
	free(trace);
	run_result_free(&r);
}

static void check_program(const char *name)
{
	const char *none[] = { NULL };

	check_program_opts(name, none);
}

static void test_sockopt(void **state)
{
	check_program("decode_sockopt");
}

static void test_openat2(void **state)
{
	check_program("decode_openat2");
}

static void test_clone3(void **state)
{
	check_program("decode_clone3");
}

static void test_seccomp(void **state)
{
	check_program("decode_seccomp");
}

static void test_cmsg(void **state)
{
	check_program("decode_cmsg");
}

static void test_quota(void **state)
{
	check_program("decode_quota");
}

static void test_keys(void **state)
{
	const char *opts[] = { "-s", "10", NULL };

	check_program_opts("decode_keys", opts);
}

static void test_ipc(void **state)
{
	check_program("decode_ipc");
}

static void test_ptrace(void **state)
{
	check_program("decode_ptrace");
}

static void test_iov_dump(void **state)
{
	const char *opts[] = { "-e", "read=10", "-e", "write=11", NULL };

	check_program_opts("decode_iov_dump", opts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sockopt),
		cmocka_unit_test(test_openat2),
		cmocka_unit_test(test_clone3),
		cmocka_unit_test(test_seccomp),
		cmocka_unit_test(test_iov_dump),
		cmocka_unit_test(test_cmsg),
		cmocka_unit_test(test_quota),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_ipc),
		cmocka_unit_test(test_ptrace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
