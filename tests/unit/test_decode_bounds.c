/* Decoders on fake tracee memory: bad pointers print as addresses, a name
 * without a terminator stops at PATH_MAX - 1 with "...", huge counts are
 * cut (arrays at -s elements, reads at their bounds), and the lines are
 * exactly strace's for the same memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/uio.h>

#include <cmocka.h>

#include "decode.h"
#include "format.h"
#include "unit_helpers.h"

/* Memory is one readable window [BASE, BASE + len); reads elsewhere fail.
 * Every read is counted so that a test can check none is huge. */
#define BASE 0x10000000ULL

struct window {
	const unsigned char *bytes;
	size_t len;
	size_t largest;
};

static ssize_t window_read(const struct tracee_mem *m, uint64_t addr,
			   void *buf, size_t len)
{
	struct window *w = m->ctx;

	if (len > w->largest)
		w->largest = len;
	if (addr < BASE || addr >= BASE + w->len)
		return -1;
	if (len > BASE + w->len - addr)
		len = BASE + w->len - addr;
	memcpy(buf, w->bytes + (addr - BASE), len);
	return (ssize_t)len;
}

/* Decodes and renders one call that returns rval with -s limit (and -v);
 * returns the line. */
static char *trace_call_s(struct window *w, const char *name,
			  const uint64_t args[6], int64_t rval, unsigned limit)
{
	struct arena arena = { 0 };
	struct tracee_mem mem = { .read = window_read, .ctx = w };
	struct decode_opts opts = { .string_limit = limit, .deref = true,
				    .verbose = limit > 32 };
	struct syscall_event sc;
	struct decode_ctx ctx = { .arena = &arena, .mem = &mem,
				  .opts = &opts, .sc = &sc };
	struct format_opts fopts = { .align_column = 40 };
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

static char *trace_call(struct window *w, const char *name,
			const uint64_t args[6], int64_t rval)
{
	return trace_call_s(w, name, args, rval, 32);
}

static void test_bad_pointers_are_addresses(void **state)
{
	struct window w = { (const unsigned char *)"", 0, 0 };
	const uint64_t args[6] = { (uint64_t)-100, 0xdead0000, 0, 0 };
	char *line = trace_call(&w, "openat", args, -14);

	/* 39 characters: padded to column 40 */
	assert_string_equal(line, "openat(AT_FDCWD, 0xdead0000, O_RDONLY)  "
			    "= -1 EFAULT (Bad address)\n");
	free(line);
}

static void test_unterminated_name_is_bounded(void **state)
{
	static unsigned char mem[8192];
	struct window w = { mem, sizeof(mem), 0 };
	const uint64_t args[6] = { BASE, 0 };
	char *line;

	memset(mem, 'a', sizeof(mem));
	line = trace_call(&w, "unlink", args, -2);
	/* 4095 characters, then "..." as strace prints it */
	assert_int_equal(strspn(line + strlen("unlink(\""), "a"), 4095);
	assert_non_null(strstr(line, "aaa\"...) = -1 ENOENT"));
	assert_true(w.largest <= 8192);
	free(line);
}

static void test_huge_counts_are_cut(void **state)
{
	static struct iovec iov[64];
	struct window w = { (const unsigned char *)iov, sizeof(iov), 0 };
	const uint64_t args[6] = { 1, BASE, 1ULL << 40 };
	char *line;

	for (unsigned i = 0; i < 64; i++) {
		iov[i].iov_base = (void *)(uintptr_t)0xbad0000;
		iov[i].iov_len = 1ULL << 50;
	}
	line = trace_call(&w, "writev", args, -14);
	/* 32 elements (-s) and "...", each buffer an unreadable address */
	assert_non_null(strstr(line, "writev(1, [{iov_base=0xbad0000, "
			       "iov_len=1125899906842624}, "));
	assert_non_null(strstr(line, "iov_len=1125899906842624}, ...], "
			       "1099511627776) = -1 EFAULT (Bad address)\n"));
	assert_true(w.largest <= 4096);
	free(line);
}

static void test_poll_revents_note(void **state)
{
	static const struct pollfd fds[] = {
		{ 3, POLLIN, POLLIN },	/* the kernel's revents already in */
		{ 4, POLLOUT, 0 },
	};
	struct window w = { (const unsigned char *)fds, sizeof(fds), 0 };
	const uint64_t args[6] = { BASE, 2, 1000 };
	char *line = trace_call(&w, "poll", args, 1);

	assert_string_equal(line, "poll([{fd=3, events=POLLIN}, {fd=4, "
			    "events=POLLOUT}], 2, 1000) = 1 ([{fd=3, "
			    "revents=POLLIN}])\n");
	free(line);
}

/* An execve of eight strings under -v -s 1000000: each string costs the
 * bytes it has, so all are printed, and nothing reads -s bytes at once. */
static void test_huge_s_prints_every_string(void **state)
{
	static uint64_t mem[16];
	struct window w = { (const unsigned char *)mem, sizeof(mem), 0 };
	const uint64_t args[6] = { BASE + 9 * 8, BASE, 0 };
	char *line;

	/* eight pointers, NULL, then the strings "/", "a", ... "g" */
	for (unsigned i = 0; i < 8; i++)
		mem[i] = BASE + 9 * 8 + i * 2;
	mem[8] = 0;
	memcpy(&mem[9], "/\0a\0b\0c\0d\0e\0f\0g\0", 16);
	line = trace_call_s(&w, "execve", args, 0, 1000000);
	assert_string_equal(line, "execve(\"/\", [\"/\", \"a\", \"b\", "
			    "\"c\", \"d\", \"e\", \"f\", \"g\"], NULL) = 0\n");
	assert_true(w.largest <= 4096);
	free(line);
}

/* Strings longer than the stop's budget: the first is read whole, the
 * budget (the bytes read, page tails included) cuts the second with
 * "..." (never an address), and the third is left out with "...". */
static void test_budget_cut_is_marked(void **state)
{
	size_t big = (size_t)3 << 20;
	unsigned char *mem = malloc(big + 64);
	struct window w = { mem, big + 64, 0 };
	const uint64_t args[6] = { BASE + 64, BASE, 0 };
	uint64_t vec[4] = { BASE + 64, BASE + 64, BASE + 64, 0 };
	const char *second;
	char *line;

	assert_non_null(mem);
	memcpy(mem, vec, sizeof(vec));
	memset(mem + 64, 'x', big - 1);
	mem[64 + big - 1] = 0;
	line = trace_call_s(&w, "execve", args, 0, 8u << 20);
	/* the path argument is read at most PATH_MAX - 1 bytes */
	second = strstr(line, "\", \"");
	assert_non_null(second);
	/* the budget pays for what was read: the path's 4096 bytes, 64 per
	 * element, and the first string to the end of its last page */
	assert_int_equal(strspn(second + 4, "x"), (4u << 20) - 4096 - 64 -
			 (big + 4096 - 64) - 64);
	assert_non_null(strstr(line, "x\"..., ...], NULL) = 0\n"));
	assert_null(strstr(line, "0x"));
	free(line);
	free(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_pointers_are_addresses),
		cmocka_unit_test(test_unterminated_name_is_bounded),
		cmocka_unit_test(test_huge_counts_are_cut),
		cmocka_unit_test(test_poll_revents_note),
		cmocka_unit_test(test_huge_s_prints_every_string),
		cmocka_unit_test(test_budget_cut_is_marked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
