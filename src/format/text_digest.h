/* The parts of the text format kept apart from the call lines: the dumps
 * and stacks under a call (text_after.c) and the --failures digest
 * (text_digest.c). */
#ifndef MYTRACE_TEXT_DIGEST_H
#define MYTRACE_TEXT_DIGEST_H

#include "escape.h"
#include "failures.h"
#include "output.h"

struct stack_trace;
struct value;

/* -e read=/write=: the bytes a call moved, as hex and text lines. */
void text_print_io_dumps(struct sink *s, const struct value *v);
/* -k: one frame a line, each line starting with indent. */
void text_print_stack(struct sink *s, const struct stack_trace *st,
		      const char *indent);
/* The digest, its strings escaped as esc says. */
void text_print_failures(struct sink *s, const struct failure_digest *d,
			 enum escape_mode esc);

#endif
