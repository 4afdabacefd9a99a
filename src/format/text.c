/* The strace-compatible text formatter. Prints a syscall's input arguments
 * at entry so that a blocking call shows at once, completes the line at
 * exit, and writes "<unfinished ...>" / "<... NAME resumed>" when another
 * thread's event comes in between. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decode.h"
#include "escape.h"
#include "failures.h"
#include "format.h"
#include "stats.h"
#include "text_digest.h"

struct text_state {
	struct sink *out;
	const struct format_opts *opts;
	pid_t open_tid;		/* thread whose line is unfinished, or 0 */
	bool open_never_returns;	/* ... and its call never returns */
	pid_t ended_tid;	/* thread whose never-returning call's line
				 * is already ended with "= ?" */
	struct timespec last_ts;	/* -r: the previous line's time */
	bool have_last_ts;
	bool color;
	/* the pid prefixes of recent threads, made once: -f prints one on
	 * every line */
	struct {
		pid_t tid;
		unsigned char len;
		char text[22];
	} prefixes[16];
};

static void print_value(struct text_state *t, const struct value *v);

static void print_number(struct sink *s, enum value_kind kind, uint64_t raw)
{
	switch (kind) {
	case V_INT:
		sink_put_i64(s, (int64_t)raw);
		break;
	case V_UINT:
		sink_put_u64(s, raw);
		break;
	case V_OCTAL:
		sink_put_octal(s, raw);
		break;
	case V_PTR:
		if (raw == 0) {
			sink_puts(s, "NULL");
			break;
		}
		/* fall through */
	default:
		sink_put_hex(s, raw);
		break;
	}
}

static void print_flags(struct sink *s, const struct value *v)
{
	unsigned i;

	for (i = 0; i < v->u.flags.count; i++) {
		if (i)
			sink_putc(s, '|');
		sink_puts(s, v->u.flags.names[i]);
	}
	if (v->u.flags.rest || i == 0) {
		if (i)
			sink_putc(s, '|');
		print_number(s, v->u.flags.rest_octal ? V_OCTAL : V_HEX,
			     v->u.flags.rest);
	}
}

/* -X raw and -X verbose: the number behind a constant. Flags print in
 * hex (file modes in octal), zero as a plain 0. */
static void print_flags_raw(struct sink *s, const struct value *v)
{
	if (v->raw == 0)
		sink_putc(s, '0');
	else
		print_number(s, v->u.flags.rest_octal ? V_OCTAL : V_HEX,
			     v->raw);
}

/* N<<NAME, N<<SHIFT or N<<SHIFT / * NAME * / as -X says, then '|' */
static void print_flags_field(struct sink *s, const struct value *v,
			      enum xlat_style style)
{
	uint64_t n = (v->raw & v->u.flags.field_mask) >>
		     v->u.flags.field_shift;

	if (!n)
		return;
	sink_put_u64(s, n);
	sink_puts(s, "<<");
	if (style == XLAT_ABBREV)
		sink_puts(s, v->u.flags.field_name);
	else
		sink_put_u64(s, v->u.flags.field_shift);
	if (style == XLAT_VERBOSE)
		sink_printf(s, " /* %s */", v->u.flags.field_name);
	sink_putc(s, '|');
}

/* Flags over a file mode: the flags as -X says (left out when none are
 * set), a field if any, then the mode, always in octal (000 for none). */
static void print_flags_mode(struct sink *s, const struct value *v,
			     enum xlat_style style)
{
	uint64_t high = v->raw & ~v->u.flags.mode_mask &
			~v->u.flags.field_mask;

	if (high) {
		if (style == XLAT_ABBREV) {
			print_flags(s, v);
		} else {
			sink_put_hex(s, high);
			if (style == XLAT_VERBOSE && v->u.flags.count) {
				sink_puts(s, " /* ");
				print_flags(s, v);
				sink_puts(s, " */");
			}
		}
		sink_putc(s, '|');
	}
	print_flags_field(s, v, style);
	sink_printf(s, "%#03" PRIo64, v->raw & v->u.flags.mode_mask);
}

