/* Unit tests of -e inject= / fault= parsing and of the when= counting,
 * per syscall and per thread. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "inject.h"

static const struct syscall_table *t = &syscall_table_x86_64;
#define NR_OPENAT 257
#define NR_READ 0

/* Which of the first n calls of nr by tid the rules tamper with, as a
 * string of '.' and 'X'. */
static void pattern(struct inject_state *st, pid_t tid, uint64_t nr,
		    unsigned n, char *out)
{
	for (unsigned i = 0; i < n; i++)
		out[i] = inject_decide(st, tid, nr).rule ? 'X' : '.';
	out[n] = 0;
}

static void test_when_forms(void **state)
{
	static const struct {
		const char *spec;
		const char *expect;
	} cases[] = {
		{ "openat:error=EIO", "XXXXXXXXXX" },
		{ "openat:error=EIO:when=3", "..X......." },
		{ "openat:error=EIO:when=3..5", "..XXX....." },
		{ "openat:error=EIO:when=3+", "..XXXXXXXX" },
		{ "openat:error=EIO:when=2+3", ".X..X..X.." },
		{ "openat:error=EIO:when=2..7+3", ".X..X....." },
		{ "openat:error=EIO:when=2..8+", ".XXXXXXX.." },
	};
	char err[256], got[16];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct inject_state *st = NULL;

		assert_int_equal(inject_parse(&st, t, cases[i].spec, false,
					      err, sizeof(err)), 0);
		pattern(st, 100, NR_OPENAT, 10, got);
		if (strcmp(got, cases[i].expect) != 0)
			fail_msg("%s: got %s, want %s", cases[i].spec, got,
				 cases[i].expect);
		inject_free(st);
	}
}

static void test_counters_per_thread_and_syscall(void **state)
{
	struct inject_state *st = NULL;
	char err[256], got[8];

	assert_int_equal(inject_parse(&st, t, "openat,read:retval=0:when=2",
				      false, err, sizeof(err)), 0);
	pattern(st, 1, NR_OPENAT, 3, got);
	assert_string_equal(got, ".X.");
	/* another syscall, another thread: their own counts */
	pattern(st, 1, NR_READ, 3, got);
	assert_string_equal(got, ".X.");
	pattern(st, 2, NR_OPENAT, 3, got);
	assert_string_equal(got, ".X.");
	/* a thread that ends and whose id comes back starts again */
	inject_forget(st, 1);
	pattern(st, 1, NR_OPENAT, 3, got);
	assert_string_equal(got, ".X.");
	/* untouched syscalls are left alone */
	pattern(st, 1, 39, 3, got);
	assert_string_equal(got, "...");
	inject_free(st);
}

static void test_rule_contents(void **state)
{
	struct inject_state *st = NULL;
	const struct inject_rule *r;
	char err[256];

	assert_int_equal(inject_parse(&st, t, "%file:error=EACCES:signal=SIGUSR1"
				      ":delay_enter=2ms:delay_exit=3",
				      false, err, sizeof(err)), 0);
	r = inject_decide(st, 1, NR_OPENAT).rule;
	assert_non_null(r);
	assert_true(r->fault);
	assert_int_equal(r->err, EACCES);
	assert_int_equal(r->signo, 10);
	assert_int_equal(r->delay_enter_us, 2000);
	assert_int_equal(r->delay_exit_us, 3);
	/* %file holds no read */
	assert_null(inject_decide(st, 1, NR_READ).rule);
	/* the last rule naming a syscall wins */
	assert_int_equal(inject_parse(&st, t, "openat:retval=-1", false, err,
				      sizeof(err)), 0);
	r = inject_decide(st, 1, NR_OPENAT).rule;
	assert_int_equal(r->err, 0);
	assert_int_equal(r->retval, -1);
	inject_free(st);
	/* fault= fails with ENOSYS unless told otherwise */
	st = NULL;
	assert_int_equal(inject_parse(&st, t, "openat", true, err,
				      sizeof(err)), 0);
	r = inject_decide(st, 1, NR_OPENAT).rule;
	assert_int_equal(r->err, ENOSYS);
	inject_free(st);
}

