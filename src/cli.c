/* Command-line parsing: getopt_long's arrays and --help built from the
 * option table (cli_options.c), then the checks that span options. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_table.h"
#include "pidinfo.h"
#include "escape.h"

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mytrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'mytrace -h' for more information.\n", stderr);
	exit(1);
}

void cli_value_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mytrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void cli_unsupported(struct cli *c, const struct cli_option *o,
		     const char *arg)
{
	if (o->name)
		cli_value_error("--%s is not supported", o->name);
	cli_value_error("-%c is not supported", o->letter);
}

/* --- --help */

static const char *const section_titles[SEC_COUNT] = {
	"Processes", "Output", "Filtering", "Tampering", "Miscellaneous",
};

/* "  USAGE" padded to column 27, then the help lines below each other. */
static void print_entry(FILE *out, const struct cli_option *o)
{
	const char *help = o->help;

	fprintf(out, "  %s", o->usage);
	if (strlen(o->usage) > 24 || strchr(o->usage, '\n'))
		fprintf(out, "\n%27s", "");
	else
		fprintf(out, "%*s", (int)(25 - strlen(o->usage)), "");
	for (;;) {
		const char *nl = strchr(help, '\n');

		if (!nl) {
			fprintf(out, "%s\n", help);
			return;
		}
		fprintf(out, "%.*s\n%27s", (int)(nl - help), help, "");
		help = nl + 1;
	}
}

void cli_print_help(FILE *out)
{
	fputs("Usage: mytrace [OPTIONS] COMMAND [ARGS...]\n"
	      "       mytrace [OPTIONS] -p PID... [COMMAND [ARGS...]]\n"
	      "Trace the system calls of COMMAND and print them as strace "
	      "does.\n", out);
	for (unsigned sec = 0; sec < SEC_COUNT; sec++) {
		fprintf(out, "\n%s:\n", section_titles[sec]);
		for (unsigned i = 0; i < cli_option_count; i++)
			if ((unsigned)cli_options[i].section == sec &&
			    cli_options[i].usage)
				print_entry(out, &cli_options[i]);
	}
	fputs("\nmytrace exits with COMMAND's exit status; if COMMAND is "
	      "killed by a\nsignal, mytrace kills itself with the same "
	      "signal. With -p only, it exits\n0 after detaching, 1 if "
	      "nothing could be attached.\n", out);
}

/* --- getopt_long's arrays */

/* Whether rows a and b are one option under two names (--signal and
 * --signals, --color and --colour). */
static bool same_option(const struct cli_option *a, const struct cli_option *b)
{
	if (a->handle != b->handle || a->arg != b->arg)
		return false;
	if (a->handle == cli_long_qualifier)
		return strcmp(cli_qualifier_name(a->name),
			      cli_qualifier_name(b->name)) == 0;
	return a->handle != cli_unsupported;
}

/* What getopt_long returns for row i: its letter, or a number above the
 * letters. The names of one option share it, so that an abbreviation of
 * both is not ambiguous (glibc's rule). */
static int row_value(unsigned i)
{
	const struct cli_option *o = &cli_options[i];

	for (unsigned j = 0; j < i; j++)
		if (same_option(&cli_options[j], o))
			return cli_options[j].letter ? cli_options[j].letter :
						       0x100 + (int)j;
	return o->letter ? o->letter : 0x100 + (int)i;
}

struct getopt_arrays {
	char shorts[128];
	struct option longs[160];
	unsigned row_of_long[160];
};

static void build_arrays(struct getopt_arrays *g)
{
	size_t ns = 0, nl = 0;

	/* '+': options end at the command; ':': report missing arguments */
	g->shorts[ns++] = '+';
	g->shorts[ns++] = ':';
	for (unsigned i = 0; i < cli_option_count; i++) {
		const struct cli_option *o = &cli_options[i];

		if (!o->handle)
			continue;
		if (o->letter) {
			g->shorts[ns++] = o->letter;
			if (o->arg == required_argument)
				g->shorts[ns++] = ':';
		}
		if (o->name) {
			g->longs[nl] = (struct option){ o->name, o->arg, NULL,
							row_value(i) };
			g->row_of_long[nl++] = i;
		}
	}
	g->shorts[ns] = 0;
	g->longs[nl] = (struct option){ NULL, 0, NULL, 0 };
}

static const struct cli_option *row_of_letter(int letter)
{
	for (unsigned i = 0; i < cli_option_count; i++)
		if (cli_options[i].letter == letter && cli_options[i].handle)
			return &cli_options[i];
	return NULL;
}

/* "--tr": which of our long names it abbreviates, for the message. */
static void ambiguous(const char *arg)
{
	size_t n = strcspn(arg + 2, "=");
	char names[512] = "";
	unsigned count = 0;

	for (unsigned i = 0; i < cli_option_count; i++) {
		const char *name = cli_options[i].name;

		if (!name || strncmp(name, arg + 2, n) != 0 ||
		    strlen(names) + strlen(name) + 5 > sizeof(names))
			continue;
		strcat(names, count++ ? ", --" : "--");
		strcat(names, name);
	}
	if (count > 1)
		cli_usage_error("option '%.*s' is ambiguous: %s", (int)n + 2,
				arg, names);
}

