/* Unit tests of the --failures digest (grouping and ranking) and of how
 * the text formatter renders it, -k stacks and -e read=/write= dumps. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "failures.h"
#include "format.h"
#include "unit_helpers.h"

static struct arena arena;
static const struct format_opts opts = { .align_column = 40 };

/* One finished call with a path as its first (openat: second) argument. */
static void call(struct failures *f, pid_t pid, const char *name,
		 const char *path, int err)
{
	struct syscall_event sc = { .desc = desc(name) };
	unsigned at = strcmp(name, "openat") == 0 ? 1 : 0;

	sc.nargs = sc.desc->nargs;
	if (path)
		sc.args[at] = value_string(&arena, "pathname", 0x1000, path,
					   strlen(path), false);
	sc.err = err;
	sc.rval = err ? -err : 3;
	sc.exit_ts.tv_sec = 1;
	failures_record(f, pid, NULL, &sc, NULL);
}

/* A successful write of text to fd by process pid (comm). */
static void write_call(struct failures *f, pid_t pid, const char *comm,
		       int fd, const char *text, bool cut)
{
	struct syscall_event sc = { .desc = desc("write") };

	sc.nargs = sc.desc->nargs;
	sc.raw_args[0] = (uint64_t)fd;
	sc.args[1] = value_string(&arena, "buf", 0x1000, text, strlen(text),
				  cut);
	sc.rval = (int64_t)strlen(text);
	failures_record(f, pid, comm, &sc, NULL);
	failures_write(f, pid, fd, text, strlen(text), cut);
}

static char *render(const struct failure_digest *d)
{
	struct event ev = { .kind = EV_FAILURES, .u.failures = d };

	return render_events(&format_text, &opts, &ev, 1);
}

static void test_grouping_and_ranking(void **state)
{
	struct failures *f = failures_new();
	const struct failure_digest *d;
	char *text;

	/* a library search that succeeds at its second path */
	call(f, 10, "openat", "/opt/lib/libfoo.so", ENOENT);
	call(f, 10, "openat", "/usr/lib/libfoo.so", 0);
	/* an expected failure, twice */
	call(f, 10, "ioctl", NULL, ENOTTY);
	call(f, 10, "ioctl", NULL, ENOTTY);
	/* a translation that is never there */
	call(f, 10, "openat", "/usr/share/locale/C/LC_MESSAGES/x.mo", ENOENT);
	/* the config file, looked for twice at one path and once more */
	call(f, 10, "openat", "/etc/app/app.conf", ENOENT);
	call(f, 10, "openat", "/etc/app/app.conf", ENOENT);
	call(f, 10, "access", "/home/u/.app.conf", ENOENT);
	failures_process_exit(f, 10, true, false, 1);
	d = failures_digest(f);
	assert_int_equal(d->failed_calls, 7);
	assert_int_equal(d->ngroups, 5);
	assert_string_equal(d->groups[0]->path, "/home/u/.app.conf");
	assert_string_equal(d->groups[1]->path, "/etc/app/app.conf");
	assert_int_equal(d->groups[1]->count, 2);
	assert_true(d->groups[1]->never_found);
	assert_true(d->groups[1]->before_failing_exit);
	assert_false(d->groups[1]->benign);
	for (unsigned i = 2; i < 5; i++)
		assert_true(d->groups[i]->score <= 0);
	text = render(d);
	assert_string_equal(text,
		"--- failures: 7 failed calls in 5 groups; the command exited "
		"with 1; likeliest cause first ---\n"
		"1. access(\"/home/u/.app.conf\") = -1 ENOENT (No such file or "
		"directory): 1x, first at 00:00:01.000000 in pid 10; never "
		"found; just before the failing exit\n"
		"2. openat(\"/etc/app/app.conf\") = -1 ENOENT (No such file or "
		"directory): 2x, first at 00:00:01.000000 in pid 10; never "
		"found; just before the failing exit\n"
		"... and 3 more groups, less likely\n");
	free(text);
	failures_free(f);
}

static void test_nothing_failed(void **state)
{
	struct failures *f = failures_new();
	char *text;

	call(f, 10, "openat", "/etc/passwd", 0);
	failures_process_exit(f, 10, true, true, 9);
	text = render(failures_digest(f));
	assert_string_equal(text, "--- failures: 0 failed calls in 0 groups; "
			    "the command was killed by SIGKILL ---\n");
	free(text);
	failures_free(f);
}

/* Many unique failures: at most FAILURE_GROUPS_MAX groups are kept, the
 * likely cause among them, and the digest counts what it dropped. */
