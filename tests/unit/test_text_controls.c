/* Unit tests of the text formatter's output controls on fixed events:
 * -X raw/verbose, -y paths, -n, -t/-tt/-ttt/-r/-T with known times, -a,
 * and whole lines held until exit under a status filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "consts.h"
#include "format.h"
#include "unit_helpers.h"

static struct arena arena;

/* 2023-11-14 22:13:20.123456 UTC, and 0.000250 s later */
static const struct timespec t0 = { 1700000000, 123456789 };
static const struct timespec t1 = { 1700000000, 123706789 };

static void emit(void *st, pid_t tid, struct syscall_event *sc,
		 enum event_kind kind)
{
	struct event ev = { .kind = kind, .pid = tid, .tid = tid, .u.sc = sc,
			    .scno = sc->nr };

	ev.ts = kind == EV_SYSCALL_ENTER ? sc->enter_ts : sc->exit_ts;
	format_text.event(st, &ev, false);
}

static char *render(const struct format_opts *o, struct syscall_event *sc)
{
	struct sink *s = capture_open();
	void *st = format_text.begin(s, o);
	char *text;

	sc->enter_ts = t0;
	sc->exit_ts = t1;
	emit(st, 1, sc, EV_SYSCALL_ENTER);
	emit(st, 1, sc, EV_SYSCALL_EXIT);
	format_text.end(st);
	text = capture_text(s);
	sink_close(s);
	return text;
}

/* openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3 */
static void make_openat(struct syscall_event *sc)
{
	struct value *dirfd = value_new(&arena, V_FD, "dirfd",
					(uint64_t)(int64_t)-100);

	memset(sc, 0, sizeof(*sc));
	sc->desc = desc("openat");
	sc->nr = 257;
	sc->nargs = 3;
	sc->nargs_enter = 3;
	dirfd->u.fd.sym = "AT_FDCWD";
	dirfd->u.fd.path = "/tmp";
	sc->args[0] = dirfd;
	sc->args[1] = value_string(&arena, "pathname", 0, "/etc/passwd", 11,
				   false);
	sc->args[2] = value_field_flags(&arena, "flags", 0x80000, 3,
					&xlat_open_access, &xlat_open_flags);
	sc->rval = 3;
}

static void check(const struct format_opts *o, struct syscall_event *sc,
		  const char *expected)
{
	char *text = render(o, sc);

	assert_string_equal(text, expected);
	free(text);
}

static void test_const_styles(void **state)
{
	struct format_opts o = { .align_column = 40 };
	struct syscall_event sc;

	make_openat(&sc);
	check(&o, &sc, "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) "
	      "= 3\n");
	o.xlat = XLAT_RAW;
	check(&o, &sc, "openat(-100, \"/etc/passwd\", 0x80000)    = 3\n");
	o.xlat = XLAT_VERBOSE;
	check(&o, &sc, "openat(-100 /* AT_FDCWD */, \"/etc/passwd\", 0x80000 "
	      "/* O_RDONLY|O_CLOEXEC */) = 3\n");
}

static void test_sigset_styles(void **state)
{
	struct format_opts o = { .align_column = 40, .xlat = XLAT_RAW };
	struct syscall_event sc = { .desc = desc("rt_sigprocmask"), .nr = 14,
				    .nargs = 2, .nargs_enter = 2 };
	struct value *set = value_new(&arena, V_SIGSET, "set", 0x10);
	static const char *names[] = { "INT", "RTMIN", "RT_1" };

	set->u.sigset.names = names;
	set->u.sigset.count = 3;
	set->u.sigset.complement = true;
	sc.args[0] = value_enum(&arena, "how", 2, &xlat_sigprocmask_how,
				V_HEX);
	sc.args[1] = set;
	check(&o, &sc, "rt_sigprocmask(0x2, ~[2 32 33])         = 0\n");
	o.xlat = XLAT_VERBOSE;
	check(&o, &sc, "rt_sigprocmask(0x2 /* SIG_SETMASK */, ~[2 /* INT */ "
	      "32 /* RTMIN */ 33 /* RT_1 */]) = 0\n");
}

static void test_fd_paths_and_numbers(void **state)
{
	struct format_opts o = { .align_column = 40, .fd_paths = 1 };
	struct syscall_event sc;

	make_openat(&sc);
	check(&o, &sc, "openat(AT_FDCWD</tmp>, \"/etc/passwd\", "
	      "O_RDONLY|O_CLOEXEC) = 3\n");
	o.fd_paths = 0;
	o.numbers = true;
	check(&o, &sc, "[ 257] openat(AT_FDCWD, \"/etc/passwd\", "
	      "O_RDONLY|O_CLOEXEC) = 3\n");
	o.align_column = 0;
	sc.args[2] = NULL;
	sc.nargs = 2;
	sc.nargs_enter = 2;
	check(&o, &sc, "[ 257] openat(AT_FDCWD, \"/etc/passwd\") = 3\n");
}

