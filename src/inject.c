/* -e inject= / -e fault=: the rule parser and the per-thread invocation
 * counters that decide which call to tamper with. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inject.h"
#include "xlat.h"

#define MAX_WHEN 65535

struct thread_counts {
	pid_t tid;
	uint16_t *counts;	/* by syscall number, saturating */
	struct thread_counts *next;
};

struct inject_state {
	struct inject_rule *rules;
	unsigned nrules;
	/* the last rule naming a syscall wins, as in strace */
	short rule_of[SYSCALL_SET_MAX];
	short rule_of_others;
	struct thread_counts *threads;
};

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* A decimal number in [min, max]; 0 or -1. */
static int parse_num(const char *s, long long min, long long max,
		     long long *out)
{
	char *end;
	long long n;

	if (!*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	/* 0x7fffffff as strace takes it, up to 64 bits (a kernel word);
	 * 010 stays ten, as before */
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && max == LLONG_MAX &&
	    min == LLONG_MIN)
		n = (long long)strtoull(s, &end, 16);
	else
		n = strtoll(s, &end, 10);
	if (errno || *end || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

/* A delay: a decimal number (strtod's forms) with an optional s, ms, us
 * or ns suffix (default us). */
static int parse_delay(const char *s, uint64_t *us)
{
	static const struct {
		const char *suffix;
		double scale;
	} units[] = {
		{ "", 1 }, { "us", 1 }, { "ms", 1e3 }, { "s", 1e6 },
		{ "ns", 1e-3 },
	};
	char *end;
	double v;

	/* strtod's forms, as strace takes them (+8e8ns, .16E7); no minus,
	 * no inf or nan */
	if (!*s || !strchr("0123456789.+", *s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || !isfinite(v) || v < 0)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].suffix) == 0) {
			double r = v * units[i].scale;

			if (r > 1e15)
				return -1;
			*us = (uint64_t)r;
			return 0;
		}
	}
	return -1;
}

static int parse_when(const char *s, struct inject_rule *r, char *err,
		      size_t errlen)
{
	char *end;
	unsigned long first, last = 0, step = 0;

	if (*s < '0' || *s > '9')
		return fail(err, errlen, "bad when= '%s'", s);
	first = strtoul(s, &end, 10);
	if (first < 1 || first > MAX_WHEN)
		return fail(err, errlen,
			    "when= first must be 1..65535, not '%s'", s);
	if (strncmp(end, "..", 2) == 0) {
		const char *p = end + 2;

		if (*p < '0' || *p > '9')
			return fail(err, errlen, "bad when= range '%s'", s);
		last = strtoul(p, &end, 10);
		if (last < first || last > MAX_WHEN - 1)
			return fail(err, errlen, "bad when= range '%s'", s);
		step = 1;
	}
	if (*end == '+') {
		end++;
		step = 1;
		if (*end) {
			const char *p = end;

			if (*p < '0' || *p > '9')
				return fail(err, errlen, "bad when= step '%s'",
					    s);
			step = strtoul(p, &end, 10);
			if (step < 1 || step > MAX_WHEN)
				return fail(err, errlen,
					    "when= step must be 1..65535, "
					    "not '%s'", s);
		}
	}
	if (*end)
		return fail(err, errlen, "bad when= '%s'", s);
	r->first = (unsigned)first;
	r->last = (unsigned)last;
	r->step = (unsigned)step;
	return 0;
}

static int parse_errno(const char *s, int *out)
{
	long long n;

	for (int e = 1; e < 4096; e++) {
		const char *name = errno_name(e);

		if (name && strcasecmp(name, s) == 0) {
			*out = e;
			return 0;
		}
	}
	if (parse_num(s, 1, 4095, &n) < 0)
		return -1;
	*out = (int)n;
	return 0;
}

/* syscall=NAME: a call without side effects (%pure) to run instead of
 * none when error= or retval= skips the call. */
