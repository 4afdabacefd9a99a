/* Unit tests of the table formatter: the header, aligned rows for known
 * calls, errors, overflowing columns, quoted comms and other events. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "format.h"
#include "unit_helpers.h"

static struct arena arena;
static struct format_opts opts;
static const struct proc_ident who = { .comm = "prog", .uid = 1000 };

/* The layout: where each column starts; a cell that overflows is
 * followed by two spaces. */
static const size_t columns[] = { 0, 17, 29, 46, 55, 64, 88, 152 };

/* The expected row for cells (NULL: empty), from the UID column on. */
static char *row_of(const char *const cells[7])
{
	static char buf[1024];
	size_t len = 15;	/* TIME is cut off by render_call */
	size_t last = 0;

	for (unsigned i = 0; i < 7; i++)
		if (cells[i])
			last = i;
	memset(buf, 0, sizeof(buf));
	for (unsigned i = 0; i <= last; i++) {
		size_t col = columns[i + 1];

		if (!cells[i])
			continue;
		if (len + 2 <= col) {
			memset(buf + len - 15, ' ', col - len);
			len = col;
		} else {
			memcpy(buf + len - 15, "  ", 2);
			len += 2;
		}
		memcpy(buf + len - 15, cells[i], strlen(cells[i]));
		len += strlen(cells[i]);
	}
	buf[len - 15] = '\n';
	return buf;
}

#define HEADER "TIME             UID         COMM             PID      TID  " \
	"    SYSCALL                 ARGS                                  " \
	"                          RETVAL\n"

static char *render(const struct event *evs, unsigned n)
{
	return render_events(&format_table, &opts, evs, n);
}

/* The row of one call, after the header; TIME (local time) is cut off. */
static char *render_call(struct syscall_event *sc, const struct proc_ident *id)
{
	struct event evs[2] = {
		{ .kind = EV_SYSCALL_ENTER, .pid = 10, .tid = 11, .who = id,
		  .u.sc = sc },
		{ .kind = EV_SYSCALL_EXIT, .pid = 10, .tid = 11, .who = id,
		  .u.sc = sc },
	};
	char *text = render(evs, 2), *row;

	assert_memory_equal(text, HEADER, strlen(HEADER));
	row = text + strlen(HEADER);
	/* HH:MM:SS.uuuuuu */
	assert_int_equal(strspn(row, "0123456789:."), 15);
	assert_int_equal(row[2], ':');
	assert_int_equal(row[8], '.');
	row = strdup(row + 15);
	free(text);
	return row;
}

static void test_write_row(void **state)
{
	struct syscall_event sc = { .desc = desc("write"), .nargs = 3,
				    .nargs_enter = 3, .rval = 6 };
	char *row;

	sc.args[0] = value_new(&arena, V_FD, "fd", 1);
	sc.args[1] = value_string(&arena, "buf", 0, "hello\n", 6, false);
	sc.args[2] = value_uint(&arena, "count", 6);
	sc.ret = value_int(&arena, "ret", 6);
	row = render_call(&sc, &who);
	assert_string_equal(row, row_of((const char *[]){ "1000", "prog", "10",
		"11", "write", "1, \"hello\\n\", 6", "6" }));
	free(row);
	opts.arg_names = true;
	row = render_call(&sc, &who);
	opts.arg_names = false;
	assert_string_equal(row, row_of((const char *[]){ "1000", "prog", "10",
		"11", "write", "fd=1, buf=\"hello\\n\", count=6", "6" }));
	free(row);
}

static void test_error_and_overflow(void **state)
{
	struct syscall_event sc = { .desc = desc("openat"), .nargs = 3,
				    .nargs_enter = 3, .rval = -2, .err = 2 };
	static const struct proc_ident odd = { .comm = "my prog", .uid = 0 };
	char *row;

	sc.args[0] = value_int(&arena, "dirfd", -100);
	sc.args[1] = value_string(&arena, "pathname", 0,
				  "/nonexistent/mytrace-test", 25, false);
	sc.args[2] = value_hex(&arena, "flags", 0);
	row = render_call(&sc, &odd);
	assert_string_equal(row, row_of((const char *[]){ "0", "\"my prog\"",
		"10", "11", "openat",
		"-100, \"/nonexistent/mytrace-test\", 0",
		"-1 ENOENT (No such file or directory)" }));
	free(row);
	/* ARGS longer than its 64 columns is cut: RETVAL stays in place */
	sc.args[1] = value_string(&arena, "pathname", 0,
				  "/nonexistent/a-rather-long-directory-name/"
				  "and-a-file-in-it", 58, false);
	row = render_call(&sc, &odd);
	assert_string_equal(row, row_of((const char *[]){ "0", "\"my prog\"",
		"10", "11", "openat", "-100, \"/nonexistent/a-rather-long-"
		"directory-name/and-a-file...",
		"-1 ENOENT (No such file or directory)" }));
	free(row);
	/* a cell before ARGS that overflows takes its room from ARGS */
	sc.desc = desc("landlock_create_ruleset");
	row = render_call(&sc, &odd);
	assert_string_equal(row, row_of((const char *[]){ "0", "\"my prog\"",
		"10", "11", "landlock_create_ruleset", "-100, \"/nonexistent/a-"
		"rather-long-directory-name/and-a-fil...",
		"-1 ENOENT (No such file or directory)" }));
	free(row);
	sc.desc = desc("openat");
	sc.args[1] = value_string(&arena, "pathname", 0,
				  "/nonexistent/mytrace-test", 25, false);
	sc.ret_unknown = true;
	sc.detached = true;
	row = render_call(&sc, NULL);
	assert_string_equal(row, row_of((const char *[]){ "-", "-", "10", "11",
		"openat", "-100, \"/nonexistent/mytrace-test\", 0",
		"? <detached>" }));
	free(row);
}

