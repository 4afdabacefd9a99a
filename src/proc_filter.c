/* Parsing and matching of --filter expressions: process fields, return
 * values, named arguments and follow. */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "proc_filter.h"

#define PREFIX "invalid --filter argument '%s': "

/* Longest first: "<=" before "<". */
static const struct {
	const char *text;
	enum pf_op op;
} op_names[] = {
	{ "!=", PF_NE }, { "<=", PF_LE }, { ">=", PF_GE },
	{ "=", PF_EQ }, { "<", PF_LT }, { ">", PF_GT },
};

struct parse {
	struct proc_filter *f;
	const char *expr;
	char *err;
	size_t errlen;
};

static int __attribute__((format(printf, 2, 3)))
fail(struct parse *p, const char *fmt, ...)
{
	int n = snprintf(p->err, p->errlen, PREFIX, p->expr);
	va_list ap;

	if (n >= 0 && (size_t)n < p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Finds the operator: the first of = ! < > in expr. */
static const char *find_op(const char *expr, enum pf_op *op, size_t *oplen)
{
	const char *at = expr + strcspn(expr, "=!<>");

	if (!*at)
		return NULL;
	for (size_t i = 0; i < sizeof(op_names) / sizeof(op_names[0]); i++) {
		size_t n = strlen(op_names[i].text);

		if (strncmp(at, op_names[i].text, n) == 0) {
			*op = op_names[i].op;
			*oplen = n;
			return at;
		}
	}
	return NULL;
}

static const struct syscall_desc *find_syscall(const char *name, size_t len)
{
	for (unsigned i = 0; i < syscall_desc_count; i++) {
		const char *n = syscall_descs[i].name;

		if (n && strlen(n) == len && strncmp(n, name, len) == 0)
			return &syscall_descs[i];
	}
	return NULL;
}

static int find_arg(const struct syscall_desc *d, const char *name)
{
	for (unsigned i = 0; i < d->nargs; i++)
		if (d->args[i].name && strcmp(d->args[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* "SYSCALL.ARG" (or SYSCALL.retval): checks both names against the
 * signature list and fills c. */
static int parse_arg_field(struct parse *p, struct pf_cond *c,
			   const char *name, size_t len)
{
	const char *dot = memchr(name, '.', len);
	const struct syscall_desc *d = find_syscall(name, (size_t)(dot - name));
	char args[160] = "";

	if (!d || d->raw)
		return fail(p, "unknown syscall '%.*s'", (int)(dot - name),
			    name);
	c->syscall = strndup(name, (size_t)(dot - name));
	c->arg = strndup(dot + 1, len - (size_t)(dot - name) - 1);
	if (!c->syscall || !c->arg)
		return fail(p, "out of memory");
	if (strcmp(c->arg, "retval") == 0) {
		c->field = PF_RETVAL;
		return 0;
	}
	c->field = PF_ARG;
	if (find_arg(d, c->arg) >= 0)
		return 0;
	for (unsigned i = 0; i < d->nargs; i++) {
		size_t n = strlen(args);

		snprintf(args + n, sizeof(args) - n, "%s%s", i ? ", " : "",
			 d->args[i].name);
	}
	return fail(p, "%.*s has no argument '%s' (%s or retval)",
		    (int)(dot - name), name, c->arg, args);
}

static int parse_field(struct parse *p, struct pf_cond *c, const char *name,
		       size_t len)
{
	static const char *const names[] = { "comm", "uid", "pid", "retval" };

	if (memchr(name, '.', len))
		return parse_arg_field(p, c, name, len);
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strlen(names[i]) == len && strncmp(name, names[i], len) == 0) {
			c->field = (enum pf_field)i;
			return 0;
		}
	}
	return fail(p, "unknown field '%.*s' (comm, uid, pid, retval, "
		    "SYSCALL.ARG or follow)", (int)len, name);
}

/* pid and uid are ids (no sign); retval and arguments any number. */
static bool parse_number(const struct pf_cond *c, const char *tok,
			 long long *out)
{
	char *end;

	errno = 0;
	if (c->field == PF_PID || c->field == PF_UID) {
		unsigned long long max = c->field == PF_PID ? INT_MAX :
					 (unsigned long long)UINT_MAX - 1;
		unsigned long long v;

		if (tok[0] < '0' || tok[0] > '9')
			return false;
		v = strtoull(tok, &end, 10);
		if (errno || *end || v > max)
			return false;
		*out = (long long)v;
		return true;
	}
	*out = strtoll(tok, &end, 0);
	return !errno && !*end && end != tok;
}

static int add_cond(struct parse *p, const struct pf_cond *tmpl,
		    const char *tok, size_t len)
{
	struct proc_filter *f = p->f;
	struct pf_cond c = *tmpl, *conds;
	char *val;

	if (len == 0)
		return fail(p, "missing value");
	val = strndup(tok, len);
	if (!val)
		return fail(p, "out of memory");
	c.is_number = c.field != PF_COMM && parse_number(&c, val, &c.num);
	if (!c.is_number && c.field != PF_COMM && c.field != PF_ARG) {
		fail(p, "'%s' is not a valid %s", val,
		     c.field == PF_PID ? "pid" : c.field == PF_UID ? "uid" :
		     "return value");
		free(val);
		return -1;
	}
	if (!c.is_number && c.op != PF_EQ && c.op != PF_NE) {
		fail(p, "'%s' is not a number: %s accepts a pattern with = "
		     "and != only", val, c.arg ? c.arg : "comm");
		free(val);
		return -1;
	}
	/* the kernel keeps 15 bytes of a name: a longer one matches those */
	if (c.field == PF_COMM && len > 15 && !strpbrk(val, "*?["))
		val[15] = 0;
	if (c.is_number)
		free(val);
	else
		c.pattern = val;
	/* each condition owns its copies of the names */
	c.syscall = c.syscall ? strdup(c.syscall) : NULL;
	c.arg = c.arg ? strdup(c.arg) : NULL;
	conds = realloc(f->conds, (f->nconds + 1) * sizeof(*conds));
	if (!conds) {
		free(c.pattern);
		free(c.syscall);
		free(c.arg);
		return fail(p, "out of memory");
	}
	f->conds = conds;
	f->conds[f->nconds++] = c;
	return 0;
}

static int parse_values(struct parse *p, const struct pf_cond *tmpl,
			const char *values)
{
	/* a list is "any of" (=) or "none of" (!=); a bound is one value */
	if (tmpl->op != PF_EQ && tmpl->op != PF_NE && strchr(values, ','))
		return fail(p, "one value after <, >, <= or >=");
	for (const char *v = values;; v += strcspn(v, ",") + 1) {
		size_t len = strcspn(v, ",");

		if (add_cond(p, tmpl, v, len) < 0)
			return -1;
		if (!v[len])
			return 0;
	}
}

int proc_filter_parse(struct proc_filter *f, const char *expr, char *err,
		      size_t errlen)
{
	struct parse p = { f, expr, err, errlen };
	struct pf_cond tmpl = { 0 };
	size_t oplen = 0;
	const char *at;
	int rc;

	if (strcmp(expr, "follow") == 0) {
		f->follow = true;
		return 0;
	}
	at = find_op(expr, &tmpl.op, &oplen);
	if (!at || at == expr)
		return fail(&p, "expected FIELD=VALUE, FIELD OP VALUE (OP: "
			    "!= < > <= >=) or follow");
	rc = parse_field(&p, &tmpl, expr, (size_t)(at - expr));
	if (rc == 0 && tmpl.field == PF_COMM && tmpl.op != PF_EQ &&
	    tmpl.op != PF_NE)
		rc = fail(&p, "comm accepts = and != only (with a glob "
			  "pattern)");
	if (rc == 0)
		rc = parse_values(&p, &tmpl, at + oplen);
	free(tmpl.syscall);
	free(tmpl.arg);
	return rc;
}

void proc_filter_free(struct proc_filter *f)
{
	for (size_t i = 0; i < f->nconds; i++) {
		free(f->conds[i].pattern);
		free(f->conds[i].syscall);
		free(f->conds[i].arg);
	}
	free(f->conds);
	free(f->followed);
	memset(f, 0, sizeof(*f));
}

static bool is_process_field(enum pf_field field)
{
	return field == PF_COMM || field == PF_UID || field == PF_PID;
}

bool proc_filter_active(const struct proc_filter *f)
{
	for (size_t i = 0; i < f->nconds; i++)
		if (is_process_field(f->conds[i].field))
			return true;
	return false;
}

bool proc_filter_needs_ident(const struct proc_filter *f)
{
	for (size_t i = 0; i < f->nconds; i++)
		if (f->conds[i].field == PF_COMM || f->conds[i].field == PF_UID)
			return true;
	return false;
}

bool proc_filter_has_event_conds(const struct proc_filter *f)
{
	for (size_t i = 0; i < f->nconds; i++)
		if (!is_process_field(f->conds[i].field))
			return true;
	return false;
}

static bool compare(enum pf_op op, long long have, long long want)
{
	switch (op) {
	case PF_EQ:
		return have == want;
	case PF_NE:
		return have != want;
	case PF_LT:
		return have < want;
	case PF_GT:
		return have > want;
	case PF_LE:
		return have <= want;
	default:
		return have >= want;
	}
}

/* Folds one condition into a field's verdict: the = conditions of a field
 * add up, every other one must hold. */
struct verdict {
	bool any_eq, eq_hit, other_fail;
};

static void fold(struct verdict *v, enum pf_op op, bool holds)
{
	if (op == PF_EQ) {
		v->any_eq = true;
		v->eq_hit |= holds;
	} else if (!holds) {
		v->other_fail = true;
	}
}

static bool verdict_ok(const struct verdict *v)
{
	return (!v->any_eq || v->eq_hit) && !v->other_fail;
}

/* Whether a process condition holds; an unknown identity matches no
 * value and no bound, and fails no !=. */
static bool process_cond_holds(const struct pf_cond *c, pid_t pid,
			       const struct proc_ident *who)
{
	bool known = c->field == PF_PID || who;
	bool hit;

	if (!known)
		return c->op == PF_NE;
	if (c->field == PF_COMM) {
		hit = fnmatch(c->pattern, who->comm, 0) == 0;
		return c->op == PF_EQ ? hit : !hit;
	}
	return compare(c->op, c->field == PF_PID ? pid : (long long)who->uid,
		       c->num);
}

static bool followed(const struct proc_filter *f, pid_t pid)
{
	size_t lo = 0, hi = f->nfollowed;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (f->followed[mid] == pid)
			return true;
		if (f->followed[mid] < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool proc_filter_match(const struct proc_filter *f, pid_t pid,
		       const struct proc_ident *who)
{
	struct verdict v[3] = { { 0 } };

	if (f->follow && followed(f, pid))
		return true;
	for (size_t i = 0; i < f->nconds; i++) {
		const struct pf_cond *c = &f->conds[i];

		if (is_process_field(c->field))
			fold(&v[c->field], c->op,
			     process_cond_holds(c, pid, who));
	}
	return verdict_ok(&v[PF_COMM]) && verdict_ok(&v[PF_UID]) &&
	       verdict_ok(&v[PF_PID]);
}

void proc_filter_on_fork(struct proc_filter *f, pid_t parent,
			 const struct proc_ident *parent_who, pid_t child)
{
	size_t at = 0;

	if (!f->follow || !proc_filter_match(f, parent, parent_who) ||
	    followed(f, child))
		return;
	if (f->nfollowed == f->capfollowed) {
		size_t cap = f->capfollowed ? 2 * f->capfollowed : 16;
		pid_t *p = realloc(f->followed, cap * sizeof(*p));

		if (!p)
			return;	/* the child is then judged on its own */
		f->followed = p;
		f->capfollowed = cap;
	}
	while (at < f->nfollowed && f->followed[at] < child)
		at++;
	memmove(f->followed + at + 1, f->followed + at,
		(f->nfollowed - at) * sizeof(*f->followed));
	f->followed[at] = child;
	f->nfollowed++;
}

void proc_filter_on_exit(struct proc_filter *f, pid_t pid)
{
	for (size_t i = 0; i < f->nfollowed; i++) {
		if (f->followed[i] == pid) {
			memmove(f->followed + i, f->followed + i + 1,
				(f->nfollowed - i - 1) * sizeof(*f->followed));
			f->nfollowed--;
			return;
		}
	}
}

/* The text a pattern is matched against: a string's bytes, a descriptor's
 * path, else the value as the text format prints it. */
static bool value_glob(const char *pattern, const struct value *v)
{
	static const struct format_opts opts = { .escape = 0 };
	struct sink *s;
	bool hit;
	char *text;

	if (v->kind == V_STRING) {
		text = strndup(v->u.str.bytes, v->u.str.len);
	} else if (v->kind == V_FD && v->u.fd.path) {
		text = strdup(v->u.fd.path);
	} else {
		s = sink_memory();
		if (!s)
			return false;
		format_text_value(s, &opts, v);
		text = strndup(s->buf, s->len);
		sink_close(s);
	}
	if (!text)
		return false;
	hit = fnmatch(pattern, text, 0) == 0;
	free(text);
	return hit;
}

static const struct value *named_arg(const struct syscall_event *sc,
				     const char *name)
{
	int i = sc->desc->raw ? -1 : find_arg(sc->desc, name);

	return i >= 0 && (unsigned)i < sc->nargs ? sc->args[i] : NULL;
}

/* Whether a retval or argument condition holds for sc; a missing value
 * (no return, an argument the decoder left out) holds only for !=. */
static bool event_cond_holds(const struct pf_cond *c,
			     const struct syscall_event *sc)
{
	const struct value *v;
	bool hit;

	if (c->field == PF_RETVAL)
		return sc->ret_unknown ? c->op == PF_NE :
		       compare(c->op, sc->rval, c->num);
	v = named_arg(sc, c->arg);
	if (!v)
		return c->op == PF_NE;
	if (c->is_number)
		return compare(c->op, (long long)v->raw, c->num);
	hit = value_glob(c->pattern, v);
	return c->op == PF_EQ ? hit : !hit;
}

static bool same_field(const struct pf_cond *a, const struct pf_cond *b)
{
	return a->field == b->field &&
	       strcmp(a->syscall ?: "", b->syscall ?: "") == 0 &&
	       strcmp(a->arg ?: "", b->arg ?: "") == 0;
}

/* The verdict of conds[i]'s field, from it and the conditions after it
 * (the earlier ones have a field of their own). */
static bool field_ok(const struct proc_filter *f, size_t i,
		     const struct syscall_event *sc)
{
	struct verdict v = { 0 };

	for (size_t j = i; j < f->nconds; j++)
		if (same_field(&f->conds[j], &f->conds[i]))
			fold(&v, f->conds[j].op,
			     event_cond_holds(&f->conds[j], sc));
	return verdict_ok(&v);
}

static bool first_of_field(const struct proc_filter *f, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (same_field(&f->conds[j], &f->conds[i]))
			return false;
	return true;
}

bool proc_filter_match_event(const struct proc_filter *f,
			     const struct event *ev)
{
	if (ev->kind != EV_SYSCALL_EXIT)
		return true;
	for (size_t i = 0; i < f->nconds; i++) {
		const struct pf_cond *c = &f->conds[i];

		if (is_process_field(c->field) || !first_of_field(f, i))
			continue;
		/* an argument filter decides its own syscall's events; the
		 * user's syscall name against the event's */
		if (c->syscall && strcmp(c->syscall, ev->u.sc->desc->name))
			continue;
		if (!field_ok(f, i, ev->u.sc))
			return false;
	}
	return true;
}
