/* The chrome formatter: the Trace Event Format (JSON) that Perfetto and
 * chrome://tracing load. A syscall is a complete ("X") event from its
 * entry to its exit; execs, exits and signals are instants ("i");
 * processes and threads are named by their comm in metadata ("M")
 * events, again after an exec. One JSON object; end() closes it. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "text_line.h"

struct named {
	pid_t tid;
	char comm[16];
};

struct chrome_state {
	struct sink *out;
	const struct format_opts *opts;
	struct text_line line;
	bool first;		/* no event written yet: no comma */
	struct named *names;	/* the comm each thread was last named by */
	size_t nnames, capnames;
};

/* Microseconds since the trace began, to the nanosecond. */
static void put_us(struct sink *s, const struct timespec *origin,
		   const struct timespec *ts)
{
	int64_t ns = (int64_t)(ts->tv_sec - origin->tv_sec) * 1000000000 +
		     (ts->tv_nsec - origin->tv_nsec);

	if (ns < 0) {
		sink_putc(s, '-');
		ns = -ns;
	}
	sink_printf(s, "%" PRId64 ".%03" PRId64, ns / 1000, ns % 1000);
}

static void begin_record(struct chrome_state *c, const char *ph,
			 const char *name, const struct event *ev)
{
	struct sink *s = c->out;

	sink_puts(s, c->first ? "\n{\"ph\":\"" : ",\n{\"ph\":\"");
	c->first = false;
	sink_puts(s, ph);
	sink_puts(s, "\",\"name\":");
	format_json_string(s, name, strlen(name));
	sink_printf(s, ",\"pid\":%d,\"tid\":%d", ev->pid, ev->tid);
}

static void put_meta(struct chrome_state *c, const char *what,
		     const struct event *ev, const char *comm)
{
	begin_record(c, "M", what, ev);
	sink_puts(c->out, ",\"args\":{\"name\":");
	format_json_string(c->out, comm, strlen(comm));
	sink_puts(c->out, "}}");
}

static struct named *find_named(struct chrome_state *c, pid_t tid)
{
	for (size_t i = c->nnames; i-- > 0;)
		if (c->names[i].tid == tid)
			return &c->names[i];
	if (c->nnames == c->capnames) {
		size_t cap = c->capnames ? 2 * c->capnames : 64;
		struct named *n = realloc(c->names, cap * sizeof(*n));

		if (!n)
			return NULL;
		c->names = n;
		c->capnames = cap;
	}
	memset(&c->names[c->nnames], 0, sizeof(c->names[0]));
	c->names[c->nnames].tid = tid;
	return &c->names[c->nnames++];
}

/* Names the thread (and the process, from its leader) when its comm is
 * new: first seen, or changed by an exec or PR_SET_NAME. */
static void name_thread(struct chrome_state *c, const struct event *ev)
{
	struct named *n;

	if (!ev->who || !ev->who->comm[0])
		return;
	n = find_named(c, ev->tid);
	if (!n || strcmp(n->comm, ev->who->comm) == 0)
		return;
	memcpy(n->comm, ev->who->comm, sizeof(n->comm));
	if (ev->tid == ev->pid)
		put_meta(c, "process_name", ev, n->comm);
	put_meta(c, "thread_name", ev, n->comm);
}

/* "line": the event as the text format prints it, when it prints it;
 * then a comma when more follows. */
static void put_line_arg(struct chrome_state *c, const struct event *ev,
			 bool more)
{
	size_t len;
	const char *text = text_line_render(&c->line, ev, &len);

	if (!len)
		return;
	sink_puts(c->out, "\"line\":");
	format_json_string(c->out, text, len);
	if (more)
		sink_putc(c->out, ',');
}

