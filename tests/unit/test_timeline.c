/* Unit tests of the timeline page: calls too close to tell apart become
 * one mark that counts them and shows the failed line first; a long call
 * is a bar; a child process hangs under the process that forked it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "timeline.h"
#include "unit_helpers.h"

static struct arena arena;
static struct format_opts opts;
static const struct proc_ident parent = { .comm = "make", .uid = 0 };
static const struct proc_ident child = { .comm = "cc", .uid = 0 };

static struct timespec at(long us)
{
	struct timespec ts = { 1000 + us / 1000000, (us % 1000000) * 1000 };

	return ts;
}

static int count(const char *text, const char *what)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, what)); p++)
		n++;
	return n;
}

static void test_merge_and_tree(void **state)
{
	static struct syscall_event sc[103];
	static struct event ev[104];
	unsigned n = 0;
	char *html, *merged;

	/* 100 reads of make within 100 us: one mark; one of them fails */
	for (unsigned i = 0; i < 100; i++) {
		sc[i] = (struct syscall_event){ .desc = desc("read"),
			.nargs = 1, .rval = 1, .enter_ts = at(i),
			.exit_ts = at(i) };
		sc[i].args[0] = value_int(&arena, "fd", 3);
		if (i == 50) {
			sc[i].rval = -9;
			sc[i].err = 9;
		}
		ev[n++] = (struct event){ .kind = EV_SYSCALL_EXIT, .pid = 10,
			.tid = 10, .ts = at(i), .who = &parent,
			.u.sc = &sc[i] };
	}
	/* make forks 11, which runs a wait of 0.5 s: a bar */
	sc[100] = (struct syscall_event){ .desc = desc("fork"), .rval = 11,
		.enter_ts = at(200), .exit_ts = at(210) };
	ev[n++] = (struct event){ .kind = EV_SYSCALL_EXIT, .pid = 10,
		.tid = 10, .ts = at(210), .who = &parent, .u.sc = &sc[100] };
	sc[101] = (struct syscall_event){ .desc = desc("pause"), .rval = 0,
		.enter_ts = at(300), .exit_ts = at(500000) };
	ev[n++] = (struct event){ .kind = EV_SYSCALL_EXIT, .pid = 11,
		.tid = 11, .ts = at(500000), .who = &child,
		.u.sc = &sc[101] };
	ev[n++] = (struct event){ .kind = EV_EXITED, .pid = 11, .tid = 11,
		.ts = at(600000), .who = &child, .u.exit = { 2, false } };
	html = render_events(&format_timeline, &opts, ev, n);
	assert_int_equal(count(html, "<g class=\"lane\""), 2);
	assert_true(strstr(html, "data-comm=\"make\"") <
		    strstr(html, "data-comm=\"cc\" data-failed=\"1\""));
	/* cc hangs under make, joined by a dashed line */
	assert_int_equal(count(html, "stroke-dasharray"), 1);
	/* the reads (and the fork, as close): one red mark, the failed line first */
	merged = strstr(html, "<rect class=\"call fail\"");
	assert_non_null(merged);
	assert_non_null(strstr(merged, "101 calls: 100 read 1 fork&#10;read(3) = -1 "
			       "EBADF (Bad file descriptor)&#10;read(3) = "
			       "1&#10;"));
	assert_int_equal(count(html, "<rect class=\"call fail\""), 1);
	/* the pause: a bar with its duration */
	assert_non_null(strstr(html, "<rect class=\"call long\""));
	assert_non_null(strstr(html, "pause() = 0&#10;blocked for "
			       "499.700 ms"));
	/* cc's failed exit: a label and a red dot */
	assert_non_null(strstr(html, ">exit 2</text>"));
	assert_int_equal(count(html, "<circle class=\"exit fail\" "
			       "data-status=\"2\""), 1);
	free(html);
}

/* More failed calls in one mark than its tooltip shows: the last ones,
 * which came just before what followed (cat's locale misses, then the
 * open of the missing file) */
static void test_merged_tip_keeps_last_failures(void **state)
{
	static struct syscall_event sc[6];
	static struct event ev[7];
	char *html;

	for (unsigned i = 0; i < 6; i++) {
		sc[i] = (struct syscall_event){ .desc = desc("read"),
			.nargs = 1, .rval = -9, .err = 9, .enter_ts = at(i),
			.exit_ts = at(i) };
		sc[i].args[0] = value_int(&arena, "fd", i);
		ev[i] = (struct event){ .kind = EV_SYSCALL_EXIT, .pid = 10,
			.tid = 10, .ts = at(i), .who = &parent,
			.u.sc = &sc[i] };
	}
	/* a second later the process ends: the six are too close to part */
	ev[6] = (struct event){ .kind = EV_EXITED, .pid = 10, .tid = 10,
		.ts = at(1000000), .who = &parent, .u.exit = { 1, false } };
	html = render_events(&format_timeline, &opts, ev, 7);
	assert_non_null(strstr(html, "6 calls: 6 read&#10;read(2) = -1 EBADF "
			       "(Bad file descriptor)&#10;read(3)"));
	assert_non_null(strstr(html, "read(5) = -1 EBADF"));
	assert_null(strstr(html, "read(0) = -1"));
	free(html);
}

static int teardown(void **state)
{
	arena_free(&arena);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_and_tree),
		cmocka_unit_test(test_merged_tip_keeps_last_failures),
	};

	return cmocka_run_group_tests_name("unit: timeline", tests, NULL,
					   teardown);
}
