/* End-to-end tests of --format=json: every line of the trace of a battery
 * of programs parses with real JSON parsers (python3's json, jq) and
 * validates against man/mytrace-json.schema.json; field values are
 * checked for known calls through jq. */
#include <dirent.h>
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

#include "arch_expect.h"
#include "harness.h"

#define SCHEMA "man/mytrace-json.schema.json"
#define VALIDATOR "tests/tools/validate-json"
#define JQ "/usr/bin/jq"

/* Writes text to a new temporary file; returns its path (malloc'd). */
static char *save_temp(const char *text)
{
	char *path = strdup("/tmp/mytrace-test-json-XXXXXX");
	int fd = mkstemp(path);
	size_t len = strlen(text);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

/* Fails unless every line of the JSON traces in paths (NULL-terminated)
 * is valid and the schema accepts it; jq must read every file too. */
static void assert_valid_json(char *const *paths, const char *what)
{
	struct run_result r;
	const char *argv[512];
	size_t n = 0, first;

	argv[n++] = VALIDATOR;
	argv[n++] = SCHEMA;
	first = n;
	for (size_t i = 0; paths[i]; i++) {
		assert_true(n < 510);
		argv[n++] = paths[i];
	}
	argv[n] = NULL;
	run_command(&r, argv);
	if (r.exit_code != 0)
		fail_msg("%s: schema validation failed (%d):\n%s%s", what,
			 r.exit_code, r.out, r.err);
	run_result_free(&r);
	/* jq: one "true" per record, so no line was lost or split */
	argv[first - 2] = JQ;
	argv[first - 1] = "type == \"object\"";
	run_command(&r, argv + first - 2);
	if (r.exit_code != 0)
		fail_msg("%s: jq failed (%d):\n%s", what, r.exit_code, r.err);
	assert_null(strstr(r.out, "false"));
	run_result_free(&r);
}

/* jq -c FILTER PATH (-s: on the array of all records): its output. */
static char *jq_query(const char *filter, const char *path, bool slurp)
{
	struct run_result r;
	const char *argv[] = { JQ, slurp ? "-sc" : "-c", filter, path, NULL };
	char *out;

	run_command(&r, argv);
	if (r.exit_code != 0)
		fail_msg("jq '%s' failed: %s", filter, r.err);
	out = strdup(r.out);
	run_result_free(&r);
	return out;
}

static void check_jq(const char *path, const char *filter,
		     const char *expected, bool slurp)
{
	char *out = jq_query(filter, path, slurp);

	if (strcmp(out, expected) != 0)
		fail_msg("jq '%s':\n  got:      %s\n  expected: %s", filter,
			 out, expected);
	free(out);
}

/* FILTER's output for each record in turn */
static void assert_jq(const char *path, const char *filter,
		      const char *expected)
{
	check_jq(path, filter, expected, false);
}

/* FILTER's output for the array of all records */
static void assert_jq_all(const char *path, const char *filter,
			  const char *expected)
{
	check_jq(path, filter, expected, true);
}

/* Traces args with --format=json and extra flags into a file; returns
 * its path. */
static char *trace_json_unchecked(const char *const *extra,
				  const char *const *args,
				  struct run_result *r)
{
	const char *argv[64];
	size_t n = 0;
	char *path;

	argv[n++] = "--format=json";
	for (size_t i = 0; extra && extra[i]; i++)
		argv[n++] = extra[i];
	for (size_t i = 0; args[i]; i++) {
		assert_true(n < 62);
		argv[n++] = args[i];
	}
	argv[n] = NULL;
	run_traced(r, argv);
	if (!*r->trace)
		fail_msg("no trace for %s: %s", args[0], r->err);
	path = save_temp(r->trace);
	return path;
}

/* The same, after checking every line. */
static char *trace_json(const char *const *extra, const char *const *args,
			struct run_result *r)
{
	char *path = trace_json_unchecked(extra, args, r);
	char *paths[] = { path, NULL };

	assert_valid_json(paths, args[0]);
	return path;
}

static void test_write_hello(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("write_hello"), NULL };
	char *path = trace_json(NULL, args, &r);

	assert_int_equal(r.exit_code, 0);
	assert_jq(path, "select(.syscall == \"write\") | [.args, .retval, "
		  ".status, .error]",
		  "[[{\"name\":\"fd\",\"type\":\"fd\",\"value\":1},"
		  "{\"name\":\"buf\",\"type\":\"string\",\"value\":\"hello\\n\","
		  "\"truncated\":false},"
		  "{\"name\":\"count\",\"type\":\"uint\",\"value\":6}],"
		  "6,\"complete\",null]\n");
	/* the command's pid, its name, our uid, on every record */
	char expected[64];

	snprintf(expected, sizeof(expected), "[[true,\"write_hello\",%u]]\n",
		 (unsigned)getuid());
	assert_jq_all(path, "map([.pid == .tid, .comm, .uid]) | unique",
		      expected);
	assert_jq(path, "select(.syscall == \"exit_group\") | [.status, "
		  ".retval, .args[0].value]", "[\"unfinished\",null,0]\n");
	assert_jq(path, "select(.type == \"exited\") | .exit_code", "0\n");
	assert_jq(path, "select(.type == \"exec\") | .comm",
		  "\"write_hello\"\n");
	/* times: the string is nanoseconds; durations are not negative */
	assert_jq_all(path, "map(.timestamp_ns | test(\"^[0-9]{19}$\")) | "
		      "unique", "[true]\n");
	assert_jq_all(path, "map(select(.type == \"syscall\") | "
		      ".duration_ns >= 0 and .relative_ns > 0) | unique",
		      "[true]\n");
	unlink(path);
	free(path);
	run_result_free(&r);
}