static void test_groups_are_bounded(void **state)
{
	struct failures *f = failures_new();
	const struct failure_digest *d;
	const unsigned expected_failures = 6000;
	char path[64], line[128], *text;

	call(f, 10, "openat", "/etc/app/app.conf", ENOENT);
	for (unsigned i = 0; i < expected_failures; i++) {
		snprintf(path, sizeof(path), "/usr/share/locale/%u/x.mo", i);
		call(f, 10, "openat", path, ENOENT);
		arena_reset(&arena);
	}
	failures_process_exit(f, 10, true, false, 1);
	d = failures_digest(f);
	assert_int_equal(d->failed_calls, expected_failures + 1);
	assert_true(d->ngroups <= FAILURE_GROUPS_MAX);
	assert_true(d->dropped_groups > 0);
	assert_int_equal(d->ngroups + d->dropped_groups,
			 expected_failures + 1);
	assert_int_equal(d->dropped_calls, d->dropped_groups);
	assert_string_equal(d->groups[0]->path, "/etc/app/app.conf");
	assert_true(d->groups[0]->never_found);
	text = render(d);
	snprintf(line, sizeof(line), "... and %lu more groups not kept (%lu "
		 "failed calls), least likely, to bound memory\n",
		 d->dropped_groups, d->dropped_calls);
	assert_true(strlen(text) > strlen(line));
	assert_string_equal(text + strlen(text) - strlen(line), line);
	free(text);
	failures_free(f);
}

static void test_dump_and_stack_rendering(void **state)
{
	struct syscall_event sc = { .desc = desc("write"), .nargs = 3,
				    .nargs_enter = 3, .rval = 17 };
	struct stack_frame frames[] = {
		{ 0x7f0000001234, 0x1234, "/lib/libc.so.6", "__write", 0x14,
		  "io/write.c", 7 },
		{ 0x555500000100, 0x100, "/bin/prog", NULL, 0, NULL, 0 },
		{ 0xdead, 0, NULL, NULL, 0, NULL, 0 },
	};
	struct stack_trace stack = { 3, frames };
	struct sink *s = capture_open();
	void *st = format_text.begin(s, &opts);
	struct event ev = { .kind = EV_SYSCALL_ENTER, .pid = 1, .tid = 1,
			    .u.sc = &sc };
	char *text;

	sc.args[0] = value_new(&arena, V_FD, "fd", 1);
	sc.args[1] = value_string(&arena, "buf", 0x1000, "hello, world\n\1\2\3!",
				  17, false);
	sc.args[2] = value_uint(&arena, "count", 17);
	sc.io_dump = sc.args[1];
	sc.stack = &stack;
	sc.injected = true;
	format_text.event(st, &ev, false);
	ev.kind = EV_SYSCALL_EXIT;
	format_text.event(st, &ev, false);
	format_text.end(st);
	text = capture_text(s);
	assert_string_equal(text,
		"write(1, \"hello, world\\n\\1\\2\\3!\", 17)   = 17 (INJECTED)\n"
		" | 00000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a 01 02 03  "
		"hello, world.... |\n"
		" | 00010  21                                                "
		"!                |\n"
		" > /lib/libc.so.6(__write+0x14) [0x1234] io/write.c:7\n"
		" > /bin/prog() [0x100]\n"
		" > unexpected_backtracing_error [0xdead]\n");
	free(text);
	sink_close(s);
}

/* Past 1 MiB the dump's offsets take as many digits as the last one
 * needs (six here), as strace prints them. */
static void test_wide_dump_offsets(void **state)
{
	size_t len = (1u << 20) + 32;
	char *bytes = calloc(1, len);
	struct syscall_event sc = { .desc = desc("write"), .nargs = 3,
				    .nargs_enter = 3, .rval = (int64_t)len };
	struct sink *s = capture_open();
	void *st = format_text.begin(s, &opts);
	struct event ev = { .kind = EV_SYSCALL_EXIT, .pid = 1, .tid = 1,
			    .u.sc = &sc };
	char *text;

	assert_non_null(bytes);
	sc.args[0] = value_new(&arena, V_FD, "fd", 1);
	sc.args[1] = value_string(&arena, "buf", 0x1000, bytes, 4, true);
	sc.args[2] = value_uint(&arena, "count", len);
	sc.io_dump = value_string(&arena, "data", 0x1000, bytes, len, false);
	format_text.event(st, &ev, false);
	format_text.end(st);
	text = capture_text(s);
	assert_non_null(strstr(text, "\n | 000000  00 00 "));
	assert_non_null(strstr(text, "\n | 100010  00 00 "));
	assert_null(strstr(text, "\n | 00000  "));
	free(text);
	sink_close(s);
	free(bytes);
}

/* sh (10) runs true (11) and then cat (12), which fails; sh exits with
 * cat's status: cat's failure ranks first, named by its comm, and its
 * last words follow the groups. */
