/* The timeline's collector: lanes per thread, a mark per call, exec, exit
 * and signal, their tooltip lines, and the forks that make the process
 * tree; plus the ways to run it (a file of its own, a formatter, or
 * as a consumer beside the formatter). The page is written by timeline_html.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "timeline.h"
#include "timeline_data.h"

/* A tooltip line longer than this is cut: a page of 1e5 calls stays a
 * few megabytes. */
#define TEXT_MAX 240

const char *const tl_class_names[] = {
	"other", "file", "desc", "network", "process", "memory", "signal",
	"ipc", "creds", "clock",
};
const unsigned tl_nclasses = sizeof(tl_class_names) / sizeof(tl_class_names[0]);

/* Grows an array of n elements of size sz to hold one more. */
static bool grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return true;
	ncap = *cap ? 2 * *cap : 256;
	p = realloc(*arr, ncap * sz);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

static int64_t since_origin(const struct timeline *tl,
			    const struct timespec *ts)
{
	return (int64_t)(ts->tv_sec - tl->origin.tv_sec) * 1000000000 +
	       (ts->tv_nsec - tl->origin.tv_nsec);
}

static unsigned class_index(const struct syscall_desc *d)
{
	const char *name = syscall_class_name(d->classes);

	for (unsigned i = 1; name && i < tl_nclasses; i++)
		if (strcmp(tl_class_names[i], name) == 0)
			return i;
	return 0;
}

static size_t tid_slot(const struct timeline *tl, pid_t tid)
{
	return ((size_t)tid * 2654435761u) & (tl->captid - 1);
}

/* Rebuilds the tid index at twice the size, from the live lanes. */
static bool rehash(struct timeline *tl)
{
	size_t cap = tl->captid ? 2 * tl->captid : 1024;
	int *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return false;
	free(tl->by_tid);
	tl->by_tid = slots;
	tl->captid = cap;
	for (size_t i = 0; i < tl->nlanes; i++) {
		size_t at;

		if (tl->lanes[i].gone)
			continue;
		for (at = tid_slot(tl, tl->lanes[i].tid); slots[at];
		     at = (at + 1) & (cap - 1))
			;
		slots[at] = (int)i + 1;
	}
	return true;
}

static int find_lane(const struct timeline *tl, pid_t tid)
{
	if (!tl->captid)
		return -1;
	for (size_t at = tid_slot(tl, tid); tl->by_tid[at];
	     at = (at + 1) & (tl->captid - 1))
		if (tl->lanes[tl->by_tid[at] - 1].tid == tid &&
		    !tl->lanes[tl->by_tid[at] - 1].gone)
			return tl->by_tid[at] - 1;
	return -1;
}

/* The lane of ev's thread, made when it is first seen; -1: no memory. */
static int lane_of(struct timeline *tl, const struct event *ev, int64_t t)
{
	int i = find_lane(tl, ev->tid);
	struct tl_lane *l;

	if (i >= 0)
		return i;
	if (!grow((void **)&tl->lanes, &tl->caplanes, tl->nlanes,
		  sizeof(*tl->lanes)))
		return -1;
	/* half full at most, counting the lanes of exited threads */
	if (2 * (tl->nlanes + 1) > tl->captid && !rehash(tl))
		return -1;
	l = &tl->lanes[tl->nlanes];
	memset(l, 0, sizeof(*l));
	l->pid = ev->pid;
	l->tid = ev->tid;
	l->parent = -1;
	l->first = l->last = t;
	l->pending_exec = -1;
	for (size_t at = tid_slot(tl, ev->tid);;
	     at = (at + 1) & (tl->captid - 1)) {
		if (!tl->by_tid[at]) {
			tl->by_tid[at] = (int)tl->nlanes + 1;
			break;
		}
	}
	tl->nlanes++;
	return (int)tl->nlanes - 1;
}

static uint32_t keep_text(struct timeline *tl, const char *s, size_t len,
			  uint32_t *out_len)
{
	size_t at = tl->ntext;

	if (len > TEXT_MAX)
		len = TEXT_MAX;
	while (tl->ntext + len + 3 > tl->captext) {
		size_t cap = tl->captext ? 2 * tl->captext : 65536;
		char *p = realloc(tl->text, cap);

		if (!p) {
			*out_len = 0;
			return 0;
		}
		tl->text = p;
		tl->captext = cap;
	}
	memcpy(tl->text + at, s, len);
	tl->ntext += len;
	if (len == TEXT_MAX) {
		memcpy(tl->text + tl->ntext, "...", 3);
		tl->ntext += 3;
	}
	*out_len = (uint32_t)(tl->ntext - at);
	return (uint32_t)at;
}

static void set_text(struct timeline *tl, struct tl_mark *m,
		     const struct event *ev)
{
	size_t len;
	const char *s = text_line_render(&tl->line, ev, &len);

	m->text = keep_text(tl, s, len, &m->text_len);
}

static struct tl_mark *add_mark(struct timeline *tl, int lane,
				enum tl_mark_kind kind, int64_t t)
{
	struct tl_mark *m;

	if (!grow((void **)&tl->marks, &tl->capmarks, tl->nmarks,
		  sizeof(*tl->marks)))
		return NULL;
	m = &tl->marks[tl->nmarks++];
	memset(m, 0, sizeof(*m));
	m->lane = (uint32_t)lane;
	m->kind = (uint8_t)kind;
	m->t = t;
	return m;
}

