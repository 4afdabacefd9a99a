/* The pipeline of consumers: which ones a trace runs, in which order, the
 * union of what they need, and handing them calls and events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "pipeline.h"

static void *stage_ts(const struct pipeline_stage *s, void *block)
{
	return block && s->c->thread_size ? (char *)block + s->offset : NULL;
}

void pipeline_add(struct pipeline *p, const struct consumer *c, void *st)
{
	struct pipeline_stage *s;

	if (p->count == PIPELINE_MAX) {
		fprintf(stderr, "mytrace: too many consumers\n");
		exit(1);
	}
	s = &p->stages[p->count++];
	s->c = c;
	s->st = st;
	/* keep every state aligned as malloc would */
	s->offset = p->thread_bytes;
	p->thread_bytes += (c->thread_size + 15) & ~(size_t)15;
	if (c->plan)
		c->plan(st, &p->plan);
}

void pipeline_init(struct pipeline *p, const struct options *opts,
		   const struct engine_ops *ops, void *engine)
{
	memset(p, 0, sizeof(*p));
	p->ops = ops;
	p->engine = engine;
	for (const struct consumer *const *c = consumer_registry; *c; c++) {
		void *st = (*c)->make(opts, p);

		if (st)
			pipeline_add(p, *c, st);
	}
	/* -b execve lets go of processes that would keep a seccomp filter:
	 * ENOSYS for their filtered calls */
	if (opts->detach_on_execve)
		p->plan.lets_go = true;
}

void pipeline_free(struct pipeline *p)
{
	for (unsigned i = 0; i < p->count; i++)
		if (p->stages[i].c->free)
			p->stages[i].c->free(p->stages[i].st);
	p->count = 0;
}

void *pipeline_thread_new(struct pipeline *p, pid_t pid, pid_t tid)
{
	void *block = calloc(1, p->thread_bytes ? p->thread_bytes : 1);

	if (!block) {
		perror("mytrace: calloc");
		exit(1);
	}
	for (unsigned i = 0; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->thread_init)
			s->c->thread_init(s->st, stage_ts(s, block), pid, tid);
	}
	return block;
}

void pipeline_thread_gone(struct pipeline *p, void *block, pid_t pid,
			  pid_t tid)
{
	for (unsigned i = 0; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->thread_gone)
			s->c->thread_gone(s->st, stage_ts(s, block), pid, tid);
	}
}

void pipeline_thread_takeover(struct pipeline *p, void *block,
			      void *leader_block)
{
	for (unsigned i = 0; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->thread_takeover)
			s->c->thread_takeover(s->st, stage_ts(s, block),
					      stage_ts(s, leader_block));
	}
}

void pipeline_thread_free(struct pipeline *p, void *block)
{
	for (unsigned i = 0; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->thread_free)
			s->c->thread_free(s->st, stage_ts(s, block));
	}
	free(block);
}

void pipeline_start(struct pipeline *p)
{
	for (unsigned i = 0; i < p->count; i++)
		if (p->stages[i].c->start)
			p->stages[i].c->start(p->stages[i].st);
}

void pipeline_enter(struct pipeline *p, void *block, struct call *c)
{
	for (unsigned i = 0; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->enter)
			s->c->enter(s->st, stage_ts(s, block), c);
	}
}

void pipeline_exit(struct pipeline *p, void *block, struct call *c)
{
	for (unsigned i = 0; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->exit)
			s->c->exit(s->st, stage_ts(s, block), c);
	}
}

static void event_from(struct pipeline *p, unsigned first, void *block,
		       struct event *ev)
{
	for (unsigned i = first; i < p->count; i++) {
		struct pipeline_stage *s = &p->stages[i];

		if (s->c->event)
			s->c->event(s->st, stage_ts(s, block), ev);
	}
}

bool pipeline_event(struct pipeline *p, void *block, struct event *ev)
{
	event_from(p, 0, block, ev);
	return !ev->hidden;
}

void pipeline_event_after(struct pipeline *p, const void *from,
			  struct event *ev)
{
	unsigned i = 0;

	while (i < p->count && p->stages[i].st != from)
		i++;
	event_from(p, i + 1, NULL, ev);
}

void pipeline_end(struct pipeline *p)
{
	for (unsigned i = 0; i < p->count; i++)
		if (p->stages[i].c->end)
			p->stages[i].c->end(p->stages[i].st);
}
