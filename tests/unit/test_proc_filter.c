/* Unit tests of --filter: parsing, value lists, negation, each operator,
 * globs, retval and argument filters, follow, how fields combine, unknown
 * identities, and the messages for bad expressions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "proc_filter.h"
#include "unit_helpers.h"

static struct arena arena;

static const struct proc_ident sh = { .comm = "sh", .uid = 0 };
static const struct proc_ident cat = { .comm = "cat", .uid = 1000 };

static void parse_ok(struct proc_filter *f, const char *expr)
{
	char err[256] = "";

	if (proc_filter_parse(f, expr, err, sizeof(err)) != 0)
		fail_msg("'%s': %s", expr, err);
}

static void parse_fails(const char *expr, const char *message)
{
	struct proc_filter f = { 0 };
	char err[256] = "";

	assert_int_equal(proc_filter_parse(&f, expr, err, sizeof(err)), -1);
	assert_string_equal(err, message);
	proc_filter_free(&f);
}

static void test_no_filter(void **state)
{
	struct proc_filter f = { 0 };

	assert_false(proc_filter_active(&f));
	assert_false(proc_filter_needs_ident(&f));
	assert_true(proc_filter_match(&f, 1, NULL));
	assert_true(proc_filter_match(&f, 1, &sh));
}

static void test_comm_list(void **state)
{
	struct proc_filter f = { 0 };

	parse_ok(&f, "comm=cat,ls");
	assert_true(proc_filter_needs_ident(&f));
	assert_true(proc_filter_match(&f, 5, &cat));
	assert_false(proc_filter_match(&f, 5, &sh));
	/* unknown identity: it matches no value */
	assert_false(proc_filter_match(&f, 5, NULL));
	/* repeating a field adds values */
	parse_ok(&f, "comm=sh");
	assert_true(proc_filter_match(&f, 5, &sh));
	proc_filter_free(&f);
}

static void test_negation_and_fields(void **state)
{
	struct proc_filter f = { 0 };

	parse_ok(&f, "comm!=sh");
	assert_false(proc_filter_match(&f, 5, &sh));
	assert_true(proc_filter_match(&f, 5, &cat));
	assert_true(proc_filter_match(&f, 5, NULL));
	parse_ok(&f, "uid=1000");
	assert_true(proc_filter_match(&f, 5, &cat));
	parse_ok(&f, "pid!=5,6");
	assert_false(proc_filter_match(&f, 5, &cat));
	assert_false(proc_filter_match(&f, 6, &cat));
	assert_true(proc_filter_match(&f, 7, &cat));
	proc_filter_free(&f);
}

static void test_pid_only(void **state)
{
	struct proc_filter f = { 0 };

	parse_ok(&f, "pid=42");
	assert_true(proc_filter_active(&f));
	assert_false(proc_filter_needs_ident(&f));
	assert_true(proc_filter_match(&f, 42, NULL));
	assert_false(proc_filter_match(&f, 43, NULL));
	proc_filter_free(&f);
}

/* The kernel keeps 15 bytes of a name: a longer value matches those. */
static void test_long_comm(void **state)
{
	struct proc_filter f = { 0 };
	struct proc_ident id = { .comm = "systemd-journal" };

	parse_ok(&f, "comm=systemd-journald");
	assert_true(proc_filter_match(&f, 1, &id));
	proc_filter_free(&f);
}

static void test_errors(void **state)
{
#define PREFIX "invalid --filter argument "
	parse_fails("comm", PREFIX "'comm': expected FIELD=VALUE, FIELD OP "
		    "VALUE (OP: != < > <= >=) or follow");
	parse_fails("=sh", PREFIX "'=sh': expected FIELD=VALUE, FIELD OP "
		    "VALUE (OP: != < > <= >=) or follow");
	parse_fails("name=sh", PREFIX "'name=sh': unknown field 'name' "
		    "(comm, uid, pid, retval, SYSCALL.ARG or follow)");
	parse_fails("comm=", PREFIX "'comm=': missing value");
	parse_fails("pid=1,,2", PREFIX "'pid=1,,2': missing value");
	parse_fails("uid=root", PREFIX "'uid=root': 'root' is not a valid "
		    "uid");
	parse_fails("pid!=-1", PREFIX "'pid!=-1': '-1' is not a valid pid");
	parse_fails("pid=99999999999", PREFIX "'pid=99999999999': "
		    "'99999999999' is not a valid pid");
	parse_fails("uid=4294967295", PREFIX "'uid=4294967295': "
		    "'4294967295' is not a valid uid");
	parse_fails("comm>ca", PREFIX "'comm>ca': comm accepts = and != only "
		    "(with a glob pattern)");
	parse_fails("retval<x", PREFIX "'retval<x': 'x' is not a valid "
		    "return value");
	parse_fails("uid<1,2", PREFIX "'uid<1,2': one value after <, >, <= "
		    "or >=");
	parse_fails("nosuch.fd=1", PREFIX "'nosuch.fd=1': unknown syscall "
		    "'nosuch'");
	parse_fails("openat.path=/etc", PREFIX "'openat.path=/etc': openat "
		    "has no argument 'path' (dirfd, pathname, flags, mode or "
		    "retval)");
	parse_fails("openat.pathname>/etc", PREFIX "'openat.pathname>/etc': "
		    "'/etc' is not a number: pathname accepts a pattern with "
		    "= and != only");
}

