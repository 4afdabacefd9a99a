/* The --failures consumer: every finished call, shown or not, goes into
 * the digest with where a failed call's descriptor pointed; at the end
 * the digest goes down the pipeline to the formatter. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "failures.h"
#include "options.h"
#include "pipeline.h"

struct failures_consumer {
	struct failures *f;
	struct pipeline *p;
};

static void *failures_make(const struct options *opts, struct pipeline *p)
{
	struct failures_consumer *fc;

	if (!opts->failures)
		return NULL;
	fc = calloc(1, sizeof(*fc));
	if (!fc)
		abort();
	fc->f = failures_new();
	fc->p = p;
	return fc;
}

/* the digest looks at every call, whatever -e trace= shows, and tells
 * when a failure first happened */
static void failures_plan(void *st, struct stop_plan *plan)
{
	(void)st;
	plan->every_call = true;
	plan->needs_args = true;
	plan->needs_clock = true;
}

static void failures_enter(void *st, void *ts, struct call *c)
{
	(void)st;
	(void)ts;
	c->want |= CALL_COLLECT;
}

/* Where a failed call's descriptor pointed, if it has one. */
static void record(struct failures_consumer *fc, const struct event *ev)
{
	const struct syscall_event *sc = ev->u.sc;
	char link[64], target[4096];
	ssize_t n = -1;

	if (sc->err && sc->desc && !sc->desc->raw && sc->desc->nargs &&
	    sc->desc->args[0].type == ARG_FD) {
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", ev->tid,
			 (int)sc->raw_args[0]);
		n = readlink(link, target, sizeof(target) - 1);
	}
	if (n > 0)
		target[n] = 0;
	failures_record(fc->f, ev->pid, sc, n > 0 ? target : NULL);
}

static void failures_event(void *st, void *ts, struct event *ev)
{
	struct failures_consumer *fc = st;

	(void)ts;
	switch (ev->kind) {
	case EV_SYSCALL_EXIT:
		if (!ev->u.sc->ret_unknown)
			record(fc, ev);
		break;
	case EV_EXITED:
	case EV_KILLED:
		if (ev->tid == ev->pid)
			failures_process_exit(fc->f, ev->pid,
					      ev->pid == fc->p->command,
					      ev->kind == EV_KILLED,
					      ev->u.exit.status);
		break;
	default:
		break;
	}
}

static void failures_end(void *st)
{
	struct failures_consumer *fc = st;
	struct event ev = { .kind = EV_FAILURES };

	clock_gettime(CLOCK_REALTIME, &ev.ts);
	ev.u.failures = failures_digest(fc->f);
	pipeline_event_after(fc->p, fc, &ev);
}

static void failures_free_consumer(void *st)
{
	struct failures_consumer *fc = st;

	failures_free(fc->f);
	free(fc);
}

const struct consumer consumer_failures = {
	.name = "failures",
	.make = failures_make,
	.plan = failures_plan,
	.enter = failures_enter,
	.event = failures_event,
	.end = failures_end,
	.free = failures_free_consumer,
};
