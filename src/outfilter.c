/* The print filters applied to events between the core and a formatter:
 * -e status=, -e signal=, -e quiet=, -P PATH, and --filter's event
 * conditions. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfilter.h"
#include "set_expr.h"

static const struct {
	const char *name;
	unsigned bit;
} status_names[] = {
	{ "successful", STATUS_SUCCESSFUL },
	{ "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED },
	{ "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};

void outfilter_init(struct outfilter *f)
{
	memset(f, 0, sizeof(*f));
	f->status = STATUS_ALL;
	memset(f->signals, 0xff, sizeof(f->signals));
}

void outfilter_free(struct outfilter *f)
{
	for (size_t i = 0; i < f->npaths; i++)
		free(f->paths[i]);
	free(f->paths);
	f->paths = NULL;
	f->npaths = 0;
}

/* The shared shape of -e status= and -e signal=: "[!]tok,tok" or
 * "[!]all" / "[!]none". set_all(on) and set_one(tok, on) apply one
 * token; set_one returns -1 for a bad one. */
struct set_ops {
	void (*set_all)(struct outfilter *f, bool on);
	int (*set_one)(struct outfilter *f, const char *tok, bool on);
	const char *what;
};

/* What the tokens of one status= or signal= expression apply to. */
struct set_target {
	struct outfilter *f;
	const struct set_ops *ops;
};

static int set_token(void *ctx, char *tok, bool on, char *err,
		     size_t errlen)
{
	struct set_target *x = ctx;

	if (x->ops->set_one(x->f, tok, on) < 0) {
		snprintf(err, errlen, "invalid %s '%s'", x->ops->what, tok);
		return -1;
	}
	return 0;
}

static int parse_set(struct outfilter *f, const struct set_ops *ops,
		     const char *spec, char *err, size_t errlen)
{
	struct set_target x = { f, ops };
	bool first = true, negate;

	/* strace 6.1: the last expression of an option wins */
	set_expr_start(&spec, &first, &negate);
	ops->set_all(f, negate);
	if (strcmp(spec, "all") == 0) {
		ops->set_all(f, !negate);
		return 0;
	}
	if (strcmp(spec, "none") == 0) {
		ops->set_all(f, negate);
		return 0;
	}
	if (*spec == 0) {
		snprintf(err, errlen, "invalid %s ''", ops->what);
		return -1;
	}
	return set_expr_each(spec, !negate, set_token, &x, err, errlen);
}

static void status_all(struct outfilter *f, bool on)
{
	f->status = on ? STATUS_ALL : 0;
}

static int status_one(struct outfilter *f, const char *tok, bool on)
{
	for (size_t i = 0; i < sizeof(status_names) / sizeof(status_names[0]);
	     i++) {
		if (strcmp(status_names[i].name, tok) != 0)
			continue;
		if (on)
			f->status |= status_names[i].bit;
		else
			f->status &= ~status_names[i].bit;
		return 0;
	}
	return -1;
}

int outfilter_parse_status(struct outfilter *f, const char *spec,
			   char *err, size_t errlen)
{
	static const struct set_ops ops = { status_all, status_one, "status" };

	return parse_set(f, &ops, spec, err, errlen);
}

static void signals_all(struct outfilter *f, bool on)
{
	memset(f->signals, on ? 0xff : 0, sizeof(f->signals));
}

static int signal_one(struct outfilter *f, const char *tok, bool on)
{
	int sig;

	if (*tok >= '0' && *tok <= '9') {
		char *end;
		long n = strtol(tok, &end, 10);

		/* strace takes any number a signal byte can hold */
		if (*end || n < 0 || n >= SIGNAL_SET_MAX)
			return -1;
		sig = (int)n;
	} else {
		sig = signal_number(tok);
		if (sig < 0)
			return -1;
	}
	if (on)
		f->signals[sig / 64] |= 1ULL << (sig % 64);
	else
		f->signals[sig / 64] &= ~(1ULL << (sig % 64));
	return 0;
}

int outfilter_parse_signals(struct outfilter *f, const char *spec,
			    char *err, size_t errlen)
{
	static const struct set_ops ops = { signals_all, signal_one, "signal" };

	return parse_set(f, &ops, spec, err, errlen);
}

