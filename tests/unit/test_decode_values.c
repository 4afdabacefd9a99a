/* strace's rules for odd values, on fake tracee memory: clock ticks as
 * seconds, out-of-range fractions of a second printed unsigned, dates of
 * microsecond times, no "XXX_???" comment under -X raw, and where a
 * partly readable array stops. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "decode.h"
#include "format.h"
#include "unit_helpers.h"

#define BASE 0x10000000ULL

struct window {
	const void *bytes;
	size_t len;
};

static ssize_t window_read(const struct tracee_mem *m, uint64_t addr,
			   void *buf, size_t len)
{
	struct window *w = m->ctx;

	if (addr < BASE || addr >= BASE + w->len)
		return -1;
	if (len > BASE + w->len - addr)
		len = BASE + w->len - addr;
	memcpy(buf, (const char *)w->bytes + (addr - BASE), len);
	return (ssize_t)len;
}

/* Decodes and renders one call that returns rval under -X style. */
static char *trace_call(struct window *w, const char *name,
			const uint64_t args[6], int64_t rval,
			enum xlat_style style)
{
	struct arena arena = { 0 };
	struct tracee_mem mem = { .read = window_read, .ctx = w };
	struct decode_opts opts = { .string_limit = 32, .deref = true };
	struct syscall_event sc;
	struct decode_ctx ctx = { .arena = &arena, .mem = &mem,
				  .opts = &opts, .sc = &sc };
	struct format_opts fopts = { .align_column = 0, .xlat = style };
	struct sink *out = capture_open();
	void *st = format_text.begin(out, &fopts);
	struct event ev = { .pid = 1, .tid = 1, .u.sc = &sc };
	char *text;

	memset(&sc, 0, sizeof(sc));
	sc.desc = desc(name);
	memcpy(sc.raw_args, args, sizeof(sc.raw_args));
	decode_syscall_enter(&ctx);
	ev.kind = EV_SYSCALL_ENTER;
	format_text.event(st, &ev, false);
	sc.rval = rval;
	sc.err = rval < 0 && rval > -4096 ? (int)-rval : 0;
	decode_syscall_exit(&ctx);
	ev.kind = EV_SYSCALL_EXIT;
	format_text.event(st, &ev, false);
	format_text.end(st);
	text = capture_text(out);
	sink_close(out);
	arena_free(&arena);
	return text;
}

static void test_times_ticks_as_seconds(void **state)
{
	static const uint64_t tms[4] = { 31, 0, 12345, 7 };
	struct window w = { tms, sizeof(tms) };
	const uint64_t args[6] = { BASE };
	char *line = trace_call(&w, "times", args, 42, XLAT_ABBREV);

	assert_string_equal(line, "times({tms_utime=31 /* 0.31 s */, "
			    "tms_stime=0, tms_cutime=12345 /* 123.45 s */, "
			    "tms_cstime=7 /* 0.07 s */}) = 42\n");
	free(line);
	line = trace_call(&w, "times", args, 42, XLAT_RAW);
	assert_string_equal(line, "times({tms_utime=31, tms_stime=0, "
			    "tms_cutime=12345, tms_cstime=7}) = 42\n");
	free(line);
}

static void test_fraction_out_of_range_is_unsigned(void **state)
{
	static const int64_t ts[2] = { 1, -1 };
	struct window w = { ts, sizeof(ts) };
	const uint64_t args[6] = { BASE, 0 };
	char *line = trace_call(&w, "nanosleep", args, -22, XLAT_ABBREV);

	assert_string_equal(line, "nanosleep({tv_sec=1, "
			    "tv_nsec=18446744073709551615}, NULL) = -1 EINVAL "
			    "(Invalid argument)\n");
	free(line);
}

static void test_unknown_comment_not_raw(void **state)
{
	struct window w = { "", 0 };
	const uint64_t args[6] = { (uint64_t)-1, 0x2400, 2 };
	char *line = trace_call(&w, "ioctl", args, -9, XLAT_ABBREV);

	assert_string_equal(line, "ioctl(-1, PERF_EVENT_IOC_ENABLE, 0x2 "
			    "/* PERF_IOC_FLAG_??? */) = -1 EBADF "
			    "(Bad file descriptor)\n");
	free(line);
	line = trace_call(&w, "ioctl", args, -9, XLAT_RAW);
	assert_string_equal(line, "ioctl(-1, 0x2400, 0x2) = -1 EBADF "
			    "(Bad file descriptor)\n");
	free(line);
}

/* an array whose end cannot be read: where the reading stopped */
static void test_partly_readable_array(void **state)
{
	static const uint32_t gids[1] = { 5 };
	struct window w = { gids, sizeof(gids) };
	const uint64_t args[6] = { 3, BASE };
	char *line = trace_call(&w, "setgroups", args, -14, XLAT_ABBREV);

	assert_string_equal(line, "setgroups(3, [5, ... /* 0x10000004 */]) "
			    "= -1 EFAULT (Bad address)\n");
	free(line);
}

/* getgroups(0, list) asks for the count and writes nothing */
static void test_getgroups_count_only(void **state)
{
	struct window w = { "", 0 };
	const uint64_t args[6] = { 0, BASE };
	char *line = trace_call(&w, "getgroups", args, 0, XLAT_ABBREV);

	assert_string_equal(line, "getgroups(0, []) = 0\n");
	free(line);
	line = trace_call(&w, "getgroups", args, 2, XLAT_ABBREV);
	assert_string_equal(line, "getgroups(0, 0x10000000) = 2\n");
	free(line);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_times_ticks_as_seconds),
		cmocka_unit_test(test_fraction_out_of_range_is_unsigned),
		cmocka_unit_test(test_unknown_comment_not_raw),
		cmocka_unit_test(test_partly_readable_array),
		cmocka_unit_test(test_getgroups_count_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
