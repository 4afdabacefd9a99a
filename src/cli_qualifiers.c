/* The command line's qualifiers (-e trace=..., --trace=, --quiet=, ...)
 * and its time formats (-t, -r, -T and their long forms). As in strace
 * 6.1, each qualifier's last expression replaces the ones before it;
 * -e inject= adds rules, the last one for a syscall winning. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "cli_table.h"
#include "pidinfo.h"
#include "set_expr.h"

typedef void qualifier_fn(struct cli *c, const char *name, const char *value);

struct qualifier {
	const char *name;
	const char *alias;	/* strace's other spellings, or NULL */
	const char *alias2;
	qualifier_fn *apply;
};

static void syscall_set(struct cli *c, struct syscall_set *set,
			const char *value)
{
	bool first = true;	/* the last expression wins */
	char err[256];

	if (syscall_set_parse(set, &first, arch_syscalls, value, err,
			      sizeof(err)) != 0)
		cli_value_error("%s", err);
}

static void q_trace(struct cli *c, const char *name, const char *value)
{
	syscall_set(c, &c->opts->trace, value);
	c->opts->trace_all = false;
}

static void q_abbrev(struct cli *c, const char *name, const char *value)
{
	syscall_set(c, &c->opts->abbrev, value);
}

static void q_verbose(struct cli *c, const char *name, const char *value)
{
	syscall_set(c, &c->opts->verbose, value);
}

static void q_raw(struct cli *c, const char *name, const char *value)
{
	syscall_set(c, &c->opts->raw, value);
}

static void q_signal(struct cli *c, const char *name, const char *value)
{
	char err[256];

	if (outfilter_parse_signals(&c->opts->filter, value, err,
				    sizeof(err)) != 0)
		cli_usage_error("%s", err);
}

static void q_status(struct cli *c, const char *name, const char *value)
{
	char err[256];

	if (outfilter_parse_status(&c->opts->filter, value, err,
				   sizeof(err)) != 0)
		cli_usage_error("%s", err);
}

static void q_quiet(struct cli *c, const char *name, const char *value)
{
	char err[256];

	if (outfilter_parse_quiet(&c->opts->filter, value, err,
				  sizeof(err)) != 0)
		cli_value_error("%s", err);
	c->opts->quiet = c->opts->filter.quiet & QUIET_ATTACH;
}

static void q_inject(struct cli *c, const char *name, const char *value)
{
	bool fault = name[0] == 'f';
	char err[256];
	int rc = inject_parse(&c->opts->inject, arch_syscalls, value, fault,
			      err, sizeof(err));

	/* a bad syscall set in strace's words alone, as -e trace= */
	if (rc == -2)
		cli_value_error("%s", err);
	if (rc < 0)
		cli_value_error("invalid %s argument '%s': %s",
				fault ? "fault" : "inject", value, err);
}

static void q_dump(struct cli *c, const char *name, const char *value)
{
	bool rd = name[0] == 'r';
	char err[256];

	/* strace's words: "invalid descriptor 'X'" */
	if (fd_set_parse(rd ? &c->opts->decode.dump_read :
			      &c->opts->decode.dump_write,
			 value, err, sizeof(err)) < 0)
		cli_value_error("%s", err);
}

/* What a decode-fds= token asks for, or -1. */
static int decode_fd_bits(const char *tok)
{
	static const struct {
		const char *name;
		int bits;
	} names[] = {
		{ "path", DECODE_FD_PATH }, { "socket", DECODE_FD_SOCKET },
		{ "dev", DECODE_FD_DEV }, { "pidfd", DECODE_FD_PIDFD },
		{ "all", DECODE_FD_ALL }, { "none", 0 },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].name, tok) == 0)
			return names[i].bits;
	return -1;
}

static int decode_fd_token(void *ctx, char *tok, bool on, char *err,
			   size_t errlen)
{
	unsigned *bits = ctx;
	int b = decode_fd_bits(tok);

	if (b < 0) {
		snprintf(err, errlen, "invalid decode-fds '%s'", tok);
		return -1;
	}
	*bits = on ? *bits | (unsigned)b : *bits & ~(unsigned)b;
	return 0;
}

