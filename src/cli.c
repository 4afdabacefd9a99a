/* Command-line parsing: strace's flags and their errors. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "escape.h"
#include "options.h"

static const char usage_text[] =
"Usage: mytrace [OPTIONS] COMMAND [ARGS...]\n"
"Trace the system calls of COMMAND and print them as strace does.\n"
"\n"
"Output:\n"
"  -o FILE, --output=FILE   write the trace to FILE instead of stderr\n"
"  -s N, --string-limit=N   print at most N bytes of each string (default 32)\n"
"\n"
"Filtering:\n"
"  -e trace=SET             trace only the syscalls in SET: names, %%class,\n"
"                           /regex, all, none; '!' negates, '?' ignores\n"
"                           unknown names; -e SET is the same\n"
"\n"
"Miscellaneous:\n"
"  -h, --help               print this help and exit\n"
"  -V, --version            print the version and exit\n"
"\n"
"mytrace exits with COMMAND's exit status; if COMMAND is killed by a\n"
"signal, mytrace kills itself with the same signal.\n";

static void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mytrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'mytrace -h' for more information.\n", stderr);
	exit(1);
}

static unsigned parse_uint(const char *flag, const char *arg)
{
	char *end;
	unsigned long n;

	errno = 0;
	if (*arg < '0' || *arg > '9')
		usage_error("invalid %s argument: '%s'", flag, arg);
	n = strtoul(arg, &end, 10);
	if (errno || *end || n > INT_MAX)
		usage_error("invalid %s argument: '%s'", flag, arg);
	return (unsigned)n;
}

static void parse_expression(struct options *opts, bool *first_trace,
			     const char *expr)
{
	const char *eq = strchr(expr, '=');
	const char *value = expr;
	char err[256];

	if (eq) {
		size_t n = (size_t)(eq - expr);

		if (!((n == 5 && strncmp(expr, "trace", 5) == 0) ||
		      (n == 1 && expr[0] == 't')))
			usage_error("invalid -e qualifier '%.*s'", (int)n,
				    expr);
		value = eq + 1;
	}
	if (syscall_set_parse(&opts->trace, first_trace, arch_syscalls, value,
			      err, sizeof(err)) != 0)
		usage_error("%s", err);
	opts->trace_all = false;
}

void cli_parse(struct options *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool first_trace = true;
	int c;

	memset(opts, 0, sizeof(*opts));
	opts->decode.string_limit = 32;
	opts->format.align_column = 40;
	opts->format.escape = ESC_DEFAULT;
	opts->formatter = &format_text;
	opts->trace_all = true;
	syscall_set_fill(&opts->trace, true);

	opterr = 0;
	/* '+': options end at the command, whose own flags are its own */
	while ((c = getopt_long(argc, argv, "+:o:s:e:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opts->output_path = optarg;
			break;
		case 's':
			opts->decode.string_limit = parse_uint("-s", optarg);
			break;
		case 'e':
			parse_expression(opts, &first_trace, optarg);
			break;
		case 'h':
			printf(usage_text);
			exit(0);
		case 'V':
			printf("mytrace -- version %s\n", MYTRACE_VERSION);
			exit(0);
		case ':':
			usage_error("option requires an argument -- '%c'", optopt);
		default:
			if (optopt)
				usage_error("invalid option -- '%c'", optopt);
			usage_error("unrecognized option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		usage_error("must have COMMAND [ARGS]");
	opts->command = argv + optind;
}
