/* The print filters: -e trace= and --filter choose which calls show at
 * their entry; -P, -e status= and -e signal= refuse events. A refused
 * event is marked hidden, never taken out of the pipeline: the digest
 * and the counters after it still see it. */
#include "arch.h"
#include "options.h"
#include "pipeline.h"
#include "seccomp.h"

static void *print_filter_make(const struct options *opts,
			       struct pipeline *p)
{
	(void)p;
	return (void *)opts;
}

static void print_filter_plan(void *st, struct stop_plan *plan)
{
	const struct options *opts = st;
	struct syscall_set shown = opts->trace;

	/* -P and -e trace-fds= print only calls that can name a file: the
	 * others need not stop */
	if (outfilter_narrows_calls(&opts->filter)) {
		syscall_set_keep_path_calls(&shown, arch_syscalls);
		plan->needs_args = true;
	}
	syscall_set_union(&plan->stop, &shown);
}

static void print_filter_enter(void *st, void *ts, struct call *c)
{
	const struct options *opts = st;

	(void)ts;
	if (syscall_set_has(&opts->trace, c->native_nr) &&
	    proc_filter_match(&opts->procs, c->pid, c->who))
		c->want |= CALL_SHOWN;
}

/* --filter follow: a matching process brings its children along */
static void follow_forks(const struct options *opts, const struct event *ev)
{
	struct proc_filter *procs = (struct proc_filter *)&opts->procs;

	if (ev->kind == EV_FORK)
		proc_filter_on_fork(procs, ev->pid, ev->who, ev->u.fork.child);
	else if ((ev->kind == EV_EXITED || ev->kind == EV_KILLED) &&
		 ev->tid == ev->pid)
		proc_filter_on_exit(procs, ev->pid);
}

static void print_filter_event(void *st, void *ts, struct event *ev)
{
	const struct options *opts = st;

	(void)ts;
	follow_forks(opts, ev);
	if (ev->hidden)
		return;
	switch (ev->kind) {
	case EV_SYSCALL_ENTER:
	case EV_SYSCALL_EXIT:
	case EV_FAILURES:
	case EV_SUMMARY:
	case EV_LOST:
		break;
	default:
		/* --filter chose the syscalls at their entry */
		if (!proc_filter_match(&opts->procs, ev->pid, ev->who)) {
			ev->hidden = true;
			return;
		}
	}
	if (!outfilter_pass(&opts->filter, ev))
		ev->hidden = true;
}

const struct consumer consumer_print_filter = {
	.name = "print-filter",
	.make = print_filter_make,
	.plan = print_filter_plan,
	.enter = print_filter_enter,
	.event = print_filter_event,
};
