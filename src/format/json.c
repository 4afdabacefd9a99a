/* The JSON lines formatter: one object per event, a syscall written once,
 * complete, at its exit. The shape is man/mytrace-json.schema.json; a
 * change to what is written here is a change to that schema and its
 * version. Every line is valid JSON whatever bytes the tracee passed:
 * strings are UTF-8 with invalid bytes replaced, the exact bytes in hex. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failures.h"
#include "format.h"
#include "json_put.h"
#include "stats.h"

/* The largest magnitude a double (and so most JSON parsers) holds exactly */
#define JSON_EXACT_MAX (1ULL << 53)


static const char *const kind_names[] = {
	[V_INT] = "int",
	[V_UINT] = "uint",
	[V_HEX] = "hex",
	[V_OCTAL] = "octal",
	[V_PTR] = "ptr",
	[V_FD] = "fd",
	[V_STRING] = "string",
	[V_FLAGS] = "flags",
	[V_ENUM] = "enum",
	[V_STRUCT] = "struct",
	[V_ARRAY] = "array",
	[V_SIGSET] = "sigset",
	[V_EXPR] = "expr",
	[V_UNAVAILABLE] = "unavailable",
	[V_INOUT] = "inout",
	[V_PID] = "pid",
	[V_SEQ] = "seq",
};

/* --- scalars */

/* Length of the well-formed UTF-8 sequence at p (1 to 4 bytes), or 0
 * when p does not start one: overlong forms, surrogates and code points
 * past U+10FFFF are not UTF-8 and a strict parser rejects them. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t len;

	if (c < 0x80)
		return 1;
	if (c < 0xc2 || c > 0xf4)
		return 0;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (len > n)
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

/* Writes bytes as a JSON string; returns false when some bytes were not
 * UTF-8 and were written as U+FFFD. */
bool put_str(struct sink *s, const char *bytes, size_t len)
{
	const unsigned char *p = (const unsigned char *)bytes;
	bool valid = true;
	char buf[512];
	size_t n = 0;

	buf[n++] = '"';
	for (size_t i = 0; i < len;) {
		size_t seq = utf8_len(p + i, len - i);
		unsigned char c = p[i];

		if (n > sizeof(buf) - 8) {
			sink_write(s, buf, n);
			n = 0;
		}
		if (seq == 0) {
			memcpy(buf + n, "\xef\xbf\xbd", 3);
			n += 3;
			valid = false;
			i++;
			continue;
		}
		if (seq > 1) {
			memcpy(buf + n, p + i, seq);
			n += seq;
			i += seq;
			continue;
		}
		i++;
		switch (c) {
		case '"':
		case '\\':
			buf[n++] = '\\';
			buf[n++] = (char)c;
			break;
		case '\n':
			buf[n++] = '\\';
			buf[n++] = 'n';
			break;
		case '\t':
			buf[n++] = '\\';
			buf[n++] = 't';
			break;
		case '\r':
			buf[n++] = '\\';
			buf[n++] = 'r';
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				n += (size_t)snprintf(buf + n, 7, "\\u%04x", c);
			else
				buf[n++] = (char)c;
			break;
		}
	}
	buf[n++] = '"';
	sink_write(s, buf, n);
	return valid;
}

bool format_json_string(struct sink *s, const char *bytes, size_t len)
{
	return put_str(s, bytes, len);
}

void put_cstr(struct sink *s, const char *str)
{
	put_str(s, str, strlen(str));
}

void put_hex_bytes(struct sink *s, const char *bytes, size_t len)
{
	static const char digits[] = "0123456789abcdef";

	sink_putc(s, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];
		char two[2] = { digits[c >> 4], digits[c & 15] };

		sink_write(s, two, 2);
	}
	sink_putc(s, '"');
}

/* Numbers a parser cannot hold exactly are written as decimal strings. */
void put_u64(struct sink *s, uint64_t v)
{
	if (v <= JSON_EXACT_MAX)
		sink_printf(s, "%" PRIu64, v);
	else
		sink_printf(s, "\"%" PRIu64 "\"", v);
}

void put_i64(struct sink *s, int64_t v)
{
	if (v >= -(int64_t)JSON_EXACT_MAX && v <= (int64_t)JSON_EXACT_MAX)
		sink_printf(s, "%" PRId64, v);
	else
		sink_printf(s, "\"%" PRId64 "\"", v);
}

static void put_addr(struct sink *s, uint64_t v)
{
	sink_printf(s, "\"0x%" PRIx64 "\"", v);
}

void put_key(struct sink *s, const char *key)
{
	sink_printf(s, ",\"%s\":", key);
}

void put_bool(struct sink *s, bool b)
{
	sink_puts(s, b ? "true" : "false");
}

