/* mytrace never leaves a process that carries its seccomp filter without
 * a tracer (its filtered calls would fail with ENOSYS): -b execve, each
 * fatal signal, and a closed output pipe, seen from the traced program's
 * side (its output and exit status). Every wait is bounded by timeout. */
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

static char dir[] = "/tmp/mytrace-test-letgo-XXXXXX";

static int setup(void **state)
{
	char path[64];
	FILE *f;

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/host", dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs("myhost\n", f);
	fclose(f);
	setenv("DIR", dir, 1);
	setenv("MT", mytrace_path(), 1);
	setenv("PROG", test_program("late_open"), 1);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void run_script(struct run_result *r, const char *script)
{
	const char *argv[] = { "/bin/sh", "-c", script, NULL };

	run_command(r, argv);
}

/* -b execve with a filtered trace: the program after the detach runs as
 * untraced (no filter left behind), with and without --seccomp-bpf. */
static void test_b_execve_leaves_no_filter(void **state)
{
	const char *plain[] = { "-b", "execve", "-e", "trace=openat",
				"/bin/sh", "-c", "cat $DIR/host", NULL };
	const char *asked[] = { "-f", "--seccomp-bpf", "-b", "execve", "-e",
				"trace=openat", "/bin/sh", "-c",
				"cat $DIR/host", NULL };
	/* the command itself execs: mytrace lets go of it and waits for it,
	 * but its status is not mytrace's: 0, as strace exits */
	const char *in_place[] = { "-b", "execve", "-e", "trace=openat",
				   "/bin/sh", "-c",
				   "exec /bin/sh -c 'cat $DIR/host; exit 3'",
				   NULL };
	const char *const *runs[] = { plain, asked, in_place };
	const int status[] = { 0, 0, 0 };

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct run_result r;

		run_traced(&r, runs[i]);
		assert_string_equal(r.out, "myhost\n");
		assert_int_equal(r.exit_code, status[i]);
		/* as strace says it */
		if (runs[i] == asked)
			assert_string_equal(r.err, "mytrace: --seccomp-bpf is "
					    "not enabled because it is not "
					    "compatible with -b\n");
		run_result_free(&r);
	}
}

/* Starts mytrace ARGS late_open in the background, waits for "ready",
 * sends it SIG, waits for it: prints its status, then the program's
 * output. */
#define SIGNAL_SCRIPT(args, sig) \
	"rm -f $DIR/out; $MT " args " $PROG $DIR/host >$DIR/out 2>$DIR/err & mt=$!; " \
	"i=0; while ! grep -q ready $DIR/out && [ $i -lt 3000 ]; do " \
	"sleep 0.01; i=$((i+1)); done; kill -" sig " $mt; wait $mt; " \
	"echo status=$?; cat $DIR/out; cat $DIR/err >&2"

static void check_signal(const char *script, const char *status)
{
	struct run_result r;
	char want[64];

	run_script(&r, script);
	snprintf(want, sizeof(want), "status=%s\nready\nopened\n", status);
	assert_string_equal(r.out, want);
	assert_has_line(r.err, "mytrace: 1 thread with mytrace's seccomp "
			"filter kept, no longer shown, until they exit "
			"(interrupt again to kill them)");
	run_result_free(&r);
}

/* The program's handler opens a file after mytrace got the signal (and
 * passed it on): the open succeeds. */
static void test_signal_keeps_filtered(void **state)
{
	(void)state;
	check_signal(SIGNAL_SCRIPT("-f -e trace=openat", "INT"), "130");
	check_signal(SIGNAL_SCRIPT("-f -e trace=openat", "TERM"), "143");
	check_signal(SIGNAL_SCRIPT("-f -e trace=openat", "HUP"), "129");
	check_signal(SIGNAL_SCRIPT("--seccomp-bpf -f -e trace=openat", "INT"),
		     "130");
}

/* Without the filter nothing is kept: plain detach, no such line. */
static void test_signal_unfiltered_detaches(void **state)
{
	struct run_result r;

	(void)state;
	run_script(&r, SIGNAL_SCRIPT("-f --no-seccomp-bpf -e trace=openat",
				     "INT"));
	assert_string_equal(r.out, "status=130\nready\nopened\n");
	assert_null(strstr(r.err, "seccomp filter kept"));
	run_result_free(&r);
}

/* A second interrupt kills what was kept. */
static void test_second_signal_kills_kept(void **state)
{
	struct run_result r;

	(void)state;
	run_script(&r,
		   "rm -f $DIR/out; $MT -f -e trace=openat $PROG $DIR/host "
		   "again >$DIR/out 2>/dev/null & mt=$!; i=0; "
		   "while ! grep -q ready $DIR/out && [ $i -lt 3000 ]; do "
		   "sleep 0.01; i=$((i+1)); done; kill -INT $mt; "
		   "while ! grep -q waiting $DIR/out && [ $i -lt 3000 ]; do "
		   "sleep 0.01; i=$((i+1)); done; kill -INT $mt; wait $mt; "
		   "echo status=$?; cat $DIR/out; "
		   "pgrep -f 'late_open $DIR' || echo gone");
	assert_string_equal(r.out, "status=130\nready\nopened\nwaiting\n"
			    "gone\n");
	run_result_free(&r);
}

/* SIGPIPE ignored, the reader of the trace goes away: mytrace stops at
 * once with strace's status 141, and the workload runs on (here until
 * the test lets it end). */