static void print_enum_raw(struct sink *s, const struct value *v)
{
	if (v->u.en.raw_text)
		sink_puts(s, v->u.en.raw_text);
	/* a raw NULL is a number here, as in strace */
	else if (v->raw == 0)
		sink_putc(s, '0');
	else
		print_number(s, v->u.en.fallback, v->raw);
}

static void print_sigset(struct sink *s, const struct value *v,
			 enum xlat_style style)
{
	if (v->u.sigset.complement)
		sink_putc(s, '~');
	sink_putc(s, '[');
	for (unsigned i = 0; i < v->u.sigset.count; i++) {
		const char *name = v->u.sigset.names[i];
		int nr = signal_number(name);

		if (i)
			sink_putc(s, ' ');
		if (style == XLAT_ABBREV || nr < 0) {
			sink_puts(s, name);
			continue;
		}
		sink_printf(s, "%d", nr);
		/* a set member without a name is already a number */
		if (style == XLAT_VERBOSE && (name[0] < '0' || name[0] > '9'))
			sink_printf(s, " /* %s */", name);
	}
	sink_putc(s, ']');
}

/* Whether what a descriptor refers to is shown: decoding may know more
 * than was asked (-P compares paths even without -y). A file's path
 * shows with -y, or with decode-fds=dev when it is a device. */
static bool fd_detail_shown(const struct value *v, int shown)
{
	if (!v->u.fd.path || !shown)
		return false;
	if (v->u.fd.path[0] != '/')
		return true;
	return (shown & DECODE_FD_PATH) ||
	       (v->u.fd.dev && (shown & DECODE_FD_DEV));
}

#define DELETED " (deleted)"
#define DELETED_LEN (sizeof(DELETED) - 1)

static void print_fd(struct text_state *t, const struct value *v)
{
	struct sink *s = t->out;
	enum xlat_style style = t->opts->xlat;

	if (!v->u.fd.sym || style != XLAT_ABBREV)
		sink_put_i64(s, (int)v->raw);
	else
		sink_puts(s, v->u.fd.sym);
	if (v->u.fd.sym && style == XLAT_VERBOSE)
		sink_printf(s, " /* %s */", v->u.fd.sym);
	if (fd_detail_shown(v, t->opts->fd_paths)) {
		const char *path = v->u.fd.path;
		size_t n = strlen(path);
		/* the kernel's " (deleted)" after an unlinked file's path:
		 * strace writes it after the brackets, 3</tmp/f>(deleted) */
		bool deleted = path[0] == '/' && n > DELETED_LEN &&
			       !strcmp(path + n - DELETED_LEN, DELETED);

		sink_putc(s, '<');
		/* a file's path is escaped; "socket:[42]", "TCP:[...]" and
		 * the like are ours and print as they are */
		if (path[0] == '/')
			escape_fd_path(s, path, deleted ? n - DELETED_LEN : n,
				       t->opts->escape);
		else
			sink_puts(s, path);
		if (v->u.fd.dev && (t->opts->fd_paths & DECODE_FD_DEV))
			sink_printf(s, "<%s>", v->u.fd.dev);
		sink_putc(s, '>');
		if (deleted)
			sink_puts(s, "(deleted)");
	}
}

static void print_children(struct text_state *t, const struct value *v,
			   char open, char close, bool named)
{
	const struct value *c;
	bool first = true;

	sink_putc(t->out, open);
	for (c = v->u.kids.first; c; c = c->next) {
		if (!first)
			sink_puts(t->out, ", ");
		first = false;
		if (named && c->name) {
			sink_puts(t->out, c->name);
			sink_putc(t->out, '=');
		} else if (c->index) {
			sink_putc(t->out, '[');
			print_value(t, c->index);
			sink_puts(t->out, "]=");
		} else if (named && c->kind == V_ENUM && c->u.en.raw_name &&
			   c->u.en.sym && t->opts->xlat != XLAT_ABBREV) {
			sink_puts(t->out, c->u.en.raw_name);
			sink_putc(t->out, '=');
		}
		print_value(t, c);
	}
	if (v->u.kids.elided)
		sink_puts(t->out, first ? "..." : ", ...");
	if (v->u.kids.elided && v->u.kids.unread_at)
		sink_printf(t->out, " /* %#" PRIx64 " */", v->u.kids.unread_at);
	sink_putc(t->out, close);
}