static int parse_instead(struct inject_rule *r, const struct syscall_table *t,
			 const char *v, char *err, size_t errlen)
{
	const struct syscall_desc *d;
	long long n;
	long nr = syscall_number(t, v);

	if (r->run_instead >= 0)
		return fail(err, errlen, "only one syscall= may be given");
	if (nr < 0 && parse_num(v, 0, INT_MAX, &n) == 0)
		nr = (long)n;
	d = nr >= 0 ? syscall_lookup(t, (uint64_t)nr) : NULL;
	if (!d)
		return fail(err, errlen, "unknown syscall '%s'", v);
	if (!(d->classes & syscall_class_bit("pure")))
		return fail(err, errlen, "syscall=%s: only calls without side "
			    "effects (%%pure) may run instead", v);
	r->run_instead = nr;
	return 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One "@argN=HEX" of poke_enter= / poke_exit=. */
static int parse_poke(struct inject_pokes *pk, char *item, char *err,
		      size_t errlen)
{
	struct inject_poke *p, *grown;
	char *eq = strchr(item, '='), *end;
	unsigned long arg;
	size_t hex;

	if (strncmp(item, "@arg", 4) != 0 || !eq)
		return fail(err, errlen, "'%s' is not @argN=HEX", item);
	arg = strtoul(item + 4, &end, 10);
	if (end != eq || end == item + 4 || arg < 1 || arg > INJECT_POKE_ARGS)
		return fail(err, errlen, "'%s': N of @argN is 1..%d", item,
			    INJECT_POKE_ARGS);
	for (unsigned i = 0; i < pk->n; i++)
		if (pk->v[i].arg == arg)
			return fail(err, errlen, "@arg%lu is poked twice", arg);
	hex = strlen(eq + 1);
	if (!hex || hex % 2 || hex / 2 > INJECT_POKE_MAX)
		return fail(err, errlen, "'%s': the data is 1..%d bytes in "
			    "hex, two digits each", item, INJECT_POKE_MAX);
	grown = realloc(pk->v, (pk->n + 1) * sizeof(*grown));
	if (!grown)
		return fail(err, errlen, "out of memory");
	pk->v = grown;
	p = &pk->v[pk->n];
	p->arg = (unsigned)arg;
	p->len = hex / 2;
	p->data = malloc(p->len);
	if (!p->data)
		return fail(err, errlen, "out of memory");
	pk->n++;
	for (size_t i = 0; i < p->len; i++) {
		int hi = hex_digit(eq[1 + 2 * i]), lo = hex_digit(eq[2 + 2 * i]);

		if (hi < 0 || lo < 0)
			return fail(err, errlen, "'%s': not hexadecimal", item);
		p->data[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

static int parse_pokes(struct inject_pokes *pk, const char *v, char *err,
		       size_t errlen)
{
	char *copy, *item, *save = NULL;
	int rc = 0;

	if (pk->n)
		return fail(err, errlen, "only one poke_enter= and one "
			    "poke_exit= may be given");
	if (!*v)
		return fail(err, errlen, "poke_enter= and poke_exit= need "
			    "@argN=HEX");
	copy = strdup(v);
	if (!copy)
		return fail(err, errlen, "out of memory");
	for (item = strtok_r(copy, ",", &save); item && rc == 0;
	     item = strtok_r(NULL, ",", &save))
		rc = parse_poke(pk, item, err, errlen);
	free(copy);
	return rc;
}

static void free_pokes(struct inject_pokes *pk)
{
	for (unsigned i = 0; i < pk->n; i++)
		free(pk->v[i].data);
	free(pk->v);
	pk->v = NULL;
	pk->n = 0;
}

static void free_rule(struct inject_rule *r)
{
	free_pokes(&r->poke_enter);
	free_pokes(&r->poke_exit);
}

struct seen {
	bool error, signal, delay_enter, delay_exit;
};

static int parse_delay_option(uint64_t *us, bool *seen, const char *v,
			      char *err, size_t errlen)
{
	if (*seen)
		return fail(err, errlen, "only one delay_enter= and one "
			    "delay_exit= may be given");
	*seen = true;
	if (parse_delay(v, us) < 0)
		return fail(err, errlen, "bad delay '%s' (a number of us, or "
			    "with s, ms, us, ns)", v);
	return 0;
}

static int parse_result(struct inject_rule *r, const char *opt, const char *v,
			bool fault, struct seen *seen, char *err,
			size_t errlen)
{
	long long n;

	if (seen->error)
		return fail(err, errlen, "only one of error= and retval= may "
			    "be given");
	seen->error = r->fault = true;
	if (opt[0] == 'e') {
		if (parse_errno(v, &r->err) < 0)
			return fail(err, errlen, "unknown error '%s' (a name "
				    "like EACCES, or 1..4095)", v);
		return 0;
	}
	if (parse_num(v, LLONG_MIN, LLONG_MAX, &n) < 0)
		return fail(err, errlen, "bad retval '%s'", v);
	r->retval = n;
	return 0;
}

static int parse_option(struct inject_rule *r, const struct syscall_table *t,
			const char *opt, bool fault, struct seen *seen,
			char *err, size_t errlen)
{
	const char *v = strchr(opt, '=');
	long long n;

	if (!v)
		return fail(err, errlen, "'%s' is not KEY=VALUE", opt);
	v++;
	if (fault && strncmp(opt, "error=", 6) != 0 &&
	    strncmp(opt, "syscall=", 8) != 0 && strncmp(opt, "when=", 5) != 0)
		return fail(err, errlen, "fault= takes only error=, syscall= "
			    "and when=");
	if (strncmp(opt, "error=", 6) == 0 || strncmp(opt, "retval=", 7) == 0)
		return parse_result(r, opt, v, fault, seen, err, errlen);
	if (strncmp(opt, "signal=", 7) == 0) {
		if (seen->signal)
			return fail(err, errlen, "only one signal= may be "
				    "given");
		r->signo = signal_number(v);
		if (r->signo <= 0 && parse_num(v, 1, SIGRTMAX, &n) == 0)
			r->signo = (int)n;
		if (r->signo <= 0)
			return fail(err, errlen, "unknown signal '%s'", v);
		seen->signal = true;
		return 0;
	}
	if (strncmp(opt, "delay_enter=", 12) == 0)
		return parse_delay_option(&r->delay_enter_us,
					  &seen->delay_enter, v, err, errlen);
	if (strncmp(opt, "delay_exit=", 11) == 0)
		return parse_delay_option(&r->delay_exit_us, &seen->delay_exit,
					  v, err, errlen);
	if (strncmp(opt, "syscall=", 8) == 0)
		return parse_instead(r, t, v, err, errlen);
	if (strncmp(opt, "poke_enter=", 11) == 0)
		return parse_pokes(&r->poke_enter, v, err, errlen);
	if (strncmp(opt, "poke_exit=", 10) == 0)
		return parse_pokes(&r->poke_exit, v, err, errlen);
	if (strncmp(opt, "when=", 5) == 0)
		return parse_when(v, r, err, errlen);
	return fail(err, errlen, "unknown option '%s'", opt);
}

int inject_parse(struct inject_state **stp, const struct syscall_table *t,
		 const char *spec, bool fault, char *err, size_t errlen)
{
	struct inject_rule r = { .first = 1, .step = 1, .run_instead = -1 };
	struct inject_state *st = *stp;
	struct seen seen = { 0 };
	bool first = true;
	char *copy = strdup(spec), *colon, *opt, *save = NULL;
	int rc = -1;

	if (!copy)
		return fail(err, errlen, "out of memory");
	colon = strchr(copy, ':');
	if (colon)
		*colon = 0;
	if (syscall_set_parse(&r.set, &first, t, copy, err, errlen) < 0) {
		rc = -2;
		goto out;
	}
	for (opt = colon ? strtok_r(colon + 1, ":", &save) : NULL; opt;
	     opt = strtok_r(NULL, ":", &save))
		if (parse_option(&r, t, opt, fault, &seen, err, errlen) < 0)
			goto out;
	if (fault && !seen.error) {
		r.err = ENOSYS;
		r.fault = true;
	}
	if (!r.fault && !r.signo && !seen.delay_enter && !seen.delay_exit &&
	    !r.poke_enter.n && !r.poke_exit.n) {
		fail(err, errlen, "one of error=, retval=, signal=, "
		     "delay_enter=, delay_exit=, poke_enter= or poke_exit= "
		     "is needed");
		goto out;
	}
	if (!st) {
		st = calloc(1, sizeof(*st));
		if (!st) {
			fail(err, errlen, "out of memory");
			goto out;
		}
		memset(st->rule_of, 0xff, sizeof(st->rule_of));
		st->rule_of_others = -1;
		*stp = st;
	}
	void *p = realloc(st->rules, (st->nrules + 1) * sizeof(r));

	if (!p) {
		fail(err, errlen, "out of memory");
		goto out;
	}
	st->rules = p;
	st->rules[st->nrules] = r;
	for (unsigned nr = 0; nr < SYSCALL_SET_MAX; nr++)
		if (syscall_set_has(&r.set, nr))
			st->rule_of[nr] = (short)st->nrules;
	if (r.set.others)
		st->rule_of_others = (short)st->nrules;
	st->nrules++;
	rc = 0;
out:
	if (rc < 0)
		free_rule(&r);
	free(copy);
	return rc;
}

static struct thread_counts *thread_of(struct inject_state *st, pid_t tid)
{
	struct thread_counts *t;

	for (t = st->threads; t; t = t->next)
		if (t->tid == tid)
			return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->counts = calloc(SYSCALL_SET_MAX + 1, sizeof(*t->counts));
	if (!t->counts) {
		free(t);
		return NULL;
	}
	t->tid = tid;
	t->next = st->threads;
	st->threads = t;
	return t;
}

struct inject_action inject_decide(struct inject_state *st, pid_t tid,
				   uint64_t nr)
{
	struct inject_action none = { NULL };
	const struct inject_rule *r;
	struct thread_counts *t;
	unsigned slot = nr < SYSCALL_SET_MAX ? (unsigned)nr : SYSCALL_SET_MAX;
	short idx;
	unsigned n;

	if (!st)
		return none;
	idx = nr < SYSCALL_SET_MAX ? st->rule_of[nr] : st->rule_of_others;
	if (idx < 0)
		return none;
	r = &st->rules[idx];
	t = thread_of(st, tid);
	if (!t)
		return none;
	if (t->counts[slot] < UINT16_MAX)
		t->counts[slot]++;
	n = t->counts[slot];
	if (n < r->first || (r->last && n > r->last))
		return none;
	if (r->step == 0 ? n != r->first : (n - r->first) % r->step != 0)
		return none;
	return (struct inject_action){ r };
}

void inject_forget(struct inject_state *st, pid_t tid)
{
	struct thread_counts **p;

	if (!st)
		return;
	for (p = &st->threads; *p; p = &(*p)->next) {
		if ((*p)->tid == tid) {
			struct thread_counts *t = *p;

			*p = t->next;
			free(t->counts);
			free(t);
			return;
		}
	}
}

void inject_free(struct inject_state *st)
{
	if (!st)
		return;
	while (st->threads)
		inject_forget(st, st->threads->tid);
	for (unsigned i = 0; i < st->nrules; i++)
		free_rule(&st->rules[i]);
	free(st->rules);
	free(st);
}