/* -c with --format=json: the summary is one record, counts exact */
static void test_summary_record(void **state)
{
	struct run_result r;
	const char *extra[] = { "-c", "-S", "name", NULL };
	const char *args[] = { test_program("counts"), NULL };
	char *path = trace_json(extra, args, &r);

	assert_int_equal(r.exit_code, 0);
	assert_jq_all(path, "length", "1\n");
	assert_jq(path, "[.type, (.syscalls | map(select(.syscall == "
		  "\"getppid\" or .syscall == \"chdir\" or .syscall == "
		  "\"umask\") | [.syscall, .calls, .errors]))]",
		  "[\"summary\",[[\"chdir\",3,3],[\"getppid\",7,0],"
		  "[\"umask\",2,0]]]\n");
	/* the total row adds the others up */
	assert_jq(path, "(.syscalls | map(.calls) | add) == .total.calls "
		  "and .total.syscall == \"total\"", "true\n");
	unlink(path);
	free(path);
	run_result_free(&r);
}

static void test_open_missing(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("open_missing"), NULL };
	char *path = trace_json(NULL, args, &r);

	assert_jq(path, "select(.syscall == \"openat\" and .args[1].value == "
		  "\"/nonexistent/mytrace-test\") | [.retval, .error, "
		  ".args[0].value]",
		  "[-1,{\"name\":\"ENOENT\",\"code\":2,"
		  "\"message\":\"No such file or directory\"},-100]\n");
	assert_jq(path, "select(.syscall == \"openat\") | .args[0] | "
		  "[.type, .symbol]", "[\"fd\",\"AT_FDCWD\"]\n"
		  "[\"fd\",\"AT_FDCWD\"]\n[\"fd\",\"AT_FDCWD\"]\n");
	unlink(path);
	free(path);
	run_result_free(&r);
}

/* poll's revents and an in/out argument reach JSON as data */
static void test_return_note_and_inout(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("decode_io"), NULL };
	char *path = trace_json(NULL, args, &r);

	/* aarch64 has no poll: tests/programs/legacy.h makes a ppoll */
	assert_jq(path, "select(.syscall == \"" EXPECT_LEGACY("poll", "ppoll")
		  "\" and .retval == 2) | "
		  ".return_note.fields[\"#0\"].items | "
		  "map(.fields.revents.symbols)",
		  "[[\"POLLIN\"],[\"POLLOUT\"]]\n");
	assert_jq(path, "select(.syscall == \"sendfile\") | .args[2] | "
		  "[.type, .before.items[0].value, .after.items[0].value]",
		  "[\"inout\",0,3]\n");
	unlink(path);
	free(path);
	run_result_free(&r);
}

static void test_signal_and_kill(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("segv"), NULL };
	char *path = trace_json(NULL, args, &r);

	assert_jq(path, "select(.type == \"signal\") | [.signal, .signo, "
		  "(.info.fields.si_code | .symbol // .text)]",
		  "[\"SIGSEGV\",11,\"SEGV_MAPERR\"]\n");
	assert_jq(path, "select(.type == \"killed\") | [.signal, .signo]",
		  "[\"SIGSEGV\",11]\n");
	unlink(path);
	free(path);
	run_result_free(&r);
}

/* Binary data, valid UTF-8 beyond ASCII, and bytes that are not UTF-8,
 * in written buffers, in a path and in execve's argv. */
