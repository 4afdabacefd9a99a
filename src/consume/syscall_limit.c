/* The --syscall-limit consumer: counts the calls that are printed and,
 * at the limit, asks the engine to let go of every tracee. */
#include <stdlib.h>

#include "options.h"
#include "pipeline.h"

struct limit_consumer {
	unsigned long limit, shown;
	struct pipeline *p;
};

static void *limit_make(const struct options *opts, struct pipeline *p)
{
	struct limit_consumer *lc;

	if (!opts->syscall_limit)
		return NULL;
	lc = calloc(1, sizeof(*lc));
	if (!lc)
		abort();
	lc->limit = opts->syscall_limit;
	lc->p = p;
	return lc;
}

/* after a detach a seccomp filter would fail the traced calls: ENOSYS */
static void limit_plan(void *st, struct stop_plan *plan)
{
	(void)st;
	plan->lets_go = true;
}

static void limit_event(void *st, void *ts, struct event *ev)
{
	struct limit_consumer *lc = st;

	(void)ts;
	if (ev->kind != EV_SYSCALL_EXIT || ev->hidden ||
	    ev->u.sc->ret_unknown)
		return;
	if (++lc->shown == lc->limit)
		lc->p->ops->let_go(lc->p->engine);
}

const struct consumer consumer_syscall_limit = {
	.name = "syscall-limit",
	.make = limit_make,
	.plan = limit_plan,
	.event = limit_event,
	.free = free,
};