static void print_value(struct text_state *t, const struct value *v)
{
	struct sink *s = t->out;

	switch (v->kind) {
	case V_INT:
	case V_UINT:
	case V_HEX:
	case V_OCTAL:
	case V_PTR:
		print_number(s, v->kind, v->raw);
		break;
	case V_FD:
		print_fd(t, v);
		break;
	case V_PID:	/* the comment in strace's words: scripts look */
		sink_put_i64(s, (int64_t)v->raw);
		escape_tag(s, v->u.pid.comm);
		if (v->u.pid.outer)
			sink_printf(s, " /* %d in strace's PID NS */",
				    v->u.pid.outer);
		break;
	case V_STRING:
		if (v->u.str.prefix)
			sink_puts(s, v->u.str.prefix);
		escape_quoted(s, v->u.str.bytes, v->u.str.len,
			      v->u.str.truncated, t->opts->escape,
			      v->u.str.style);
		break;
	case V_FLAGS:
		if (v->u.flags.mode_mask) {
			print_flags_mode(s, v, t->opts->xlat);
			break;
		}
		if (t->opts->xlat == XLAT_ABBREV) {
			print_flags(s, v);
			break;
		}
		print_flags_raw(s, v);
		/* verbose: the symbolic form as a comment, when there is one */
		if (t->opts->xlat == XLAT_VERBOSE && v->u.flags.count) {
			sink_puts(s, " /* ");
			print_flags(s, v);
			sink_puts(s, " */");
		}
		break;
	case V_ENUM:
		if (!v->u.en.sym) {
			print_number(s, v->u.en.fallback, v->raw);
			break;
		}
		if (t->opts->xlat == XLAT_ABBREV) {
			sink_puts(s, v->u.en.sym);
			break;
		}
		if (t->opts->xlat == XLAT_VERBOSE && v->u.en.verbose_alone) {
			sink_puts(s, v->u.en.sym_verbose);
			break;
		}
		if (v->u.en.raw_alt)
			print_value(t, v->u.en.raw_alt);
		else
			print_enum_raw(s, v);
		if (t->opts->xlat == XLAT_VERBOSE)
			sink_printf(s, " /* %s */", v->u.en.sym_verbose ?
				    v->u.en.sym_verbose : v->u.en.sym);
		break;
	case V_STRUCT:
		print_children(t, v, '{', '}', true);
		break;
	case V_ARRAY:
		print_children(t, v, '[', ']', true);
		break;
	case V_SIGSET:
		print_sigset(s, v, t->opts->xlat);
		break;
	case V_SEQ:
		sink_puts(s, v->u.kids.open);
		for (const struct value *c = v->u.kids.first; c; c = c->next) {
			print_value(t, c);
			if (c->next)
				sink_puts(s, v->u.kids.sep);
		}
		sink_puts(s, v->u.kids.close);
		break;
	case V_EXPR:
		if (t->opts->xlat == XLAT_RAW && v->u.expr.raw)
			sink_puts(s, v->u.expr.raw);
		else if (t->opts->xlat == XLAT_VERBOSE && v->u.expr.verbose)
			sink_puts(s, v->u.expr.verbose);
		else
			sink_puts(s, v->u.expr.text);
		break;
	case V_UNAVAILABLE:
		print_number(s, V_PTR, v->raw);
		break;
	case V_INOUT:
		print_value(t, v->u.kids.first);
		sink_puts(s, " => ");
		/* a labelled value after names itself again, as strace
		 * writes a struct's field: features=0 => features=0x2 */
		if (v->u.kids.first->next->labelled &&
		    v->u.kids.first->next->name)
			sink_printf(s, "%s=", v->u.kids.first->next->name);
		print_value(t, v->u.kids.first->next);
		break;
	}
	if (v->comment && !(v->comment_xlat && t->opts->xlat == XLAT_RAW))
		sink_printf(s, " /* %s */", v->comment);
}

void format_text_value(struct sink *s, const struct format_opts *opts,
		       const struct value *v)
{
	struct text_state t = { .out = s, .opts = opts };

	print_value(&t, v);
}

