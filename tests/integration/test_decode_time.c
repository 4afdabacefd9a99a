/* Decoding of the time family: runs tests/programs/decode_time under
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
	"nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0",
	"clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, 0xADDR) = 0",
	"clock_getres(CLOCK_MONOTONIC, {tv_sec=0, tv_nsec=1}) = 0",
	"clock_gettime(0xADDR /* CLOCK_??? */, 0xADDR) = -1 EINVAL (Invalid argument)",
	"clock_gettime(CLOCK_REALTIME, NULL) = -1 EFAULT (Bad address)",
	"setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0",
	"getitimer(ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0",
	"timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3",
	"timerfd_settime(3, 0, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=2, tv_nsec=500}}, NULL) = 0",
	"close(3) = 0",
	"gettimeofday(NULL, NULL) = 0",
	NULL,
};

static void test_decode_time(void **state)
{
	const char *args[] = { test_program("decode_time"), NULL };

	assert_traced_lines(args, expected);
}

/* The time left of a sleep a signal cut short, as the program saw it. */
static void test_interrupted_sleep(void **state)
{
	const char *args[] = { "-e", "trace=nanosleep", "-e", "signal=none",
			       test_program("interrupted_sleep"), NULL };
	struct run_result r;
	char *line, *nl;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	line = strstr(r.out, "nanosleep({tv_sec=0, tv_nsec=999999999}");
	assert_non_null(line);
	nl = strchr(line, '\n');
	assert_non_null(nl);
	*nl = 0;
	assert_has_line(r.trace, line);
	run_result_free(&r);
}

/* A sleep cut short by an ignored signal goes on in restart_syscall(2),
 * which names the call it resumes when that call was traced. */
static void test_resumed_sleep(void **state)
{
	const char *args[] = { "-e", "trace=restart_syscall,nanosleep", "-e",
			       "signal=none", test_program("interrupted_sleep"),
			       "ignored", NULL };
	struct run_result r;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "restart_syscall(<... resuming interrupted "
			"nanosleep ...>) = 0");
	run_result_free(&r);
	args[1] = "trace=restart_syscall";
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "restart_syscall(<... resuming interrupted "
			"system call ...>) = 0");
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_time),
		cmocka_unit_test(test_interrupted_sleep),
		cmocka_unit_test(test_resumed_sleep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
