/* Shared by the text formatter and its digest: the -k stack lines and
 * the --failures digest. */
#ifndef MYTRACE_TEXT_DIGEST_H
#define MYTRACE_TEXT_DIGEST_H

#include "escape.h"
#include "failures.h"
#include "output.h"

struct stack_trace;

/* -k: one frame a line, each line starting with indent. */
void text_print_stack(struct sink *s, const struct stack_trace *st,
		      const char *indent);
/* The digest, its strings escaped as esc says. */
void text_print_failures(struct sink *s, const struct failure_digest *d,
			 enum escape_mode esc);

#endif
