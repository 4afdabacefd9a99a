/* Integration test harness: runs mytrace as a user would, in a child
 * process, and captures what it printed. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

const char *mytrace_path(void)
{
	const char *p = getenv("MYTRACE");

	return p && *p ? p : "build/mytrace";
}

const char *test_program(const char *name)
{
	static char path[4][4096];
	static int next;
	const char *dir = getenv("TEST_PROGRAMS");
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s",
		 dir && *dir ? dir : "build/tests/programs", name);
	return p;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0;
	size_t n;

	if (!f)
		return strdup("");
	do {
		if (cap - len < 65536) {
			cap = cap * 2 + 65536;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = 0;
	return buf;
}

static int make_temp(char *tmpl)
{
	int fd = mkstemp(tmpl);

	assert_true(fd >= 0);
	return fd;
}

static void run_argv(struct run_result *r, char *const argv[])
{
	char out_path[] = "/tmp/mytrace-test-out-XXXXXX";
	char err_path[] = "/tmp/mytrace-test-err-XXXXXX";
	int out_fd = make_temp(out_path), err_fd = make_temp(err_path);
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int devnull = open("/dev/null", O_RDONLY);

		dup2(devnull, 0);
		dup2(out_fd, 1);
		dup2(err_fd, 2);
		/* as from a shell: the tracee's first free descriptor is 3 */
		if (devnull > 2)
			close(devnull);
		if (out_fd > 2)
			close(out_fd);
		if (err_fd > 2)
			close(err_fd);
		execv(argv[0], argv);
		dprintf(2, "harness: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(out_fd);
	close(err_fd);
	while (waitpid(pid, &r->wait_status, 0) < 0)
		assert_int_equal(errno, EINTR);
	r->exit_code = WIFEXITED(r->wait_status) ?
		WEXITSTATUS(r->wait_status) : 128 + WTERMSIG(r->wait_status);
	r->out = read_file(out_path);
	r->err = read_file(err_path);
	unlink(out_path);
	unlink(err_path);
}

#define STRACE "/usr/bin/strace"

static void run_tracer(struct run_result *r, const char *tracer,
		       const char *const args[])
{
	char trace_path[] = "/tmp/mytrace-test-trace-XXXXXX";
	const char *argv[64];
	size_t n = 0;

	close(make_temp(trace_path));
	argv[n++] = tracer;
	argv[n++] = "-o";
	argv[n++] = trace_path;
	for (size_t i = 0; args[i]; i++) {
		assert_true(n < 63);
		argv[n++] = args[i];
	}
	argv[n] = NULL;
	memset(r, 0, sizeof(*r));
	run_argv(r, (char *const *)argv);
	r->trace = read_file(trace_path);
	unlink(trace_path);
}

void run_traced(struct run_result *r, const char *const args[])
{
	run_tracer(r, mytrace_path(), args);
}

void run_strace(struct run_result *r, const char *const args[])
{
	run_tracer(r, STRACE, args);
}

bool have_strace(void)
{
	return access(STRACE, X_OK) == 0;
}

char *mask_each_digit(const char *text)
{
	char *out = normalize_trace(text);

	for (char *p = out; *p; p++)
		if (*p >= '0' && *p <= '9')
			*p = 'N';
	return out;
}

void run_mytrace_raw(struct run_result *r, const char *const args[])
{
	const char *argv[64];
	size_t n = 0;

	argv[n++] = mytrace_path();
	for (size_t i = 0; args[i]; i++) {
		assert_true(n < 63);
		argv[n++] = args[i];
	}
	argv[n] = NULL;
	memset(r, 0, sizeof(*r));
	run_argv(r, (char *const *)argv);
	r->trace = strdup("");
}

void run_command(struct run_result *r, const char *const argv[])
{
	memset(r, 0, sizeof(*r));
	run_argv(r, (char *const *)argv);
	r->trace = strdup("");
}

void run_result_free(struct run_result *r)
{
	free(r->trace);
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

bool has_line(const char *text, const char *line)
{
	size_t len = strlen(line);

	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && memcmp(p, line, len) == 0)
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}

int count_lines_with_prefix(const char *text, const char *prefix)
{
	size_t len = strlen(prefix);
	int count = 0;

	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n');

		if (strncmp(p, prefix, len) == 0)
			count++;
		p = end ? end + 1 : NULL;
	}
	return count;
}

char *mask_addresses(const char *text)
{
	size_t len = strlen(text);
	char *out = malloc(len * 2 + 1);
	char *o = out;

	assert_non_null(out);
	for (const char *p = text; *p;) {
		if (p[0] == '0' && p[1] == 'x' &&
		    strchr("0123456789abcdef", p[2]) && p[2]) {
			p += 2;
			while (*p && strchr("0123456789abcdef", *p))
				p++;
			memcpy(o, "0xADDR", 6);
			o += 6;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

char *normalize_trace(const char *text)
{
	char *masked = mask_addresses(text);
	char *out = malloc(strlen(masked) + 1);
	char *o = out;

	assert_non_null(out);
	for (const char *p = masked; *p;) {
		if (*p == ' ' && (p == masked || p[-1] != ' ')) {
			const char *q = p;

			while (*q == ' ')
				q++;
			if (q[0] == '=' && q[1] == ' ') {
				*o++ = ' ';
				p = q;
				continue;
			}
		}
		*o++ = *p++;
	}
	*o = 0;
	free(masked);
	return out;
}

void assert_all_lines(const char *normalized, const char *const expected[])
{
	for (unsigned i = 0; expected[i]; i++)
		assert_has_line(normalized, expected[i]);
}

void assert_traced_lines(const char *const args[],
			 const char *const expected[])
{
	struct run_result r;
	char *norm;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	norm = normalize_trace(r.trace);
	assert_all_lines(norm, expected);
	free(norm);
	run_result_free(&r);
}

void assert_usage_error(const char *const args[], const char *message)
{
	struct run_result r;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 1);
	if (strncmp(r.err, message, strlen(message)) != 0) {
		print_error("stderr was:\n%s\nexpected it to start with:\n%s\n",
			    r.err, message);
		fail();
	}
	assert_null(strstr(r.err, "execve("));
	run_result_free(&r);
}

bool have_follow(void)
{
	struct run_result r;
	const char *args[] = { "-f", "-e", "trace=none", "/bin/true", NULL };
	bool ok;

	run_traced(&r, args);
	ok = r.exit_code == 0;
	run_result_free(&r);
	return ok;
}

void assert_has_line_at(const char *text, const char *line, const char *file,
			int lineno)
{
	if (has_line(text, line))
		return;
	print_error("expected line not found:\n  %s\nin output:\n%s\n", line,
		    text);
	_fail(file, lineno);
}
