/* Formatters: render events to a sink. A formatter is a table of
 * functions; it never reads tracee memory or calls ptrace. */
#ifndef MYTRACE_FORMAT_H
#define MYTRACE_FORMAT_H

#include <stdbool.h>

#include "event.h"
#include "output.h"

struct format_opts {
	unsigned align_column;	/* -a: where " = " goes (40) */
	int escape;		/* enum escape_mode: -x, -xx */
};

struct formatter {
	const char *name;
	void *(*begin)(struct sink *out, const struct format_opts *opts);
	/* show_pid: prefix the line with the pid (several tracees) */
	void (*event)(void *state, const struct event *ev, bool show_pid);
	void (*end)(void *state);
};

extern const struct formatter format_text;

/* The formatter called name ("text"), or NULL. */
const struct formatter *formatter_find(const char *name);

#endif