static void print_prefix(struct text_state *t, const struct event *ev,
			 bool show_pid)
{
	if (!show_pid && !t->opts->always_show_pid)
		return;
	unsigned slot = (unsigned)ev->tid % 16;
	char digits[16];
	int n;

	if (t->opts->pid_comm && ev->who) {
		/* -Y: "1234<sh> ", "[pid  1234<sh>] "; comm may change */
		sink_printf(t->out, t->opts->bare_pid ? "%u" : "[pid %5u",
			    (unsigned)ev->tid);
		escape_tag(t->out, ev->who->comm);
		sink_puts(t->out, t->opts->bare_pid ? " " : "] ");
		return;
	}
	if (t->prefixes[slot].tid != ev->tid || !t->prefixes[slot].len) {
		/* "%-5d " and "[pid %5d] " */
		n = snprintf(digits, sizeof(digits), "%u", (unsigned)ev->tid);
		n = snprintf(t->prefixes[slot].text,
			     sizeof(t->prefixes[slot].text),
			     t->opts->bare_pid ? "%-5s " : "[pid %5s] ", digits);
		t->prefixes[slot].tid = ev->tid;
		t->prefixes[slot].len = (unsigned char)n;
	}
	sink_write(t->out, t->prefixes[slot].text, t->prefixes[slot].len);
}

static struct timespec ts_sub(struct timespec a, struct timespec b)
{
	struct timespec d = { a.tv_sec - b.tv_sec, a.tv_nsec - b.tv_nsec };

	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000L;
	}
	if (d.tv_sec < 0)
		d = (struct timespec){ 0, 0 };
	return d;
}

/* Digits after the seconds: the precision asked for, or def. */
static int prec_digits(enum time_prec p, int def)
{
	return p == PREC_DEFAULT ? def : 3 * ((int)p - 1);
}

/* ".123456" with digits places (none for 0), truncated as strace does. */
static void print_fraction(struct sink *s, long nsec, int digits)
{
	long div = 1000000000L;

	if (!digits)
		return;
	for (int i = 0; i < digits; i++)
		div /= 10;
	sink_printf(s, ".%0*ld", digits, nsec / div);
}

/* -t/-tt/-ttt and -r, in strace's order and widths. */
static void print_times(struct text_state *t, struct timespec ts)
{
	const struct format_opts *o = t->opts;
	struct sink *s = t->out;
	struct tm tm;
	char hms[16];

	if (o->time == TIME_EPOCH) {
		sink_printf(s, "%lld", (long long)ts.tv_sec);
	} else if (o->time != TIME_NONE) {
		localtime_r(&ts.tv_sec, &tm);
		strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
		sink_puts(s, hms);
	}
	if (o->time != TIME_NONE) {
		print_fraction(s, ts.tv_nsec, prec_digits(o->time_prec,
			       o->time == TIME_SECONDS ? 0 : 6));
		sink_putc(s, ' ');
	}
	if (o->relative) {
		struct timespec d = { 0, 0 };

		if (t->have_last_ts)
			d = ts_sub(ts, t->last_ts);
		t->last_ts = ts;
		t->have_last_ts = true;
		sink_printf(s, o->time != TIME_NONE ? "(+%6lld" : "%6lld",
			    (long long)d.tv_sec);
		print_fraction(s, d.tv_nsec, prec_digits(o->relative_prec, 6));
		sink_puts(s, o->time != TIME_NONE ? ") " : " ");
	}
}

/* -i: where the thread was; unknown for a process that is gone */
static void print_address(struct text_state *t, const struct event *ev)
{
	switch (ev->kind) {
	case EV_SYSCALL_ENTER:
	case EV_SYSCALL_EXIT:
		sink_printf(t->out, "[%016" PRIx64 "] ", ev->u.sc->ip);
		break;
	case EV_SIGNAL:
		sink_printf(t->out, "[%016" PRIx64 "] ", ev->u.signal.ip);
		break;
	case EV_EXITED:
	case EV_KILLED:
	case EV_EXEC:
		sink_puts(t->out, "[????????????????] ");
		break;
	default:
		break;
	}
}

