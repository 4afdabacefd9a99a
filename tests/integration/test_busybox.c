/* End-to-end tests on a real program that is the same on every machine the
 * suite runs on: busybox (the host's package, and the arm64 static build
 * that is the aarch64 guest's /bin).  Exact lines for names, arguments and
 * return values, as the C library makes the calls on this architecture. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static const char contents[] = "first line\nsecond\n";

/* busybox's path as execvp would find it, or NULL. */
static char *find_busybox(void)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save = NULL, *found = NULL;

	dirs = strdup(path && *path ? path : "/bin:/usr/bin");
	assert_non_null(dirs);
	for (dir = strtok_r(dirs, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *candidate = NULL;

		assert_true(asprintf(&candidate, "%s/busybox", dir) > 0);
		if (access(candidate, X_OK) == 0)
			found = candidate;
		else
			free(candidate);
	}
	free(dirs);
	return found;
}

static void make_input(char *path)
{
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, contents, strlen(contents)),
			 (ssize_t)strlen(contents));
	close(fd);
}

/* Asserts the line "CALL = RET", CALL made from fmt and padded as the
 * text format pads it (the " = " starts at column 40 at the earliest). */
static void assert_call(const char *text, const char *ret, const char *fmt,
			...)
{
	char *call = NULL, *line = NULL;
	va_list ap;

	va_start(ap, fmt);
	assert_true(vasprintf(&call, fmt, ap) > 0);
	va_end(ap);
	assert_true(asprintf(&line, "%-39s = %s", call, ret) > 0);
	assert_has_line(text, line);
	free(line);
	free(call);
}

/* The trace starts with busybox's execve, as found in PATH. */
static void assert_execve(const char *text, const char *busybox,
			  const char *argv_text)
{
	char *expected = NULL;

	assert_true(asprintf(&expected, "execve(\"%s\", [%s], 0x", busybox,
			     argv_text) > 0);
	if (strncmp(text, expected, strlen(expected)) != 0) {
		print_error("trace:\n%s\nexpected it to start with:\n%s\n",
			    text, expected);
		fail();
	}
	free(expected);
}

/* cat -n reads through stdio (plain cat would use sendfile): the buffer is
 * the file's st_blksize, and stdout (not a tty) gets one write. */
static void test_cat_numbered(void **state)
{
	char path[] = "/tmp/mytrace-test-busybox-XXXXXX";
	char *busybox = find_busybox(), *argv_text = NULL;
	struct run_result r;
	struct stat st;

	assert_non_null(busybox);
	make_input(path);
	assert_int_equal(stat(path, &st), 0);

	const char *args[] = { "-e", "trace=execve,openat,read,write,close,"
			       "exit_group", "busybox", "cat", "-n", path, NULL };

	run_traced(&r, args);
	unlink(path);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "     1\tfirst line\n     2\tsecond\n");
	assert_true(asprintf(&argv_text, "\"busybox\", \"cat\", \"-n\", \"%s\"",
			     path) > 0);
	assert_execve(r.trace, busybox, argv_text);
	assert_call(r.trace, "3", "openat(AT_FDCWD, \"%s\", O_RDONLY)", path);
	assert_call(r.trace, "18", "read(3, \"first line\\nsecond\\n\", %ld)",
		    (long)st.st_blksize);
	assert_call(r.trace, "0", "read(3, \"\", %ld)", (long)st.st_blksize);
	assert_call(r.trace, "0", "close(3)");
	assert_call(r.trace, "32", "write(1, \"     1\\tfirst line\\n     2\\t"
		    "second\\n\", 32)");
	assert_call(r.trace, "?", "exit_group(0)");
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
	free(argv_text);
	free(busybox);
}

static void test_cat_missing_file(void **state)
{
	static const char missing[] = "/nonexistent/mytrace-busybox";
	const char *args[] = { "-s", "200", "-e", "trace=openat,write,exit_group",
			       "busybox", "cat", missing, NULL };
	struct run_result r;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 1);
	assert_call(r.trace, "-1 ENOENT (No such file or directory)",
		    "openat(AT_FDCWD, \"%s\", O_RDONLY)", missing);
	char *message = NULL, *ret = NULL;

	assert_true(asprintf(&message, "cat: can't open '%s': No such file or "
			     "directory\n", missing) > 0);
	assert_true(asprintf(&ret, "%zu", strlen(message)) > 0);
	assert_call(r.trace, ret, "write(2, \"cat: can't open '%s': No such "
		    "file or directory\\n\", %zu)", missing, strlen(message));
	free(message);
	free(ret);
	assert_call(r.trace, "?", "exit_group(1)");
	assert_has_line(r.trace, "+++ exited with 1 +++");
	run_result_free(&r);
}

/* struct stat is laid out differently on x86_64 and aarch64 (st_mode and
 * st_nlink swap places, st_blksize changes size). */
static void test_stat(void **state)
{
	char path[] = "/tmp/mytrace-test-busybox-XXXXXX";
	struct run_result r;

	make_input(path);
	assert_int_equal(chmod(path, 0640), 0);

	const char *args[] = { "-e", "trace=newfstatat", "busybox", "stat",
			       "-c", "%s %a %F", path, NULL };

	run_traced(&r, args);
	unlink(path);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "18 640 regular file\n");
	assert_call(r.trace, "0", "newfstatat(AT_FDCWD, \"%s\", {st_mode=S_IFREG|"
		    "0640, st_size=18, ...}, AT_SYMLINK_NOFOLLOW)", path);
	run_result_free(&r);
}

/* The shell: a builtin's write and the exit status it passes on. */
static void test_sh_builtins(void **state)
{
	const char *args[] = { "-e", "trace=write,exit_group", "busybox", "sh",
			       "-c", "echo hello from sh; exit 5", NULL };
	struct run_result r;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 5);
	assert_string_equal(r.out, "hello from sh\n");
	assert_call(r.trace, "14", "write(1, \"hello from sh\\n\", 14)");
	assert_call(r.trace, "?", "exit_group(5)");
	assert_has_line(r.trace, "+++ exited with 5 +++");
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cat_numbered),
		cmocka_unit_test(test_cat_missing_file),
		cmocka_unit_test(test_stat),
		cmocka_unit_test(test_sh_builtins),
	};

	return cmocka_run_group_tests_name("integration: busybox", tests,
					   NULL, NULL);
}