static void test_pokes_and_instead(void **state)
{
	struct inject_state *st = NULL;
	const struct inject_rule *r;
	char err[256];

	assert_int_equal(inject_parse(&st, t, "openat:error=eio:syscall=gettid"
				      ":poke_enter=@arg2=2f00,@arg1=FF"
				      ":poke_exit=@arg3=00", false, err,
				      sizeof(err)), 0);
	r = inject_decide(st, 1, NR_OPENAT).rule;
	assert_non_null(r);
	assert_int_equal(r->err, EIO);
	assert_int_equal(r->run_instead, syscall_number(t, "gettid"));
	assert_int_equal(r->poke_enter.n, 2);
	assert_int_equal(r->poke_enter.v[0].arg, 2);
	assert_int_equal(r->poke_enter.v[0].len, 2);
	assert_memory_equal(r->poke_enter.v[0].data, "/", 2);
	assert_int_equal(r->poke_enter.v[1].data[0], 0xff);
	assert_int_equal(r->poke_exit.n, 1);
	inject_free(st);
	/* a poke alone is enough; no syscall=: -1, nothing runs instead */
	st = NULL;
	assert_int_equal(inject_parse(&st, t, "openat:poke_exit=@arg1=00",
				      false, err, sizeof(err)), 0);
	r = inject_decide(st, 1, NR_OPENAT).rule;
	assert_false(r->fault);
	assert_int_equal(r->run_instead, -1);
	inject_free(st);
}

static void test_errors(void **state)
{
	static const struct {
		const char *spec;
		bool fault;
		const char *message;
	} cases[] = {
		{ "openat:error=EFOO", false, "unknown error 'EFOO'" },
		{ "openat:error=0", false, "unknown error '0'" },
		{ "openat:error=4096", false, "unknown error '4096'" },
		{ "openat:error=EIO:when=0", false, "when= first must be" },
		{ "openat:error=EIO:when=65536", false, "when= first must be" },
		{ "openat:error=EIO:when=4..3", false, "bad when= range" },
		{ "openat:error=EIO:when=1+0", false, "when= step must be" },
		{ "openat:error=EIO:when=1x", false, "bad when= '1x'" },
		{ "openat:delay_enter=-5", false, "bad delay '-5'" },
		{ "openat:delay_exit=5h", false, "bad delay '5h'" },
		{ "openat:error=EIO:retval=1", false, "only one of error=" },
		{ "openat:retval=1:error=EIO", false, "only one of error=" },
		{ "openat:retval=x", false, "bad retval 'x'" },
		{ "openat:signal=SIGFOO", false, "unknown signal 'SIGFOO'" },
		{ "openat:signal=1:signal=2", false, "only one signal=" },
		{ "openat", false, "one of error=, retval=" },
		{ "openat:when=2", false, "one of error=, retval=" },
		{ "openat:bogus=1", false, "unknown option 'bogus=1'" },
		{ "openat:bogus", false, "'bogus' is not KEY=VALUE" },
		{ "nosuchcall:error=EIO", false, "invalid system call" },
		{ "openat:retval=1", true, "fault= takes only error=" },
		{ "openat:signal=USR1", true, "fault= takes only error=" },
		{ "openat:delay_enter=1:delay_enter=2", false,
		  "only one delay_enter=" },
		{ "openat:error=EIO:syscall=openat", false, "(%pure)" },
		{ "openat:error=EIO:syscall=nosuch", false,
		  "unknown syscall 'nosuch'" },
		{ "openat:error=EIO:syscall=gettid:syscall=gettid", false,
		  "only one syscall=" },
		{ "openat:syscall=gettid", false, "one of error=, retval=" },
		{ "openat:poke_enter=", false, "need @argN=HEX" },
		{ "openat:poke_enter=@arg0=00", false, "N of @argN is 1..7" },
		{ "openat:poke_enter=@arg8=00", false, "N of @argN is 1..7" },
		{ "openat:poke_enter=@arg1", false, "is not @argN=HEX" },
		{ "openat:poke_enter=@arg1=000", false, "two digits each" },
		{ "openat:poke_enter=@arg1=zz", false, "not hexadecimal" },
		{ "openat:poke_exit=@arg1=00,@arg1=00", false, "poked twice" },
		{ "openat:poke_exit=@arg1=00:poke_exit=@arg2=00", false,
		  "only one poke_enter= and one poke_exit=" },
	};
	char err[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct inject_state *st = NULL;

		err[0] = 0;
		/* -2: the syscall set is what is wrong */
		if (inject_parse(&st, t, cases[i].spec, cases[i].fault, err,
				 sizeof(err)) >= 0)
			fail_msg("'%s' was accepted", cases[i].spec);
		if (!strstr(err, cases[i].message))
			fail_msg("'%s': got '%s', want '%s'", cases[i].spec,
				 err, cases[i].message);
		assert_null(st);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_when_forms),
		cmocka_unit_test(test_counters_per_thread_and_syscall),
		cmocka_unit_test(test_rule_contents),
		cmocka_unit_test(test_pokes_and_instead),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
