/* Unit tests of the text formatter: flag sets, structs, alignment at
 * column 40, errors, and the unfinished/resumed split between threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "consts.h"
#include "format.h"
#include "unit_helpers.h"

static struct arena arena;
static const struct format_opts opts = { .align_column = 40 };

static void emit_call(const struct formatter *f, void *st, pid_t tid,
		      struct syscall_event *sc, enum event_kind kind,
		      bool show_pid)
{
	struct event ev = { .kind = kind, .pid = tid, .tid = tid, .u.sc = sc };

	f->event(st, &ev, show_pid);
}

static char *render_call(struct syscall_event *sc)
{
	struct sink *s = capture_open();
	void *st = format_text.begin(s, &opts);
	char *text;

	emit_call(&format_text, st, 1, sc, EV_SYSCALL_ENTER, false);
	emit_call(&format_text, st, 1, sc, EV_SYSCALL_EXIT, false);
	format_text.end(st);
	text = capture_text(s);
	sink_close(s);
	return text;
}

static void test_flags_and_alignment(void **state)
{
	struct syscall_event sc = { .desc = desc("mprotect"), .nargs = 3,
				    .nargs_enter = 3 };
	char *text;

	sc.args[0] = value_ptr(&arena, "addr", 0x1000);
	sc.args[1] = value_uint(&arena, "len", 4096);
	sc.args[2] = value_flags(&arena, "prot", 0x3 | 0x100,
				 &xlat_mmap_prot);
	text = render_call(&sc);
	assert_string_equal(text, "mprotect(0x1000, 4096, PROT_READ|PROT_WRITE|0x100) = 0\n");
	free(text);

	sc.args[2] = value_flags(&arena, "prot", 0, &xlat_mmap_prot);
	text = render_call(&sc);
	assert_string_equal(text, "mprotect(0x1000, 4096, PROT_NONE)       = 0\n");
	free(text);
}

static void test_error_return(void **state)
{
	struct syscall_event sc = { .desc = desc("close"), .nargs = 1,
				    .nargs_enter = 1, .err = 9, .rval = -9 };
	char *text;

	sc.args[0] = value_int(&arena, "fd", 255);
	text = render_call(&sc);
	assert_string_equal(text, "close(255)                              = -1 EBADF (Bad file descriptor)\n");
	free(text);
	sc.err = 512;
	text = render_call(&sc);
	assert_string_equal(text, "close(255)                              = ? ERESTARTSYS (To be restarted if SA_RESTART is set)\n");
	free(text);
}

/* --decode-pids: the name after the id, the other namespace's number in
 * a comment after it; a group gets no name */
static void test_pid_values(void **state)
{
	struct syscall_event sc = { .desc = desc("kill"), .nargs = 2,
				    .nargs_enter = 2 };
	char *text;

	sc.args[0] = value_pid(&arena, "pid", 1, PID_TGID);
	sc.args[0]->u.pid.comm = "a<b>";
	sc.args[0]->u.pid.outer = 4242;
	sc.args[1] = value_pid(&arena, "sig", -7, PID_PGID);
	sc.args[1]->u.pid.outer = 77;
	text = render_call(&sc);
	assert_string_equal(text, "kill(1<a\\74b\\76> /* 4242 in strace's PID NS */, -7 /* 77 in strace's PID NS */) = 0\n");
	free(text);
}

static void test_struct_and_omitted_arg(void **state)
{
	struct syscall_event sc = { .desc = desc("newfstatat"), .nargs = 4,
				    .nargs_enter = 2 };
	struct value *st = value_struct(&arena, "statbuf", 0x10);
	struct value *mode = value_flags(&arena, "st_mode", 0, &xlat_mode_bits);
	char *text;

	value_flags_prepend(&arena, mode, "S_IFREG");
	mode->u.flags.rest = 0644;
	mode->u.flags.rest_octal = true;
	value_add(st, mode);
	value_add(st, value_uint(&arena, "st_size", 3));
	st->u.kids.elided = true;
	sc.args[0] = value_int(&arena, "dirfd", 3);
	sc.args[1] = value_string(&arena, "pathname", 0, "", 0, false);
	sc.args[2] = st;
	sc.args[3] = value_flags(&arena, "flags", 0x1000, &xlat_at_flags);
	text = render_call(&sc);
	assert_string_equal(text, "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=3, ...}, AT_EMPTY_PATH) = 0\n");
	free(text);
}

/* a struct's field that a call changed: the value after names itself
 * again when labelled, as strace writes features=0 => features=0x2 */
