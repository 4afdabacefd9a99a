/* Unit tests of --filter: parsing, value lists, negation, how fields
 * combine, unknown identities, and the messages for bad expressions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "proc_filter.h"

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
}

static void test_pid_only(void **state)
{
	struct proc_filter f = { 0 };

	parse_ok(&f, "pid=42");
	assert_true(proc_filter_active(&f));
	assert_false(proc_filter_needs_ident(&f));
	assert_true(proc_filter_match(&f, 42, NULL));
	assert_false(proc_filter_match(&f, 43, NULL));
}

/* The kernel keeps 15 bytes of a name: a longer value matches those. */
static void test_long_comm(void **state)
{
	struct proc_filter f = { 0 };
	struct proc_ident id = { .comm = "systemd-journal" };

	parse_ok(&f, "comm=systemd-journald");
	assert_true(proc_filter_match(&f, 1, &id));
}

static void test_errors(void **state)
{
#define PREFIX "invalid --filter argument "
	parse_fails("comm", PREFIX "'comm': expected FIELD=VALUE or "
		    "FIELD!=VALUE");
	parse_fails("=sh", PREFIX "'=sh': expected FIELD=VALUE or "
		    "FIELD!=VALUE");
	parse_fails("name=sh", PREFIX "'name=sh': unknown field 'name' "
		    "(comm, uid or pid)");
	parse_fails("comm=", PREFIX "'comm=': missing value");
	parse_fails("pid=1,,2", PREFIX "'pid=1,,2': missing value");
	parse_fails("uid=root", PREFIX "'uid=root': 'root' is not a valid "
		    "uid");
	parse_fails("pid!=-1", PREFIX "'pid!=-1': '-1' is not a valid pid");
	parse_fails("pid=99999999999", PREFIX "'pid=99999999999': "
		    "'99999999999' is not a valid pid");
	parse_fails("uid=4294967295", PREFIX "'uid=4294967295': "
		    "'4294967295' is not a valid uid");
}

static void test_too_many(void **state)
{
	struct proc_filter f = { 0 };
	char err[256];

	for (unsigned i = 0; i < PROC_FILTER_MAX; i++)
		parse_ok(&f, "pid=1");
	assert_int_equal(proc_filter_parse(&f, "pid=2", err, sizeof(err)), -1);
	assert_string_equal(err, PREFIX "'pid=2': more than 32 values");
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
		cmocka_unit_test(test_too_many),
	};

	return cmocka_run_group_tests_name("unit: --filter", tests, NULL, NULL);
}