static const struct {
	const char *name;
	unsigned bit;
} quiet_names[] = {
	{ "attach", QUIET_ATTACH },
	{ "exit", QUIET_EXIT }, { "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION },
	{ "personality", QUIET_PERSONALITY },
	{ "thread-execve", QUIET_THREAD_EXECVE },
	{ "superseded", QUIET_THREAD_EXECVE },
};

static void quiet_all(struct outfilter *f, bool on)
{
	f->quiet = on ? QUIET_ALL : 0;
}

static int quiet_one(struct outfilter *f, const char *tok, bool on)
{
	for (size_t i = 0; i < sizeof(quiet_names) / sizeof(quiet_names[0]);
	     i++) {
		if (strcmp(quiet_names[i].name, tok) != 0)
			continue;
		if (on)
			f->quiet |= quiet_names[i].bit;
		else
			f->quiet &= ~quiet_names[i].bit;
		return 0;
	}
	return -1;
}

int outfilter_parse_quiet(struct outfilter *f, const char *spec,
			  char *err, size_t errlen)
{
	static const struct set_ops ops = { quiet_all, quiet_one, "quiet" };

	return parse_set(f, &ops, spec, err, errlen);
}

static int push_path(struct outfilter *f, const char *path)
{
	char **p = realloc(f->paths, (f->npaths + 1) * sizeof(*p));

	if (!p)
		return -1;
	f->paths = p;
	p[f->npaths] = strdup(path);
	if (!p[f->npaths])
		return -1;
	f->npaths++;
	return 0;
}

int outfilter_add_path(struct outfilter *f, const char *path)
{
	char *real = realpath(path, NULL);
	int rc = push_path(f, path);

	/* a descriptor's path is the canonical one: match it too */
	if (rc == 0 && real && strcmp(real, path) != 0)
		rc = push_path(f, real);
	free(real);
	return rc;
}

bool outfilter_holds_lines(const struct outfilter *f)
{
	return f->status != STATUS_ALL;
}

bool outfilter_has_signal(const struct outfilter *f, int sig)
{
	if (sig < 0 || sig >= SIGNAL_SET_MAX)
		return false;
	return (f->signals[sig / 64] >> (sig % 64)) & 1;
}

static bool path_selected(const struct outfilter *f, const char *path,
			  size_t len)
{
	for (size_t i = 0; i < f->npaths; i++)
		if (strlen(f->paths[i]) == len &&
		    memcmp(f->paths[i], path, len) == 0)
			return true;
	return false;
}

int outfilter_parse_fds(struct outfilter *f, const char *spec, char *err,
			size_t errlen)
{
	struct fd_set_bits s = { 0 };

	if (fd_set_parse(&s, spec, err, errlen) < 0)
		return -1;
	f->fds = s;
	f->fds_given = true;
	return 0;
}

/* Descriptors anywhere in a value (poll arrays, fd sets) count too. */
static bool value_touches(const struct outfilter *f, const struct value *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case V_FD:
		/* an int as the kernel sees it: AT_FDCWD is no descriptor */
		if (f->fds_given && fd_set_has(&f->fds, (int32_t)v->raw))
			return true;
		return v->u.fd.path &&
		       path_selected(f, v->u.fd.path, strlen(v->u.fd.path));
	case V_STRUCT:
	case V_ARRAY:
		for (const struct value *c = v->u.kids.first; c; c = c->next)
			if (value_touches(f, c))
				return true;
		return false;
	default:
		return false;
	}
}

static bool is_path_arg(const struct syscall_desc *d, unsigned i)
{
	return !d->raw && i < d->nargs &&
	       (arg_type_props(d->args[i].type) & ARGP_PATH);
}

static bool syscall_touches(const struct outfilter *f,
			    const struct syscall_event *sc)
{
	for (unsigned i = 0; i < sc->nargs_enter && i < MAX_ARGS; i++) {
		const struct value *v = sc->args[i];

		if (!v)
			continue;
		if (v->kind == V_STRING && is_path_arg(sc->desc, i) &&
		    path_selected(f, v->u.str.bytes, v->u.str.len))
			return true;
		if (value_touches(f, v))
			return true;
	}
	return false;
}

static unsigned status_of(const struct syscall_event *sc)
{
	if (sc->detached)
		return STATUS_DETACHED;
	if (sc->ret_unknown)
		return STATUS_UNFINISHED;
	return sc->err ? STATUS_FAILED : STATUS_SUCCESSFUL;
}

bool outfilter_pass(const struct outfilter *f, const struct event *ev)
{
	switch (ev->kind) {
	case EV_SYSCALL_ENTER:
		return !outfilter_narrows_calls(f) ||
		       syscall_touches(f, ev->u.sc);
	case EV_SYSCALL_EXIT:
		if (!(f->status & status_of(ev->u.sc)))
			return false;
		return !f->events || proc_filter_match_event(f->events, ev);
	case EV_SIGNAL:
		return outfilter_has_signal(f, ev->u.signal.sig);
	case EV_KILLED:
		/* strace hides "+++ killed by SIG +++" with the signal */
		return !(f->quiet & QUIET_EXIT) &&
		       outfilter_has_signal(f, ev->u.exit.status);
	case EV_EXITED:
		return !(f->quiet & QUIET_EXIT);
	case EV_PERSONALITY:
		return !(f->quiet & QUIET_PERSONALITY);
	case EV_EXEC:
		/* -e quiet=thread-execve: the formatter leaves out only the
		 * message (format_opts.quiet_superseded) */
		return true;
	default:
		return true;
	}
}
