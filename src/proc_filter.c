/* Parsing and matching of --filter comm=, uid=, pid= expressions. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc_filter.h"

enum field { F_COMM, F_UID, F_PID };

static int parse_number(enum field field, const char *tok, size_t len,
			unsigned long *out, const char *expr, char *err,
			size_t errlen)
{
	unsigned long max = field == F_PID ? INT_MAX : (unsigned long)UINT_MAX - 1;
	char buf[32], *end;

	if (len == 0 || len >= sizeof(buf) || tok[0] < '0' || tok[0] > '9')
		goto bad;
	memcpy(buf, tok, len);
	buf[len] = 0;
	errno = 0;
	*out = strtoul(buf, &end, 10);
	if (errno || *end || *out > max)
		goto bad;
	return 0;
bad:
	snprintf(err, errlen,
		 "invalid --filter argument '%s': '%.*s' is not a valid %s",
		 expr, (int)len, tok, field == F_PID ? "pid" : "uid");
	return -1;
}

static int add_value(struct proc_filter *f, enum field field, bool negate,
		     const char *tok, size_t len, const char *expr, char *err,
		     size_t errlen)
{
	struct id_match *m = field == F_PID ? &f->pid : &f->uid;
	unsigned *count;

	if (len == 0) {
		snprintf(err, errlen,
			 "invalid --filter argument '%s': missing value", expr);
		return -1;
	}
	if (field == F_COMM)
		count = negate ? &f->comm.n_out : &f->comm.n_in;
	else
		count = negate ? &m->n_out : &m->n_in;
	if (*count >= PROC_FILTER_MAX) {
		snprintf(err, errlen,
			 "invalid --filter argument '%s': more than %d values",
			 expr, PROC_FILTER_MAX);
		return -1;
	}
	if (field == F_COMM) {
		char *dst = negate ? f->comm.out[*count] : f->comm.in[*count];

		/* the kernel keeps 15 bytes of a command name */
		if (len > 15)
			len = 15;
		memcpy(dst, tok, len);
		dst[len] = 0;
	} else {
		unsigned long *dst = negate ? &m->out[*count] : &m->in[*count];

		if (parse_number(field, tok, len, dst, expr, err, errlen) < 0)
			return -1;
	}
	(*count)++;
	return 0;
}

int proc_filter_parse(struct proc_filter *f, const char *expr, char *err,
		      size_t errlen)
{
	static const char *const names[] = { "comm", "uid", "pid" };
	const char *eq = strchr(expr, '=');
	size_t name_len;
	bool negate;
	enum field field;
	const char *p;

	if (!eq || eq == expr) {
		snprintf(err, errlen, "invalid --filter argument '%s': "
			 "expected FIELD=VALUE or FIELD!=VALUE", expr);
		return -1;
	}
	negate = eq[-1] == '!';
	name_len = (size_t)(eq - expr) - negate;
	for (field = F_COMM; field <= F_PID; field++)
		if (strlen(names[field]) == name_len &&
		    strncmp(expr, names[field], name_len) == 0)
			break;
	if (field > F_PID) {
		snprintf(err, errlen, "invalid --filter argument '%s': "
			 "unknown field '%.*s' (comm, uid or pid)", expr,
			 (int)name_len, expr);
		return -1;
	}
	for (p = eq + 1;; p += strcspn(p, ",") + 1) {
		size_t len = strcspn(p, ",");

		if (add_value(f, field, negate, p, len, expr, err, errlen) < 0)
			return -1;
		if (!p[len])
			break;
	}
	return 0;
}

bool proc_filter_active(const struct proc_filter *f)
{
	return f->pid.n_in || f->pid.n_out || proc_filter_needs_ident(f);
}

bool proc_filter_needs_ident(const struct proc_filter *f)
{
	return f->uid.n_in || f->uid.n_out || f->comm.n_in || f->comm.n_out;
}

static bool id_in(const unsigned long *list, unsigned n, unsigned long v)
{
	for (unsigned i = 0; i < n; i++)
		if (list[i] == v)
			return true;
	return false;
}

static bool id_ok(const struct id_match *m, bool known, unsigned long v)
{
	if (m->n_in && (!known || !id_in(m->in, m->n_in, v)))
		return false;
	return !known || !id_in(m->out, m->n_out, v);
}

static bool comm_in(const char (*list)[16], unsigned n, const char *comm)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(list[i], comm) == 0)
			return true;
	return false;
}

bool proc_filter_match(const struct proc_filter *f, pid_t pid,
		       const struct proc_ident *who)
{
	const struct comm_match *c = &f->comm;

	if (!id_ok(&f->pid, true, (unsigned long)pid))
		return false;
	if (!id_ok(&f->uid, who != NULL, who ? who->uid : 0))
		return false;
	if (c->n_in && (!who || !comm_in(c->in, c->n_in, who->comm)))
		return false;
	return !who || !comm_in(c->out, c->n_out, who->comm);
}