static void q_decode_fds(struct cli *c, const char *name, const char *value)
{
	bool first = true, negate;
	char err[256];

	set_expr_start(&value, &first, &negate);
	c->decode_fds = negate ? DECODE_FD_ALL : 0;
	if (set_expr_each(value, !negate, decode_fd_token, &c->decode_fds,
			  err, sizeof(err)) < 0 || !*value)
		cli_value_error("%s", *value ? err : "invalid decode-fds ''");
}

/* What a decode-pids= token asks for, or -1. */
static int decode_pid_token(void *ctx, char *tok, bool on, char *err,
			    size_t errlen)
{
	static const struct {
		const char *name;
		int bits;
	} names[] = {
		{ "comm", DECODE_PID_COMM }, { "pidns", DECODE_PID_PIDNS },
		{ "all", DECODE_PID_ALL }, { "none", 0 },
	};
	int *bits = ctx;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(names[i].name, tok) != 0)
			continue;
		*bits = on ? *bits | names[i].bits : *bits & ~names[i].bits;
		return 0;
	}
	snprintf(err, errlen, "invalid decode-pids '%s'", tok);
	return -1;
}

/* the last decode-pids= (or -Y, --pidns-translation) wins, as in strace */
static void q_decode_pids(struct cli *c, const char *name, const char *value)
{
	int *bits = &c->opts->decode.decode_pids;
	bool first = true, negate;
	char err[256];

	set_expr_start(&value, &first, &negate);
	*bits = negate ? DECODE_PID_ALL : 0;
	if (set_expr_each(value, !negate, decode_pid_token, bits, err,
			  sizeof(err)) < 0 || !*value)
		cli_value_error("%s", *value ? err : "invalid decode-pids ''");
}

static void q_trace_fds(struct cli *c, const char *name, const char *value)
{
	char err[256];

	if (outfilter_parse_fds(&c->opts->filter, value, err,
				sizeof(err)) < 0)
		cli_value_error("invalid %s argument '%s': %s", name, value,
				err);
}

/* strace 6.14: "new" shows the namespaces a call entered; "none" not */
static void q_namespace(struct cli *c, const char *name, const char *value)
{
	if (!strcmp(value, "new"))
		c->opts->namespace_new = true;
	else if (!strcmp(value, "none"))
		c->opts->namespace_new = false;
	else
		cli_usage_error("invalid %s '%s'", name, value);
}

static void q_unsupported(struct cli *c, const char *name, const char *value)
{
	cli_value_error("-e %s= is not supported", name);
}

static const struct qualifier qualifiers[] = {
	{ "trace", "t", NULL, q_trace },
	{ "abbrev", "a", NULL, q_abbrev },
	{ "verbose", "v", NULL, q_verbose },
	{ "raw", "x", NULL, q_raw },
	{ "signal", "signals", "s", q_signal },
	{ "status", NULL, NULL, q_status },
	{ "read", "reads", "r", q_dump },
	{ "write", "writes", "w", q_dump },
	{ "fault", NULL, NULL, q_inject },
	{ "inject", NULL, NULL, q_inject },
	{ "quiet", "silent", "silence", q_quiet },
	{ "q", NULL, NULL, q_quiet },
	{ "decode-fds", "decode-fd", NULL, q_decode_fds },
	{ "kvm", NULL, NULL, q_unsupported },
	{ "decode-pids", "decode-pid", NULL, q_decode_pids },
	{ "trace-fds", "trace-fd", "fd", q_trace_fds },
	{ "fds", NULL, NULL, q_trace_fds },
	{ "namespace", NULL, NULL, q_namespace },
	{ "secontext", NULL, NULL, q_unsupported },
};

static const struct qualifier *find_qualifier(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof(qualifiers) / sizeof(qualifiers[0]);
	     i++) {
		const struct qualifier *q = &qualifiers[i];
		const char *names[] = { q->name, q->alias, q->alias2 };

		for (size_t k = 0; k < 3; k++)
			if (names[k] && strlen(names[k]) == n &&
			    strncmp(names[k], name, n) == 0)
				return q;
	}
	return NULL;
}

const char *cli_qualifier_name(const char *name)
{
	const struct qualifier *q = find_qualifier(name, strlen(name));

	return q ? q->name : name;
}