static void note_fork(struct timeline *tl, int lane,
		      const struct syscall_event *sc, int64_t t)
{
	struct tl_fork *f;

	if (!(sc->desc->classes & CLS_PROCESS) || sc->err || sc->ret_unknown ||
	    sc->rval <= 0 || sc->rval == tl->lanes[lane].pid ||
	    !grow((void **)&tl->forks, &tl->capforks, tl->nforks,
		  sizeof(*tl->forks)))
		return;
	f = &tl->forks[tl->nforks++];
	f->lane = (uint32_t)lane;
	f->child = (pid_t)sc->rval;
	f->t = t;
}

static void on_call(struct timeline *tl, int lane, const struct event *ev)
{
	const struct syscall_event *sc = ev->u.sc;
	struct tl_lane *l = &tl->lanes[lane];
	int64_t t = since_origin(tl, &sc->enter_ts);
	struct tl_mark *m = add_mark(tl, lane, MK_CALL, t);

	if (!m)
		return;
	if (sc->exit_ts.tv_sec && !sc->ret_unknown)
		m->dur = since_origin(tl, &sc->exit_ts) - t;
	if (m->dur < 0)
		m->dur = 0;
	m->name = sc->desc->name;
	m->cls = (uint8_t)class_index(sc->desc);
	/* ERESTART*: interrupted to run a handler, not a failure */
	m->failed = sc->err != 0 && sc->err < 512;
	set_text(tl, m, ev);
	/* the exec reported before this call's exit was this call's doing */
	if (l->pending_exec >= 0) {
		struct tl_mark *x = &tl->marks[l->pending_exec];

		if (t <= x->t) {
			x->text = m->text;
			x->text_len = m->text_len;
		}
		l->pending_exec = -1;
	}
	if (t < l->first)
		l->first = t;
	note_fork(tl, lane, sc, t);
}

static void on_other(struct timeline *tl, int lane, const struct event *ev,
		     int64_t t)
{
	struct tl_lane *l = &tl->lanes[lane];
	struct tl_mark *m;

	switch (ev->kind) {
	case EV_EXEC:
		m = add_mark(tl, lane, MK_EXEC, t);
		if (m) {
			uint32_t len;

			l->pending_exec = (int)(m - tl->marks);
			m->label = keep_text(tl, l->comm, strlen(l->comm) + 1,
					     &len);
			set_text(tl, m, ev);
		}
		break;
	case EV_EXITED:
	case EV_KILLED:
		m = add_mark(tl, lane, ev->kind == EV_EXITED ? MK_EXIT :
			     MK_KILLED, t);
		if (m) {
			m->status = ev->u.exit.status;
			m->failed = ev->kind == EV_KILLED || m->status != 0;
			l->failed = m->failed;
		}
		l->gone = true;
		break;
	case EV_SIGNAL:
		m = add_mark(tl, lane, MK_SIGNAL, t);
		break;
	default:
		return;
	}
	if (m && ev->kind != EV_EXEC)
		set_text(tl, m, ev);
}

void timeline_event(struct timeline *tl, const struct event *ev)
{
	int64_t t;
	int lane;

	if (ev->kind == EV_SYSCALL_ENTER || ev->kind == EV_FAILURES ||
	    ev->kind == EV_LOST)
		return;
	if (!tl->started) {
		tl->origin = ev->kind == EV_SYSCALL_EXIT ?
			     ev->u.sc->enter_ts : ev->ts;
		tl->started = true;
	}
	t = since_origin(tl, &ev->ts);
	lane = lane_of(tl, ev, t);
	if (lane < 0)
		return;
	if (ev->who && ev->who->comm[0])
		memcpy(tl->lanes[lane].comm, ev->who->comm,
		       sizeof(tl->lanes[lane].comm));
	if (ev->kind == EV_SYSCALL_EXIT)
		on_call(tl, lane, ev);
	else
		on_other(tl, lane, ev, t);
	if (t > tl->lanes[lane].last)
		tl->lanes[lane].last = t;
	if (t > tl->end)
		tl->end = t;
}

static struct timeline *timeline_new(struct sink *out, bool own,
				     const struct format_opts *opts)
{
	struct timeline *tl = calloc(1, sizeof(*tl));

	if (!tl)
		return NULL;
	if (text_line_init(&tl->line, opts) < 0) {
		free(tl);
		return NULL;
	}
	tl->out = out;
	tl->own_out = own;
	tl->opts = opts;
	return tl;
}

static void timeline_free(struct timeline *tl)
{
	text_line_free(&tl->line);
	free(tl->lanes);
	free(tl->marks);
	free(tl->forks);
	free(tl->text);
	free(tl->by_tid);
	free(tl);
}

struct timeline *timeline_open(const char *path,
			       const struct format_opts *opts)
{
	struct sink *s = sink_open(path);
	struct timeline *tl;

	if (!s)
		return NULL;
	tl = timeline_new(s, true, opts);
	if (!tl) {
		sink_close(s);
		errno = ENOMEM;
	}
	return tl;
}

void timeline_close(struct timeline *tl)
{
	timeline_write_html(tl, tl->out);
	if (tl->own_out)
		sink_close(tl->out);
	timeline_free(tl);
}

/* --- as a formatter */

static void *tl_begin(struct sink *out, const struct format_opts *opts)
{
	return timeline_new(out, false, opts);
}

static void tl_event(void *state, const struct event *ev, bool show_pid)
{
	timeline_event(state, ev);
}

static void tl_end(void *state)
{
	timeline_close(state);
}

const struct formatter format_timeline = {
	.name = "timeline",
	.needs_ident = true,
	.begin = tl_begin,
	.event = tl_event,
	.end = tl_end,
};