/* Everything before a line's text: pid, times, and -n's syscall number
 * (on signal and exit lines, the thread's latest one, as strace does). */
static void print_leader(struct text_state *t, const struct event *ev,
			 struct timespec ts, bool show_pid)
{
	print_prefix(t, ev, show_pid);
	print_times(t, ts);
	if (t->opts->numbers)
		sink_printf(t->out, "[%4" PRIu64 "] ", ev->scno);
	if (t->opts->instruction_pointer)
		print_address(t, ev);
}

static void pad_to_return(struct text_state *t)
{
	if (sink_column(t->out) < t->opts->align_column)
		sink_pad_to(t->out, t->opts->align_column);
	else
		sink_putc(t->out, ' ');
}

/* Ends another thread's line that is still waiting for its exit. A call
 * that never returns (exit, exit_group) is ended as done, "= ?", and its
 * resumption is not shown later, as strace does. */
static void interrupt_open_line(struct text_state *t, pid_t tid)
{
	if (t->open_tid && t->open_tid != tid && t->open_never_returns) {
		sink_putc(t->out, ')');
		pad_to_return(t);
		sink_puts(t->out, "= ?\n");
		t->ended_tid = t->open_tid;
		t->open_tid = 0;
	} else if (t->open_tid && t->open_tid != tid) {
		sink_putc(t->out, ' ');
		format_color(t->out, t->color, COLOR_DIM);
		sink_puts(t->out, "<unfinished ...>");
		format_color(t->out, t->color, COLOR_RESET);
		sink_putc(t->out, '\n');
		t->open_tid = 0;
	}
}

/* Whether an argument after i will be printed: once the call returned
 * (exited), those its decoders kept; before, exit-phase arguments are
 * taken to be printed, entry-phase ones only when the decoder kept them. */
static bool more_args(const struct syscall_event *sc, unsigned i, bool exited)
{
	for (unsigned j = i + 1; j < sc->nargs; j++)
		if ((j >= sc->nargs_enter && !exited) || sc->args[j])
			return true;
	return false;
}

static void print_args(struct text_state *t, const struct syscall_event *sc,
		       unsigned from, unsigned to, bool exited)
{
	for (unsigned i = from; i < to; i++) {
		if (!sc->args[i])
			continue;
		if (sc->args[i]->name && (sc->args[i]->labelled ||
					  (t->opts->arg_names &&
					   !sc->desc->raw))) {
			sink_puts(t->out, sc->args[i]->name);
			sink_putc(t->out, '=');
		}
		print_value(t, sc->args[i]);
		if (more_args(sc, i, exited))
			sink_puts(t->out, ", ");
	}
}

/* " (in [3], left {...})" after a return value: see event.h. */
static void print_note(struct text_state *t, const struct value *note)
{
	const struct value *c;

	sink_puts(t->out, " (");
	if (note->kind == V_ENUM && note->u.en.sym_verbose) {
		/* a return named by an expression: in its -X style */
		sink_puts(t->out, t->opts->xlat == XLAT_VERBOSE ?
			  note->u.en.sym_verbose : note->u.en.sym);
	} else if (note->kind != V_STRUCT) {
		print_value(t, note);
	} else {
		for (c = note->u.kids.first; c; c = c->next) {
			if (c != note->u.kids.first)
				sink_puts(t->out, ", ");
			if (c->name)
				sink_printf(t->out, "%s ", c->name);
			print_value(t, c);
		}
	}
	sink_putc(t->out, ')');
}

