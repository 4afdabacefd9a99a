/* The table formatter, Tracee's view: one row per event under the columns
 * TIME UID COMM PID TID SYSCALL ARGS RETVAL, each starting at a fixed
 * column (a long value pushes the rest one space right). A syscall is
 * written once, at its exit, with its entry time; values are rendered as
 * the text format renders them. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format.h"

/* Where each column starts. ARGS gets 40 characters, as strace aligns
 * " = " at column 40. Columns are at least two spaces apart, so that a
 * value that overflows its column is still told from the next one. */
enum {
	COL_TIME = 0,
	COL_UID = 17,
	COL_COMM = 24,
	COL_PID = 41,
	COL_TID = 50,
	COL_SYSCALL = 59,
	COL_ARGS = 77,
	COL_RETVAL = 119,
};

struct table_state {
	struct sink *out;
	const struct format_opts *opts;
	bool color;
};

static void to_column(struct sink *s, size_t col)
{
	if (sink_column(s) + 2 <= col)
		sink_pad_to(s, col);
	else
		sink_puts(s, "  ");
}

static void put_header(struct table_state *t)
{
	struct sink *s = t->out;

	format_color(s, t->color, COLOR_NAME);
	sink_puts(s, "TIME");
	to_column(s, COL_UID);
	sink_puts(s, "UID");
	to_column(s, COL_COMM);
	sink_puts(s, "COMM");
	to_column(s, COL_PID);
	sink_puts(s, "PID");
	to_column(s, COL_TID);
	sink_puts(s, "TID");
	to_column(s, COL_SYSCALL);
	sink_puts(s, "SYSCALL");
	to_column(s, COL_ARGS);
	sink_puts(s, "ARGS");
	to_column(s, COL_RETVAL);
	sink_puts(s, "RETVAL");
	format_color(s, t->color, COLOR_RESET);
	sink_putc(s, '\n');
}

/* TIME UID COMM PID TID, then the cursor at SYSCALL. */
static void put_who(struct table_state *t, const struct event *ev,
		    const struct timespec *ts)
{
	struct sink *s = t->out;
	struct tm tm;
	char hms[16];
	time_t sec = ts->tv_sec;

	localtime_r(&sec, &tm);
	strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
	sink_printf(s, "%s.%06ld", hms, ts->tv_nsec / 1000);
	to_column(s, COL_UID);
	if (ev->who)
		sink_printf(s, "%u", (unsigned)ev->who->uid);
	else
		sink_putc(s, '-');
	to_column(s, COL_COMM);
	/* a comm is the program's to choose: quote it only if it must be */
	if (!ev->who) {
		sink_putc(s, '-');
	} else {
		bool plain = ev->who->comm[0] != 0;

		for (const char *p = ev->who->comm; *p; p++)
			if ((unsigned char)*p <= ' ' || *p == '"' ||
			    (unsigned char)*p >= 0x7f)
				plain = false;
		if (plain) {
			sink_puts(s, ev->who->comm);
		} else {
			struct value v = { .kind = V_STRING };

			v.u.str.bytes = ev->who->comm;
			v.u.str.len = strnlen(ev->who->comm,
					      sizeof(ev->who->comm));
			format_text_value(s, t->opts, &v);
		}
	}
	to_column(s, COL_PID);
	sink_printf(s, "%d", ev->pid);
	to_column(s, COL_TID);
	sink_printf(s, "%d", ev->tid);
	to_column(s, COL_SYSCALL);
}

static void put_args(struct table_state *t, const struct syscall_event *sc)
{
	bool first = true;

	for (unsigned i = 0; i < sc->nargs; i++) {
		const struct value *v = sc->args[i];

		if (!v)
			continue;
		if (!first)
			sink_puts(t->out, ", ");
		first = false;
		if (v->name && (v->labelled ||
				(t->opts->arg_names && !sc->desc->raw)))
			sink_printf(t->out, "%s=", v->name);
		format_text_value(t->out, t->opts, v);
	}
}

static void put_retval(struct table_state *t, const struct syscall_event *sc)
{
	struct sink *s = t->out;
	const char *name;

	if (sc->ret_unknown) {
		sink_puts(s, sc->detached ? "? <detached>" : "?");
		return;
	}
	if (sc->err) {
		name = errno_name(sc->err);
		format_color(s, t->color, COLOR_ERROR);
		sink_puts(s, sc->err >= 512 ? "? " : "-1 ");
		if (name)
			sink_printf(s, "%s (%s)", name, errno_message(sc->err));
		else
			sink_printf(s, "(errno %d)", sc->err);
		format_color(s, t->color, COLOR_RESET);
		return;
	}
	if (sc->ret)
		format_text_value(s, t->opts, sc->ret);
	else
		sink_printf(s, "%" PRId64, sc->rval);
}

