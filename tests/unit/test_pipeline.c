/* The pipeline: the stop plan is the union of what consumers declare;
 * calls and events reach every stage in order; a hidden event still
 * reaches the stages after the filter that hid it; per-thread state is
 * each consumer's own; end events go to the stages after their maker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fixtures/consumer_count.h"
#include "pipeline.h"

/* a print filter of its own: hides exits of calls that failed */
static void hide_failed(void *st, void *ts, struct event *ev)
{
	(void)st;
	(void)ts;
	if (ev->kind == EV_SYSCALL_EXIT && ev->u.sc->err)
		ev->hidden = true;
}

static const struct consumer hider = {
	.name = "hider",
	.event = hide_failed,
};

/* remembers the tid it was made for, per thread */
struct tid_state {
	pid_t tid;
};

static void remember_tid(void *st, void *ts, pid_t pid, pid_t tid)
{
	(void)st;
	(void)pid;
	((struct tid_state *)ts)->tid = tid;
}

static pid_t last_seen;

static void see_tid(void *st, void *ts, struct event *ev)
{
	(void)st;
	(void)ev;
	last_seen = ts ? ((struct tid_state *)ts)->tid : -1;
}

static const struct consumer tid_keeper = {
	.name = "tids",
	.thread_size = sizeof(struct tid_state),
	.thread_init = remember_tid,
	.event = see_tid,
};

static struct syscall_event exit_of(uint64_t nr, int err)
{
	struct syscall_event sc = { .nr = nr, .err = err };

	return sc;
}

static void pass_exit(struct pipeline *p, void *block,
		      struct syscall_event *sc)
{
	struct event ev = { .kind = EV_SYSCALL_EXIT, .u.sc = sc };
	struct call c = { .sc = sc, .native_nr = sc->nr };

	pipeline_enter(p, block, &c);
	pipeline_exit(p, block, &c);
	pipeline_event(p, block, &ev);
}

static void test_plan_is_the_union(void **state)
{
	struct pipeline p = { 0 };
	struct call_counts a = { .watch = 2 }, b = { .watch = 257 };

	(void)state;
	pipeline_add(&p, &consumer_count, &a);
	pipeline_add(&p, &consumer_count, &b);
	assert_true(syscall_set_has(&p.plan.stop, 2));
	assert_true(syscall_set_has(&p.plan.stop, 257));
	assert_false(syscall_set_has(&p.plan.stop, 3));
	pipeline_free(&p);
}

static void test_hidden_events_reach_later_stages(void **state)
{
	struct pipeline p = { 0 };
	struct call_counts before = { .watch = 1 }, after = { .watch = 1 };
	struct syscall_event ok = exit_of(1, 0), bad = exit_of(1, 9);
	void *block;

	(void)state;
	pipeline_add(&p, &consumer_count, &before);
	pipeline_add(&p, &hider, NULL);
	pipeline_add(&p, &consumer_count, &after);
	block = pipeline_thread_new(&p, 10, 10);
	pass_exit(&p, block, &ok);
	pass_exit(&p, block, &bad);
	pass_exit(&p, block, &ok);
	/* before the filter: all shown; after it: all seen, one hidden */
	assert_int_equal(before.calls[1], 3);
	assert_int_equal(before.shown[1], 3);
	assert_int_equal(after.calls[1], 3);
	assert_int_equal(after.shown[1], 2);
	pipeline_thread_free(&p, block);
	pipeline_free(&p);
}

static void test_enter_hooks_ask_for_the_exit(void **state)
{
	struct pipeline p = { 0 };
	struct call_counts cc = { .watch = 39 };
	struct syscall_event getpid = exit_of(39, 0), other = exit_of(40, 0);
	struct call c1 = { .sc = &getpid, .native_nr = 39 };
	struct call c2 = { .sc = &other, .native_nr = 40 };

	(void)state;
	pipeline_add(&p, &consumer_count, &cc);
	pipeline_enter(&p, NULL, &c1);
	pipeline_enter(&p, NULL, &c2);
	assert_int_equal(c1.want, CALL_EXIT);
	assert_int_equal(c2.want, 0);
	pipeline_free(&p);
}

static void test_thread_state_is_per_thread(void **state)
{
	struct pipeline p = { 0 };
	struct call_counts cc = { .watch = 1 };
	struct event ev = { .kind = EV_EXITED };
	void *t1, *t2;

	(void)state;
	pipeline_add(&p, &consumer_count, &cc);
	pipeline_add(&p, &tid_keeper, NULL);
	t1 = pipeline_thread_new(&p, 5, 5);
	t2 = pipeline_thread_new(&p, 5, 6);
	pipeline_event(&p, t2, &ev);
	assert_int_equal(last_seen, 6);
	pipeline_event(&p, t1, &ev);
	assert_int_equal(last_seen, 5);
	/* an end event belongs to no thread, and skips its maker */
	last_seen = 0;
	pipeline_event_after(&p, &cc, &ev);
	assert_int_equal(last_seen, -1);
	pipeline_thread_free(&p, t1);
	pipeline_thread_free(&p, t2);
	pipeline_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_is_the_union),
		cmocka_unit_test(test_hidden_events_reach_later_stages),
		cmocka_unit_test(test_enter_hooks_ask_for_the_exit),
		cmocka_unit_test(test_thread_state_is_per_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