static void test_epipe_stops_tracing(void **state)
{
	struct run_result r;

	(void)state;
	run_script(&r,
		   "rm -f $DIR/stop $DIR/done; "
		   "(trap '' PIPE; timeout 30 $MT -f sh -c "
		   "'while [ ! -e $DIR/stop ]; do /bin/true; done; "
		   "echo done >$DIR/done' 2>&1 >/dev/null; "
		   "echo status=$? >$DIR/st) | head -1 >/dev/null; "
		   "cat $DIR/st; touch $DIR/stop; i=0; "
		   "while [ ! -e $DIR/done ] && [ $i -lt 3000 ]; do "
		   "sleep 0.01; i=$((i+1)); done; cat $DIR/done");
	assert_string_equal(r.out, "status=141\ndone\n");
	run_result_free(&r);
}

/* The same under the filter: the workload is kept, its calls work, and
 * mytrace ends with 141 when it has. */
static void test_epipe_keeps_filtered(void **state)
{
	struct run_result r;

	(void)state;
	run_script(&r,
		   "rm -f $DIR/done; "
		   "(trap '' PIPE; timeout 30 $MT -f -e trace=openat sh -c "
		   "'i=0; while [ $i -lt 40 ]; do cat $DIR/host >/dev/null "
		   "|| exit 9; i=$((i+1)); done; echo ok >$DIR/done' "
		   "2>&1 >/dev/null; echo status=$? >$DIR/st) "
		   "| head -1 >/dev/null; cat $DIR/st $DIR/done");
	assert_string_equal(r.out, "status=141\nok\n");
	run_result_free(&r);
}

/* A program's own SECCOMP_RET_TRACE filter (man page, RELIABILITY):
 * ENOSYS untraced and with --no-seccomp-bpf; under mytrace's own filter
 * the stop reaches mytrace, which resumes it: the real result, as with
 * strace --seccomp-bpf. */
static void test_own_trace_filter(void **state)
{
	struct run_result r;
	const char *plain[] = { test_program("own_trace"), NULL };
	const char *nofilter[] = { "--no-seccomp-bpf", "-e", "trace=getppid",
				   test_program("own_trace"), NULL };
	const char *filter[] = { "-f", "-e", "trace=getppid",
				 test_program("own_trace"), NULL };

	(void)state;
	run_command(&r, plain);
	assert_string_equal(r.out, "getppid ENOSYS\n");
	run_result_free(&r);
	run_traced(&r, nofilter);
	assert_string_equal(r.out, "getppid ENOSYS\n");
	assert_int_equal(r.exit_code, 0);
	run_result_free(&r);
	run_traced(&r, filter);
	assert_string_equal(r.out, "getppid ok\n");
	assert_int_equal(r.exit_code, 0);
	run_result_free(&r);
}

/* Bounded form of make stress: SIGINT during a fork storm of 30 cats
 * under -f and mytrace's filter (the shell ignores SIGINT and runs on):
 * every cat reads its file, none is left stopped. */
static void test_signal_in_fork_storm(void **state)
{
	struct run_result r;

	(void)state;
	run_script(&r,
		   "rm -f $DIR/storm $DIR/storm.done; "
		   "$MT -f -e trace=openat sh -c 'trap \"\" INT; i=0; "
		   "while [ $i -lt 30 ]; do { cat $DIR/host || echo FAIL; } "
		   ">>$DIR/storm & i=$((i + 1)); done; wait; "
		   "echo done >$DIR/storm.done' 2>/dev/null & mt=$!; "
		   "k=0; while [ ! -s $DIR/storm ] && [ $k -lt 3000 ]; do "
		   "sleep 0.001; k=$((k + 1)); done; kill -INT $mt; wait $mt; "
		   "echo status=$?; k=0; while [ ! -e $DIR/storm.done ] && "
		   "[ $k -lt 3000 ]; do sleep 0.01; k=$((k + 1)); done; "
		   "grep -c myhost $DIR/storm; grep -c FAIL $DIR/storm; "
		   "for p in $(pgrep -f $DIR/host); do cat /proc/$p/status; "
		   "done 2>/dev/null | grep -c '^State:.*[tT] ('");
	assert_string_equal(r.out, "status=130\n30\n0\n0\n");
	run_result_free(&r);
}

/* Bounded form of make stress: SIGINT while -p seizes a two-thread
 * program, 5 times: it is never left stopped and runs on. */
static void test_signal_during_attach(void **state)
{
	struct run_result r;

	(void)state;
	setenv("BUSY", test_program("busy"), 1);
	run_script(&r,
		   "$BUSY $DIR/counter & b=$!; n=0; while [ $n -lt 5 ]; do "
		   "$MT -p $b 2>/dev/null & m=$!; k=0; "
		   "while kill -INT $m 2>/dev/null && [ $k -lt 500 ]; do "
		   "sleep 0.01; k=$((k + 1)); done; wait $m; "
		   "cat /proc/$b/task/*/status | grep -c '^State:.*[tT] ('; "
		   "n=$((n + 1)); done; c0=$(cat $DIR/counter); sleep 0.05; "
		   "[ \"$c0\" != \"$(cat $DIR/counter)\" ] && echo runs; "
		   "kill $b; wait $b");
	assert_string_equal(r.out, "0\n0\n0\n0\n0\nruns\n");
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_b_execve_leaves_no_filter),
		cmocka_unit_test(test_signal_keeps_filtered),
		cmocka_unit_test(test_signal_unfiltered_detaches),
		cmocka_unit_test(test_second_signal_kills_kept),
		cmocka_unit_test(test_epipe_stops_tracing),
		cmocka_unit_test(test_epipe_keeps_filtered),
		cmocka_unit_test(test_own_trace_filter),
		cmocka_unit_test(test_signal_in_fork_storm),
		cmocka_unit_test(test_signal_during_attach),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
