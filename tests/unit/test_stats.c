/* Unit tests of the -c summary: sort keys, column lists, and the table
 * strace prints, from synthetic call records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture.h"
#include "stats.h"

static void record(struct stats *st, uint64_t nr, const char *name,
		   long usec, bool failed)
{
	struct timespec d = { usec / 1000000, (usec % 1000000) * 1000 };

	stats_record(st, nr, name, &d, failed);
}

static char *render(const struct stats_opts *o, bool long_name)
{
	struct stats *st = stats_new(o);
	struct sink *s = capture_open();
	char *text;

	record(st, 0, "read", 300, false);
	record(st, 0, "read", 100, false);
	record(st, 257, "openat", 600, true);
	record(st, 3, "close", 0, false);
	if (long_name)
		record(st, 204, "sched_getaffinity", 0, false);
	record(st, 5000, NULL, 0, true);	/* a number the table lacks */
	stats_print(st, s);
	text = capture_text(s);
	sink_close(s);
	stats_free(st);
	return text;
}

static void test_default_table(void **state)
{
	struct stats_opts o = { .count = true };
	char *text = render(&o, false);

	assert_string_equal(text,
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 60.00    0.000600         600         1         1 openat\n"
		" 40.00    0.000400         200         2           read\n"
		"  0.00    0.000000           0         1           close\n"
		"  0.00    0.000000           0         1         1 syscall_0x1388\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.001000         200         5         2 total\n");
	free(text);
}

static void test_columns_sort_and_wide_names(void **state)
{
	struct stats_opts o = { .count = true };
	char err[256];
	char *text;

	assert_int_equal(stats_parse_sort("count", &o.sort), 0);
	assert_int_equal(stats_parse_columns("calls,shortest,longest", &o, err,
					     sizeof(err)), 0);
	text = render(&o, true);
	/* the name goes last when not placed; its column fits the longest */
	assert_string_equal(text,
		"    calls shortest  longest syscall\n"
		"--------- -------- -------- ------------------\n"
		"        2 0.000100 0.000300 read\n"
		"        1 0.000000 0.000000 close\n"
		"        1 0.000000 0.000000 sched_getaffinity\n"
		"        1 0.000600 0.000600 openat\n"
		"        1 0.000000 0.000000 syscall_0x1388\n"
		"--------- -------- -------- ------------------\n"
		"        6 0.000000 0.000600 total\n");
	free(text);
}

static void test_sort_by_name_and_nothing(void **state)
{
	struct stats_opts o = { .count = true };
	char err[256];
	char *text;

	assert_int_equal(stats_parse_columns("name", &o, err, sizeof(err)), 0);
	assert_int_equal(stats_parse_sort("syscall", &o.sort), 0);
	text = render(&o, false);
	assert_string_equal(text,
		"syscall\n----------------\nclose\nopenat\nread\n"
		"syscall_0x1388\n----------------\ntotal\n");
	free(text);
	assert_int_equal(stats_parse_sort("none", &o.sort), 0);
	text = render(&o, false);
	/* in the order of the syscall numbers */
	assert_string_equal(text,
		"syscall\n----------------\nread\nclose\nopenat\n"
		"syscall_0x1388\n----------------\ntotal\n");
	free(text);
}

static void test_bad_keys(void **state)
{
	struct stats_opts o = { .count = true };
	enum stats_sort sort;
	char err[256];

	assert_int_equal(stats_parse_sort("speed", &sort), -1);
	assert_int_equal(stats_parse_columns("calls,speed", &o, err,
					     sizeof(err)), -1);
	assert_string_equal(err, "unknown column name: 'speed'");
	assert_int_equal(stats_parse_columns("time,,name", &o, err,
					     sizeof(err)), -1);
	assert_string_equal(err, "unknown column name: ''");
	assert_int_equal(stats_parse_columns("calls,count,name", &o, err,
					     sizeof(err)), -1);
	assert_string_equal(err, "call summary column has been provided "
			    "more than once: 'count' (-U option residual: "
			    "'count,name')");
}

static void test_empty(void **state)
{
	struct stats_opts o = { .count = true };
	struct stats *st = stats_new(&o);
	struct sink *s = capture_open();
	char *text;

	stats_print(st, s);
	text = capture_text(s);
	assert_string_equal(text, "");
	free(text);
	sink_close(s);
	stats_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_table),
		cmocka_unit_test(test_columns_sort_and_wide_names),
		cmocka_unit_test(test_sort_by_name_and_nothing),
		cmocka_unit_test(test_bad_keys),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
