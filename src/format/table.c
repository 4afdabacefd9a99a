/* The table formatter, Tracee's view: one row per event under the columns
 * TIME UID COMM PID TID SYSCALL ARGS RETVAL, each starting at a fixed
 * column. ARGS is cut with "..." to the room left before RETVAL, so that
 * RETVAL starts in the same column on every row. A syscall is written
 * once, at its exit, with its entry time; an exec's row waits for the
 * execve's. Values are rendered as the text format renders them. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "format.h"

/* Where each column starts. Columns are at least two spaces apart, so
 * that a cell that overflows (a 23-letter syscall name) is still told
 * from the next one; ARGS then gets less room. */
enum {
	COL_TIME = 0,
	COL_UID = 17,		/* 10 digits */
	COL_COMM = 29,		/* 15 bytes, as the kernel keeps */
	COL_PID = 46,		/* 7 digits */
	COL_TID = 55,
	COL_SYSCALL = 64,	/* 22 letters */
	COL_ARGS = 88,
};

/* ARGS's width when the output is not a terminal; on a terminal, RETVAL
 * starts RETVAL_ROOM columns before its right edge, with ARGS at least
 * ARGS_MIN wide. RETVAL_ROOM holds "-1 ENOENT (No such file or
 * directory)". */
#define ARGS_FILE_WIDTH 64
#define ARGS_MIN 24
#define RETVAL_ROOM 40

