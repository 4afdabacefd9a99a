/* One event rendered as the text formatter prints it, into memory: the
 * line a chrome trace or a timeline shows for a mark. Pure formatting,
 * like the formatters it serves. */
#ifndef MYTRACE_TEXT_LINE_H
#define MYTRACE_TEXT_LINE_H

#include <stddef.h>

#include "format.h"

struct text_line {
	struct format_opts opts;	/* the user's, whole lines, no colour */
	struct sink *mem;
	void *text;			/* a format_text state on mem */
};

/* Returns 0, or -1 when out of memory. */
int text_line_init(struct text_line *l, const struct format_opts *opts);
void text_line_free(struct text_line *l);

/* The text of ev (a syscall at its exit, a signal, an exit...), without
 * its newline and without a pid prefix; len receives its length. Valid
 * until the next call. Syscall entries render nothing. */
const char *text_line_render(struct text_line *l, const struct event *ev,
			     size_t *len);

#endif