static void bad_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	bool is_long = strncmp(arg, "--", 2) == 0;
	int n = (int)strcspn(arg, "=");

	if (c == ':' && is_long)
		cli_usage_error("option '%s' requires an argument", arg);
	if (c == ':')
		cli_usage_error("option requires an argument -- '%c'", optopt);
	if (!is_long)
		cli_usage_error("invalid option -- '%c'", optopt);
	/* glibc names the option it found in optopt */
	if (optopt)
		cli_usage_error("option '%.*s' takes no argument", n, arg);
	ambiguous(arg);
	cli_usage_error("unrecognized option '%.*s'", n, arg);
}

/* --- the checks that span options */

static void check_exclusive(struct cli *c)
{
	struct options *opts = c->opts;

	if (c->summary_only && c->summary)
		cli_usage_error("-c/--summary-only and -C/--summary are "
				"mutually exclusive");
	if (opts->stats.count && (opts->follow == 2 || c->separately))
		cli_usage_error("(-c/--summary-only or -C/--summary) and "
				"-ff/--output-separately are mutually "
				"exclusive");
	if (opts->syscall_limit && opts->seccomp_bpf > 0)
		cli_value_error("--seccomp-bpf and --syscall-limit: after the "
				"detach the filter would fail the traced calls");
	if (opts->stats.count && !opts->formatter->summary)
		cli_value_error("-c/-C and --format=%s: that format has no "
				"place for the summary", opts->formatter->name);
	if (opts->stats.wall && !opts->stats.count)
		cli_usage_error("-w/--summary-wall-clock must be given with "
				"(-c/--summary-only or -C/--summary)");
}

static bool output_is_pipe(const struct options *opts)
{
	return opts->output_path && (opts->output_path[0] == '|' ||
				     opts->output_path[0] == '!');
}

/* -ff and --output-separately: a file per process, with a file to name */
static void check_separate(struct cli *c)
{
	struct options *opts = c->opts;
	bool file = opts->output_path && strcmp(opts->output_path, "-") != 0;

	if (c->separately && opts->follow)
		opts->follow = 2;
	if (opts->follow == 2 || c->separately) {
		if (output_is_pipe(opts))
			cli_usage_error("piping the output and "
					"-ff/--output-separately are mutually "
					"exclusive");
		/* without a file to split, -ff is -f, as in strace */
		if (!file) {
			opts->follow = opts->follow ? 1 : 0;
			c->separately = false;
		}
	}
	opts->output_separately = opts->follow == 2 || c->separately;
}

static void check_command(struct cli *c, int argc, char **argv)
{
	struct options *opts = c->opts;

	if (optind < argc)
		opts->command = argv + optind;
	else if (!opts->nattach)
		cli_usage_error("must have PROG [ARGS] or -p PID");
	if (opts->user && !opts->command)
		cli_usage_error("-u needs a COMMAND to run");
	if (opts->nenv && !opts->command)
		cli_usage_error("-E needs a COMMAND to run");
	if (opts->argv0 && !opts->command)
		cli_usage_error("--argv0 needs a COMMAND to run");
}

/* -D and -I: their forms, and -I's default as strace sets it */
static void check_engine(struct cli *c)
{
	struct options *opts = c->opts;

	if (c->daemonize_short && c->daemonize_long)
		cli_value_error("-D and --daemonize cannot be provided "
				"simultaneously");
	if (c->daemonize_short > 3)
		cli_usage_error("Too many -D's (%u), maximum supported -D "
				"count is 3", c->daemonize_short);
	if (c->daemonize_short)
		opts->daemonize = (int)c->daemonize_short;
	if (opts->daemonize && !opts->command)
		cli_usage_error("PROG [ARGS] must be specified with "
				"-D/--daemonize");
	if (opts->interruptible)
		return;
	if (opts->daemonize)
		opts->interruptible = 4;
	else if (opts->command && opts->output_path && !opts->nattach)
		opts->interruptible = 3;
	else
		opts->interruptible = 2;
}

/* --seccomp-bpf where it cannot apply: said, as strace says it, and
 * the filter is off. A process attached with -p never gets it; without
 * -f a child we do not follow would be left with it. */
static void note_seccomp(struct options *opts)
{
	if (opts->seccomp_bpf <= 0)
		return;
	/* a process let go with the filter would see ENOSYS */
	if (opts->detach_on_execve) {
		fprintf(stderr, "mytrace: --seccomp-bpf is not enabled because "
			"it is not compatible with -b\n");
		opts->seccomp_bpf = 0;
		return;
	}
	if (opts->nattach)
		fprintf(stderr, "mytrace: --seccomp-bpf: no filter for "
			"processes attached with -p\n");
	if (!opts->follow) {
		fprintf(stderr, "mytrace: --seccomp-bpf needs "
			"-f/--follow-forks; tracing without the filter\n");
		opts->seccomp_bpf = 0;
	}
}

