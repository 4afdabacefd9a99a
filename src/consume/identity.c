/* The identity consumer: who each thread is (comm and uid, from /proc),
 * put on every call and event for the filters and formatters that need
 * it, and read again after an exec or a call that changed it. */
#include "arch.h"
#include "options.h"
#include "pipeline.h"
#include "proc_ident.h"

struct identity {
	bool hidden_too;	/* hidden events are named too (the digest) */
};

static void *identity_make(const struct options *opts, struct pipeline *p)
{
	static struct identity shown_only, every_event = { true };

	(void)p;
	/* the digest names the process of each failure, shown or not */
	if (opts->failures)
		return &every_event;
	/* the formatters that show comm and uid, the filters on them, the
	 * timeline's lanes, named by comm, and -Y's pid prefixes */
	if (!opts->formatter->needs_ident &&
	    !proc_filter_needs_ident(&opts->procs) && !opts->timeline &&
	    !opts->format.pid_comm)
		return NULL;
	return &shown_only;
}

static void identity_plan(void *st, struct stop_plan *plan)
{
	(void)st;
	plan->needs_ident = true;
	syscall_set_add_flagged(&plan->stop, arch_syscalls,
				PROC_IDENT_WATCHED_FLAGS);
}

static void identity_enter(void *st, void *ts, struct call *c)
{
	(void)st;
	c->who = proc_ident_get(ts, c->tid);
	if (proc_ident_watches(c->sc))
		c->want |= CALL_EXIT;
}

/* even untraced: setuid or PR_SET_NAME changes who the thread is */
static void identity_exit(void *st, void *ts, struct call *c)
{
	(void)st;
	if (proc_ident_changed_by(c->sc))
		proc_ident_stale(ts);
}

static void identity_event(void *st, void *ts, struct event *ev)
{
	const struct identity *id = st;

	if (!ts)
		return;
	if (ev->kind == EV_EXEC)
		proc_ident_stale(ts);
	if (!ev->hidden || ev->kind == EV_FORK || id->hidden_too)
		ev->who = proc_ident_get(ts, ev->tid);
}

const struct consumer consumer_identity = {
	.name = "identity",
	.make = identity_make,
	.thread_size = sizeof(struct proc_ident_cache),
	.plan = identity_plan,
	.enter = identity_enter,
	.exit = identity_exit,
	.event = identity_event,
};