void cli_qualifier(struct cli *c, const char *name, const char *value)
{
	const struct qualifier *q = find_qualifier(name, strlen(name));

	q->apply(c, q->name, value);
}

void cli_expression(struct cli *c, const char *expr)
{
	const char *eq = strchr(expr, '=');
	const struct qualifier *q;

	if (!eq) {
		q_trace(c, "trace", expr);
		return;
	}
	q = find_qualifier(expr, (size_t)(eq - expr));
	if (!q)
		cli_usage_error("invalid -e qualifier '%.*s'",
				(int)(eq - expr), expr);
	q->apply(c, q->name, eq + 1);
}

/* --trace=, --quiet[=], --decode-fds[=], ...: the qualifier named as the
 * option is; without a value, what strace takes for the bare option. */
void cli_long_qualifier(struct cli *c, const struct cli_option *o,
			const char *arg)
{
	if (!arg && strcmp(o->name, "decode-fds") == 0)
		arg = "path";
	else if (!arg)
		arg = "attach,personality";	/* --quiet: -q */
	cli_qualifier(c, o->name, arg);
}

/* --- times */

static enum time_prec parse_prec(const char *s)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };

	for (size_t i = 0; i < 4; i++)
		if (strcmp(names[i], s) == 0)
			return (enum time_prec)(PREC_S + i);
	return PREC_DEFAULT;
}

static enum time_prec option_prec(const struct cli_option *o,
				  const char *arg)
{
	enum time_prec p = parse_prec(arg);

	if (p == PREC_DEFAULT)
		cli_usage_error("invalid --%s argument: '%s'", o->name, arg);
	return p;
}

static void conflicting_times(void)
{
	cli_value_error("-t and --absolute-timestamps cannot be provided "
			"simultaneously");
}

void cli_time_t(struct cli *c, const struct cli_option *o, const char *arg)
{
	struct format_opts *f = &c->opts->format;

	if (c->times_long)
		conflicting_times();
	if (c->times < TIME_EPOCH)
		c->times++;
	f->time = (enum time_style)c->times;
}

/* One token of --absolute-timestamps=: [format:]FMT or [precision:]PREC. */
static void timestamps_token(struct cli *c, const struct cli_option *o,
			     const char *tok, const char *whole)
{
	static const char *const formats[] = { "none", "time", "unix" };
	static const enum time_style styles[] = {
		TIME_NONE, TIME_SECONDS, TIME_EPOCH,
	};
	bool fmt_only = strncmp(tok, "format:", 7) == 0;
	bool prec_only = strncmp(tok, "precision:", 10) == 0;
	const char *v = fmt_only ? tok + 7 : prec_only ? tok + 10 : tok;

	for (size_t i = 0; !prec_only && i < 3; i++) {
		if (strcmp(formats[i], v) == 0) {
			c->opts->format.time = styles[i];
			return;
		}
	}
	if (!fmt_only && parse_prec(v) != PREC_DEFAULT) {
		c->opts->format.time_prec = parse_prec(v);
		return;
	}
	cli_usage_error("invalid --%s argument: '%s'", o->name, whole);
}

void cli_timestamps(struct cli *c, const struct cli_option *o,
		    const char *arg)
{
	char *copy, *tok, *save = NULL;

	if (c->times)
		conflicting_times();
	/* A repeated option changes only what it names: strace's
	 * "format:unix" then "precision:ms" gives unix milliseconds. */
	if (!c->times_long)
		c->opts->format.time_prec = PREC_S;
	c->times_long = true;
	if (!arg) {
		c->opts->format.time = TIME_SECONDS;
		return;
	}
	if (c->opts->format.time == TIME_NONE)
		c->opts->format.time = TIME_SECONDS;
	copy = strdup(arg);
	if (!copy)
		cli_value_error("--%s: out of memory", o->name);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		timestamps_token(c, o, tok, arg);
	free(copy);
}

void cli_time_r(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->format.relative = true;
	c->opts->format.relative_prec = arg ? option_prec(o, arg) : PREC_US;
}

void cli_time_T(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->format.durations = true;
	c->opts->format.durations_prec = arg ? option_prec(o, arg) : PREC_US;
}
