/* Unit tests of -e trace= parsing: names, classes, regexes, negation,
 * accumulation and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "filter.h"

static const struct syscall_table *t = &syscall_table_x86_64;

static int parse(struct syscall_set *s, bool *first, const char *spec,
		 char *err)
{
	return syscall_set_parse(s, first, t, spec, err, 256);
}

static void test_names(void **state)
{
	struct syscall_set s;
	bool first = true;
	char err[256];

	assert_int_equal(parse(&s, &first, "openat,close", err), 0);
	assert_true(syscall_set_has(&s, 257));
	assert_true(syscall_set_has(&s, 3));
	assert_false(syscall_set_has(&s, 0));
	assert_false(syscall_set_has(&s, 5000));
	/* a second expression adds to the first */
	assert_int_equal(parse(&s, &first, "read", err), 0);
	assert_true(syscall_set_has(&s, 0));
	assert_true(syscall_set_has(&s, 257));
}

static void test_negation(void **state)
{
	struct syscall_set s;
	bool first = true;
	char err[256];

	assert_int_equal(parse(&s, &first, "!write", err), 0);
	assert_false(syscall_set_has(&s, 1));
	assert_true(syscall_set_has(&s, 0));
	assert_true(syscall_set_has(&s, 5000));
}

static void test_classes_and_regex(void **state)
{
	struct syscall_set s;
	bool first = true;
	char err[256];

	assert_int_equal(parse(&s, &first, "%file", err), 0);
	assert_true(syscall_set_has(&s, 257));	/* openat */
	assert_true(syscall_set_has(&s, 59));	/* execve */
	assert_false(syscall_set_has(&s, 1));	/* write */
	first = true;
	assert_int_equal(parse(&s, &first, "/^get.*id$", err), 0);
	assert_true(syscall_set_has(&s, 39));	/* getpid */
	assert_true(syscall_set_has(&s, 102));	/* getuid */
	assert_false(syscall_set_has(&s, 257));
}

static void test_all_none_optional(void **state)
{
	struct syscall_set s;
	bool first = true;
	char err[256];

	assert_int_equal(parse(&s, &first, "none", err), 0);
	assert_false(syscall_set_has(&s, 0));
	first = true;
	assert_int_equal(parse(&s, &first, "all", err), 0);
	assert_true(syscall_set_has(&s, 0));
	first = true;
	assert_int_equal(parse(&s, &first, "?nosuchcall,read", err), 0);
	assert_true(syscall_set_has(&s, 0));
}

/* strace's other spellings: numbers, classes without '%', personality
 * suffixes */
static void test_strace_forms(void **state)
{
	struct syscall_set s;
	bool first = true;
	char err[256];

	assert_int_equal(parse(&s, &first, "257,?999", err), 0);
	assert_true(syscall_set_has(&s, 257));
	assert_false(syscall_set_has(&s, 0));
	first = true;
	assert_int_equal(parse(&s, &first, "file", err), 0);
	assert_true(syscall_set_has(&s, 257));
	assert_false(syscall_set_has(&s, 1));
	first = true;
	/* stat is a syscall, not one of the old class names */
	assert_int_equal(parse(&s, &first, "stat", err), 0);
	assert_true(syscall_set_has(&s, 4));
	assert_false(syscall_set_has(&s, 6));	/* lstat */
	first = true;
	assert_int_equal(parse(&s, &first, "read@64,%desc@64,write@x32", err),
			 0);
	assert_true(syscall_set_has(&s, 0));
	assert_true(syscall_set_has(&s, 3));	/* close, in %desc */
	first = true;
	/* no x32 programs: the name is known there but matches nothing */
	assert_int_equal(parse(&s, &first, "write@x32", err), 0);
	assert_false(syscall_set_has(&s, 1));
	assert_int_equal(parse(&s, &first, "999", err), -1);
	assert_string_equal(err, "invalid system call '999'");
	assert_int_equal(parse(&s, &first, "read@16", err), -1);
	assert_string_equal(err, "invalid system call 'read@16'");
	assert_int_equal(parse(&s, &first, "none@64", err), -1);
	assert_string_equal(err, "invalid system call 'none@64'");
}

static void test_errors(void **state)
{
	struct syscall_set s;
	bool first = true;
	char err[256];

	assert_int_equal(parse(&s, &first, "nosuchcall", err), -1);
	assert_string_equal(err, "invalid system call 'nosuchcall'");
	assert_int_equal(parse(&s, &first, "%nosuchclass", err), -1);
	assert_string_equal(err, "invalid system call '%nosuchclass'");
	assert_int_equal(parse(&s, &first, "/(", err), -1);
	assert_memory_equal(err, "regcomp: (: ", 12);
	/* as strace: a list with no token is named whole, "none" and a
	 * negated name stand only alone, "?" forgives a bad class */
	assert_int_equal(parse(&s, &first, "", err), -1);
	assert_string_equal(err, "invalid system call ''");
	first = true;
	assert_int_equal(parse(&s, &first, "!,,", err), -1);
	assert_string_equal(err, "invalid system call '!,,'");
	first = true;
	assert_int_equal(parse(&s, &first, "read,none", err), -1);
	assert_string_equal(err, "invalid system call 'none'");
	first = true;
	assert_int_equal(parse(&s, &first, "read,!write", err), -1);
	assert_string_equal(err, "invalid system call '!write'");
	first = true;
	assert_int_equal(parse(&s, &first, "%nope@64", err), -1);
	assert_string_equal(err, "invalid system call '%nope@64'");
	first = true;
	assert_int_equal(parse(&s, &first, "?%nope,read", err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_negation),
		cmocka_unit_test(test_classes_and_regex),
		cmocka_unit_test(test_all_none_optional),
		cmocka_unit_test(test_strace_forms),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests_name("unit: filter", tests, NULL, NULL);
}
