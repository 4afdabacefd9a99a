/* Decoding of netlink messages: tests/programs/decode_netlink sends
 * messages on NETLINK_ROUTE, NETLINK_SOCK_DIAG and NETLINK_NETFILTER
 * sockets, tests/programs/decode_nlattr messages with structs, arrays,
 * nested sets, unreadable attributes and an IPv4 socket diag answer; each prints the line expected
 * for each call; every one must be in mytrace's trace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static void test_decode_netlink(void **state)
{
	const char *args[] = { "-e", "trace=sendto",
			       test_program("decode_netlink"), NULL };
	struct run_result r;
	unsigned lines = 0;
	char *line, *save = NULL;

	run_traced(&r, args);
	if (r.exit_code == 77) {
		run_result_free(&r);
		skip();
	}
	assert_int_equal(r.exit_code, 0);
	for (line = strtok_r(r.out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), lines++)
		assert_has_line(r.trace, line);
	/* five sendto lines, and the netfilter one where the kernel has
	 * netfilter */
	assert_in_range(lines, 5, 6);
	run_result_free(&r);
}

static void test_decode_nlattr(void **state)
{
	const char *args[] = { "-e", "trace=sendto",
			       test_program("decode_nlattr"), NULL };
	struct run_result r;
	unsigned lines = 0;
	char *line, *save = NULL;

	run_traced(&r, args);
	if (r.exit_code == 77) {
		run_result_free(&r);
		skip();
	}
	assert_int_equal(r.exit_code, 0);
	for (line = strtok_r(r.out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), lines++)
		assert_has_line(r.trace, line);
	assert_int_equal(lines, 7);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_netlink),
		cmocka_unit_test(test_decode_nlattr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
