/* The inject consumer (-e inject=, -e fault=): counts each traced call
 * against the rules and, through the engine, skips it (or runs a pure
 * call instead) and sets its result, writes into its arguments' memory,
 * delays it or signals the thread. As in strace, only calls that are
 * traced and pass -P are counted and changed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inject.h"
#include "options.h"
#include "pipeline.h"

struct inject_consumer {
	struct inject_state *rules;
	struct pipeline *p;
	/* -P, -e trace-fds=: decide once the entry passed them */
	bool paths;
};

struct inject_thread {
	const struct inject_rule *rule;	/* NULL: leave the call alone */
	uint64_t native_nr;
	bool pending;		/* -P has yet to pass the entry */
	bool poked;
};

static void *inject_make(const struct options *opts, struct pipeline *p)
{
	struct inject_consumer *ic;

	if (!opts->inject)
		return NULL;
	if (!p->ops->skip_call) {
		fprintf(stderr, "mytrace: -e inject= and -e fault= need a "
			"backend that stops the tracee (--backend=ptrace)\n");
		exit(1);
	}
	ic = calloc(1, sizeof(*ic));
	if (!ic) {
		perror("mytrace: calloc");
		exit(1);
	}
	ic->rules = opts->inject;
	ic->p = p;
	ic->paths = outfilter_narrows_calls(&opts->filter);
	return ic;
}

static void inject_thread_gone(void *st, void *ts, pid_t pid, pid_t tid)
{
	struct inject_consumer *ic = st;

	(void)ts;
	(void)pid;
	inject_forget(ic->rules, tid);
}

/* Writes each poke where its argument points; false if none could be. */
static bool poke_args(struct inject_consumer *ic, pid_t tid,
		      const struct syscall_event *sc,
		      const struct inject_pokes *pk)
{
	bool any = false;

	for (unsigned i = 0; i < pk->n; i++) {
		const struct inject_poke *p = &pk->v[i];
		ssize_t n;

		if (p->arg > sc->desc->nargs) {
			fprintf(stderr, "mytrace: Failed to tamper with "
				"process %d: requested to tamper with argument "
				"#%u, but system call '%s' has only %u "
				"arguments\n", tid, p->arg, sc->desc->name,
				sc->desc->nargs);
			continue;
		}
		n = ic->p->ops->poke(ic->p->engine, tid,
				     sc->raw_args[p->arg - 1], p->data, p->len);
		if (n <= 0) {
			fprintf(stderr, "mytrace: Failed to tamper with "
				"process %d: couldn't poke\n", tid);
			continue;
		}
		if ((size_t)n < p->len)
			fprintf(stderr, "mytrace: process %d: wrote %zd of %zu "
				"bytes at 0x%llx\n", tid, n, p->len,
				(unsigned long long)sc->raw_args[p->arg - 1]);
		any = true;
	}
	return any;
}

static void tamper_at_entry(struct inject_consumer *ic,
			    struct inject_thread *it, pid_t tid,
			    struct syscall_event *sc)
{
	const struct engine_ops *ops = ic->p->ops;
	const struct inject_rule *r;

	r = inject_decide(ic->rules, tid, it->native_nr).rule;
	it->rule = r;
	if (!r)
		return;
	if (r->delay_enter_us)
		ops->delay_us(ic->p->engine, tid, r->delay_enter_us);
	if (r->poke_enter.n)
		it->poked = poke_args(ic, tid, sc, &r->poke_enter);
	if (r->fault &&
	    ops->skip_call(ic->p->engine, tid, r->run_instead) < 0) {
		fprintf(stderr, "mytrace: cannot inject into syscall %llu of "
			"%d: %s\n", (unsigned long long)it->native_nr, tid,
			strerror(errno));
		it->rule = NULL;
		return;
	}
	if (r->signo)
		ops->signal_at_resume(ic->p->engine, tid, r->signo);
}

static void inject_enter(void *st, void *ts, struct call *c)
{
	struct inject_consumer *ic = st;
	struct inject_thread *it = ts;

	*it = (struct inject_thread){ .native_nr = c->native_nr };
	/* strace leaves untraced calls alone */
	if (!(c->want & CALL_SHOWN))
		return;
	c->want |= CALL_EXIT;
	if (ic->paths)
		it->pending = true;
	else
		tamper_at_entry(ic, it, c->tid, c->sc);
}

/* With -P, the entry event tells whether the call names a chosen path:
 * the print filter, before us, has hidden it if not. */
static void inject_event(void *st, void *ts, struct event *ev)
{
	struct inject_thread *it = ts;

	if (!it || ev->kind != EV_SYSCALL_ENTER || !it->pending)
		return;
	it->pending = false;
	if (!ev->hidden)
		tamper_at_entry(st, it, ev->tid, ev->u.sc);
}

/* The result the rule asked for replaces the skipped call's -ENOSYS. */
static void inject_exit(void *st, void *ts, struct call *c)
{
	struct inject_consumer *ic = st;
	struct inject_thread *it = ts;
	const struct inject_rule *r = it->rule;
	struct syscall_event *sc = c->sc;

	it->pending = false;
	if (!r)
		return;
	it->rule = NULL;
	if (r->poke_exit.n && poke_args(ic, c->tid, sc, &r->poke_exit))
		it->poked = true;
	if (r->fault) {
		int64_t v = r->err ? -(int64_t)r->err : r->retval;

		if (ic->p->ops->set_return(ic->p->engine, c->tid, v) == 0) {
			sc->rval = v;
			sc->err = r->err;
			sc->injected = true;
		}
	}
	sc->poked = it->poked;
	if (r->delay_exit_us)
		ic->p->ops->delay_us(ic->p->engine, c->tid,
				     r->delay_exit_us);
	sc->delayed = r->delay_enter_us || r->delay_exit_us;
}

const struct consumer consumer_inject = {
	.name = "inject",
	.make = inject_make,
	.thread_size = sizeof(struct inject_thread),
	.thread_gone = inject_thread_gone,
	.enter = inject_enter,
	.event = inject_event,
	.exit = inject_exit,
	.free = free,
};
