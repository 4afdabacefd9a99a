/* The "[!]tok,tok,..." expressions of -e trace=, -e status= and
 * -e signal=: the leading '!', strace's first-expression rule and the
 * split at commas. What a token means stays with each option's module;
 * this one knows no syscalls, statuses or signals. */
#ifndef MYTRACE_SET_EXPR_H
#define MYTRACE_SET_EXPR_H

#include <stdbool.h>
#include <stddef.h>

/* Strips a leading '!' from *spec into *negate. Returns true for the
 * option's first expression (and clears *first): the caller then starts
 * its set full when negated and empty otherwise, so that later
 * expressions add to it or remove from it. */
bool set_expr_start(const char **spec, bool *first, bool *negate);

/* Applies one token: sets or clears what tok names in ctx's set.
 * Returns 0, or -1 with a message in err. */
typedef int set_expr_token_fn(void *ctx, char *tok, bool on, char *err,
			      size_t errlen);

/* Calls token for each comma-separated token of list, in order, until
 * one fails. Returns 0, or -1 with a message in err. */
int set_expr_each(const char *list, bool on, set_expr_token_fn *token,
		  void *ctx, char *err, size_t errlen);

#endif
