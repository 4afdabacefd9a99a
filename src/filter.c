/* Sets of syscall numbers: compiled from -e trace= expressions, and built
 * from what the tables say of each call. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "set_expr.h"

static void set_bit(struct syscall_set *s, unsigned nr, bool on)
{
	if (nr >= SYSCALL_SET_MAX)
		return;
	if (on)
		s->bits[nr / 64] |= 1ULL << (nr % 64);
	else
		s->bits[nr / 64] &= ~(1ULL << (nr % 64));
}

void syscall_set_fill(struct syscall_set *s, bool all)
{
	memset(s->bits, all ? 0xff : 0, sizeof(s->bits));
	s->others = all;
}

/* Applies one token (a name, %class, /regex, all, none) to s; returns
 * the number of syscalls it matched, or -1 on a malformed token. */
static int apply_token(struct syscall_set *s, const struct syscall_table *t,
		       const char *tok, bool on, char *err, size_t errlen)
{
	int matched = 0;

	if (strcmp(tok, "all") == 0) {
		for (unsigned nr = 0; nr < SYSCALL_SET_MAX; nr++)
			set_bit(s, nr, on);
		s->others = on;
		return 1;
	}
	if (strcmp(tok, "none") == 0) {
		for (unsigned nr = 0; nr < SYSCALL_SET_MAX; nr++)
			set_bit(s, nr, !on);
		s->others = !on;
		return 1;
	}
	if (tok[0] == '%') {
		unsigned bit = syscall_class_bit(tok);

		if (!bit) {
			snprintf(err, errlen, "invalid system call class '%s'",
				 tok);
			return -1;
		}
		for (unsigned nr = 0; nr < t->size; nr++) {
			if (t->by_nr[nr] && (t->by_nr[nr]->classes & bit)) {
				set_bit(s, nr, on);
				matched++;
			}
		}
		return matched ? matched : 1;
	}
	if (tok[0] == '/') {
		regex_t re;
		int rc = regcomp(&re, tok + 1, REG_EXTENDED | REG_NOSUB);

		if (rc != 0) {
			char msg[128];

			regerror(rc, &re, msg, sizeof(msg));
			snprintf(err, errlen, "invalid regular expression '%s': %s",
				 tok + 1, msg);
			return -1;
		}
		for (unsigned nr = 0; nr < t->size; nr++) {
			if (t->by_nr[nr] &&
			    regexec(&re, t->by_nr[nr]->name, 0, NULL, 0) == 0) {
				set_bit(s, nr, on);
				matched++;
			}
		}
		regfree(&re);
		return matched;
	}
	for (unsigned nr = 0; nr < t->size; nr++) {
		if (t->by_nr[nr] && strcmp(t->by_nr[nr]->name, tok) == 0) {
			set_bit(s, nr, on);
			matched++;
		}
	}
	return matched;
}

/* What the tokens of one trace= expression apply to. */
struct trace_expr {
	struct syscall_set *s;
	const struct syscall_table *t;
};

/* One token of trace=: "?tok" may match nothing, any other must match. */
static int trace_token(void *ctx, char *tok, bool on, char *err,
		       size_t errlen)
{
	struct trace_expr *x = ctx;
	bool optional = false;
	int n;

	if (*tok == '?') {
		optional = true;
		tok++;
	}
	n = apply_token(x->s, x->t, tok, on, err, errlen);
	if (n < 0)
		return -1;
	if (n == 0 && !optional) {
		snprintf(err, errlen, "invalid system call '%s'", tok);
		return -1;
	}
	return 0;
}

int syscall_set_parse(struct syscall_set *s, bool *first,
		      const struct syscall_table *t, const char *spec,
		      char *err, size_t errlen)
{
	struct trace_expr x = { s, t };
	bool negate;

	if (set_expr_start(&spec, first, &negate))
		syscall_set_fill(s, negate);
	if (*spec == 0) {
		snprintf(err, errlen, "empty syscall list in 'trace='");
		return -1;
	}
	return set_expr_each(spec, !negate, trace_token, &x, err, errlen);
}

int fd_set_parse(struct fd_set_bits *s, const char *spec, char *err,
		 size_t errlen)
{
	bool negate = *spec == '!';
	char *copy, *tok, *save = NULL;
	int rc = 0;

	if (negate)
		spec++;
	memset(s, 0, sizeof(*s));
	copy = strdup(spec);
	if (!copy || !*copy) {
		snprintf(err, errlen, "empty descriptor list");
		free(copy);
		return -1;
	}
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long fd;

		if (strcmp(tok, "all") == 0) {
			memset(s->bits, 0xff, sizeof(s->bits));
			s->others = true;
			continue;
		}
		if (strcmp(tok, "none") == 0)
			continue;
		fd = strtol(tok, &end, 10);
		if (*tok < '0' || *tok > '9' || *end || fd > INT32_MAX) {
			snprintf(err, errlen, "invalid descriptor '%s'", tok);
			rc = -1;
			break;
		}
		if (fd >= FD_SET_MAX)
			s->others = true;
		else
			s->bits[fd / 64] |= 1ULL << (fd % 64);
	}
	free(copy);
	if (negate) {
		for (unsigned i = 0; i < FD_SET_MAX / 64; i++)
			s->bits[i] = ~s->bits[i];
		s->others = !s->others;
	}
	for (unsigned i = 0; i < FD_SET_MAX / 64; i++)
		if (s->bits[i])
			s->any = true;
	s->any = s->any || s->others;
	return rc;
}

/* -P prints only calls that name a path or hold a descriptor: removes from
 * set the syscalls of t none of whose arguments can (all numbers, flags,
 * buffers: ARGP_NOFILE), so that they need not stop. */
void syscall_set_keep_path_calls(struct syscall_set *set,
				 const struct syscall_table *t)
{
	for (unsigned nr = 0; nr < t->size && nr < SYSCALL_SET_MAX; nr++) {
		const struct syscall_desc *d = t->by_nr[nr];
		bool may_match = false;

		for (unsigned i = 0; d && i < MAX_ARGS; i++)
			if (syscall_arg_may_name_file(d, i))
				may_match = true;
		if (!may_match)
			set->bits[nr / 64] &= ~(1ULL << (nr % 64));
	}
}

void syscall_set_union(struct syscall_set *s, const struct syscall_set *add)
{
	for (unsigned i = 0; i < SYSCALL_SET_MAX / 64; i++)
		s->bits[i] |= add->bits[i];
	s->others |= add->others;
}
