/* How mytrace treats the processes it runs, seen from their side: a
 * child it does not follow is never attached (it can trace its own
 * children), and the command's life when mytrace goes away. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static char dir[] = "/tmp/mytrace-test-life-XXXXXX";

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
	setenv("ST", "/usr/bin/strace", 1);
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

/* A child the kernel attaches by clone(CLONE_PTRACE) is let go without
 * -f: a signal kills it as it would untraced (it used to stay stopped,
 * and the parent waited for ever). */
static void test_clone_ptrace_let_go(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=none",
			       test_program("clone_ptrace"), NULL };
	char line[64];

	(void)state;
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	snprintf(line, sizeof(line), "child killed by signal %d\n", SIGUSR1);
	assert_string_equal(r.out, line);
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
}

/* A CLONE_PARENT child of the command is mytrace's own child, never
 * traced without -f: its exit is reported once, unless -qq. */
static void test_clone_parent_exit(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=none",
			       test_program("clone_ptrace"), "parent", NULL };
	const char *quiet[] = { "-qq", "-e", "trace=none",
				test_program("clone_ptrace"), "parent", NULL };
	char line[64];

	(void)state;
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	snprintf(line, sizeof(line), "mytrace: Exit of unknown pid %d ignored",
		 atoi(r.out));
	assert_has_line(r.err, line);
	run_result_free(&r);
	run_traced(&r, quiet);
	assert_int_equal(r.exit_code, 0);
	assert_null(strstr(r.err, "Exit of unknown pid"));
	run_result_free(&r);
}

/* A signal ignored by whoever started mytrace stays ignored in the
 * command (mytrace's own SIGALRM handler is not inherited across exec
 * as a default disposition). */
static void test_ignored_signal_kept(void **state)
{
	const char *script = "trap '' ALRM; exec \"$0\" -e trace=none \"$1\"";
	const char *ignored[] = { "/bin/sh", "-c", script, mytrace_path(),
				  test_program("sigalrm_state"), NULL };
	const char *plain[] = { mytrace_path(), "-e", "trace=none",
				test_program("sigalrm_state"), NULL };
	struct run_result r;

	(void)state;
	run_command(&r, ignored);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "SIGALRM ignored\n");
	run_result_free(&r);
	run_command(&r, plain);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "SIGALRM default\n");
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

/* TRACER runs late_open (it prints "ready", then opens a file when it
 * gets SIGINT, SIGTERM or SIGHUP) and gets SIG. Prints the tracer's
 * status, whether the program still runs (then it is sent SIGINT, and
 * its open must work) or is gone, and the program's own output. Every
 * wait is bounded. */
#define LIFE_SCRIPT(tracer, sig) \
	"rm -f $DIR/out; " tracer " $PROG $DIR/host >$DIR/out 2>$DIR/err & " \
	"t=$!; i=0; while ! grep -q ready $DIR/out && [ $i -lt 3000 ]; do " \
	"sleep 0.01; i=$((i+1)); done; kill -" sig " $t; wait $t; " \
	"echo status=$?; p=$(pgrep -f \"^$PROG $DIR/host\"); " \
	"if [ -n \"$p\" ] && kill -INT $p; then echo runs on; i=0; " \
	"while ! grep -q open $DIR/out && [ $i -lt 3000 ]; do sleep 0.01; " \
	"i=$((i+1)); done; else i=0; while pgrep -f \"^$PROG $DIR/host\" " \
	">/dev/null && [ $i -lt 3000 ]; do sleep 0.01; i=$((i+1)); done; " \
	"echo gone; fi; cat $DIR/out"

/* The scripts find the command with procps' pgrep -f; the arm64 guest
 * (emulated, MYTRACE_TEST_QUICK) has busybox's, which did not find it
 * there (the command was reported gone, SIGHUP never sent), so the
 * guest skips the scripts that need it. */
static void skip_in_guest(void)
{
	if (getenv("MYTRACE_TEST_QUICK"))
		skip();
}

static void check_life(const char *script, const char *want)
{
	struct run_result r;

	run_script(&r, script);
	assert_string_equal(r.out, want);
	run_result_free(&r);
}

/* Killed outright, mytrace leaves the command running, as strace does;
 * its calls still work (no filter without -f). */
