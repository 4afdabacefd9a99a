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

/* Runs tests/programs/NAME (with the argument arg, when not NULL) under
 * mytrace with the options in opts (a NULL-terminated list, at most 6)
 * and checks its lines. */
static void check_program_arg(const char *name, const char *const opts[],
			      const char *arg)
{
	const char *args[9];
	struct run_result r;
	char *trace, *want, *line, *save = NULL;
	unsigned k = 0;
	int n = 0;

	while (opts[k] && k < 6) {
		args[k] = opts[k];
		k++;
	}
	args[k++] = test_program(name);
	if (arg)
		args[k++] = arg;
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

static void check_program_opts(const char *name, const char *const opts[])
{
	check_program_arg(name, opts, NULL);
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

static void test_sockaddr(void **state)
{
	check_program("decode_sockaddr");
}

static void test_mqueue(void **state)
{
	check_program("decode_mqueue");
}

static void test_verbose_arrays(void **state)
{
	const char *opts[] = { "-v", "-e", "trace=writev", NULL };

	check_program_opts("decode_verbose_arrays", opts);
}

/* packet_mreq's address, socket filters (-v) and socket addresses in
 * each -X style */
static void test_net_xlat(void **state)
{
	static const char *const styles[] = { "abbrev", "raw", "verbose" };

	for (unsigned i = 0; i < 3; i++) {
		const char *opts[] = { "-v", "-X", styles[i], "-e",
				       "trace=setsockopt,connect", NULL };

		check_program_arg("decode_net_xlat", opts, styles[i]);
	}
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

/* -y: the descriptors in a rule */
static void test_landlock(void **state)
{
	const char *opts[] = { "-y", "-e", "trace=/^landlock_", NULL };

	check_program_opts("decode_landlock", opts);
}

static void test_io_uring(void **state)
{
	const char *opts[] = { "-y", "-e", "trace=/^io_uring_", NULL };

	check_program_opts("decode_io_uring", opts);
}

static void test_bpf_attr(void **state)
{
	const char *opts[] = { "-v", "-e", "trace=bpf", NULL };

	check_program_opts("decode_bpf", opts);
}

/* -v: a filter's instructions */
static void test_seccomp_filter(void **state)
{
	const char *opts[] = { "-v", "-e", "trace=seccomp,prctl", NULL };

	check_program_opts("decode_seccomp_filter", opts);
}

static void test_perf(void **state)
{
	const char *opts[] = { "-e", "trace=perf_event_open", NULL };

	check_program_opts("decode_perf", opts);
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
		cmocka_unit_test(test_sockaddr),
		cmocka_unit_test(test_mqueue),
		cmocka_unit_test(test_verbose_arrays),
		cmocka_unit_test(test_net_xlat),
		cmocka_unit_test(test_openat2),
		cmocka_unit_test(test_clone3),
		cmocka_unit_test(test_seccomp),
		cmocka_unit_test(test_iov_dump),
		cmocka_unit_test(test_cmsg),
		cmocka_unit_test(test_quota),
		cmocka_unit_test(test_landlock),
		cmocka_unit_test(test_io_uring),
		cmocka_unit_test(test_bpf_attr),
		cmocka_unit_test(test_seccomp_filter),
		cmocka_unit_test(test_perf),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_ipc),
		cmocka_unit_test(test_ptrace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