int64_t ns_between(const struct timespec *from, const struct timespec *to)
{
	return ((int64_t)to->tv_sec - from->tv_sec) * 1000000000 +
	       (to->tv_nsec - from->tv_nsec);
}

/* Nanoseconds since the epoch pass 2^53: always a string. */
void put_timestamp(struct sink *s, const struct timespec *ts)
{
	sink_printf(s, "\"%" PRId64 "\"",
		    (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec);
}

/* --- values */

static void put_value(struct json_state *j, const struct value *v,
		      bool with_name);

static void put_kids_array(struct json_state *j, const struct value *v)
{
	bool first = true;

	sink_putc(j->out, '[');
	for (const struct value *c = v->u.kids.first; c; c = c->next) {
		if (!first)
			sink_putc(j->out, ',');
		first = false;
		/* designated elements ([VINTR]=0x3) keep their name */
		put_value(j, c, c->name != NULL);
	}
	sink_putc(j->out, ']');
}

static void put_kids_object(struct json_state *j, const struct value *v)
{
	unsigned i = 0;

	sink_putc(j->out, '{');
	for (const struct value *c = v->u.kids.first; c; c = c->next, i++) {
		if (i)
			sink_putc(j->out, ',');
		if (c->name)
			put_cstr(j->out, c->name);
		else
			sink_printf(j->out, "\"#%u\"", i);
		sink_putc(j->out, ':');
		put_value(j, c, false);
	}
	sink_putc(j->out, '}');
}

static void put_string_value(struct sink *s, const struct value *v)
{
	if (v->u.str.prefix) {
		put_key(s, "prefix");
		put_cstr(s, v->u.str.prefix);
	}
	put_key(s, "value");
	if (!put_str(s, v->u.str.bytes, v->u.str.len)) {
		put_key(s, "hex");
		put_hex_bytes(s, v->u.str.bytes, v->u.str.len);
	}
	put_key(s, "truncated");
	put_bool(s, v->u.str.truncated);
}

static void put_flags_value(struct sink *s, const struct value *v)
{
	put_key(s, "value");
	put_u64(s, v->raw);
	put_key(s, "symbols");
	sink_putc(s, '[');
	for (unsigned i = 0; i < v->u.flags.count; i++) {
		if (i)
			sink_putc(s, ',');
		put_cstr(s, v->u.flags.names[i]);
	}
	sink_putc(s, ']');
	if (v->u.flags.rest) {
		put_key(s, "rest");
		put_u64(s, v->u.flags.rest);
	}
}

static void put_sigset_value(struct sink *s, const struct value *v)
{
	put_key(s, "signals");
	sink_putc(s, '[');
	for (unsigned i = 0; i < v->u.sigset.count; i++) {
		const char *name = v->u.sigset.names[i];

		if (i)
			sink_putc(s, ',');
		/* stored as strace prints them in a set: INT, RTMIN, 33 */
		if (name[0] >= '0' && name[0] <= '9')
			sink_printf(s, "\"%s\"", name);
		else
			sink_printf(s, "\"SIG%s\"", name);
	}
	sink_putc(s, ']');
	put_key(s, "complement");
	put_bool(s, v->u.sigset.complement);
}

static void put_value(struct json_state *j, const struct value *v,
		      bool with_name)
{
	struct sink *s = j->out;

	sink_putc(s, '{');
	if (with_name && v->name) {
		sink_puts(s, "\"name\":");
		put_cstr(s, v->name);
		sink_putc(s, ',');
	}
	sink_printf(s, "\"type\":\"%s\"", kind_names[v->kind]);
	switch (v->kind) {
	case V_INT:
		put_key(s, "value");
		put_i64(s, (int64_t)v->raw);
		break;
	case V_UINT:
	case V_HEX:
	case V_OCTAL:
		put_key(s, "value");
		put_u64(s, v->raw);
		break;
	case V_PTR:
	case V_UNAVAILABLE:
		put_key(s, "value");
		put_addr(s, v->raw);
		break;
	case V_FD:
		put_key(s, "value");
		put_i64(s, (int64_t)v->raw);
		if (v->u.fd.sym) {
			put_key(s, "symbol");
			put_cstr(s, v->u.fd.sym);
		}
		if (v->u.fd.path) {
			put_key(s, "path");
			put_cstr(s, v->u.fd.path);
		}
		if (v->u.fd.dev) {
			put_key(s, "device");
			put_cstr(s, v->u.fd.dev);
		}
		break;
	case V_STRING:
		put_string_value(s, v);
		break;
	case V_FLAGS:
		put_flags_value(s, v);
		break;
	case V_ENUM:
		put_key(s, "value");
		if (v->u.en.fallback == V_INT)
			put_i64(s, (int64_t)v->raw);
		else
			put_u64(s, v->raw);
		put_key(s, "symbol");
		if (v->u.en.sym)
			put_cstr(s, v->u.en.sym);
		else
			sink_puts(s, "null");
		break;
	case V_STRUCT:
		if (v->raw) {
			put_key(s, "address");
			put_addr(s, v->raw);
		}
		put_key(s, "fields");
		put_kids_object(j, v);
		put_key(s, "elided");
		put_bool(s, v->u.kids.elided);
		break;
	case V_ARRAY:
		if (v->raw) {
			put_key(s, "address");
			put_addr(s, v->raw);
		}
		put_key(s, "items");
		put_kids_array(j, v);
		put_key(s, "elided");
		put_bool(s, v->u.kids.elided);
		break;
	case V_SEQ:
		put_key(s, "items");
		put_kids_array(j, v);
		break;
	case V_SIGSET:
		put_sigset_value(s, v);
		break;
	case V_EXPR:
		put_key(s, "value");
		put_u64(s, v->raw);
		put_key(s, "text");
		put_cstr(s, v->u.expr.text);
		break;
	case V_PID:
		put_key(s, "value");
		put_i64(s, (int64_t)v->raw);
		if (v->u.pid.outer) {
			put_key(s, "tracer_pid");
			put_i64(s, v->u.pid.outer);
		}
		if (v->u.pid.comm) {
			put_key(s, "comm");
			put_cstr(s, v->u.pid.comm);
		}
		break;
	case V_INOUT:
		/* the value the call was given, then what it wrote back */
		put_key(s, "before");
		put_value(j, v->u.kids.first, false);
		put_key(s, "after");
		put_value(j, v->u.kids.first->next, false);
		break;
	}
	if (v->comment) {
		put_key(s, "comment");
		put_cstr(s, v->comment);
	}
	sink_putc(s, '}');
}

/* -k: innermost frame first */
void put_stack(struct sink *s, const struct stack_trace *st)
{
	put_key(s, "stack");
	sink_putc(s, '[');
	for (unsigned i = 0; i < st->count; i++) {
		const struct stack_frame *f = &st->frames[i];

		if (i)
			sink_putc(s, ',');
		sink_puts(s, "{\"ip\":");
		put_addr(s, f->ip);
		put_key(s, "file");
		if (f->file)
			put_cstr(s, f->file);
		else
			sink_puts(s, "null");
		put_key(s, "offset");
		put_addr(s, f->rel);
		put_key(s, "function");
		if (f->func)
			put_cstr(s, f->func);
		else
			sink_puts(s, "null");
		put_key(s, "function_offset");
		put_u64(s, f->func ? f->func_offset : 0);
		if (f->src_file) {
			put_key(s, "source_file");
			put_cstr(s, f->src_file);
			put_key(s, "source_line");
			put_u64(s, f->src_line);
		}
		sink_putc(s, '}');
	}
	sink_putc(s, ']');
}

/* --- events */

static const char *event_type(enum event_kind kind)
{
	switch (kind) {
	case EV_SYSCALL_EXIT: return "syscall";
	case EV_SIGNAL: return "signal";
	case EV_EXEC: return "exec";
	case EV_EXITED: return "exited";
	case EV_KILLED: return "killed";
	case EV_ATTACH: return "attach";
	case EV_DETACH: return "detach";
	case EV_FAILURES: return "failures";
	case EV_SUMMARY: return "summary";
	case EV_GROUP_STOP: return "stopped";
	case EV_LOST: return "lost";
	default: return NULL;
	}
}

static void put_header(struct json_state *j, const struct event *ev,
		       const char *type, const struct timespec *ts)
{
	struct sink *s = j->out;

	sink_printf(s, "{\"type\":\"%s\"", type);
	put_key(s, "timestamp_ns");
	put_timestamp(s, ts);
	put_key(s, "relative_ns");
	put_i64(s, ns_between(&j->opts->start, ts));
	sink_printf(s, ",\"pid\":%d,\"tid\":%d", ev->pid, ev->tid);
	put_key(s, "comm");
	if (ev->who)
		put_cstr(s, ev->who->comm);
	else
		sink_puts(s, "null");
	put_key(s, "uid");
	if (ev->who)
		sink_printf(s, "%u", (unsigned)ev->who->uid);
	else
		sink_puts(s, "null");
}

void put_error(struct sink *s, int err)
{
	const char *name = errno_name(err);
	const char *msg = errno_message(err);

	put_key(s, "error");
	sink_puts(s, "{\"name\":");
	if (name)
		put_cstr(s, name);
	else
		sink_puts(s, "null");
	sink_printf(s, ",\"code\":%d,\"message\":", err);
	if (msg)
		put_cstr(s, msg);
	else
		sink_puts(s, "null");
	sink_putc(s, '}');
}

static void put_syscall(struct json_state *j, const struct event *ev)
{
	const struct syscall_event *sc = ev->u.sc;
	struct sink *s = j->out;
	bool first = true;

	put_header(j, ev, "syscall", &sc->enter_ts);
	put_key(s, "syscall");
	put_cstr(s, sc->desc->name);
	put_key(s, "nr");
	put_u64(s, sc->nr);
	put_key(s, "arch");
	put_cstr(s, sc->arch ? sc->arch : "unknown");
	put_key(s, "args");
	sink_putc(s, '[');
	for (unsigned i = 0; i < sc->nargs; i++) {
		if (!sc->args[i])
			continue;
		if (!first)
			sink_putc(s, ',');
		first = false;
		put_value(j, sc->args[i], true);
	}
	sink_putc(s, ']');
	put_key(s, "status");
	sink_puts(s, sc->ret_unknown ? "\"unfinished\"" : "\"complete\"");
	put_key(s, "duration_ns");
	put_i64(s, ns_between(&sc->enter_ts, &sc->exit_ts));
	put_key(s, "retval");
	if (sc->ret_unknown)
		sink_puts(s, "null");
	else if (sc->err)
		sink_puts(s, "-1");
	else
		put_i64(s, sc->rval);
	if (sc->ret && !sc->ret_unknown && !sc->err) {
		put_key(s, "return");
		put_value(j, sc->ret, false);
	}
	if (sc->ret_note && !sc->ret_unknown) {
		put_key(s, "return_note");
		put_value(j, sc->ret_note, false);
	}
	if (sc->err && !sc->ret_unknown)
		put_error(s, sc->err);
	if (sc->detached) {
		put_key(s, "detached");
		put_bool(s, true);
	}
	if (sc->injected) {
		put_key(s, "injected");
		put_bool(s, true);
	}
	if (sc->poked) {
		put_key(s, "injected_args");
		put_bool(s, true);
	}
	if (sc->delayed) {
		put_key(s, "delayed");
		put_bool(s, true);
	}
	if (sc->io_dump) {
		put_key(s, "io");
		put_value(j, sc->io_dump, false);
	}
	if (sc->stack)
		put_stack(s, sc->stack);
}

void put_signal_object(struct sink *s, int sig)
{
	char buf[16];
	const char *name = signal_name(sig, buf);

	sink_puts(s, "{\"signal\":");
	if (name)
		put_cstr(s, name);
	else
		sink_puts(s, "null");
	sink_printf(s, ",\"signo\":%d}", sig);
}

static void put_signal_name(struct sink *s, int sig)
{
	char buf[16];
	const char *name = signal_name(sig, buf);

	put_key(s, "signal");
	if (name)
		put_cstr(s, name);
	else
		sink_puts(s, "null");
	sink_printf(s, ",\"signo\":%d", sig);
}

static void json_event(void *state, const struct event *ev, bool show_pid)
{
	struct json_state *j = state;
	struct sink *s = j->out;
	const char *type = event_type(ev->kind);

	if (!type)
		return;		/* syscalls are written whole at their exit */
	if (ev->kind == EV_SYSCALL_EXIT) {
		put_syscall(j, ev);
	} else if (ev->kind == EV_FAILURES) {
		json_put_failures(j, ev);
	} else if (ev->kind == EV_SUMMARY) {
		json_put_summary(j, ev);
	} else {
		put_header(j, ev, type, &ev->ts);
		switch (ev->kind) {
		case EV_SIGNAL:
			put_signal_name(s, ev->u.signal.sig);
			if (ev->u.signal.info) {
				put_key(s, "info");
				put_value(j, ev->u.signal.info, false);
			}
			if (ev->u.signal.stack)
				put_stack(s, ev->u.signal.stack);
			break;
		case EV_EXITED:
			put_key(s, "exit_code");
			sink_printf(s, "%d", ev->u.exit.status);
			break;
		case EV_KILLED:
			put_signal_name(s, ev->u.exit.status);
			put_key(s, "core_dumped");
			put_bool(s, ev->u.exit.core_dumped);
			break;
		case EV_GROUP_STOP:
			put_signal_name(s, ev->u.signal.sig);
			break;
		case EV_EXEC:
			put_key(s, "old_tid");
			sink_printf(s, "%d", ev->u.exec.old_tid);
			break;
		case EV_LOST:
			put_key(s, "count");
			put_u64(s, ev->u.lost);
			break;
		default:
			break;
		}
	}
	sink_puts(s, "}\n");
}

static void *json_begin(struct sink *out, const struct format_opts *opts)
{
	struct json_state *j = calloc(1, sizeof(*j));

	if (!j)
		return NULL;
	j->out = out;
	j->opts = opts;
	return j;
}

static void json_end(void *state)
{
	free(state);
}

const struct formatter format_json = {
	.name = "json",
	.summary = true,
	.needs_ident = true,
	.attach_records = true,
	.begin = json_begin,
	.event = json_event,
	.end = json_end,
};