static void test_python_bytes(void **state)
{
	struct run_result r;
	const char *extra[] = { "-s", "300", NULL };
	const char *args[] = { "/usr/bin/python3", "-c",
		"import os, sys\n"
		"os.write(1, bytes(range(256)))\n"
		"os.write(1, 'h\\u00e9llo \\u2713\\n'.encode())\n"
		"os.write(1, b'\\xff\\xfeA\\n')\n"
		"os.path.exists(b'/nonexistent/\\xff\\xfe-mytrace')\n",
		"arg-\xff\xc3(", NULL };
	char *path = trace_json(extra, args, &r), *hex256;

	assert_int_equal(r.exit_code, 0);
	hex256 = malloc(600);
	strcpy(hex256, "[\"");
	for (int i = 0; i < 256; i++)
		sprintf(hex256 + 2 + 2 * i, "%02x", i);
	strcat(hex256, "\",256,false]\n");
	assert_jq(path, "select(.syscall == \"write\" and .retval == 256) | "
		  "[.args[1].hex, (.args[1].value | length), .args[1].truncated]",
		  hex256);
	free(hex256);
	assert_jq(path, "select(.syscall == \"write\" and .retval == 11) | "
		  "[.args[1].value, .args[1].hex]",
		  "[\"h\xc3\xa9llo \xe2\x9c\x93\\n\",null]\n");
	assert_jq(path, "select(.syscall == \"write\" and .retval == 4) | "
		  "[.args[1].value, .args[1].hex]",
		  "[\"\xef\xbf\xbd\xef\xbf\xbd" "A\\n\",\"fffe410a\"]\n");
	assert_jq(path, "select(.args[1].hex == "
		  "\"2f6e6f6e6578697374656e742ffffe2d6d797472616365\") | "
		  ".error.name", "\"ENOENT\"\n");
	assert_jq(path, "select(.syscall == \"execve\") | .args[1].items[3] "
		  "| [.value, .hex]",
		  "[\"arg-\xef\xbf\xbd\xef\xbf\xbd(\",\"6172672dffc328\"]\n");
	unlink(path);
	free(path);
	run_result_free(&r);
}

/* Every test program, ls and sh: each line valid whatever the calls. */
static void test_battery(void **state)
{
	static const char *const flag_sets[][6] = {
		{ NULL },
		{ "-s", "0", "-X", "raw", NULL },
		{ "-s", "4096", "-v", "-X", "verbose", NULL },
		{ "-yy", "-e", "write=1,2", "--failures", NULL },
		{ "-k", NULL },
	};
	const char *dir = getenv("TEST_PROGRAMS");
	/* under emulation (the arm64 guest) every program with every flag
	 * set takes far too long: there, -v -X verbose only (the set that
	 * decodes the most) */
	bool quick = getenv("MYTRACE_TEST_QUICK") != NULL;
	size_t nsets = sizeof(flag_sets) / sizeof(*flag_sets);
	struct dirent *de;
	DIR *d;
	char *paths[800];
	size_t traced = 0;

	if (!dir || !*dir)
		dir = "build/tests/programs";
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		char prog[4096];
		struct stat st;

		snprintf(prog, sizeof(prog), "%s/%s", dir, de->d_name);
		/* quick (emulated): the decoding tests' programs only; the
		 * process-tree and thread programs take minutes there */
		if (quick && strncmp(de->d_name, "decode_", 7) != 0)
			continue;
		if (de->d_name[0] == '.' || stat(prog, &st) != 0 ||
		    !S_ISREG(st.st_mode) || !(st.st_mode & S_IXUSR))
			continue;
		for (size_t f = 0; f < nsets; f++) {
			if (quick && f != 2)
				continue;
			const char *args[] = { "/usr/bin/timeout", "20", prog,
					       NULL };
			struct run_result r;

			/* room for the commands below and the NULL */
			assert_true(traced < 780);
			paths[traced++] = trace_json_unchecked(flag_sets[f],
							       args, &r);
			run_result_free(&r);
		}
	}
	closedir(d);
	assert_true(traced >= 9 * (quick ? 1 : nsets));

	const char *const commands[][6] = {
		{ "/bin/ls", "-la", "/", "/proc/self/fd", NULL },
		{ "/bin/sh", "-c", "echo hi | cat; exit 4", NULL },
		{ "/usr/bin/env", "-i", "/usr/bin/python3", "-c",
		  "import sys, json; print(json.dumps(sys.argv))", NULL },
	};
	for (size_t c = 0; c < sizeof(commands) / sizeof(*commands); c++) {
		struct run_result r;

		paths[traced++] = trace_json_unchecked(NULL, commands[c], &r);
		run_result_free(&r);
	}
	paths[traced] = NULL;
	assert_valid_json(paths, "the battery");
	for (size_t i = 0; i < traced; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
}

/* -f: several processes in one JSON file; -ff: one valid file each, and
 * every record in a file is of that file's process. */
