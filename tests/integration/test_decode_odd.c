/* strace's rules for odd values: runs tests/programs/decode_odd and
 * decode_tail, which make calls with odd arguments and print the line
 * expected for each, under mytrace (abbreviated and -X raw) and asserts
 * every printed line is traced. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

/* A copy of text with the padding before " = " cut to one space, as the
 * program prints its lines unpadded. */
static char *unpad(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	assert_non_null(out);
	for (const char *p = text; *p;) {
		const char *q = p;

		while (*q == ' ')
			q++;
		if (q - p > 1 && q[0] == '=' && q[1] == ' ') {
			*o++ = ' ';
			p = q;
			continue;
		}
		*o++ = *p++;
	}
	*o = 0;
	return out;
}

static void check_program_lines(const char *prog, const char *xlat,
				const char *mode)
{
	const char *args[] = { "-e", "inject=prctl:retval=0", xlat,
			       test_program(prog), mode, NULL };
	struct run_result r;
	char *trace, *line, *save = NULL;
	int n = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	trace = unpad(r.trace);
	for (line = strtok_r(r.out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), n++)
		assert_has_line(trace, line);
	assert_true(n > 10);
	free(trace);
	run_result_free(&r);
}

static void test_odd_values(void **state)
{
	check_program_lines("decode_odd", "-Xabbrev", "abbrev");
}

static void test_odd_values_raw(void **state)
{
	check_program_lines("decode_odd", "-Xraw", "raw");
}

/* the long tail of single calls: 64-bit flags, sigset sizes, arrays,
 * arguments that one argument selects, structs */
static void test_tail_values(void **state)
{
	check_program_lines("decode_tail", "-Xabbrev", "abbrev");
}

static void test_tail_values_raw(void **state)
{
	check_program_lines("decode_tail", "-Xraw", "raw");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_odd_values),
		cmocka_unit_test(test_odd_values_raw),
		cmocka_unit_test(test_tail_values),
		cmocka_unit_test(test_tail_values_raw),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
