/* How mytrace treats the processes it runs, seen from their side: a
 * child it does not follow is never attached (it can trace its own
 * children), and the command's life when mytrace goes away. */
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

/* What trace_child prints when it traced both of its children. */
#define TRACED_BOTH \
	"PTRACE_TRACEME: ok\n" \
	"traceme child stopped by STOP\n" \
	"traceme child exited with 0\n" \
	"PTRACE_SEIZE: ok\n" \
	"seized child stopped by TRAP\n" \
	"seized child exited with 0\n"

/* r->out without its last line (the getpid line, whose pid varies), and
 * that line checked against the trace. */
static void check_trace_child(const struct run_result *r)
{
	char *last = strrchr(r->out, '\n');
	char *trace = normalize_trace(r->trace);

	assert_non_null(last);
	*last = 0;
	last = strrchr(r->out, '\n');
	assert_non_null(last);
	assert_has_line(trace, last + 1);
	last[1] = 0;
	assert_string_equal(r->out, TRACED_BOTH);
	free(trace);
}

/* Without -f, a filtered trace leaves the children alone: their own
 * PTRACE_TRACEME and their parent's PTRACE_SEIZE work, as untraced. */
static void test_children_left_alone(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=getpid",
			       test_program("trace_child"), NULL };
	const char *asked[] = { "--seccomp-bpf", "-e", "trace=getpid",
				test_program("trace_child"), NULL };

	(void)state;
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.err, "");
	check_trace_child(&r);
	assert_int_equal(count_lines_with_prefix(r.trace, "getpid()"), 1);
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);

	run_traced(&r, asked);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.err, "mytrace: --seccomp-bpf needs "
			    "-f/--follow-forks; tracing without the filter\n");
	check_trace_child(&r);
	run_result_free(&r);
}

/* With -f the children are ours, so their own tracing fails as it does
 * under strace -f: the program's view is the same under both. */
static void test_followed_children_like_strace(void **state)
{
	struct run_result m, s;
	const char *args[] = { "-f", "-e", "trace=getpid",
			       test_program("trace_child"), NULL };

	(void)state;
	if (!have_strace())
		skip();
	run_traced(&m, args);
	run_strace(&s, args);
	assert_int_equal(m.exit_code, 1);
	assert_int_equal(s.exit_code, 1);
	assert_non_null(strstr(m.out, "PTRACE_TRACEME: EPERM\n"));
	*strrchr(m.out, 'g') = 0;	/* "getpid() = PID": differs */
	*strrchr(s.out, 'g') = 0;
	assert_string_equal(m.out, s.out);
	run_result_free(&m);
	run_result_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_children_left_alone),
		cmocka_unit_test(test_followed_children_like_strace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