static void print_return(struct text_state *t, const struct syscall_event *sc)
{
	struct sink *s = t->out;
	const char *name;

	pad_to_return(t);
	sink_puts(s, "= ");
	if (sc->ret_unknown) {
		sink_putc(s, '?');
	} else if (sc->err) {
		name = errno_name(sc->err);
		format_color(s, t->color, COLOR_ERROR);
		/* the kernel's restart codes never reach the program */
		sink_puts(s, sc->err >= 512 ? "? " : "-1 ");
		if (name) {
			sink_puts(s, name);
			sink_puts(s, " (");
			sink_puts(s, errno_message(sc->err));
			sink_putc(s, ')');
		} else
			sink_printf(s, "(errno %d)", sc->err);
		format_color(s, t->color, COLOR_RESET);
	} else if (sc->ret) {
		print_value(t, sc->ret);
	} else {
		sink_put_i64(s, sc->rval);
	}
	if (!sc->err && !sc->ret_unknown && sc->ret_note &&
	    !(sc->ret_note->comment_xlat && t->opts->xlat == XLAT_RAW))
		print_note(t, sc->ret_note);
	if (sc->injected || sc->poked)
		sink_puts(s, !sc->poked ? " (INJECTED)" :
			     sc->injected ? " (INJECTED: args, retval)" :
					    " (INJECTED: args)");
	if (sc->delayed)
		sink_puts(s, " (DELAYED)");
	if (t->opts->durations && !sc->ret_unknown) {
		struct timespec d = ts_sub(sc->exit_ts, sc->enter_ts);

		sink_printf(s, " <%lld", (long long)d.tv_sec);
		print_fraction(s, d.tv_nsec,
			       prec_digits(t->opts->durations_prec, 6));
		sink_putc(s, '>');
	}
	sink_putc(s, '\n');
}

static void print_name(struct text_state *t, const struct syscall_event *sc)
{
	format_color(t->out, t->color, COLOR_NAME);
	sink_puts(t->out, sc->desc->name);
	format_color(t->out, t->color, COLOR_RESET);
	sink_putc(t->out, '(');
}

static void on_syscall_enter(struct text_state *t, const struct event *ev,
		     bool show_pid)
{
	const struct syscall_event *sc = ev->u.sc;

	/* a filter decides at exit: the whole line is printed then */
	if (t->opts->hold_lines)
		return;
	interrupt_open_line(t, 0);
	print_leader(t, ev, ev->ts, show_pid);
	print_name(t, sc);
	print_args(t, sc, 0, sc->nargs_enter, false);
	t->open_tid = ev->tid;
	t->open_never_returns = sc->desc->flags & SF_NEVER_RETURNS;
}

static void on_syscall_exit(struct text_state *t, const struct event *ev,
		    bool show_pid)
{
	const struct syscall_event *sc = ev->u.sc;

	if (sc->ret_unknown && t->ended_tid == ev->tid && !t->opts->hold_lines) {
		t->ended_tid = 0;
		return;
	}
	if (t->opts->hold_lines) {
		/* held until now: one whole line, timed at its entry */
		print_leader(t, ev, sc->enter_ts, show_pid);
		print_name(t, sc);
		print_args(t, sc, 0, sc->nargs_enter, !sc->ret_unknown);
	} else if (t->open_tid != ev->tid) {
		interrupt_open_line(t, ev->tid);
		print_leader(t, ev, ev->ts, show_pid);
		format_color(t->out, t->color, COLOR_DIM);
		sink_puts(t->out, "<... ");
		sink_puts(t->out, sc->desc->name);
		sink_puts(t->out, " resumed>");
		format_color(t->out, t->color, COLOR_RESET);
	}
	if (sc->detached) {
		/* mytrace let go of the thread before the call returned */
		sink_puts(t->out, " <detached ...>\n");
		t->open_tid = 0;
		return;
	}
	/* the thread died inside the call: the results it would have
	 * shown at exit never came */
	if (sc->ret_unknown && sc->nargs > sc->nargs_enter)
		sink_puts(t->out, " <unfinished ...>");
	else
		print_args(t, sc, sc->nargs_enter, sc->nargs, true);
	sink_putc(t->out, ')');
	print_return(t, sc);
	t->open_tid = 0;
	if (sc->io_dump)
		text_print_io_dumps(t->out, sc->io_dump);
	text_print_stack(t->out, sc->stack, "");
}

/* Starts a line about a process ("--- ... ---", "+++ ... +++"): its
 * leader, then color; note_end closes the color and the line. */
static void note_begin(struct text_state *t, const struct event *ev,
		       bool show_pid, const char *color)
{
	print_leader(t, ev, ev->ts, show_pid);
	format_color(t->out, t->color, color);
}

