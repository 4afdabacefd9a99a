/* Parsing shared by the set options (-e trace=, status=, signal=): the
 * '!' prefix, the first-expression rule and the comma-separated list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "set_expr.h"

bool set_expr_start(const char **spec, bool *first, bool *negate)
{
	bool was_first = *first;

	*negate = **spec == '!';
	if (*negate)
		(*spec)++;
	*first = false;
	return was_first;
}

int set_expr_each(const char *list, bool on, set_expr_token_fn *token,
		  void *ctx, char *err, size_t errlen)
{
	char *copy, *tok, *save = NULL;
	int rc = 0;

	copy = strdup(list);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (token(ctx, tok, on, err, errlen) < 0) {
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}
