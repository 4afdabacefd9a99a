/* Decoding of reboot, the keyring calls and time(2): runs
 * tests/programs/decode_admin under mytrace and asserts the exact lines
 * (addresses masked, alignment normalized), and the time line the
 * program printed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static const char *const expected[] = {
	"reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_CAD_OFF) = -1 EINVAL (Invalid argument)",
	"reboot(LINUX_REBOOT_MAGIC1, 0xADDR /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2, \"again\") = -1 EINVAL (Invalid argument)",
	"add_key(NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)",
	"request_key(NULL, NULL, NULL, 12345) = -1 EFAULT (Bad address)",
	NULL,
};

static void test_decode_admin(void **state)
{
	const char *args[] = { test_program("decode_admin"), NULL };
	struct run_result r;
	char *norm, *nl;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	norm = normalize_trace(r.trace);
	assert_all_lines(norm, expected);
	free(norm);
	/* time(2) where the architecture has it (not aarch64) */
	if (*r.out) {
		nl = strchr(r.out, '\n');
		assert_non_null(nl);
		*nl = 0;
		assert_has_line(r.trace, r.out);
	}
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_admin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
