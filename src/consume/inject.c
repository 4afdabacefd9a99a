/* The inject consumer (-e inject=, -e fault=): counts each call against
 * the rules and, through the engine, skips it and sets its result, delays
 * it or signals the thread. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "inject.h"
#include "options.h"
#include "pipeline.h"

struct inject_consumer {
	struct inject_state *rules;
	struct pipeline *p;
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
	return ic;
}

static void inject_plan(void *st, struct stop_plan *plan)
{
	struct inject_consumer *ic = st;

	inject_add_calls(ic->rules, &plan->stop);
}

static void inject_thread_gone(void *st, void *ts, pid_t pid, pid_t tid)
{
	struct inject_consumer *ic = st;

	(void)ts;
	(void)pid;
	inject_forget(ic->rules, tid);
}

static void inject_enter(void *st, void *ts, struct call *c)
{
	struct inject_consumer *ic = st;
	struct inject_action *act = ts;
	const struct inject_rule *r;

	*act = inject_decide(ic->rules, c->tid, c->native_nr);
	r = act->rule;
	if (!r)
		return;
	c->want |= CALL_EXIT;
	if (r->delay_enter_us)
		ic->p->ops->sleep_us(ic->p->engine, r->delay_enter_us);
	if (r->fault && ic->p->ops->skip_call(ic->p->engine, c->tid) < 0) {
		fprintf(stderr, "mytrace: cannot inject into syscall %llu of "
			"%d: %s\n", (unsigned long long)c->native_nr, c->tid,
			strerror(errno));
		act->rule = NULL;
		return;
	}
	if (r->signo)
		syscall(SYS_tgkill, c->pid, c->tid, r->signo);
}

/* The result the rule asked for replaces the skipped call's -ENOSYS. */
static void inject_exit(void *st, void *ts, struct call *c)
{
	struct inject_consumer *ic = st;
	struct inject_action *act = ts;
	const struct inject_rule *r = act->rule;
	struct syscall_event *sc = c->sc;

	if (!r)
		return;
	act->rule = NULL;
	if (r->fault) {
		int64_t v = r->err ? -(int64_t)r->err : r->retval;

		if (ic->p->ops->set_return(ic->p->engine, c->tid, v) == 0) {
			sc->rval = v;
			sc->err = r->err;
			sc->injected = true;
		}
	}
	if (r->delay_exit_us)
		ic->p->ops->sleep_us(ic->p->engine, r->delay_exit_us);
	sc->delayed = r->delay_enter_us || r->delay_exit_us;
}

const struct consumer consumer_inject = {
	.name = "inject",
	.make = inject_make,
	.thread_size = sizeof(struct inject_action),
	.plan = inject_plan,
	.thread_gone = inject_thread_gone,
	.enter = inject_enter,
	.exit = inject_exit,
	.free = free,
};
