/* End-to-end tests of --format=table: the header, and the cells of the
 * rows for known calls, read at the columns where they must start. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

enum { TIME, UID, COMM, PID, TID, SYSCALL, ARGS, RETVAL, NCOLS };

static const size_t column_at[NCOLS] = { 0, 17, 29, 46, 55, 64, 88, 152 };

#define HEADER "TIME             UID         COMM             PID      TID  " \
	"    SYSCALL                 ARGS                                  " \
	"                          RETVAL"

struct row {
	char cell[NCOLS][512];
};

/* Splits a line into its cells. Cells are parted by two or more spaces;
 * a cell belongs to the last column starting at or before it (a cell
 * that overflowed pushes the next one right, never into a later column),
 * and columns skipped over are empty. */
static bool split_row(const char *line, size_t len, struct row *row)
{
	size_t pos = 0;
	int col = -1;

	memset(row, 0, sizeof(*row));
	while (pos < len) {
		size_t end = pos;
		int c = col + 1;

		while (end < len && !(line[end] == ' ' && end + 1 < len &&
				      line[end + 1] == ' '))
			end++;
		while (c + 1 < NCOLS && column_at[c + 1] <= pos)
			c++;
		if (c >= NCOLS || end - pos >= sizeof(row->cell[0]))
			return false;
		memcpy(row->cell[c], line + pos, end - pos);
		col = c;
		pos = end;
		while (pos < len && line[pos] == ' ')
			pos++;
	}
	return true;
}

/* The first row whose SYSCALL cell is name and whose ARGS start with
 * args_prefix; false when there is none. */