static void test_inout_field(void **state)
{
	struct syscall_event sc = { .desc = desc("ioctl"), .nargs = 3,
				    .nargs_enter = 3 };
	struct value *st = value_struct(&arena, "argp", 0x10);
	struct value *after = value_hex(&arena, "features", 0x2);
	char *text;

	after->labelled = true;
	value_add(st, value_hex(&arena, "api", 0xaa));
	value_add(st, value_inout(&arena, "features",
				  value_hex(&arena, "features", 0), after));
	value_add(st, value_inout(&arena, "len", value_uint(&arena, NULL, 1),
				  value_uint(&arena, NULL, 0)));
	sc.args[0] = value_int(&arena, "fd", 3);
	sc.args[1] = value_hex(&arena, "request", 0xc018aa3f);
	sc.args[2] = st;
	text = render_call(&sc);
	assert_string_equal(text, "ioctl(3, 0xc018aa3f, {api=0xaa, features=0 "
			    "=> features=0x2, len=1 => 0}) = 0\n");
	free(text);
}

static void test_unfinished_resumed(void **state)
{
	struct syscall_event a = { .desc = desc("read"), .nargs = 3,
				   .nargs_enter = 1, .rval = 2 };
	struct syscall_event b = { .desc = desc("getpid"), .nargs = 0,
				   .nargs_enter = 0, .rval = 20 };
	struct sink *s = capture_open();
	void *st = format_text.begin(s, &opts);
	char *text;

	a.args[0] = value_int(&arena, "fd", 0);
	a.args[1] = value_string(&arena, "buf", 0, "hi", 2, false);
	a.args[2] = value_uint(&arena, "count", 10);
	b.ret = value_int(&arena, "ret", 20);
	emit_call(&format_text, st, 10, &a, EV_SYSCALL_ENTER, true);
	emit_call(&format_text, st, 20, &b, EV_SYSCALL_ENTER, true);
	emit_call(&format_text, st, 20, &b, EV_SYSCALL_EXIT, true);
	emit_call(&format_text, st, 10, &a, EV_SYSCALL_EXIT, true);
	format_text.end(st);
	text = capture_text(s);
	assert_string_equal(text,
		"[pid    10] read(0,  <unfinished ...>\n"
		"[pid    20] getpid()                    = 20\n"
		"[pid    10] <... read resumed>\"hi\", 10) = 2\n");
	free(text);
	sink_close(s);
}

static void test_sigset_and_comment(void **state)
{
	struct syscall_event sc = { .desc = desc("execve"), .nargs = 3,
				    .nargs_enter = 3 };
	struct value *argv = value_array(&arena, "argv", 0x10);
	char *text;

	value_add(argv, value_string(&arena, NULL, 0, "ls", 2, false));
	sc.args[0] = value_string(&arena, "pathname", 0, "/bin/ls", 7, false);
	sc.args[1] = argv;
	sc.args[2] = value_ptr(&arena, "envp", 0x7ffd0000);
	sc.args[2]->comment = "23 vars";
	text = render_call(&sc);
	assert_string_equal(text, "execve(\"/bin/ls\", [\"ls\"], 0x7ffd0000 /* 23 vars */) = 0\n");
	free(text);
}

static int teardown(void **state)
{
	arena_free(&arena);
	return 0;
}

/* The hand-written number writers print exactly what printf would. */
static void test_number_writers_match_printf(void **state)
{
	static const uint64_t values[] = {
		0, 1, 7, 8, 9, 10, 0644, 04755, 99999, 100000, 0x7fffffff,
		0x80000000, 0xffffffffULL, (uint64_t)INT64_MAX,
		(uint64_t)INT64_MIN, UINT64_MAX, (uint64_t)-1 - 4094,
	};
	struct sink *s = capture_open();
	char expect[8192] = "", *got;
	size_t n = 0;

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		uint64_t v = values[i];

		sink_put_u64(s, v);
		sink_putc(s, ' ');
		sink_put_i64(s, (int64_t)v);
		sink_putc(s, ' ');
		sink_put_hex(s, v);
		sink_putc(s, ' ');
		sink_put_octal(s, v);
		sink_putc(s, '\n');
		n += (size_t)snprintf(expect + n, sizeof(expect) - n,
				      "%" PRIu64 " %" PRId64 " %#" PRIx64
				      " %#03" PRIo64 "\n", v, (int64_t)v, v, v);
	}
	got = capture_text(s);
	assert_non_null(got);
	assert_string_equal(got, expect);
	free(got);
	sink_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags_and_alignment),
		cmocka_unit_test(test_error_return),
		cmocka_unit_test(test_pid_values),
		cmocka_unit_test(test_struct_and_omitted_arg),
		cmocka_unit_test(test_inout_field),
		cmocka_unit_test(test_unfinished_resumed),
		cmocka_unit_test(test_sigset_and_comment),
		cmocka_unit_test(test_number_writers_match_printf),
	};

	return cmocka_run_group_tests_name("unit: text format", tests, NULL,
					   teardown);
}
