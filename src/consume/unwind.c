/* The -k consumer: the tracee's stack for each shown call, signal and
 * failed call, read through libunwind while the engine holds the thread
 * stopped; its caches are dropped when the program's code mappings
 * change, which it watches even in untraced calls. */
#include <stdio.h>
#include <stdlib.h>

#include "arch.h"
#include "options.h"
#include "pipeline.h"
#include "unwind.h"

static void *unwind_make(const struct options *opts, struct pipeline *p)
{
	/* -c alone prints no line to put a stack under */
	if (!opts->stack_trace ||
	    (opts->stats.count && !opts->stats.also_trace))
		return NULL;
	if (!p->ops->stops_tracees) {
		fprintf(stderr, "mytrace: -k needs a backend that stops the "
			"tracee (--backend=ptrace)\n");
		exit(1);
	}
	return unwind_new(opts->stack_frame_limit, opts->stack_source);
}

static void unwind_plan(void *st, struct stop_plan *plan)
{
	(void)st;
	syscall_set_add_flagged(&plan->stop, arch_syscalls,
				UNWIND_WATCHED_FLAGS);
}

static void unwind_thread_gone(void *st, void *ts, pid_t pid, pid_t tid)
{
	(void)ts;
	unwind_forget_thread(st, pid, tid);
}

static void unwind_enter(void *st, void *ts, struct call *c)
{
	(void)st;
	(void)ts;
	/* an mmap of code makes the caches stale, traced or not */
	c->want |= CALL_EXIT;
}

static void unwind_exit(void *st, void *ts, struct call *c)
{
	(void)ts;
	unwind_after_syscall(st, c->pid, c->sc->desc, c->sc->raw_args,
			     c->sc->err != 0);
}

static bool never_returns(const struct syscall_desc *d)
{
	return d && (d->flags & SF_NEVER_RETURNS);
}

static void unwind_event(void *st, void *ts, struct event *ev)
{
	struct syscall_event *sc = ev->u.sc;

	(void)ts;
	switch (ev->kind) {
	case EV_SYSCALL_ENTER:
		/* calls that never return have their stack taken now, the
		 * others at exit (execve's is the new program's, as strace
		 * shows it) */
		if (!ev->hidden && never_returns(sc->desc))
			sc->stack = unwind_capture(st, ev->pid, ev->tid,
						   ev->arena);
		break;
	case EV_SYSCALL_EXIT:
		/* the stack of an unshown call only matters to the digest */
		if (!sc->ret_unknown && !sc->stack && (!ev->hidden || sc->err))
			sc->stack = unwind_capture(st, ev->pid, ev->tid,
						   ev->arena);
		break;
	case EV_SIGNAL:
		if (!ev->hidden)
			ev->u.signal.stack = unwind_capture(st, ev->pid,
							    ev->tid,
							    ev->arena);
		break;
	default:
		break;
	}
}

static void unwind_free_consumer(void *st)
{
	unwind_free(st);
}

const struct consumer consumer_unwind = {
	.name = "unwind",
	.make = unwind_make,
	.plan = unwind_plan,
	.thread_gone = unwind_thread_gone,
	.enter = unwind_enter,
	.exit = unwind_exit,
	.event = unwind_event,
	.free = unwind_free_consumer,
};
