/* Unit tests of the print filters: -e status= and -e signal= parsing
 * (accumulation, negation, errors) and the decisions on events. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "outfilter.h"

static void test_status_parse(void **state)
{
	struct outfilter f;
	char err[128];

	outfilter_init(&f);
	assert_false(outfilter_holds_lines(&f));
	assert_int_equal(outfilter_parse_status(&f, "failed", err,
						sizeof(err)), 0);
	assert_int_equal(f.status, STATUS_FAILED);
	assert_true(outfilter_holds_lines(&f));
	/* a second expression replaces the first, as in strace 6.1 */
	assert_int_equal(outfilter_parse_status(&f, "unfinished,detached", err,
						sizeof(err)), 0);
	assert_int_equal(f.status, STATUS_UNFINISHED | STATUS_DETACHED);

	outfilter_init(&f);
	assert_int_equal(outfilter_parse_status(&f, "!successful", err,
						sizeof(err)), 0);
	assert_int_equal(f.status, STATUS_ALL & ~STATUS_SUCCESSFUL);

	outfilter_init(&f);
	assert_int_equal(outfilter_parse_status(&f, "none", err, sizeof(err)),
			 0);
	assert_int_equal(f.status, 0);
	assert_int_equal(outfilter_parse_status(&f, "all", err, sizeof(err)),
			 0);
	assert_int_equal(f.status, STATUS_ALL);
}

static void test_quiet(void **state)
{
	struct outfilter f;
	char err[128];
	struct event ev = { .kind = EV_EXITED };

	outfilter_init(&f);
	assert_true(outfilter_pass(&f, &ev));
	assert_int_equal(outfilter_parse_quiet(&f, "attach,exits", err,
					       sizeof(err)), 0);
	assert_int_equal(f.quiet, QUIET_ATTACH | QUIET_EXIT);
	assert_false(outfilter_pass(&f, &ev));
	ev.kind = EV_PERSONALITY;
	assert_true(outfilter_pass(&f, &ev));
	assert_int_equal(outfilter_parse_quiet(&f, "!exit", err,
					       sizeof(err)), 0);
	assert_int_equal(f.quiet, QUIET_ALL & ~QUIET_EXIT);
	assert_false(outfilter_pass(&f, &ev));
	assert_int_equal(outfilter_parse_quiet(&f, "superseded,bogus", err,
					       sizeof(err)), -1);
	assert_string_equal(err, "invalid quiet 'bogus'");
}

static void test_status_errors(void **state)
{
	struct outfilter f;
	char err[128];

	outfilter_init(&f);
	assert_int_equal(outfilter_parse_status(&f, "successful,bogus", err,
						sizeof(err)), -1);
	assert_string_equal(err, "invalid status 'bogus'");
	assert_int_equal(outfilter_parse_status(&f, "", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid status ''");
	/* like strace, "all" only stands alone */
	assert_int_equal(outfilter_parse_status(&f, "all,failed", err,
						sizeof(err)), -1);
	assert_string_equal(err, "invalid status 'all'");
}

static void test_signal_parse(void **state)
{
	struct outfilter f;
	char err[128];

	outfilter_init(&f);
	assert_true(outfilter_has_signal(&f, SIGCHLD));
	assert_int_equal(outfilter_parse_signals(&f, "SIGUSR1,int,9,RTMIN",
						 err, sizeof(err)), 0);
	assert_true(outfilter_has_signal(&f, SIGUSR1));
	assert_true(outfilter_has_signal(&f, SIGINT));
	assert_true(outfilter_has_signal(&f, SIGKILL));
	assert_true(outfilter_has_signal(&f, 32));
	assert_false(outfilter_has_signal(&f, SIGCHLD));

	outfilter_init(&f);
	assert_int_equal(outfilter_parse_signals(&f, "!CHLD", err,
						 sizeof(err)), 0);
	assert_false(outfilter_has_signal(&f, SIGCHLD));
	assert_true(outfilter_has_signal(&f, SIGUSR1));

	assert_int_equal(outfilter_parse_signals(&f, "SIGFOO", err,
						 sizeof(err)), -1);
	assert_string_equal(err, "invalid signal 'SIGFOO'");
	assert_int_equal(outfilter_parse_signals(&f, "256", err,
						 sizeof(err)), -1);
	assert_string_equal(err, "invalid signal '256'");
}

static void test_decisions(void **state)
{
	struct outfilter f;
	struct syscall_event ok = { 0 }, failed = { .err = 2, .rval = -2 },
			     lost = { .ret_unknown = true };
	struct event ev = { .kind = EV_SYSCALL_EXIT };
	char err[128];

	outfilter_init(&f);
	assert_int_equal(outfilter_parse_status(&f, "failed,unfinished", err,
						sizeof(err)), 0);
	ev.u.sc = &ok;
	assert_false(outfilter_pass(&f, &ev));
	ev.u.sc = &failed;
	assert_true(outfilter_pass(&f, &ev));
	ev.u.sc = &lost;
	assert_true(outfilter_pass(&f, &ev));

	assert_int_equal(outfilter_parse_signals(&f, "TERM", err, sizeof(err)),
			 0);
	ev.kind = EV_SIGNAL;
	ev.u.signal.sig = SIGTERM;
	assert_true(outfilter_pass(&f, &ev));
	ev.u.signal.sig = SIGCHLD;
	assert_false(outfilter_pass(&f, &ev));
	/* "+++ killed by" follows the signal set too, as in strace */
	ev.kind = EV_KILLED;
	ev.u.exit.status = SIGKILL;
	assert_false(outfilter_pass(&f, &ev));
	ev.kind = EV_EXITED;
	assert_true(outfilter_pass(&f, &ev));
}

static void test_paths(void **state)
{
	struct outfilter f;
	struct syscall_event sc = { 0 };
	struct event ev = { .kind = EV_SYSCALL_ENTER, .u.sc = &sc };
	struct arena a = { 0 };
	struct syscall_desc d = { .name = "fake", .nargs = 2 };
	struct value *fd = value_new(&a, V_FD, "fd", 3);

	d.args[0].type = ARG_FD;
	d.args[1].type = ARG_PATH;
	sc.desc = &d;
	sc.nargs = sc.nargs_enter = 2;
	outfilter_init(&f);
	/* no -P: everything passes */
	assert_true(outfilter_pass(&f, &ev));
	assert_int_equal(outfilter_add_path(&f, "/nonexistent/a"), 0);
	assert_true(outfilter_has_paths(&f));
	sc.args[0] = fd;
	sc.args[1] = value_string(&a, "path", 0x1000, "/nonexistent/b", 14,
				  false);
	assert_false(outfilter_pass(&f, &ev));
	fd->u.fd.path = "/nonexistent/a";
	assert_true(outfilter_pass(&f, &ev));
	fd->u.fd.path = NULL;
	sc.args[1] = value_string(&a, "path", 0x1000, "/nonexistent/a", 14,
				  false);
	assert_true(outfilter_pass(&f, &ev));
	/* a real path is matched through its canonical name as well */
	assert_int_equal(outfilter_add_path(&f, "/etc/../etc/passwd"), 0);
	fd->u.fd.path = "/etc/passwd";
	sc.args[1] = NULL;
	assert_true(outfilter_pass(&f, &ev));
	outfilter_free(&f);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_parse),
		cmocka_unit_test(test_status_errors),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_signal_parse),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_paths),
	};

	return cmocka_run_group_tests_name("unit: outfilter", tests, NULL,
					   NULL);
}