static void test_command_runs_on(void **state)
{
	const char *want = "status=137\nruns on\nready\nopened\n";

	(void)state;
	skip_in_guest();
	check_life(LIFE_SCRIPT("$MT", "KILL"), want);
	check_life(LIFE_SCRIPT("$MT -e trace=openat", "KILL"), want);
	/* SIGTERM is passed on: the program's handler opens the file */
	check_life(LIFE_SCRIPT("$MT", "TERM"),
		   "status=143\ngone\nready\nopened\n");
	if (!have_strace())
		return;
	check_life(LIFE_SCRIPT("$ST", "KILL"), want);
	check_life(LIFE_SCRIPT("$ST", "TERM"),
		   "status=143\ngone\nready\nopened\n");
}

/* --kill-on-exit: killed with mytrace, whatever ends it, before its
 * handler can run. Under the -f filter the same when mytrace is killed
 * outright (its calls would fail with ENOSYS without us). */
static void test_kill_on_exit(void **state)
{
	(void)state;
	check_life(LIFE_SCRIPT("$MT --kill-on-exit", "KILL"),
		   "status=137\ngone\nready\n");
	check_life(LIFE_SCRIPT("$MT --kill-on-exit", "TERM"),
		   "status=143\ngone\nready\n");
	check_life(LIFE_SCRIPT("$MT --kill-on-exit -f -e trace=openat", "INT"),
		   "status=130\ngone\nready\n");
	check_life(LIFE_SCRIPT("$MT -f -e trace=openat", "KILL"),
		   "status=137\ngone\nready\n");
}

/* -p, then a signal: the process is let go and runs on, and the tracer
 * dies of the signal (strace's status too); with --kill-on-exit the
 * process is killed instead. */
#define ATTACH_SCRIPT(tracer, sig) \
	"rm -f $DIR/out $DIR/err; $PROG $DIR/host >$DIR/out & p=$!; i=0; " \
	"while ! grep -q ready $DIR/out && [ $i -lt 3000 ]; do sleep 0.01; " \
	"i=$((i+1)); done; " tracer " -p $p 2>$DIR/err & t=$!; i=0; " \
	"while ! grep -q \"$p attached\" $DIR/err 2>/dev/null && " \
	"[ $i -lt 3000 ]; do " \
	"sleep 0.01; i=$((i+1)); done; kill -" sig " $t; wait $t; " \
	"echo status=$?; grep -c \"Process $p detached\" $DIR/err; " \
	"kill -INT $p 2>/dev/null; wait $p; echo program=$?; cat $DIR/out"

static void test_attached_let_go(void **state)
{
	const char *want = "status=143\n1\nprogram=0\nready\nopened\n";

	(void)state;
	check_life(ATTACH_SCRIPT("$MT", "TERM"), want);
	check_life(ATTACH_SCRIPT("$MT", "INT"),
		   "status=130\n1\nprogram=0\nready\nopened\n");
	check_life(ATTACH_SCRIPT("$MT --kill-on-exit", "TERM"),
		   "status=143\n0\nprogram=137\nready\n");
	if (have_strace())
		check_life(ATTACH_SCRIPT("$ST", "TERM"), want);
}

/* -D, -DD, -DDD against strace: the program stays the caller's child
 * (its status is the caller's to collect) and is traced by a grandchild
 * in the caller's process group, another one, or another session. The
 * trace (on stderr) is complete once it has the exit line. */
static void check_daemonized(const char *tracer, const char *mode,
			     const char *group)
{
	struct run_result r;
	char script[512], want[256];
	char *line, *trace;

	snprintf(script, sizeof(script),
		 "rm -f $DIR/trace; %s %s -o $DIR/trace -e trace=getpid "
		 "$VIEW $$; echo status=$?; i=0; while ! grep -q '^+++' "
		 "$DIR/trace 2>/dev/null && [ $i -lt 3000 ]; do sleep 0.01; "
		 "i=$((i+1)); done; cat $DIR/trace >&2", tracer, mode);
	run_script(&r, script);
	snprintf(want, sizeof(want), "parent: the caller\n"
		 "tracer: another process\ntracer's process group: %s",
		 group);
	assert_memory_equal(r.out, want, strlen(want));
	line = strstr(r.out, "getpid() = ");
	assert_non_null(line);
	assert_string_equal(strchr(line, '\n'), "\nstatus=3\n");
	*strchr(line, '\n') = 0;
	trace = normalize_trace(r.err);
	assert_has_line(trace, line);
	assert_has_line(trace, "+++ exited with 3 +++");
	free(trace);
	run_result_free(&r);
}

