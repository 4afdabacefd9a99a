/* The command line's option table: each option once, with its letter,
 * long name, argument, handler and help text. cli.c builds getopt_long's
 * arrays and --help from it; only the CLI's own files include this. */
#ifndef MYTRACE_CLI_TABLE_H
#define MYTRACE_CLI_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include "options.h"

/* Where an option is listed in --help. */
enum cli_section {
	SEC_PROCESSES,
	SEC_OUTPUT,
	SEC_FILTERING,
	SEC_TAMPERING,
	SEC_MISC,
	SEC_COUNT,
};

/* What cli_parse keeps between options, besides struct options. */
struct cli {
	struct options *opts;
	unsigned hex;		/* -x count */
	bool hex_long;		/* --strings-in-hex given */
	unsigned times;		/* -t count */
	bool times_long;	/* --absolute-timestamps given */
	unsigned decode_fds;	/* DECODE_FD_* bits of -y, -yy, decode-fds= */
	unsigned quiet;		/* -q count */
	bool separately;	/* --output-separately */
	bool summary_only;	/* -c */
	bool summary;		/* -C */
	/* -P's "Requested path ... resolved into ..." lines, printed after
	 * parsing unless -e quiet=path-resolution; NULL: none */
	char *path_notes;
	unsigned daemonize_short;	/* -D count */
	bool daemonize_long;	/* --daemonize given */
};

struct cli_option;
typedef void cli_handler(struct cli *c, const struct cli_option *o,
			 const char *arg);

/* One option. The short letter takes an argument when the long form
 * requires one; when the long form's argument is optional, the letter
 * takes none (strace's -r, -T). A row without a handler is a help
 * line only (-xx, -tt). */
struct cli_option {
	char letter;		/* 0: long only */
	const char *name;	/* NULL: short only */
	int arg;		/* no_argument, required_argument, ... */
	cli_handler *handle;
	enum cli_section section;
	const char *usage;	/* --help's left column; NULL: not listed */
	const char *help;	/* lines of --help's right column */
};

extern const struct cli_option cli_options[];
extern const unsigned cli_option_count;

/* "mytrace: ...\nTry 'mytrace -h' ..." and exit 1: a malformed line. */
void cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* "mytrace: ..." and exit 1: a value the user typed is wrong. */
void cli_value_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* "mytrace: --NAME is not supported" and exit 1. */
cli_handler cli_unsupported;

/* --help, built from the table. */
void cli_print_help(FILE *out);

/* -e EXPR and the qualifiers' long forms (--trace=, --quiet=, ...). */
void cli_expression(struct cli *c, const char *expr);
void cli_qualifier(struct cli *c, const char *name, const char *value);
cli_handler cli_long_qualifier;
/* The qualifier's own name for one of its spellings ("signals"). */
const char *cli_qualifier_name(const char *name);
/* -t, -r, -T and their long forms with precisions. */
cli_handler cli_time_t, cli_time_r, cli_time_T, cli_timestamps;

#endif
