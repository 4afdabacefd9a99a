/* Sets of syscall numbers: compiled from -e trace= expressions (names,
 * numbers, classes, regexes, with strace's @64/@32/@x32 suffixes), and
 * built from what the tables say of each call. */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
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

/* Where the tokens of one trace= expression apply: the set, the native
 * table, and the personality a "@64"/"@32" suffix chose (NULL: native;
 * none: a personality this arch does not run, which matches nothing). */
struct trace_expr {
	struct syscall_set *s;
	const struct syscall_table *t;
	const struct arch_personality *p;
	bool none;
};

/* Sets or clears nr of the chosen personality, by its native number: the
 * sets are keyed by native numbers, whatever the personality. */
static void set_nr(struct trace_expr *x, unsigned nr, bool on)
{
	uint64_t native = x->p ? arch_native_nr(x->p, nr) : nr;

	if (native != SYSCALL_NR_NONE)
		set_bit(x->s, (unsigned)native, on);
}

static const struct syscall_table *expr_table(const struct trace_expr *x)
{
	return x->p ? x->p->table : x->t;
}

/* Every call whose name matches re, or whose classes have bit. */
static int apply_matching(struct trace_expr *x, const regex_t *re,
			  unsigned bit, bool on)
{
	const struct syscall_table *t = expr_table(x);
	int matched = 0;

	for (unsigned nr = 0; nr < t->size; nr++) {
		const struct syscall_desc *d = t->by_nr[nr];

		if (!d || (re && regexec(re, d->name, 0, NULL, 0) != 0) ||
		    (!re && !(d->classes & bit)))
			continue;
		set_nr(x, nr, on);
		matched++;
	}
	return matched;
}

static int apply_regex(struct trace_expr *x, const char *pattern, bool on,
		       char *err, size_t errlen)
{
	regex_t re;
	int rc = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
	int matched;

	if (rc != 0) {
		char msg[128];

		regerror(rc, &re, msg, sizeof(msg));
		/* strace's words */
		snprintf(err, errlen, "regcomp: %s: %s", pattern, msg);
		return -1;
	}
	matched = apply_matching(x, &re, 0, on);
	regfree(&re);
	return matched;
}

/* "257": the call of that number, if the table has one. */
static int apply_number(struct trace_expr *x, const char *tok, bool on)
{
	const struct syscall_table *t = expr_table(x);
	char *end;
	unsigned long nr = strtoul(tok, &end, 10);

	if (*end || nr >= t->size || !t->by_nr[nr])
		return 0;
	set_nr(x, (unsigned)nr, on);
	return 1;
}

/* strace's deprecated class names without '%' ("inject=file:...") */
static bool legacy_class(const char *tok)
{
	static const char *const names[] = {
		"desc", "file", "memory", "process", "signal", "ipc",
		"network",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i], tok) == 0)
			return true;
	return false;
}

/* Applies one token (a name, number, %class, /regex, all, none) to the
 * set; returns the number of syscalls it matched, or -1 on a malformed
 * token. */
static int apply_token(struct trace_expr *x, const char *tok, bool on,
		       char *err, size_t errlen)
{
	const struct syscall_table *t = expr_table(x);
	int matched = 0;

	if (x->none)
		return 0;
	if (strcmp(tok, "all") == 0) {
		for (unsigned nr = 0; nr < t->size; nr++)
			if (t->by_nr[nr] || !x->p)
				set_nr(x, nr, on);
		if (!x->p) {
			for (unsigned nr = t->size; nr < SYSCALL_SET_MAX; nr++)
				set_bit(x->s, nr, on);
			x->s->others = on;
		}
		return 1;
	}
	if (tok[0] == '%' || legacy_class(tok)) {
		unsigned bit = syscall_class_bit(tok);

		if (!bit) {
			snprintf(err, errlen, "invalid system call '%s'", tok);
			return -1;
		}
		matched = apply_matching(x, NULL, bit, on);
		return matched ? matched : 1;
	}
	if (tok[0] == '/')
		return apply_regex(x, tok + 1, on, err, errlen);
	if (tok[0] >= '0' && tok[0] <= '9')
		return apply_number(x, tok, on);
	for (unsigned nr = 0; nr < t->size; nr++) {
		if (t->by_nr[nr] && strcmp(t->by_nr[nr]->name, tok) == 0) {
			set_nr(x, nr, on);
			matched++;
		}
	}
	return matched;
}