static void test_daemonize(void **state)
{
	static const char *const modes[][2] = {
		{ "-D", "ours\ntracer's session: ours\n" },
		{ "-DD", "another\ntracer's session: ours\n" },
		{ "-DDD", "another\ntracer's session: another\n" },
		{ "--daemonize=pgroup", "another\ntracer's session: ours\n" },
	};

	(void)state;
	setenv("VIEW", test_program("tracer_view"), 1);
	for (size_t m = 0; m < 4; m++) {
		check_daemonized("$MT", modes[m][0], modes[m][1]);
		if (have_strace())
			check_daemonized("$ST", modes[m][0], modes[m][1]);
	}
}

/* -I N against strace: TRACER gets SIG, then the program gets SIGHUP
 * from the test and says which signal came first. */
#define INTR_SCRIPT(tracer, sig) \
	"rm -f $DIR/out; " tracer " $PROG $DIR/host which >$DIR/out " \
	"2>/dev/null & t=$!; i=0; while ! grep -q ready $DIR/out && " \
	"[ $i -lt 3000 ]; do sleep 0.01; i=$((i+1)); done; kill -" sig \
	" $t; kill -HUP $(pgrep -f \"^$PROG $DIR/host\"); wait $t; " \
	"echo status=$?; i=0; while ! grep -q open $DIR/out && " \
	"[ $i -lt 3000 ]; do sleep 0.01; i=$((i+1)); done; cat $DIR/out"

static void test_interruptible(void **state)
{
	/* 1: the signal ends the tracer at once, nothing passed on */
	const char *dies = "status=143\nready\ngot SIGHUP\nopened\n";
	/* 3 and 4: ignored, the trace goes on to the program's end */
	const char *goes_on = "status=0\nready\ngot SIGHUP\nopened\n";

	skip_in_guest();

	(void)state;
	check_life(INTR_SCRIPT("$MT -I 1", "TERM"), dies);
	check_life(INTR_SCRIPT("$MT -I never", "TERM"), goes_on);
	check_life(INTR_SCRIPT("$MT --interruptible=4", "TSTP"), goes_on);
	if (!have_strace())
		return;
	check_life(INTR_SCRIPT("$ST -I 1", "TERM"), dies);
	check_life(INTR_SCRIPT("$ST -I never", "TERM"), goes_on);
	check_life(INTR_SCRIPT("$ST --interruptible=4", "TSTP"), goes_on);
}

/* The command's stdin and stdout are pipes; once it closed them, their
 * other ends see that no one reads or writes them any more: mytrace
 * holds neither (strace's redirect test). The poll's limit only keeps a
 * failure from hanging. */
static void test_stdio_let_go(void **state)
{
	int in[2], out[2], go[2], status;
	struct pollfd p;
	char c;
	pid_t pid;

	assert_int_equal(pipe(in), 0);
	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(go), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(go[0], 3);
		for (int fd = 4; fd < 64; fd++)
			close(fd);
		execl(mytrace_path(), "mytrace", "-qq", "-e", "trace=none",
		      "-o", "/dev/null", test_program("close_stdio"),
		      (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(go[0]);
	p = (struct pollfd){ .fd = out[0], .events = POLLIN };
	assert_int_equal(poll(&p, 1, 60000), 1);
	assert_int_equal(read(out[0], &c, 1), 0);
	signal(SIGPIPE, SIG_IGN);
	assert_int_equal(write(in[1], "x", 1), -1);
	assert_int_equal(errno, EPIPE);
	signal(SIGPIPE, SIG_DFL);
	assert_int_equal(write(go[1], "x", 1), 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(in[1]);
	close(out[0]);
	close(go[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_children_left_alone),
		cmocka_unit_test(test_clone_ptrace_let_go),
		cmocka_unit_test(test_clone_parent_exit),
		cmocka_unit_test(test_ignored_signal_kept),
		cmocka_unit_test(test_followed_children_like_strace),
		cmocka_unit_test(test_command_runs_on),
		cmocka_unit_test(test_kill_on_exit),
		cmocka_unit_test(test_attached_let_go),
		cmocka_unit_test(test_daemonize),
		cmocka_unit_test(test_interruptible),
		cmocka_unit_test(test_stdio_let_go),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