static bool find_row(const char *trace, const char *name,
		     const char *args_prefix, struct row *row)
{
	for (const char *p = trace; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (split_row(p, len, row) &&
		    strcmp(row->cell[SYSCALL], name) == 0 &&
		    strncmp(row->cell[ARGS], args_prefix,
			    strlen(args_prefix)) == 0)
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}

static void assert_who(const struct row *row, const char *comm)
{
	char uid[16];

	snprintf(uid, sizeof(uid), "%u", (unsigned)getuid());
	assert_int_equal(strspn(row->cell[TIME], "0123456789:."), 15);
	assert_string_equal(row->cell[UID], uid);
	assert_string_equal(row->cell[COMM], comm);
	assert_true(atoi(row->cell[PID]) > 0);
	assert_string_equal(row->cell[PID], row->cell[TID]);
}

static void test_write_and_error(void **state)
{
	struct run_result r;
	struct row row;
	const char *args[] = { "--format=table", test_program("write_hello"),
			       NULL };
	const char *args2[] = { "--format=table", test_program("open_missing"),
				NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "hello\n");
	assert_memory_equal(r.trace, HEADER "\n", strlen(HEADER) + 1);
	assert_true(find_row(r.trace, "write", "", &row));
	assert_who(&row, "write_hello");
	assert_string_equal(row.cell[ARGS], "1, \"hello\\n\", 6");
	assert_string_equal(row.cell[RETVAL], "6");
	assert_true(find_row(r.trace, "exit_group", "", &row));
	assert_string_equal(row.cell[ARGS], "0");
	assert_string_equal(row.cell[RETVAL], "?");
	assert_true(find_row(r.trace, "exited", "", &row));
	assert_who(&row, "write_hello");
	assert_string_equal(row.cell[ARGS], "");
	assert_string_equal(row.cell[RETVAL], "0");
	run_result_free(&r);

	run_traced(&r, args2);
	assert_true(find_row(r.trace, "openat", "AT_FDCWD, \"/nonexistent",
			     &row));
	assert_who(&row, "open_missing");
	assert_string_equal(row.cell[ARGS], "AT_FDCWD, "
			    "\"/nonexistent/mytrace-test\", O_RDONLY");
	assert_string_equal(row.cell[RETVAL],
			    "-1 ENOENT (No such file or directory)");
	run_result_free(&r);
}

static void test_signal_rows(void **state)
{
	struct run_result r;
	struct row row;
	const char *args[] = { "--format=table", "-N", test_program("segv"),
			       NULL };

	run_traced(&r, args);
	assert_true(find_row(r.trace, "SIGSEGV", "{si_signo=SIGSEGV", &row));
	assert_who(&row, "segv");
	assert_string_equal(row.cell[RETVAL], "");
	assert_true(find_row(r.trace, "killed", "", &row));
	assert_string_equal(row.cell[RETVAL], "SIGSEGV");
	/* -N: argument names in the ARGS cells */
	assert_true(find_row(r.trace, "brk", "", &row));
	assert_string_equal(row.cell[ARGS], "addr=NULL");
	run_result_free(&r);
}

/* One line per event, no colour when the output is a file. */
static void test_grep_friendly(void **state)
{
	struct run_result r;
	const char *args[] = { "--format=table", "-s", "64",
			       test_program("strings"), NULL };

	run_traced(&r, args);
	assert_null(strchr(r.trace, '\033'));
	assert_int_equal(count_lines_with_prefix(r.trace, "TIME "), 1);
	/* a buffer with a newline and quotes stays on its row */
	assert_non_null(strstr(r.trace, "  write                   1, "
			       "\"\\1\\2\\177\\377\\t\\n\\\"\\\\0a\", 10"));
	run_result_free(&r);
}

/* -f: each process's rows carry its own pid and name, and the pid
 * prefix of the text format never enters a row. */
static void test_follow(void **state)
{
	struct run_result r;
	struct row sh, echo;
	const char *args[] = { "-f", "--format=table", "-e",
			       "trace=write,exit_group", "/bin/sh", "-c",
			       "/bin/echo a; exit 4", NULL };

	run_traced(&r, args);
	if (r.exit_code == 1 && strstr(r.err, "invalid option"))
		skip();
	assert_int_equal(r.exit_code, 4);
	assert_true(find_row(r.trace, "write", "1, \"a\\n\"", &echo));
	assert_who(&echo, "echo");
	assert_true(find_row(r.trace, "exit_group", "4", &sh));
	assert_who(&sh, "sh");
	assert_string_not_equal(sh.cell[PID], echo.cell[PID]);
	assert_int_equal(count_lines_with_prefix(r.trace, "TIME "), 1);
	assert_null(strstr(r.trace, "[pid"));
	run_result_free(&r);
}

/* Where the RETVAL cell of a syscall row starts: after the last run of
 * two spaces (a return value never holds two spaces in a row). */
static size_t retval_offset(const char *line, size_t len)
{
	size_t at = 0;

	for (size_t i = 1; i < len; i++)
		if (line[i - 1] == ' ' && line[i] == ' ' && i + 1 < len &&
		    line[i + 1] != ' ')
			at = i + 1;
	return at;
}

/* A real multi-process trace: every syscall row's RETVAL starts in the
 * header's column, however long the arguments, and every exec row comes
 * after its execve's row. */
static void test_retval_column(void **state)
{
	struct run_result r;
	const char *args[] = { "-f", "--format=table", "-s", "200", "/bin/sh",
			       "-c", "/bin/ls -l / /usr/bin/ >/dev/null; "
			       "/bin/cat /nope; exit 1",
			       NULL };
	unsigned rows = 0, execs = 0, cut = 0;
	bool after_execve = false;

	run_traced(&r, args);
	if (r.exit_code == 1 && strstr(r.err, "invalid option"))
		skip();
	assert_int_equal(r.exit_code, 1);
	for (const char *p = strchr(r.trace, '\n') + 1; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = (size_t)(end - p);
		/* ARGS may hold two spaces (ls -l's lines): only the
		 * cells before it are split */
		char name[32] = "";

		assert_true(len > column_at[SYSCALL]);
		sscanf(p + column_at[SYSCALL], "%31s", name);
		if (strcmp(name, "exec") == 0) {
			assert_true(after_execve);
			execs++;
		}
		after_execve = strcmp(name, "execve") == 0;
		if (len > column_at[RETVAL]) {
			assert_int_equal(retval_offset(p, len),
					 column_at[RETVAL]);
			rows++;
		}
		if (len >= 5 && memcmp(p + column_at[RETVAL] - 5, "...  ",
				       5) == 0)
			cut++;
		p = end + 1;
	}
	assert_true(rows > 100);
	assert_int_equal(execs, 3);	/* sh, ls and cat */
	assert_true(cut > 0);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_and_error),
		cmocka_unit_test(test_signal_rows),
		cmocka_unit_test(test_grep_friendly),
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_retval_column),
	};

	return cmocka_run_group_tests_name("integration: --format=table", tests,
					   NULL, NULL);
}
