/* Command-line options: parsed once by cli_parse, read by everyone else. */
#ifndef MYTRACE_OPTIONS_H
#define MYTRACE_OPTIONS_H

#include <stdbool.h>

#include "decode.h"
#include "filter.h"
#include "format.h"

struct options {
	const char *output_path;	/* -o */
	struct decode_opts decode;
	struct format_opts format;
	const struct formatter *formatter;
	struct syscall_set trace;	/* -e trace= */
	bool trace_all;			/* no -e trace= given */
	char **command;			/* NULL-terminated argv */
};

/* Parses argv into opts. On bad input prints "mytrace: ..." and exits 1;
 * -h and -V print and exit 0. */
void cli_parse(struct options *opts, int argc, char **argv);

#endif
