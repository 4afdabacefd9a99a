/* Decoding of the signal family: runs tests/programs/decode_signal under
 * mytrace and asserts the exact lines strace 6.1 prints for the same calls
 * (addresses masked, alignment normalized). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arch_expect.h"
#include "harness.h"

static const char *const expected[] = {
	"close_range(3, 4294967295, 0) = 0",
	"rt_sigaction(SIGUSR1, {sa_handler=0xADDR, sa_mask=[TERM], "
	EXPECT_SA_RESTART_TAIL ", NULL, 8) = 0",
	"rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8) = 0",
	"rt_sigprocmask(SIG_SETMASK, NULL, [INT TERM], 8) = 0",
	"sigaltstack(NULL, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0",
	"rt_sigpending([], 8) = 0",
	"rt_sigprocmask(SIG_BLOCK, [USR2], NULL, 8) = 0",
	"signalfd4(-1, [USR2], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 3",
	"rt_sigreturn({mask=[INT USR2 TERM]}) = 0",
	NULL,
};

static void test_decode_signal(void **state)
{
	const char *args[] = { test_program("decode_signal"), NULL };

	assert_traced_lines(args, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_signal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
