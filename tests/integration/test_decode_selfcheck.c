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

static void check_program(const char *name)
{
	const char *args[] = { test_program(name), NULL };
	struct run_result r;
	char *trace, *want, *line, *save = NULL;
	int n = 0;

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sockopt),
		cmocka_unit_test(test_openat2),
		cmocka_unit_test(test_clone3),
		cmocka_unit_test(test_seccomp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
