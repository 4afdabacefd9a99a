/* Decoding of the process family: runs tests/programs/decode_process under
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

#include "harness.h"

static const char *const expected[] = {
	"close_range(3, 4294967295, 0) = 0",
	"prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4*1024}, NULL) = 0",
	"getrlimit(RLIMIT_CORE, {rlim_cur=0, rlim_max=RLIM64_INFINITY}) = 0",
	"setrlimit(RLIMIT_STACK, {rlim_cur=0, rlim_max=RLIM64_INFINITY}) = 0",
	"prctl(PR_SET_NAME, \"decode\") = 0",
	"prctl(PR_GET_NAME, \"decode\") = 0",
	"prctl(PR_SET_PDEATHSIG, SIGTERM) = 0",
	"prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0",
	"capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = 0",
	"sched_getscheduler(0) = 0 (SCHED_OTHER)",
	"sched_getparam(0, [0]) = 0",
	"sched_setscheduler(0, SCHED_OTHER, [0]) = 0",
	"sched_get_priority_max(SCHED_FIFO) = 99",
	"sched_yield() = 0",
	"getresuid([0], [0], [0]) = 0",
	"setresgid(-1, -1, -1) = 0",
	"setfsuid(-1) = 0",
	"getgroups(0, NULL) = 0",
	"setpgid(0, 0) = 0",
	"getpriority(PRIO_PROCESS, 0) = 20",
	"personality(0xADDR) = 0 (PER_LINUX)",
	"kill(0, 0) = 0",
	"wait4(-1, 0xADDR, WNOHANG, NULL) = -1 ECHILD (No child processes)",
	NULL,
};

static void test_decode_process(void **state)
{
	const char *args[] = { test_program("decode_process"), NULL };

	assert_traced_lines(args, expected);
}

/* execve's vectors that run into an unmapped page before a terminator:
 * the readable part, then where the reading stopped (the program prints
 * the line, since only it knows its addresses). */
static void test_unterminated_vectors(void **state)
{
	const char *args[] = { "-e", "trace=execve",
			       test_program("exec_unterminated"), NULL };
	struct run_result r;
	char *nl;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	nl = strchr(r.out, '\n');
	assert_non_null(nl);
	*nl = 0;
	assert_non_null(strstr(r.out, "... /* 0x"));
	assert_has_line(r.trace, r.out);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_process),
		cmocka_unit_test(test_unterminated_vectors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
