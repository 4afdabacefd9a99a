/* Helpers for integration tests: run mytrace on a test program, capture
 * its trace, stdout, stderr and exit status, and look for exact lines. */
#ifndef MYTRACE_TEST_HARNESS_H
#define MYTRACE_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

struct run_result {
	int wait_status;	/* as returned by waitpid */
	int exit_code;		/* WEXITSTATUS, or 128 + signal */
	char *trace;		/* contents of the -o file, "" if none */
	char *out;		/* the command's stdout */
	char *err;		/* stderr (mytrace's messages) */
};

/* The mytrace binary under test ($MYTRACE, default build/mytrace). */
const char *mytrace_path(void);
/* Path of a program built from tests/programs/NAME.c. */
const char *test_program(const char *name);

/* Runs mytrace with args (NULL-terminated, not including argv[0]) and a
 * "-o TMPFILE" prepended; fills r. Aborts the test on harness failure. */
void run_traced(struct run_result *r, const char *const args[]);
/* Runs mytrace with exactly args (no -o): the trace is in r->err. */
void run_mytrace_raw(struct run_result *r, const char *const args[]);
/* Runs any command (argv[0] is a path) with its output captured. */
void run_command(struct run_result *r, const char *const argv[]);
void run_result_free(struct run_result *r);
/* run_traced with the installed strace instead of mytrace. */
void run_strace(struct run_result *r, const char *const args[]);
/* Whether strace is installed (scripts/install-deps installs it). */
bool have_strace(void);
/* A copy of normalize_trace(text) with every digit replaced by N: pids
 * and times vary, their widths and precisions do not. */
char *mask_each_digit(const char *text);

/* Whether text holds line (without its newline) as a whole line. */
bool has_line(const char *text, const char *line);
/* Counts whole lines that start with prefix. */
int count_lines_with_prefix(const char *text, const char *prefix);
/* A copy of text with every 0x... hex number replaced by "0xADDR". */
char *mask_addresses(const char *text);

/* mask_addresses, then one space before " = " on every line: for lines
 * whose column alignment moves with the length of masked addresses. */
char *normalize_trace(const char *text);
/* Asserts that every line of expected (NULL-terminated) is in the
 * normalized trace. */
void assert_all_lines(const char *normalized, const char *const expected[]);
/* Runs args under run_traced, asserts exit status 0 and every line of
 * expected (NULL-terminated) in the normalized trace. */
void assert_traced_lines(const char *const args[],
			 const char *const expected[]);
/* Runs mytrace with exactly args and asserts a usage error: exit 1,
 * stderr starting with message, and nothing traced (no execve). */
void assert_usage_error(const char *const args[], const char *message);
/* Whether this mytrace runs "-f /bin/true" cleanly (-f is built in). */
bool have_follow(void);

/* Fails the test with the whole text shown when line is missing. */
#define assert_has_line(text, line) \
	assert_has_line_at(text, line, __FILE__, __LINE__)
void assert_has_line_at(const char *text, const char *line, const char *file,
			int lineno);

#endif