struct table_state {
	struct sink *out;
	const struct format_opts *opts;
	bool color;
	size_t col_retval;
	struct sink *scratch;	/* ARGS rendered whole, then cut */
	/* an exec's row, held until its execve's row is written */
	bool exec_held;
	struct event exec;
	struct proc_ident exec_who;
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
	to_column(s, t->col_retval);
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

static void put_args(struct sink *s, const struct format_opts *opts,
		     const struct syscall_event *sc)
{
	bool first = true;

	for (unsigned i = 0; i < sc->nargs; i++) {
		const struct value *v = sc->args[i];

		if (!v)
			continue;
		if (!first)
			sink_puts(s, ", ");
		first = false;
		if (v->name && (v->labelled ||
				(opts->arg_names && !sc->desc->raw)))
			sink_printf(s, "%s=", v->name);
		format_text_value(s, opts, v);
	}
}

/* Writes the cell rendered in scratch under ARGS, cut with "..." to end
 * two columns before RETVAL. Values print as ASCII but for -y paths: a
 * cut never splits a UTF-8 sequence. */
static void put_cut(struct table_state *t, const struct sink *scratch)
{
	struct sink *s = t->out;
	size_t len = scratch->len, start, room = 0;

	if (!len)
		return;
	to_column(s, COL_ARGS);
	start = sink_column(s);
	if (t->col_retval >= start + 2)
		room = t->col_retval - start - 2;
	if (len <= room) {
		sink_write(s, scratch->buf, len);
		return;
	}
	len = room > 3 ? room - 3 : 0;
	while (len && (scratch->buf[len] & 0xc0) == 0x80)
		len--;
	sink_write(s, scratch->buf, len);
	sink_puts(s, "...");
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
	sink_memory_reset(t->scratch);
	put_args(t->scratch, t->opts, sc);
	put_cut(t, t->scratch);
	to_column(t->out, t->col_retval);
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
		sink_memory_reset(t->scratch);
		if (ev->u.signal.info)
			format_text_value(t->scratch, t->opts,
					  ev->u.signal.info);
		put_cut(t, t->scratch);
		break;
	case EV_EXITED:
		format_color(s, t->color, COLOR_PROCESS);
		sink_puts(s, "exited");
		format_color(s, t->color, COLOR_RESET);
		to_column(s, t->col_retval);
		sink_printf(s, "%d", ev->u.exit.status);
		break;
	case EV_KILLED:
		sig = format_signal_name(ev->u.exit.status, buf);
		format_color(s, t->color, COLOR_PROCESS);
		sink_puts(s, "killed");
		format_color(s, t->color, COLOR_RESET);
		to_column(s, t->col_retval);
		sink_printf(s, "%s%s", sig,
			    ev->u.exit.core_dumped ? " (core dumped)" : "");
		break;
	case EV_GROUP_STOP:
		format_color(s, t->color, COLOR_SIGNAL);
		sink_puts(s, "stopped");
		format_color(s, t->color, COLOR_RESET);
		sig = format_signal_name(ev->u.signal.sig, buf);
		to_column(s, t->col_retval);
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

static void put_row(struct table_state *t, const struct event *ev)
{
	if (ev->kind == EV_SYSCALL_EXIT)
		put_syscall(t, ev);
	else
		put_other(t, ev);
	sink_putc(t->out, '\n');
}

static void put_held_exec(struct table_state *t)
{
	if (!t->exec_held)
		return;
	t->exec_held = false;
	put_row(t, &t->exec);
}

/* The core reports an exec before the execve's exit, and the execve's row
 * is written at that exit: the exec's row waits for the next event of
 * its process, and follows it when that is the execve (a call entered
 * before the exec). */
static void hold_exec(struct table_state *t, const struct event *ev)
{
	put_held_exec(t);
	t->exec = *ev;
	if (ev->who) {
		t->exec_who = *ev->who;
		t->exec.who = &t->exec_who;
	}
	t->exec_held = true;
}

static bool entered_before(const struct syscall_event *sc,
			   const struct timespec *ts)
{
	if (sc->enter_ts.tv_sec != ts->tv_sec)
		return sc->enter_ts.tv_sec < ts->tv_sec;
	return sc->enter_ts.tv_nsec <= ts->tv_nsec;
}

static void table_event(void *state, const struct event *ev, bool show_pid)
{
	struct table_state *t = state;
	bool execve_exit;

	if (ev->kind == EV_SYSCALL_ENTER)
		return;		/* a syscall is one row, at its exit */
	if (ev->kind == EV_FAILURES || ev->kind == EV_SUMMARY) {
		/* the digest and summary are not rows: the text format's */
		void *text = format_text.begin(t->out, t->opts);

		put_held_exec(t);
		format_text.event(text, ev, false);
		format_text.end(text);
		return;
	}
	switch (ev->kind) {
	case EV_EXEC:
		hold_exec(t, ev);
		return;
	case EV_SYSCALL_EXIT:
	case EV_SIGNAL:
	case EV_EXITED:
	case EV_KILLED:
	case EV_ATTACH:
	case EV_DETACH:
	case EV_GROUP_STOP:
		break;
	default:
		return;		/* a kind this table has no row for */
	}
	if (!t->exec_held || t->exec.pid != ev->pid) {
		put_row(t, ev);
		return;
	}
	execve_exit = ev->kind == EV_SYSCALL_EXIT &&
		      entered_before(ev->u.sc, &t->exec.ts);
	if (!execve_exit)
		put_held_exec(t);
	put_row(t, ev);
	put_held_exec(t);
}

/* Where RETVAL starts: from the terminal's width, or fixed for a file. */
static size_t retval_column(const struct sink *out)
{
	struct winsize ws;

	if (isatty(out->fd) && ioctl(out->fd, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > COL_ARGS + ARGS_MIN + RETVAL_ROOM)
		return ws.ws_col - RETVAL_ROOM;
	if (isatty(out->fd))
		return COL_ARGS + ARGS_MIN;
	return COL_ARGS + ARGS_FILE_WIDTH;
}

static void *table_begin(struct sink *out, const struct format_opts *opts)
{
	struct table_state *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->scratch = sink_memory();
	if (!t->scratch) {
		free(t);
		return NULL;
	}
	t->out = out;
	t->opts = opts;
	t->color = format_color_on(opts, out);
	t->col_retval = retval_column(out);
	put_header(t);
	return t;
}

static void table_end(void *state)
{
	struct table_state *t = state;

	put_held_exec(t);
	sink_close(t->scratch);
	free(t);
}

const struct formatter format_table = {
	.name = "table",
	.summary = true,
	.needs_ident = true,
	.attach_records = true,
	.begin = table_begin,
	.event = table_event,
	.end = table_end,
};