static void test_comm_glob(void **state)
{
	struct proc_filter f = { 0 };

	parse_ok(&f, "comm=ca*");
	assert_true(proc_filter_match(&f, 5, &cat));
	assert_false(proc_filter_match(&f, 5, &sh));
	proc_filter_free(&f);
	parse_ok(&f, "comm!=?h");
	assert_true(proc_filter_match(&f, 5, &cat));
	assert_false(proc_filter_match(&f, 5, &sh));
	proc_filter_free(&f);
}

/* Each numeric operator on uid and pid; the bounds of a field combine. */
static void test_numeric_operators(void **state)
{
	static const struct {
		const char *expr;
		bool sh, cat;	/* uid 0, uid 1000 */
	} cases[] = {
		{ "uid=1000", false, true },
		{ "uid!=1000", true, false },
		{ "uid<1000", true, false },
		{ "uid>0", false, true },
		{ "uid<=1000", true, true },
		{ "uid>=1", false, true },
		{ "uid>=0", true, true },
		{ "uid<0", false, false },
	};
	struct proc_filter f = { 0 };

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		parse_ok(&f, cases[i].expr);
		if (proc_filter_match(&f, 5, &sh) != cases[i].sh ||
		    proc_filter_match(&f, 5, &cat) != cases[i].cat)
			fail_msg("%s", cases[i].expr);
		/* an unknown identity matches no bound */
		assert_false(proc_filter_match(&f, 5, NULL) &&
			     cases[i].expr[3] != '!');
		proc_filter_free(&f);
	}
	parse_ok(&f, "pid>10");
	parse_ok(&f, "pid<=20");
	assert_false(proc_filter_match(&f, 10, NULL));
	assert_true(proc_filter_match(&f, 11, NULL));
	assert_true(proc_filter_match(&f, 20, NULL));
	assert_false(proc_filter_match(&f, 21, NULL));
	proc_filter_free(&f);
}

/* follow: the children of a matching process match, and theirs; a pid
 * that is gone is forgotten. Without follow, children are on their own. */
static void test_follow(void **state)
{
	struct proc_filter f = { 0 };
	static const struct proc_ident ls = { .comm = "ls", .uid = 0 };

	parse_ok(&f, "comm=sh");
	proc_filter_on_fork(&f, 5, &sh, 6);
	assert_false(proc_filter_match(&f, 6, &cat));
	parse_ok(&f, "follow");
	proc_filter_on_fork(&f, 5, &sh, 6);
	proc_filter_on_fork(&f, 6, &cat, 7);	/* cat's child: followed */
	proc_filter_on_fork(&f, 8, &ls, 9);	/* ls matches nothing */
	proc_filter_on_fork(&f, 5, &sh, 4);
	assert_true(proc_filter_match(&f, 6, &cat));
	assert_true(proc_filter_match(&f, 7, &ls));
	assert_true(proc_filter_match(&f, 4, &ls));
	assert_false(proc_filter_match(&f, 8, &ls));
	assert_false(proc_filter_match(&f, 9, &ls));
	proc_filter_on_exit(&f, 6);
	assert_false(proc_filter_match(&f, 6, &cat));
	assert_true(proc_filter_match(&f, 7, &ls));
	assert_true(proc_filter_match(&f, 4, &ls));
	proc_filter_free(&f);
}

/* A syscall event at its exit, with its arguments. */
static struct event exit_event(struct syscall_event *sc)
{
	struct event ev = { .kind = EV_SYSCALL_EXIT, .pid = 5, .tid = 5,
			    .u.sc = sc };

	return ev;
}

