/* The --failures consumer: every finished call, shown or not, goes into
 * the digest with where a failed call's descriptor pointed; at the end
 * the digest goes down the pipeline to the formatter. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "failures.h"
#include "failures_words.h"
#include "options.h"
#include "pipeline.h"
#include "syscalls.h"

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
	plan->needs_ident = true;	/* each group names its command */
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
	failures_record(fc->f, ev->pid, ev->who ? ev->who->comm : NULL, sc,
			n > 0 ? target : NULL);
}

/* One buffer written to fd: what the trace decoded, or, when -s cut it
 * and the source can read the stopped thread, its last bytes in full. */
static void keep_buffer(struct failures_consumer *fc, const struct event *ev,
			int fd, const struct value *v, uint64_t written)
{
	const struct engine_ops *ops = fc->p->ops;
	char buf[WORDS_BYTES];
	uint64_t take = written < sizeof(buf) ? written : sizeof(buf);
	ssize_t n = -1;

	if (v->u.str.truncated && ops && ops->read_mem && v->raw)
		n = ops->read_mem(fc->p->engine, ev->tid,
				  v->raw + written - take, buf, take);
	if (n == (ssize_t)take) {
		failures_write(fc->f, ev->pid, fd, buf, (size_t)n, false);
		return;
	}
	failures_write(fc->f, ev->pid, fd, v->u.str.bytes, v->u.str.len,
		       v->u.str.truncated);
}

/* A write to stdout or stderr joins the process's last words: a buffer,
 * or an iovec's buffers in order. */
static void keep_words(struct failures_consumer *fc, const struct event *ev)
{
	const struct syscall_event *sc = ev->u.sc;
	const struct value *v = sc->nargs > 1 ? sc->args[1] : NULL;
	int fd = (int)sc->raw_args[0];

	if (!(sc->desc->flags & SF_WRITES) || sc->err || !v ||
	    (sc->raw_args[0] != 1 && sc->raw_args[0] != 2) || sc->rval <= 0)
		return;
	if (v->kind == V_STRING) {
		keep_buffer(fc, ev, fd, v, (uint64_t)sc->rval);
		return;
	}
	if (v->kind != V_ARRAY)
		return;
	for (const struct value *e = v->u.kids.first; e; e = e->next) {
		if (e->kind != V_STRUCT)
			continue;
		for (const struct value *k = e->u.kids.first; k; k = k->next)
			if (k->kind == V_STRING)
				failures_write(fc->f, ev->pid, fd,
					       k->u.str.bytes, k->u.str.len,
					       k->u.str.truncated);
	}
}

static void failures_event(void *st, void *ts, struct event *ev)
{
	struct failures_consumer *fc = st;

	(void)ts;
	switch (ev->kind) {
	case EV_SYSCALL_EXIT:
		if (ev->u.sc->ret_unknown)
			break;
		record(fc, ev);
		keep_words(fc, ev);
		break;
	case EV_FORK:
		failures_fork(fc->f, ev->pid, ev->u.fork.child);
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