static void put_syscall(struct chrome_state *c, const struct event *ev)
{
	const struct syscall_event *sc = ev->u.sc;
	const char *cls = syscall_class_name(sc->desc->classes);
	struct sink *s = c->out;
	int64_t dur_ns = 0;

	if (sc->exit_ts.tv_sec)
		dur_ns = (int64_t)(sc->exit_ts.tv_sec - sc->enter_ts.tv_sec) *
			 1000000000 + (sc->exit_ts.tv_nsec - sc->enter_ts.tv_nsec);
	if (dur_ns < 0)
		dur_ns = 0;
	begin_record(c, "X", sc->desc->name, ev);
	sink_puts(s, ",\"cat\":");
	format_json_string(s, cls ? cls : "other", strlen(cls ? cls : "other"));
	sink_puts(s, ",\"ts\":");
	put_us(s, &c->opts->start, &sc->enter_ts);
	sink_printf(s, ",\"dur\":%" PRId64 ".%03" PRId64, dur_ns / 1000,
		    dur_ns % 1000);
	sink_puts(s, ",\"args\":{");
	put_line_arg(c, ev, true);
	if (sc->ret_unknown)
		sink_puts(s, "\"retval\":null");
	else
		sink_printf(s, "\"retval\":%" PRId64, sc->rval);
	if (sc->err) {
		const char *name = errno_name(sc->err);

		sink_puts(s, ",\"error\":");
		format_json_string(s, name ? name : "?", strlen(name ? name : "?"));
	}
	sink_puts(s, "}}");
}

/* What an instant is called; NULL: no record for this kind. */
static const char *instant_name(const struct event *ev, char buf[16])
{
	switch (ev->kind) {
	case EV_SIGNAL:
		return format_signal_name(ev->u.signal.sig, buf);
	case EV_EXEC:
		return "exec";
	case EV_EXITED:
		return "exited";
	case EV_KILLED:
		return "killed";
	case EV_ATTACH:
		return "attach";
	case EV_DETACH:
		return "detach";
	case EV_GROUP_STOP:
		return "stopped";
	default:
		return NULL;
	}
}

static void put_instant(struct chrome_state *c, const struct event *ev)
{
	char buf[16];
	const char *name = instant_name(ev, buf);

	if (!name)
		return;
	begin_record(c, "i", name, ev);
	/* an exec or an exit is the process's; a signal its thread's */
	sink_puts(c->out, ev->kind == EV_SIGNAL ? ",\"s\":\"t\"" :
			  ",\"s\":\"p\"");
	sink_puts(c->out, ",\"ts\":");
	put_us(c->out, &c->opts->start, &ev->ts);
	sink_puts(c->out, ",\"args\":{");
	put_line_arg(c, ev, true);
	sink_puts(c->out, "\"comm\":");
	if (ev->who)
		format_json_string(c->out, ev->who->comm,
				   strlen(ev->who->comm));
	else
		sink_puts(c->out, "null");
	if (ev->kind == EV_EXITED || ev->kind == EV_KILLED)
		sink_printf(c->out, ",\"status\":%d", ev->u.exit.status);
	sink_puts(c->out, "}}");
}

static void chrome_event(void *state, const struct event *ev, bool show_pid)
{
	struct chrome_state *c = state;

	if (ev->kind == EV_SYSCALL_ENTER || ev->kind == EV_FAILURES ||
	    ev->kind == EV_PERSONALITY || ev->kind == EV_LOST)
		return;
	name_thread(c, ev);
	if (ev->kind == EV_SYSCALL_EXIT)
		put_syscall(c, ev);
	else
		put_instant(c, ev);
}

static void *chrome_begin(struct sink *out, const struct format_opts *opts)
{
	struct chrome_state *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	if (text_line_init(&c->line, opts) < 0) {
		free(c);
		return NULL;
	}
	c->out = out;
	c->opts = opts;
	c->first = true;
	sink_puts(out, "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[");
	return c;
}

/* The closing brackets: the file is valid JSON however the trace ended,
 * as long as mytrace itself did. */
static void chrome_end(void *state)
{
	struct chrome_state *c = state;

	sink_puts(c->out, "\n]}\n");
	text_line_free(&c->line);
	free(c->names);
	free(c);
}

const struct formatter format_chrome = {
	.name = "chrome",
	.needs_ident = true,
	.begin = chrome_begin,
	.event = chrome_event,
	.end = chrome_end,
};