static void note_end(struct text_state *t)
{
	format_color(t->out, t->color, COLOR_RESET);
	sink_putc(t->out, '\n');
}

static void text_event(void *state, const struct event *ev, bool show_pid)
{
	struct text_state *t = state;
	char sigbuf[16];

	switch (ev->kind) {
	case EV_SUMMARY:
		stats_print(ev->u.summary, t->out);
		return;
	case EV_SYSCALL_ENTER:
		on_syscall_enter(t, ev, show_pid);
		return;
	case EV_SYSCALL_EXIT:
		on_syscall_exit(t, ev, show_pid);
		return;
	case EV_DETACH:
		/* a syscall left in flight when we let go of its thread */
		if (t->open_tid == ev->tid) {
			sink_puts(t->out, " <detached ...>\n");
			t->open_tid = 0;
		}
		return;
	case EV_EXEC:
		/* strace shows an exec as the execve line itself, and only
		 * an exec from another thread than the leader as a line */
		if (ev->u.exec.old_tid == ev->tid)
			return;
		if (t->open_tid == ev->u.exec.old_tid) {
			sink_printf(t->out, " <pid changed to %d ...>\n",
				    ev->tid);
			t->open_tid = 0;
		}
		if (t->opts->quiet_superseded)
			return;
		break;
	case EV_GROUP_STOP:
	case EV_SIGNAL:
	case EV_EXITED:
	case EV_KILLED:
	case EV_FAILURES:
	case EV_PERSONALITY:
		break;
	default:
		/* attach: "Process N attached" is a note on stderr */
		return;
	}
	interrupt_open_line(t, 0);
	switch (ev->kind) {
	case EV_EXEC:
		note_begin(t, ev, show_pid, COLOR_PROCESS);
		sink_printf(t->out, "+++ superseded by execve in pid %d +++",
			    ev->u.exec.old_tid);
		note_end(t);
		break;
	case EV_GROUP_STOP:
		note_begin(t, ev, show_pid, COLOR_SIGNAL);
		sink_printf(t->out, "--- stopped by %s ---",
			    format_signal_name(ev->u.signal.sig, sigbuf));
		note_end(t);
		break;
	case EV_SIGNAL:
		note_begin(t, ev, show_pid, COLOR_SIGNAL);
		sink_printf(t->out, "--- %s ",
			    format_signal_name(ev->u.signal.sig, sigbuf));
		if (ev->u.signal.info)
			print_value(t, ev->u.signal.info);
		else
			sink_puts(t->out, "{}");
		sink_puts(t->out, " ---");
		note_end(t);
		text_print_stack(t->out, ev->u.signal.stack, "");
		break;
	case EV_EXITED:
		note_begin(t, ev, show_pid, COLOR_PROCESS);
		sink_printf(t->out, "+++ exited with %d +++",
			    ev->u.exit.status);
		note_end(t);
		break;
	case EV_KILLED:
		note_begin(t, ev, show_pid, COLOR_PROCESS);
		sink_printf(t->out, "+++ killed by %s%s +++",
			    format_signal_name(ev->u.exit.status, sigbuf),
			    ev->u.exit.core_dumped ? " (core dumped)" : "");
		note_end(t);
		break;
	case EV_PERSONALITY:
		print_leader(t, ev, ev->ts, show_pid);
		sink_printf(t->out, "[ Process PID=%d runs in %s mode. ]\n",
			    ev->pid, ev->u.personality.mode);
		break;
	default:
		text_print_failures(t->out, ev->u.failures, t->opts->escape);
		break;
	}
}

static void *text_begin(struct sink *out, const struct format_opts *opts)
{
	struct text_state *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->out = out;
	t->opts = opts;
	t->color = format_color_on(opts, out);
	return t;
}

static void text_end(void *state)
{
	struct text_state *t = state;

	interrupt_open_line(t, 0);
	free(t);
}

static bool text_needs_clock(const struct format_opts *opts)
{
	return opts->time != TIME_NONE || opts->relative || opts->durations;
}

const struct formatter format_text = {
	.name = "text",
	.summary = true,
	.needs_clock = text_needs_clock,
	.begin = text_begin,
	.event = text_event,
	.end = text_end,
};