/* Cuts "@64", "@32" or "@x32" off tok and chooses that personality:
 * 64 is the native one (both our arches are 64-bit), 32 the compat one
 * when the arch runs one. Returns false for another suffix. */
static bool take_personality(struct trace_expr *x, char *tok)
{
	char *at = strrchr(tok, '@');

	x->p = NULL;
	x->none = false;
	if (!at)
		return true;
	if (strcmp(at, "@64") == 0) {
		/* the native table itself */
	} else if (strcmp(at, "@32") == 0 && x->t == arch_syscalls &&
		   arch_personality_count > 1) {
		x->p = &arch_personalities[1];
	} else if (strcmp(at, "@32") == 0 || strcmp(at, "@x32") == 0) {
		x->none = true;
	} else {
		return false;
	}
	*at = 0;
	return true;
}

/* One token of trace=: "?tok" may match nothing, any other must match. */
static int trace_token(void *ctx, char *tok, bool on, char *err,
		       size_t errlen)
{
	struct trace_expr *x = ctx;
	const char *whole = tok;
	bool optional = false;
	int n;

	while (*tok == '?') {
		optional = true;
		tok++;
	}
	whole = tok;
	/* "none" stands only alone (syscall_set_parse), as in strace */
	if (strcmp(tok, "none") == 0) {
		snprintf(err, errlen, "invalid system call '%s'", tok);
		return -1;
	}
	char copy[strlen(tok) + 1];

	memcpy(copy, tok, sizeof(copy));
	if (!take_personality(x, copy)) {
		snprintf(err, errlen, "invalid system call '%s'", whole);
		return -1;
	}
	n = apply_token(x, copy, on, err, errlen);
	if (n < 0 && optional)
		return 0;
	/* a bad class is named with its personality, as written */
	if (n < 0 && copy[0] != '/')
		snprintf(err, errlen, "invalid system call '%s'", whole);
	if (n < 0)
		return -1;
	if (n == 0 && !optional && !x->none) {
		snprintf(err, errlen, "invalid system call '%s'", whole);
		return -1;
	}
	return 0;
}

int syscall_set_parse(struct syscall_set *s, bool *first,
		      const struct syscall_table *t, const char *spec,
		      char *err, size_t errlen)
{
	struct trace_expr x = { s, t, NULL, false };
	const char *whole = spec;
	bool negate;

	if (set_expr_start(&spec, first, &negate))
		syscall_set_fill(s, negate);
	/* strace: "none" alone is the empty set; a list without a single
	 * token is named whole */
	if (strcmp(spec, "none") == 0)
		return 0;
	if (spec[strspn(spec, ",")] == 0) {
		snprintf(err, errlen, "invalid system call '%s'", whole);
		return -1;
	}
	return set_expr_each(spec, !negate, trace_token, &x, err, errlen);
}

/* One descriptor of a list: decimal digits, at most INT32_MAX. */
static bool fd_token(const char *tok, long *fd)
{
	char *end;

	if (*tok < '0' || *tok > '9')
		return false;
	errno = 0;
	*fd = strtol(tok, &end, 10);
	return !errno && !*end && *fd <= INT32_MAX;
}

/* As strace reads them: each leading '!' inverts; "all" and "none" only
 * alone; a bad token is named, a list with none the whole spec. */
int fd_set_parse(struct fd_set_bits *s, const char *spec, char *err,
		 size_t errlen)
{
	const char *list = spec;
	bool negate = false, any = false;
	char *copy, *tok, *save = NULL;
	int rc = 0;

	for (; *list == '!'; list++)
		negate = !negate;
	memset(s, 0, sizeof(*s));
	if (strcmp(list, "all") == 0) {
		memset(s->bits, 0xff, sizeof(s->bits));
		s->others = true;
	} else if (strcmp(list, "none") != 0) {
		copy = strdup(list);
		if (!copy)
			return -1;
		for (tok = strtok_r(copy, ",", &save); tok && !rc;
		     tok = strtok_r(NULL, ",", &save)) {
			long fd;

			any = true;
			if (!fd_token(tok, &fd)) {
				snprintf(err, errlen, "invalid descriptor '%s'",
					 tok);
				rc = -1;
			} else if (fd >= FD_SET_MAX) {
				s->others = true;
			} else {
				s->bits[fd / 64] |= 1ULL << (fd % 64);
			}
		}
		free(copy);
		if (!rc && !any) {
			snprintf(err, errlen, "invalid descriptor '%s'", spec);
			rc = -1;
		}
	}
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