static bool passes(const char *expr, struct syscall_event *sc)
{
	struct proc_filter f = { 0 };
	struct event ev = exit_event(sc);
	bool ok;

	parse_ok(&f, expr);
	ok = proc_filter_match_event(&f, &ev);
	assert_false(proc_filter_active(&f));
	assert_true(proc_filter_has_event_conds(&f));
	proc_filter_free(&f);
	return ok;
}

static void test_retval(void **state)
{
	struct syscall_event ok = { .desc = desc("read"), .rval = 3 };
	struct syscall_event failed = { .desc = desc("openat"), .rval = -2,
					.err = 2 };
	struct syscall_event gone = { .desc = desc("exit_group"),
				      .ret_unknown = true };
	struct event enter = { .kind = EV_SYSCALL_ENTER, .u.sc = &failed };
	struct proc_filter f = { 0 };

	assert_true(passes("retval<0", &failed));
	assert_false(passes("retval<0", &ok));
	assert_false(passes("retval<0", &gone));
	assert_true(passes("retval>=3", &ok));
	assert_false(passes("retval>3", &ok));
	assert_true(passes("retval<=-2", &failed));
	assert_true(passes("retval=3,4", &ok));
	assert_true(passes("retval!=3", &failed));
	assert_false(passes("retval!=3", &ok));
	assert_true(passes("retval!=3", &gone));
	/* SYSCALL.retval decides that syscall's events only */
	assert_true(passes("openat.retval=0", &ok));
	assert_false(passes("openat.retval=0", &failed));
	/* undecided at entry; other events pass */
	parse_ok(&f, "retval>0");
	assert_true(proc_filter_match_event(&f, &enter));
	enter.kind = EV_EXITED;
	assert_true(proc_filter_match_event(&f, &enter));
	proc_filter_free(&f);
}

static void test_arguments(void **state)
{
	struct syscall_event open = { .desc = desc("openat"), .nargs = 3,
				      .rval = 3 };
	struct syscall_event write = { .desc = desc("write"), .nargs = 3,
				       .rval = 5 };

	open.args[0] = value_enum(&arena, "dirfd", (uint64_t)-100, NULL,
				  V_INT);
	open.args[1] = value_string(&arena, "pathname", 0, "/etc/passwd", 11,
				    false);
	open.args[2] = value_hex(&arena, "flags", 0x80000);
	write.args[0] = value_new(&arena, V_FD, "fd", 2);
	write.args[1] = value_string(&arena, "buf", 0, "oops\n", 5, false);
	write.args[2] = value_uint(&arena, "count", 5);

	assert_true(passes("openat.pathname=/etc/*", &open));
	assert_false(passes("openat.pathname=/usr/*", &open));
	assert_true(passes("openat.pathname=/usr/*,/etc/pass*", &open));
	assert_false(passes("openat.pathname!=/etc/*", &open));
	/* other syscalls are not judged by it */
	assert_true(passes("openat.pathname=/usr/*", &write));
	assert_true(passes("write.fd=2", &write));
	assert_false(passes("write.fd=1", &write));
	assert_true(passes("write.fd!=1", &write));
	assert_true(passes("write.fd>1", &write));
	assert_false(passes("write.fd<2", &write));
	assert_true(passes("write.fd<=2", &write));
	assert_true(passes("write.fd>=2", &write));
	assert_true(passes("write.count>=5", &write));
	/* a pattern is matched against the printed value */
	assert_true(passes("openat.flags=0x8*", &open));
	assert_true(passes("openat.flags=0x80000", &open));
	assert_true(passes("write.buf=oops*", &write));
	/* an argument the decoder left out (mode) matches no value */
	assert_false(passes("openat.mode=0", &open));
	assert_true(passes("openat.mode!=0", &open));
	/* several fields: all must hold */
	{
		struct proc_filter f = { 0 };
		struct event ev = exit_event(&write);

		parse_ok(&f, "write.fd=2");
		parse_ok(&f, "retval>5");
		assert_false(proc_filter_match_event(&f, &ev));
		write.rval = 6;
		assert_true(proc_filter_match_event(&f, &ev));
		proc_filter_free(&f);
	}
}

static int teardown(void **state)
{
	arena_free(&arena);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_filter),
		cmocka_unit_test(test_comm_list),
		cmocka_unit_test(test_negation_and_fields),
		cmocka_unit_test(test_pid_only),
		cmocka_unit_test(test_long_comm),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_comm_glob),
		cmocka_unit_test(test_numeric_operators),
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_retval),
		cmocka_unit_test(test_arguments),
	};

	return cmocka_run_group_tests_name("unit: --filter", tests, NULL,
					   teardown);
}
