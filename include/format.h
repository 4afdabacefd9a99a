/* Formatters: render events to a sink. A formatter is a table of
 * functions; it never reads tracee memory or calls ptrace. */
#ifndef MYTRACE_FORMAT_H
#define MYTRACE_FORMAT_H

#include <stdbool.h>

#include "event.h"
#include "output.h"

/* -X: how constants print */
enum xlat_style {
	XLAT_ABBREV,	/* O_RDONLY|O_CLOEXEC (the default) */
	XLAT_RAW,	/* 0x80000 */
	XLAT_VERBOSE,	/* 0x80000 / * O_RDONLY|O_CLOEXEC * / */
};

/* -t, -tt, -ttt */
enum time_style {
	TIME_NONE,
	TIME_SECONDS,	/* 19:13:44 */
	TIME_MICRO,	/* 19:13:44.349198 */
	TIME_EPOCH,	/* 1795806824.357937 */
};

struct format_opts {
	unsigned align_column;	/* -a: where " = " goes (40) */
	int escape;		/* enum escape_mode: -x, -xx */
	enum xlat_style xlat;	/* -X */
	enum time_style time;	/* -t, -tt, -ttt */
	bool relative;		/* -r: time since the previous line */
	bool durations;		/* -T: <secs> spent in each syscall */
	bool numbers;		/* -n: [ nr] before the syscall name */
	int fd_paths;		/* -y: 1 prints fd paths, -yy: 2 */
	/* a filter decides at exit (-e status=): print whole lines then */
	bool hold_lines;
	/* set by the core: -f into a file prints "1234  " before each line
	 * where stderr gets "[pid  1234] " */
	bool bare_pid;
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