static void test_follow(void **state)
{
	struct run_result r;
	const char *extra[] = { "-f", NULL };
	const char *args[] = { "/bin/sh", "-c",
			       "/bin/cat /dev/null; /bin/echo hi | /bin/cat",
			       NULL };
	char dir[] = "/tmp/mytrace-test-ff-XXXXXX";
	char base[64], *path, *paths[16];
	size_t n = 0;
	struct dirent *de;
	DIR *d;

	if (!have_follow())
		skip();
	path = trace_json(extra, args, &r);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "hi\n");
	/* sh and its three children, each with its exit */
	assert_jq_all(path, "[.[] | select(.type == \"exited\") | .pid] | "
		      "unique | length", "4\n");
	assert_jq_all(path, "[.[] | select(.type == \"exec\") | .comm] | "
		      "sort", "[\"cat\",\"cat\",\"echo\",\"sh\"]\n");
	/* each child is announced once, by the pid it was born with */
	assert_jq_all(path, "[.[] | select(.type == \"attach\") | .pid] | "
		      "unique | length", "3\n");
	assert_jq_all(path, "map(select(.type == \"attach\")) | length",
		      "3\n");
	unlink(path);
	free(path);
	run_result_free(&r);

	assert_non_null(mkdtemp(dir));
	snprintf(base, sizeof(base), "%s/t", dir);
	const char *argv[] = { mytrace_path(), "-ff", "--format=json", "-o",
			       base, "/bin/sh", "-c",
			       "/bin/cat /dev/null; /bin/echo hi | /bin/cat",
			       NULL };

	run_command(&r, argv);
	assert_int_equal(r.exit_code, 0);
	run_result_free(&r);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) && n < 15) {
		if (de->d_name[0] == '.')
			continue;
		assert_true(asprintf(&paths[n], "%s/%s", dir,
				     de->d_name) > 0);
		assert_jq_all(paths[n], "map(.pid) | unique | length", "1\n");
		n++;
	}
	closedir(d);
	paths[n] = NULL;
	assert_int_equal(n, 4);
	assert_valid_json(paths, "-ff");
	for (size_t i = 0; i < n; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	rmdir(dir);
}

/* A trace whose lines the parsers accept and the schema refuses must
 * fail the check: the validator is not a rubber stamp. */
static void test_validator_rejects(void **state)
{
	static const char *const bad[] = {
		"{\"type\":\"exited\",\"timestamp_ns\":\"1\",\"relative_ns\":1,"
		"\"pid\":1,\"tid\":1,\"comm\":\"a\",\"uid\":0}\n",
		"{\"type\":\"exited\",\"timestamp_ns\":1,\"relative_ns\":1,"
		"\"pid\":1,\"tid\":1,\"comm\":\"a\",\"uid\":0,\"exit_code\":0}\n",
		"{\"type\":\"exited\",\"timestamp_ns\":\"1\",\"relative_ns\":1,"
		"\"pid\":1,\"tid\":1,\"comm\":\"\\udcff\",\"uid\":0,"
		"\"exit_code\":0}\n",
		"{\"type\":\"exited\",\"timestamp_ns\":\"1\",\"relative_ns\":1,"
		"\"pid\":1,\"tid\":1,\"comm\":\"\xff\",\"uid\":0,"
		"\"exit_code\":0}\n",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *path = save_temp(bad[i]);
		const char *argv[] = { VALIDATOR, SCHEMA, path, NULL };
		struct run_result r;

		run_command(&r, argv);
		if (r.exit_code != 1)
			fail_msg("accepted: %s", bad[i]);
		run_result_free(&r);
		unlink(path);
		free(path);
	}
}

/* JSON on stderr: the "Process N attached" notes would break it; the
 * attach records say the same. */
static void test_stderr_only_json(void **state)
{
	struct run_result r;
	/* the exit keeps busybox sh (the arm64 guest) forking */
	const char *args[] = { "--format=json", "-f", "/bin/sh", "-c",
			       "/bin/true; exit 0", NULL };
	int lines = 0;

	(void)state;
	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	for (char *p = r.err; *p; p = strchr(p, '\n') + 1) {
		if (*p != '{')
			fail_msg("not JSON: %.80s", p);
		lines++;
		if (!strchr(p, '\n'))
			break;
	}
	assert_true(lines > 1);
	assert_int_equal(count_lines_with_prefix(r.err, "{\"type\":\"attach\""),
			 1);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_hello),
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_summary_record),
		cmocka_unit_test(test_return_note_and_inout),
		cmocka_unit_test(test_signal_and_kill),
		cmocka_unit_test(test_python_bytes),
		cmocka_unit_test(test_battery),
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_validator_rejects),
		cmocka_unit_test(test_stderr_only_json),
	};

	return cmocka_run_group_tests_name("integration: --format=json", tests,
					   NULL, NULL);
}