/* A Tracee user's "--output json" names a file: say where formats are. */
static void note_output_name(const struct options *opts)
{
	const char *p = opts->output_path;

	if (p && (strcmp(p, "json") == 0 || strcmp(p, "table") == 0))
		fprintf(stderr, "mytrace: note: writing the trace to a file "
			"named '%s'; --format=%s chooses the format\n", p, p);
}

static void finish_options(struct cli *c)
{
	struct options *opts = c->opts;

	/* https://no-color.org: a preference that an explicit flag overrides */
	if (opts->format.color == COLOR_AUTO && getenv("NO_COLOR") &&
	    *getenv("NO_COLOR"))
		opts->format.color = COLOR_NEVER;
	/* a CI step is a script: the failure that matters is in a child */
	if (opts->failures && !opts->follow)
		opts->follow = 1;
	/* -q --failures: the digest instead of the trace, unless the user
	 * chose what to trace */
	if (opts->failures && opts->quiet && opts->trace_all) {
		syscall_set_fill(&opts->trace, false);
		opts->trace_all = false;
	}
	opts->format.instruction_pointer = opts->instruction_pointer;
	opts->decode.abbrev_set = &opts->abbrev;
	opts->decode.verbose_set = &opts->verbose;
	opts->decode.raw_set = &opts->raw;
	opts->format.fd_paths = (int)c->decode_fds;
	opts->format.pid_comm =
		(opts->decode.decode_pids & DECODE_PID_COMM) != 0;
	/* -P compares descriptors by their paths even without -y */
	opts->decode.decode_fds = (int)c->decode_fds;
	if (outfilter_has_paths(&opts->filter))
		opts->decode.decode_fds |= DECODE_FD_PATH;
	/* -e status= and --filter retval/ARG decide at a syscall's exit */
	if (proc_filter_has_event_conds(&opts->procs))
		opts->filter.events = &opts->procs;
	opts->format.quiet_superseded =
		opts->filter.quiet & QUIET_THREAD_EXECVE;
	opts->format.hold_lines = outfilter_holds_lines(&opts->filter) ||
				  opts->filter.events;
}

/* --timeline: checked now, so that a path that cannot be written fails
 * before anything runs. */
static void check_timeline(struct options *opts)
{
	int fd;

	if (!opts->timeline)
		return;
	if (opts->output_separately)
		cli_value_error("--timeline and -ff: the timeline is one "
				"picture of every process; use -f");
	if (opts->stats.count && !opts->stats.also_trace)
		cli_value_error("--timeline and -c: -c prints no events to "
				"draw; use -C");
	fd = open(opts->timeline, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		  0666);
	if (fd < 0)
		cli_value_error("can't open '%s': %s", opts->timeline,
				strerror(errno));
	close(fd);
}

static void set_defaults(struct options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->decode.string_limit = 32;
	opts->format.align_column = 40;
	opts->format.escape = ESC_DEFAULT;
	opts->formatter = &format_text;
	opts->format.color = COLOR_AUTO;
	/* the origin of relative times: as early as tracing can start */
	clock_gettime(CLOCK_REALTIME, &opts->format.start);
	opts->trace_all = true;
	opts->seccomp_bpf = -1;
	syscall_set_fill(&opts->trace, true);
	syscall_set_fill(&opts->abbrev, true);
	syscall_set_fill(&opts->verbose, true);
	syscall_set_fill(&opts->raw, false);
	outfilter_init(&opts->filter);
}

void cli_parse(struct options *opts, int argc, char **argv)
{
	struct cli c = { .opts = opts };
	struct getopt_arrays g;
	int ch, idx;

	set_defaults(opts);
	build_arrays(&g);
	opterr = 0;
	while (idx = -1,
	       (ch = getopt_long(argc, argv, g.shorts, g.longs, &idx)) != -1) {
		const struct cli_option *o;

		if (ch == '?' || ch == ':')
			bad_option(ch, argv);
		o = idx >= 0 ? &cli_options[g.row_of_long[idx]] :
			       row_of_letter(ch);
		o->handle(&c, o, optarg);
	}
	check_exclusive(&c);
	check_command(&c, argc, argv);
	check_separate(&c);
	check_timeline(opts);
	check_engine(&c);
	note_seccomp(opts);
	note_output_name(opts);
	finish_options(&c);
	if (c.path_notes && !(opts->filter.quiet & QUIET_PATH_RESOLUTION))
		fputs(c.path_notes, stderr);
	free(c.path_notes);
}

void cli_free(struct options *opts)
{
	inject_free(opts->inject);
	opts->inject = NULL;
	free(opts->attach);
	free(opts->env);
	opts->attach = NULL;
	opts->env = NULL;
	proc_filter_free(&opts->procs);
}