static void test_status_passed_on(void **state)
{
	struct failures *f = failures_new();
	const struct failure_digest *d;
	char *text;

	failures_fork(f, 10, 11);
	call(f, 11, "access", "/etc/true.conf", ENOENT);
	failures_process_exit(f, 11, false, false, 0);
	failures_fork(f, 10, 12);
	call(f, 12, "openat", "/nope", ENOENT);
	write_call(f, 12, "cat", 2, "cat: ", false);
	write_call(f, 12, "cat", 2, "/nope", false);
	write_call(f, 12, "cat", 2, ": No such file or directory\n", false);
	failures_process_exit(f, 12, false, false, 1);
	call(f, 10, "access", "/etc/sh.conf", ENOENT);
	failures_process_exit(f, 10, true, false, 1);
	d = failures_digest(f);
	assert_int_equal(d->status_pid, 12);
	assert_int_equal(d->command_pid, 10);
	assert_string_equal(d->groups[0]->path, "/nope");
	assert_true(d->groups[0]->in_status_process);
	assert_false(d->groups[1]->in_status_process);
	text = render(d);
	assert_string_equal(text,
		"--- failures: 3 failed calls in 3 groups; the command exited "
		"with 1, passed on from cat [12]; likeliest cause first ---\n"
		"1. openat(\"/nope\") = -1 ENOENT (No such file or "
		"directory): 1x, first at 00:00:01.000000 in pid 12; in the "
		"process that failed the command; never found; just before "
		"the failing exit\n"
		"2. access(\"/etc/sh.conf\") = -1 ENOENT (No such file or "
		"directory): 1x, first at 00:00:01.000000 in pid 10; never "
		"found; just before the failing exit\n"
		"3. access(\"/etc/true.conf\") = -1 ENOENT (No such file or "
		"directory): 1x, first at 00:00:01.000000 in pid 11; never "
		"found\n"
		"last words of cat [12], which exited with 1:\n"
		"  2> \"cat: /nope: No such file or directory\\n\"\n");
	free(text);
	failures_free(f);
}

/* A shell reports a child killed by signal N as 128+N; processes that
 * exited 0, or wrote nothing, have no last words. */
static void test_killed_child_and_words(void **state)
{
	struct failures *f = failures_new();
	const struct failure_digest *d;

	failures_fork(f, 10, 11);
	write_call(f, 11, "ok", 1, "fine\n", false);
	failures_process_exit(f, 11, false, false, 0);
	failures_fork(f, 10, 12);
	write_call(f, 12, "crash", 1, "partial output", false);
	write_call(f, 12, "crash", 2, "a long message the trace cut", true);
	write_call(f, 12, "crash", 2, "tail\n", false);
	failures_process_exit(f, 12, false, true, 11);
	failures_process_exit(f, 10, true, false, 128 + 11);
	d = failures_digest(f);
	assert_int_equal(d->status_pid, 12);
	assert_int_equal(d->nwords, 1);
	assert_int_equal(d->words[0].pid, 12);
	assert_true(d->words[0].killed);
	assert_int_equal(d->words[0].nlines, 3);
	assert_int_equal(d->words[0].lines[0].fd, 1);
	assert_memory_equal(d->words[0].lines[0].text, "partial output", 14);
	assert_int_equal(d->words[0].lines[1].fd, 2);
	assert_true(d->words[0].lines[1].cut);
	assert_int_equal(d->words[0].lines[2].len, 5);
	assert_false(d->words[0].lines[2].cut);
	failures_free(f);
}

/* Past the bytes kept, the oldest lines go, and a line the ring cut at
 * its start is left out. */
static void test_words_are_bounded(void **state)
{
	struct failures *f = failures_new();
	const struct failure_digest *d;
	char line[64];

	for (unsigned i = 0; i < 200; i++) {
		snprintf(line, sizeof(line), "line %u of the log\n", i);
		write_call(f, 10, "log", 2, line, false);
		arena_reset(&arena);
	}
	failures_process_exit(f, 10, true, false, 3);
	d = failures_digest(f);
	assert_int_equal(d->nwords, 1);
	assert_int_equal(d->words[0].nlines, FAILURE_WORDS_LINES);
	for (unsigned k = 0; k < FAILURE_WORDS_LINES; k++) {
		snprintf(line, sizeof(line), "line %u of the log\n",
			 200 - FAILURE_WORDS_LINES + k);
		assert_int_equal(d->words[0].lines[k].len, strlen(line));
		assert_memory_equal(d->words[0].lines[k].text, line,
				    strlen(line));
	}
	failures_free(f);
}

static int setup(void **state)
{
	/* the digest prints local times: make them predictable */
	setenv("TZ", "UTC", 1);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grouping_and_ranking),
		cmocka_unit_test(test_nothing_failed),
		cmocka_unit_test(test_groups_are_bounded),
		cmocka_unit_test(test_dump_and_stack_rendering),
		cmocka_unit_test(test_wide_dump_offsets),
		cmocka_unit_test(test_status_passed_on),
		cmocka_unit_test(test_killed_child_and_words),
		cmocka_unit_test(test_words_are_bounded),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
