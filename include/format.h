/* Formatters: render events to a sink. A formatter is a table of
 * functions; it never reads tracee memory or calls ptrace. One formatter
 * state belongs to one sink (-ff opens one per process). */
#ifndef MYTRACE_FORMAT_H
#define MYTRACE_FORMAT_H

#include <stdbool.h>
#include <time.h>

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

/* Digits after the seconds of a time: --relative-timestamps=ms and the
 * like. PREC_DEFAULT is each time's own (0 for -t, 6 for the others). */
enum time_prec {
	PREC_DEFAULT,
	PREC_S,		/* 0 digits */
	PREC_MS,	/* 3 */
	PREC_US,	/* 6 */
	PREC_NS,	/* 9 */
};

enum color_mode {
	COLOR_NEVER,
	COLOR_AUTO,	/* only when the sink is a terminal */
	COLOR_ALWAYS,
};

struct format_opts {
	unsigned align_column;	/* -a: where " = " goes (40) */
	int escape;		/* enum escape_mode: -x, -xx */
	enum xlat_style xlat;	/* -X */
	enum time_style time;	/* -t, -tt, -ttt */
	bool relative;		/* -r: time since the previous line */
	bool durations;		/* -T: <secs> spent in each syscall */
	enum time_prec time_prec, relative_prec, durations_prec;
	bool numbers;		/* -n: [ nr] before the syscall name */
	int fd_paths;		/* DECODE_FD_* bits: fd details shown */
	/* a filter decides at exit (-e status=): print whole lines then */
	bool hold_lines;
	/* -e quiet=thread-execve: no "+++ superseded +++" line (the
	 * execve line still ends with "<pid changed to N ...>") */
	bool quiet_superseded;
	/* set by the core: -f into a file prints "1234  " before each line
	 * where stderr gets "[pid  1234] " */
	bool bare_pid;
	int color;		/* enum color_mode; NO_COLOR already applied */
	bool always_show_pid;	/* --always-show-pid */
	bool pid_comm;		/* -Y: "[pid  1234<sh>] " (ev->who) */
	bool arg_names;		/* -N: name=value for every argument */
	bool instruction_pointer;	/* -i: [address] before each line */
	struct timespec start;	/* origin of relative times (JSON) */
};

struct formatter {
	const char *name;
	/* it prints the -c/-C summary (EV_SUMMARY) */
	bool summary;
	bool needs_ident;	/* events must carry comm and uid (ev->who) */
	/* attach and detach are records of its own (EV_ATTACH/EV_DETACH):
	 * where its output is stderr, the core prints no "Process N
	 * attached" notes in between, which would break the stream */
	bool attach_records;
	/* whether syscall events need their times under these options;
	 * NULL: always (reading the clock twice a call is not free) */
	bool (*needs_clock)(const struct format_opts *opts);
	void *(*begin)(struct sink *out, const struct format_opts *opts);
	/* show_pid: prefix the line with the pid (several tracees) */
	void (*event)(void *state, const struct event *ev, bool show_pid);
	void (*end)(void *state);
};

extern const struct formatter format_text;
extern const struct formatter format_json;
extern const struct formatter format_table;
extern const struct formatter format_chrome;

/* The formatter called name ("text"), or NULL. */
const struct formatter *formatter_find(const char *name);
/* "text, json or table": the names --format accepts, for messages. */
const char *formatter_names(void);

/* Renders one value as the text format does (quoting, flags, structs). */
void format_text_value(struct sink *s, const struct format_opts *opts,
		       const struct value *v);

/* Writes bytes as a quoted JSON string, invalid UTF-8 as U+FFFD; false
 * when some bytes were replaced. */
bool format_json_string(struct sink *s, const char *bytes, size_t len);

/* Whether output to s is coloured: --color=always, or auto on a tty. */
bool format_color_on(const struct format_opts *opts, const struct sink *s);
/* A signal's name, or "SIG???" for a number without one. */
const char *format_signal_name(int sig, char buf[16]);

/* ANSI colours used by the text and table formatters. */
#define COLOR_RESET "\033[0m"
#define COLOR_NAME "\033[1m"		/* syscall names: bold */
#define COLOR_ERROR "\033[31m"		/* failed returns: red */
#define COLOR_SIGNAL "\033[33m"		/* signal lines: yellow */
#define COLOR_PROCESS "\033[35m"	/* exits and kills: magenta */
#define COLOR_DIM "\033[2m"		/* unfinished/resumed, headers */

/* Writes a colour escape when on, without moving the sink's column. */
void format_color(struct sink *s, bool on, const char *color);

#endif
