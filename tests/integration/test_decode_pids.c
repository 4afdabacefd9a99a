/* --pidns-translation, -Y and --decode-pids: tests/programs/pidns_ids
 * makes calls with ids from inside a new PID namespace and prints the
 * lines mytrace must write for them; each must be in the trace. Outside
 * a namespace, -Y must print what the installed strace prints. And
 * -e namespace=new, on tests/programs/namespaces's lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define CALLS "-e", \
	"trace=getpid,gettid,kill,getppid,setsid,getsid,getpgid,ioprio_get," \
	"ioprio_set,prctl,ioctl"

/* Every line the program printed is in the trace, and nothing else of
 * the inner process is. */
static void assert_program_lines(const char *const flags[], const char *mode)
{
	const char *args[16];
	struct run_result r;
	char *norm, *line, *save = NULL, *out;
	size_t n = 0;
	int lines = 0;

	while (flags[n]) {
		args[n] = flags[n];
		n++;
	}
	args[n++] = test_program("pidns_ids");
	args[n++] = mode;
	args[n] = NULL;
	run_traced(&r, args);
	if (strncmp(r.out, "SKIP", 4) == 0) {
		run_result_free(&r);
		skip();
	}
	assert_int_equal(r.exit_code, 0);
	norm = normalize_trace(r.trace);
	/* the program prints hex numbers too (a pid type): mask them alike */
	out = normalize_trace(r.out);
	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		assert_has_line(norm, line);
		lines++;
	}
	assert_int_equal(lines, 12);
	free(out);
	free(norm);
	run_result_free(&r);
}

static void test_pidns_translation(void **state)
{
	const char *flags[] = { "--pidns-translation", "-f", CALLS, NULL };

	assert_program_lines(flags, "pidns");
}

/* both: the name after the id, the comment after the name */
static void test_decode_pids_all(void **state)
{
	const char *flags[] = { "--decode-pids=comm,pidns", "-f", CALLS,
				NULL };

	assert_program_lines(flags, "all");
}

/* -Y after --pidns-translation replaces it, as in strace: names only */
static void test_last_wins(void **state)
{
	const char *args[] = { "--pidns-translation", "-Y", "-f", CALLS,
			       test_program("pidns_ids"), "pidns", NULL };
	struct run_result r;

	run_traced(&r, args);
	if (strncmp(r.out, "SKIP", 4) == 0) {
		run_result_free(&r);
		skip();
	}
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.trace, "getpid()"));
	assert_non_null(strstr(r.trace, "= 1<pidns_ids>\n"));
	assert_null(strstr(r.trace, "PID NS"));
	run_result_free(&r);
}

/* In mytrace's own namespace -Y reads as strace's: masked digits. */
static void test_comm_like_strace(void **state)
{
	const char *args[] = { "-Y", "-e", "trace=getpid,kill",
			       "/bin/sh", "-c", "kill -0 $$", NULL };
	struct run_result m, s;
	char *mine, *theirs;

	if (!have_strace())
		skip();
	run_traced(&m, args);
	run_strace(&s, args);
	mine = mask_each_digit(m.trace);
	theirs = mask_each_digit(s.trace);
	assert_string_equal(mine, theirs);
	assert_non_null(strstr(mine, "<sh>, N)"));
	free(mine);
	free(theirs);
	run_result_free(&m);
	run_result_free(&s);
}

/* -e namespace=new (strace 6.14): a successful unshare or setns ends
 * with the namespaces the thread is in now; a failed one with nothing */
static void test_namespace_new(void **state)
{
	const char *forms[][2] = { { "-e", "namespace=new" },
				   { "--namespace=new", NULL } };

	for (size_t f = 0; f < 2; f++) {
		const char *args[] = { "-e", "trace=unshare,setns", forms[f][0],
				       forms[f][1], NULL, NULL };
		struct run_result r;
		char *norm, *line, *save = NULL;
		int lines = 0;

		args[forms[f][1] ? 4 : 3] = test_program("namespaces");
		run_traced(&r, args);
		if (strncmp(r.out, "SKIP", 4) == 0 || strstr(r.out, "\nSKIP")) {
			run_result_free(&r);
			skip();
		}
		assert_int_equal(r.exit_code, 0);
		norm = normalize_trace(r.trace);
		for (line = strtok_r(r.out, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save), lines++)
			assert_has_line(norm, line);
		assert_int_equal(lines, 4);
		free(norm);
		run_result_free(&r);
	}
	assert_usage_error((const char *[]){ "-e", "namespace=old", "true",
			   NULL }, "mytrace: invalid namespace 'old'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pidns_translation),
		cmocka_unit_test(test_decode_pids_all),
		cmocka_unit_test(test_last_wins),
		cmocka_unit_test(test_comm_like_strace),
		cmocka_unit_test(test_namespace_new),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