static void test_times(void **state)
{
	struct format_opts o = { .align_column = 40 };
	struct syscall_event sc = { .desc = desc("close"), .nr = 3,
				    .nargs = 1, .nargs_enter = 1 };

	sc.args[0] = value_int(&arena, "fd", 3);
	o.time = TIME_EPOCH;
	check(&o, &sc, "1700000000.123456 close(3)              = 0\n");
	o.time = TIME_MICRO;
	check(&o, &sc, "22:13:20.123456 close(3)                = 0\n");
	o.time = TIME_SECONDS;
	check(&o, &sc, "22:13:20 close(3)                       = 0\n");
	o.relative = true;
	check(&o, &sc, "22:13:20 (+     0.000000) close(3)      = 0\n");
	o.time = TIME_NONE;
	o.durations = true;
	check(&o, &sc, "     0.000000 close(3)                  = 0 "
	      "<0.000250>\n");
	/* no duration for a call that never returned */
	o.relative = false;
	sc.ret_unknown = true;
	check(&o, &sc, "close(3)                                = ?\n");
}

static void test_relative_between_lines(void **state)
{
	struct format_opts o = { .align_column = 40, .relative = true };
	struct syscall_event a = { .desc = desc("close"), .nr = 3, .nargs = 1,
				   .nargs_enter = 1, .enter_ts = t0,
				   .exit_ts = t0 };
	struct syscall_event b = a;
	struct event exited = { .kind = EV_EXITED, .pid = 1, .tid = 1,
				.ts = { 1700000001, 500000000 } };
	struct sink *s = capture_open();
	void *st = format_text.begin(s, &o);
	char *text;

	a.args[0] = value_int(&arena, "fd", 3);
	b.args[0] = a.args[0];
	b.enter_ts = t1;
	b.exit_ts = t1;
	emit(st, 1, &a, EV_SYSCALL_ENTER);
	emit(st, 1, &a, EV_SYSCALL_EXIT);
	emit(st, 1, &b, EV_SYSCALL_ENTER);
	emit(st, 1, &b, EV_SYSCALL_EXIT);
	format_text.event(st, &exited, false);
	format_text.end(st);
	text = capture_text(s);
	assert_string_equal(text,
		"     0.000000 close(3)                  = 0\n"
		"     0.000250 close(3)                  = 0\n"
		"     1.376293 +++ exited with 0 +++\n");
	free(text);
	sink_close(s);
}

/* Under a status filter nothing is printed at entry, so another thread's
 * events never split a line. */
static void test_held_lines(void **state)
{
	struct format_opts o = { .align_column = 40, .hold_lines = true,
				 .time = TIME_EPOCH };
	struct syscall_event rd = { .desc = desc("read"), .nr = 0, .nargs = 3,
				    .nargs_enter = 1, .enter_ts = t0,
				    .exit_ts = t1, .err = 4, .rval = -4 };
	struct syscall_event gp = { .desc = desc("getpid"), .nr = 39,
				    .enter_ts = t1, .exit_ts = t1,
				    .rval = 20 };
	struct sink *s = capture_open();
	void *st = format_text.begin(s, &o);
	char *text;

	rd.args[0] = value_int(&arena, "fd", 0);
	rd.args[1] = value_ptr(&arena, "buf", 0x1000);
	rd.args[2] = value_uint(&arena, "count", 10);
	emit(st, 10, &rd, EV_SYSCALL_ENTER);
	emit(st, 20, &gp, EV_SYSCALL_ENTER);
	emit(st, 20, &gp, EV_SYSCALL_EXIT);
	emit(st, 10, &rd, EV_SYSCALL_EXIT);
	format_text.end(st);
	text = capture_text(s);
	assert_string_equal(text,
		"1700000000.123706 getpid()              = 20\n"
		"1700000000.123456 read(0, 0x1000, 10)   = -1 EINTR "
		"(Interrupted system call)\n");
	free(text);
	sink_close(s);
}

static int setup(void **state)
{
	/* -t and -tt print local time */
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static int teardown(void **state)
{
	arena_free(&arena);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_const_styles),
		cmocka_unit_test(test_sigset_styles),
		cmocka_unit_test(test_fd_paths_and_numbers),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_relative_between_lines),
		cmocka_unit_test(test_held_lines),
	};

	return cmocka_run_group_tests_name("unit: text output controls", tests,
					   setup, teardown);
}
