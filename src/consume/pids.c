/* The pids consumer, for --decode-pids: after each call and signal is
 * decoded, the ids in it (the argument types with ARGP_PID, siginfo's
 * si_pid) get mytrace's number for them when the tracee is in another
 * PID namespace, and the command names of threads and processes. */
#include <string.h>

#include "options.h"
#include "pidinfo.h"
#include "pipeline.h"

struct pids {
	struct pidinfo *pi;
	int what;		/* DECODE_PID_* bits */
};

static void *pids_make(const struct options *opts, struct pipeline *p)
{
	static struct pids st;

	(void)p;
	if (!opts->decode.decode_pids)
		return NULL;
	st.pi = pidinfo_new();
	st.what = opts->decode.decode_pids;
	return &st;
}

static void pids_plan(void *st, struct stop_plan *plan)
{
	(void)st;
	plan->needs_args = true;
}

static bool holds_pid(const struct syscall_desc *d, unsigned i)
{
	return !d->raw && i < d->nargs &&
	       (arg_type_props(d->args[i].type) & ARGP_PID);
}

static void annotate_call(struct pids *st, struct pidinfo_view *view,
			  const struct event *ev)
{
	struct syscall_event *sc = ev->u.sc;
	bool exit = ev->kind == EV_SYSCALL_EXIT;
	unsigned from = exit ? sc->nargs_enter : 0;
	unsigned to = exit ? sc->nargs : sc->nargs_enter;

	for (unsigned i = from; i < to && i < MAX_ARGS; i++)
		if (holds_pid(sc->desc, i))
			pidinfo_annotate(st->pi, view, ev->tid, ev->arena,
					 sc->args[i], st->what);
	if (exit && !sc->desc->raw &&
	    (arg_type_props(sc->desc->ret.type) & ARGP_PID))
		pidinfo_annotate(st->pi, view, ev->tid, ev->arena, sc->ret,
				 st->what);
}

static void pids_event(void *vst, void *ts, struct event *ev)
{
	struct pids *st = vst;
	struct pidinfo_view *view = ts;

	if (!ts)
		return;
	/* a thread that execs may take its leader's id: look again */
	if (ev->kind == EV_EXEC)
		memset(view, 0, sizeof(*view));
	if (ev->hidden)
		return;
	switch (ev->kind) {
	case EV_SYSCALL_ENTER:
	case EV_SYSCALL_EXIT:
		annotate_call(st, view, ev);
		break;
	case EV_SIGNAL:
		pidinfo_annotate(st->pi, view, ev->tid, ev->arena,
				 ev->u.signal.info, st->what);
		break;
	default:
		break;
	}
}

static void pids_free(void *vst)
{
	struct pids *st = vst;

	pidinfo_free(st->pi);
	st->pi = NULL;
}

const struct consumer consumer_pids = {
	.name = "pids",
	.make = pids_make,
	.thread_size = sizeof(struct pidinfo_view),
	.plan = pids_plan,
	.event = pids_event,
	.free = pids_free,
};