static void test_other_events(void **state)
{
	struct value *info = value_struct(&arena, NULL, 0);
	struct event evs[3] = {
		{ .kind = EV_SIGNAL, .pid = 5, .tid = 6, .who = &who,
		  .u.signal = { 17, info } },
		{ .kind = EV_EXITED, .pid = 5, .tid = 5, .who = &who,
		  .u.exit = { 3, false } },
		{ .kind = EV_KILLED, .pid = 5, .tid = 5, .who = &who,
		  .u.exit = { 11, true } },
	};
	char *text, *rows[3], *p;

	value_add(info, value_int(&arena, "si_pid", 7));
	text = render(evs, 3);
	p = text + strlen(HEADER);
	for (unsigned i = 0; i < 3; i++) {
		rows[i] = p + 15;	/* after TIME */
		p = strchr(p, '\n');
		assert_non_null(p);
		*p++ = 0;
	}
	assert_string_equal(p, "");
	assert_string_equal(rows[0], strtok(row_of((const char *[]){ "1000",
		"prog", "5", "6", "SIGCHLD", "{si_pid=7}", NULL }), "\n"));
	assert_string_equal(rows[1], strtok(row_of((const char *[]){ "1000",
		"prog", "5", "5", "exited", NULL, "3" }), "\n"));
	assert_string_equal(rows[2], strtok(row_of((const char *[]){ "1000",
		"prog", "5", "5", "killed", NULL, "SIGSEGV (core dumped)" }),
		"\n"));
	free(text);
}

static void test_color(void **state)
{
	struct syscall_event sc = { .desc = desc("close"), .nargs = 1,
				    .nargs_enter = 1, .rval = -9, .err = 9 };
	struct event ev = { .kind = EV_SYSCALL_EXIT, .pid = 10, .tid = 11,
			    .who = &who, .u.sc = &sc };
	char *text, *plain, want[256];

	sc.args[0] = value_int(&arena, "fd", 7);
	opts.color = COLOR_ALWAYS;
	text = render(&ev, 1);
	opts.color = COLOR_NEVER;
	plain = render(&ev, 1);
	/* escapes take no room: the columns stay where they were */
	assert_memory_equal(text, "\033[1m" HEADER, 4 + strlen(HEADER) - 1);
	assert_non_null(strstr(text, "\033[0m\n"));
	/* SYSCALL at 64, ARGS at 88, RETVAL at 152 */
	snprintf(want, sizeof(want), "    \033[1mclose\033[0m%19s7%63s\033[31m"
		 "-1 EBADF (Bad file descriptor)\033[0m\n", "", "");
	assert_non_null(strstr(text, want));
	snprintf(want, sizeof(want), "    close%19s7%63s-1 EBADF (Bad file "
		 "descriptor)\n", "", "");
	assert_non_null(strstr(plain, want));
	free(text);
	free(plain);
}

/* The core reports an exec before its execve's exit: the rows come in
 * time order all the same, the exec's after the execve's. */
static void test_exec_after_execve(void **state)
{
	struct syscall_event sc = { .desc = desc("execve"), .nargs = 1,
				    .nargs_enter = 1, .enter_ts = { 100, 5 } };
	struct event evs[4] = {
		{ .kind = EV_SYSCALL_ENTER, .pid = 5, .tid = 5, .who = &who,
		  .u.sc = &sc },
		{ .kind = EV_EXEC, .pid = 5, .tid = 5, .who = &who,
		  .ts = { 100, 9 } },
		{ .kind = EV_SYSCALL_EXIT, .pid = 5, .tid = 5, .who = &who,
		  .u.sc = &sc },
		{ .kind = EV_EXITED, .pid = 5, .tid = 5, .who = &who },
	};
	char *text, *execve, *exec, *exited;

	sc.args[0] = value_string(&arena, "pathname", 0, "/bin/x", 6, false);
	text = render(evs, 4);
	execve = strstr(text, "execve");
	exec = strstr(text, "exec\n");
	exited = strstr(text, "exited");
	assert_non_null(execve);
	assert_non_null(exec);
	assert_non_null(exited);
	assert_true(execve < exec);
	assert_true(exec < exited);
	free(text);
	/* execve untraced: the exec's row comes before the next call's */
	sc.desc = desc("brk");
	sc.enter_ts.tv_nsec = 20;
	text = render(&evs[1], 2);
	exec = strstr(text, "exec\n");
	assert_non_null(exec);
	assert_true(exec < strstr(text, "brk"));
	free(text);
	/* held to the end when nothing follows */
	text = render(&evs[1], 1);
	assert_non_null(strstr(text, "exec\n"));
	free(text);
}

static int teardown(void **state)
{
	arena_free(&arena);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_row),
		cmocka_unit_test(test_error_and_overflow),
		cmocka_unit_test(test_other_events),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_exec_after_execve),
	};

	return cmocka_run_group_tests_name("unit: table format", tests, NULL,
					   teardown);
}