static void put_syscall(struct table_state *t, const struct event *ev)
{
	const struct syscall_event *sc = ev->u.sc;

	put_who(t, ev, &sc->enter_ts);
	format_color(t->out, t->color, COLOR_NAME);
	sink_puts(t->out, sc->desc->name);
	format_color(t->out, t->color, COLOR_RESET);
	to_column(t->out, COL_ARGS);
	put_args(t, sc);
	to_column(t->out, COL_RETVAL);
	put_retval(t, sc);
}

/* A row for what is not a syscall: the event's name in the SYSCALL
 * column (a signal's own name), its details under ARGS and RETVAL. */
static void put_other(struct table_state *t, const struct event *ev)
{
	struct sink *s = t->out;
	char buf[16];
	const char *sig;

	put_who(t, ev, &ev->ts);
	switch (ev->kind) {
	case EV_SIGNAL:
		sig = format_signal_name(ev->u.signal.sig, buf);
		format_color(s, t->color, COLOR_SIGNAL);
		sink_puts(s, sig);
		format_color(s, t->color, COLOR_RESET);
		to_column(s, COL_ARGS);
		if (ev->u.signal.info)
			format_text_value(s, t->opts, ev->u.signal.info);
		break;
	case EV_EXITED:
		format_color(s, t->color, COLOR_PROCESS);
		sink_puts(s, "exited");
		format_color(s, t->color, COLOR_RESET);
		to_column(s, COL_RETVAL);
		sink_printf(s, "%d", ev->u.exit.status);
		break;
	case EV_KILLED:
		sig = format_signal_name(ev->u.exit.status, buf);
		format_color(s, t->color, COLOR_PROCESS);
		sink_puts(s, "killed");
		format_color(s, t->color, COLOR_RESET);
		to_column(s, COL_RETVAL);
		sink_printf(s, "%s%s", sig,
			    ev->u.exit.core_dumped ? " (core dumped)" : "");
		break;
	case EV_GROUP_STOP:
		format_color(s, t->color, COLOR_SIGNAL);
		sink_puts(s, "stopped");
		format_color(s, t->color, COLOR_RESET);
		sig = format_signal_name(ev->u.signal.sig, buf);
		to_column(s, COL_RETVAL);
		sink_puts(s, sig);
		break;
	case EV_EXEC:
		sink_puts(s, "exec");
		if (ev->u.exec.old_tid && ev->u.exec.old_tid != ev->tid) {
			to_column(s, COL_ARGS);
			sink_printf(s, "old_tid=%d", ev->u.exec.old_tid);
		}
		break;
	case EV_ATTACH:
		sink_puts(s, "attach");
		break;
	default:
		sink_puts(s, "detach");
		break;
	}
}

static void table_event(void *state, const struct event *ev, bool show_pid)
{
	struct table_state *t = state;

	if (ev->kind == EV_SYSCALL_ENTER)
		return;		/* a syscall is one row, at its exit */
	if (ev->kind == EV_FAILURES || ev->kind == EV_SUMMARY) {
		/* the digest and summary are not rows: the text format's */
		void *text = format_text.begin(t->out, t->opts);

		format_text.event(text, ev, false);
		format_text.end(text);
		return;
	}
	switch (ev->kind) {
	case EV_SYSCALL_EXIT:
		put_syscall(t, ev);
		break;
	case EV_SIGNAL:
	case EV_EXITED:
	case EV_KILLED:
	case EV_EXEC:
	case EV_ATTACH:
	case EV_DETACH:
	case EV_GROUP_STOP:
		put_other(t, ev);
		break;
	default:
		return;		/* a kind this table has no row for */
	}
	sink_putc(t->out, '\n');
}

static void *table_begin(struct sink *out, const struct format_opts *opts)
{
	struct table_state *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->out = out;
	t->opts = opts;
	t->color = format_color_on(opts, out);
	put_header(t);
	return t;
}

static void table_end(void *state)
{
	free(state);
}

const struct formatter format_table = {
	.name = "table",
	.needs_ident = true,
	.attach_records = true,
	.begin = table_begin,
	.event = table_event,
	.end = table_end,
};
