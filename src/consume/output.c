/* The output consumer, last in the pipeline: hands every shown event to
 * the formatter, on the one shared sink or, with -ff, on each thread's
 * own file; what comes at the end (summary, digest) goes to the shared
 * sink, or to stderr when there is none. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "output.h"
#include "pipeline.h"

struct output_consumer {
	const struct formatter *formatter;
	struct format_opts fopts;
	const char *path;	/* -o, or NULL */
	bool separate;		/* -ff: a file per thread */
	bool trace_off;		/* -c alone: only the summary and digest */
	bool several_from_start;	/* -o: bare pids once several */
	struct sink *out;	/* NULL with -ff */
	void *fmt;
	/* the trace shares stderr with the program: a call's entry is
	 * written out before the call can write there too */
	bool flush_at_entry;
	struct sink *err;	/* -ff: stderr, for the summary and digest */
	void *err_fmt;
	struct pipeline *p;
	bool started;		/* the tracees of the start are known */
	bool open_failed;	/* -ff: a file could not be opened (said once) */
};

struct output_thread {
	struct sink *out;	/* -ff: its own */
	void *fmt;
};

static void *begin_or_die(struct output_consumer *oc, struct sink *out)
{
	void *fmt = oc->formatter->begin(out, &oc->fopts);

	if (!fmt) {
		fprintf(stderr, "mytrace: formatter: %s\n", strerror(errno));
		exit(1);
	}
	return fmt;
}

static void *output_make(const struct options *opts, struct pipeline *p)
{
	struct output_consumer *oc = calloc(1, sizeof(*oc));

	if (!oc)
		abort();
	oc->p = p;
	oc->formatter = opts->formatter;
	oc->fopts = opts->format;
	oc->path = opts->output_path;
	oc->separate = opts->output_separately;
	oc->trace_off = opts->stats.count && !opts->stats.also_trace;
	oc->several_from_start = opts->output_path && !oc->separate;
	/* strace: -f into a file puts a bare pid before every line */
	oc->fopts.bare_pid = opts->output_path && opts->follow && !oc->separate;
	if (oc->separate)
		return oc;	/* a file per tracee, opened with it */
	oc->out = sink_open(opts->output_path);
	if (!oc->out) {
		fprintf(stderr, "mytrace: can't open '%s': %s\n",
			opts->output_path, strerror(errno));
		exit(1);
	}
	oc->fmt = begin_or_die(oc, oc->out);
	p->line_buffered = oc->out->line_buffered;
	oc->flush_at_entry = oc->out->fd == STDERR_FILENO &&
			     !oc->out->line_buffered;
	return oc;
}

static void output_plan(void *st, struct stop_plan *plan)
{
	struct output_consumer *oc = st;
	const struct formatter *f = oc->formatter;

	if (!oc->trace_off)
		plan->needs_args = true;
	if (!f->needs_clock || f->needs_clock(&oc->fopts))
		plan->needs_clock = true;
	if (f->needs_ident)
		plan->needs_ident = true;
	if (oc->fopts.instruction_pointer)
		plan->needs_ip = true;
	/* -n prints the latest syscall number, traced or not, on signal
	 * and exit lines: only stopping at every syscall knows it */
	if (oc->fopts.numbers)
		plan->prefer_every_call = true;
}

/* -o with several processes from the start: strace's bare pids */
static void output_start(void *st)
{
	struct output_consumer *oc = st;

	oc->started = true;
	if (oc->several_from_start && oc->p->visible_threads > 1)
		oc->fopts.bare_pid = true;
}

static void output_thread_init(void *st, void *ts, pid_t pid, pid_t tid)
{
	struct output_consumer *oc = st;
	struct output_thread *t = ts;
	char path[4096];

	(void)pid;
	if (!oc->separate)
		return;
	snprintf(path, sizeof(path), "%s.%d", oc->path, tid);
	t->out = sink_open(path);
	if (!t->out && !oc->started) {
		fprintf(stderr, "mytrace: can't open '%s': %s\n", path,
			strerror(errno));
		exit(1);
	}
	/* once it runs, the workload must not end for it: said once, and
	 * this thread's lines are lost */
	if (!t->out) {
		if (!oc->open_failed)
			fprintf(stderr, "mytrace: can't open '%s': %s; going "
				"on without that file\n", path,
				strerror(errno));
		oc->open_failed = true;
		return;
	}
	t->fmt = begin_or_die(oc, t->out);
}

/* -ff: the thread goes on in the leader's file */
static void output_thread_takeover(void *st, void *ts, void *leader_ts)
{
	struct output_thread *t = ts, *leader = leader_ts, tmp;

	(void)st;
	tmp = *t;
	*t = *leader;
	*leader = tmp;
}

static void output_thread_free(void *st, void *ts)
{
	struct output_consumer *oc = st;
	struct output_thread *t = ts;

	if (!t->out)
		return;
	oc->formatter->end(t->fmt);
	sink_close(t->out);
	t->out = NULL;
}

/* Whether lines carry the pid: never with -ff (the file names it), always
 * with -f into a file, else once more than one thread is traced. */
static bool show_pid(const struct output_consumer *oc)
{
	if (oc->separate)
		return false;
	return oc->fopts.bare_pid || oc->p->visible_threads > 1;
}

/* A call on a descriptor, which may be the trace's own stderr: what the
 * call writes there then comes after its entry, as in strace, not
 * before lines still in our buffer. */
static bool writes_to_fd(const struct syscall_desc *d)
{
	return d && !d->raw && d->nargs && d->args[0].type == ARG_FD;
}

/* The summary and the digest: the shared sink, or stderr with -ff. */
static void *end_fmt(struct output_consumer *oc)
{
	if (oc->fmt)
		return oc->fmt;
	if (!oc->err) {
		oc->err = sink_from_fd(STDERR_FILENO, false);
		if (!oc->err)
			return NULL;
		oc->err_fmt = begin_or_die(oc, oc->err);
	}
	return oc->err_fmt;
}

static void output_event(void *st, void *ts, struct event *ev)
{
	struct output_consumer *oc = st;
	struct output_thread *t = ts;
	void *fmt;

	if (ev->hidden)
		return;
	if (ev->kind == EV_SUMMARY || ev->kind == EV_FAILURES ||
	    ev->kind == EV_LOST) {
		fmt = end_fmt(oc);
		if (fmt)
			oc->formatter->event(fmt, ev, false);
		return;
	}
	/* -c: the summary replaces the trace */
	if (oc->trace_off)
		return;
	fmt = t && t->out ? t->fmt : oc->fmt;
	if (!fmt)
		return;	/* -ff, its file could not be opened */
	oc->formatter->event(fmt, ev, show_pid(oc));
	if (oc->flush_at_entry && ev->kind == EV_SYSCALL_ENTER &&
	    writes_to_fd(ev->u.sc->desc))
		sink_flush(oc->out);
}

static void output_end(void *st)
{
	struct output_consumer *oc = st;

	if (oc->err) {
		oc->formatter->end(oc->err_fmt);
		sink_close(oc->err);
		oc->err = NULL;
	}
	if (oc->out) {
		oc->formatter->end(oc->fmt);
		sink_close(oc->out);
		oc->out = NULL;
		oc->fmt = NULL;
	}
	sink_flush_all();
}

const struct consumer consumer_output = {
	.name = "output",
	.make = output_make,
	.thread_size = sizeof(struct output_thread),
	.plan = output_plan,
	.start = output_start,
	.thread_init = output_thread_init,
	.thread_takeover = output_thread_takeover,
	.thread_free = output_thread_free,
	.event = output_event,
	.end = output_end,
	.free = free,
};
