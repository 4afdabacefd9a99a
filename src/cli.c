/* Command-line parsing: strace's flags and their errors. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arch.h"
#include "attach.h"
#include "escape.h"
#include "options.h"

static const char usage_text[] =
"Usage: mytrace [OPTIONS] COMMAND [ARGS...]\n"
"       mytrace [OPTIONS] -p PID... [COMMAND [ARGS...]]\n"
"Trace the system calls of COMMAND and print them as strace does.\n"
"\n"
"Processes:\n"
"  -f, --follow-forks       also trace the threads and child processes\n"
"                           they create (fork, vfork, clone, clone3)\n"
"  -ff, --output-separately with -o FILE: write each thread's trace to\n"
"                           FILE.PID\n"
"  -p PID, --attach=PID     attach to the running process PID and all its\n"
"                           threads; repeatable, or a list: -p '1,2 3';\n"
"                           SIGINT/SIGTERM/SIGHUP/SIGQUIT detach and leave\n"
"                           it running\n"
"  -q, --quiet              no \"Process N attached/detached\" messages\n"
"  -E VAR=VAL, --env=VAR=VAL\n"
"                           run COMMAND with VAR set to VAL; -E VAR unsets\n"
"  -u USER, --user=USER     run COMMAND as USER (uid, gid and groups)\n"
"  -b execve, --detach-on=execve\n"
"                           detach from a process when it calls execve\n"
"                           (but not from COMMAND's own first one)\n"
"\n"
"Output:\n"
"  -o FILE, --output=FILE   write the trace to FILE instead of stderr\n"
"  -s N, --string-limit=N   print at most N bytes of each string (default 32)\n"
"  -a COLUMN, --columns=COLUMN\n"
"                           align return values at COLUMN (default 40)\n"
"  -x                       print non-ASCII strings in hex (\\x..)\n"
"  -xx                      print every string in hex\n"
"  -v, --no-abbrev          print structures and environments in full\n"
"                           (the same as -e abbrev=none)\n"
"  -X STYLE, --const-print-style=STYLE\n"
"                           print constants as symbols (abbrev, default),\n"
"                           numbers (raw), or numbers with the symbols in\n"
"                           comments (verbose)\n"
"  -y                       print file descriptors with their paths:\n"
"                           3</etc/hosts>\n"
"  -yy                      also socket protocols and addresses and device\n"
"                           numbers: 3<TCP:[127.0.0.1:40960->127.0.0.1:80]>\n"
"  -n, --syscall-number     print the syscall number before each line\n"
"  -t                       print the time of day: 19:13:44\n"
"  -tt                      with microseconds: 19:13:44.349198\n"
"  -ttt                     as seconds since the epoch: 1700000000.349198\n"
"  -r, --relative-timestamps\n"
"                           print the time since the previous line\n"
"  -T, --syscall-times      print the time spent in each syscall: <0.000012>\n"
"  -e abbrev=SET            abbreviate structures of the syscalls in SET\n"
"                           (default all)\n"
"  -e verbose=SET           read the structures of the syscalls in SET\n"
"                           (default all); others show their addresses\n"
"  -e raw=SET               print the arguments of the syscalls in SET as\n"
"                           undecoded hex numbers\n"
"  -c, --summary-only       count time, calls and errors per syscall and\n"
"                           print a summary at the end instead of the trace\n"
"  -C, --summary            like -c, but print the trace too\n"
"  -w, --summary-wall-clock summarise wall-clock time between entry and exit\n"
"                           (default: the system CPU time spent in the call)\n"
"  -S KEY, --summary-sort-by=KEY\n"
"                           sort the summary by time (default), min-time,\n"
"                           max-time, avg-time, calls, errors, name, nothing\n"
"  -U COLS, --summary-columns=COLS\n"
"                           summary columns: time-percent, total-time,\n"
"                           min-time, max-time, avg-time, calls, errors, name\n"
"  -k, --stack-trace        print the user-space stack after each syscall\n"
"      --failures           at the end, print a digest of the failed syscalls\n"
"                           (with -q and no -e trace=: the digest alone)\n"
"                           grouped by syscall, errno and path, likeliest\n"
"                           cause of the command's failure first\n"
"  -e read=FDS              dump in hex and ASCII all data read from FDS\n"
"  -e write=FDS             dump in hex and ASCII all data written to FDS\n"
"  --format=FORMAT          text (strace's, the default), json (one JSON\n"
"                           object per line, see mytrace(1)) or table\n"
"  --color[=WHEN]           colour text and table output: auto (on a\n"
"                           terminal, unless NO_COLOR is set; the default),\n"
"                           always (the same as --color) or never\n"
"  --always-show-pid        prefix every text line with [pid N]\n"
"  -N, --arg-names          print arguments as name=value\n"
"\n"
"Filtering:\n"
"  -e trace=SET             trace only the syscalls in SET: names, %%class,\n"
"                           /regex, all, none; '!' negates, '?' ignores\n"
"                           unknown names; -e SET is the same\n"
"  -e signal=SET            print only the signals in SET (names, SIGNAMEs or\n"
"                           numbers; '!' negates; all, none)\n"
"  -e status=SET            print only the syscalls that ended with a status\n"
"                           in SET: successful, failed, unfinished,\n"
"                           unavailable, detached ('!' negates; all, none)\n"
"  -z, --successful-only    print only syscalls that succeeded\n"
"  -Z, --failed-only        print only syscalls that failed\n"
"  -P PATH, --trace-path=PATH\n"
"                           print only syscalls that use PATH, by name or\n"
"                           through a descriptor open on it; repeatable\n"
"  --seccomp-bpf            stop the command only at traced syscalls with a\n"
"                           seccomp-bpf filter (the default when -e trace=\n"
"                           or -P narrows the set, unless -n; children are\n"
"                           followed silently)\n"
"  --no-seccomp-bpf         no filter: stop at every syscall\n"
"  --events=SET             the same as -e trace=SET\n"
"  --filter=FIELD=VALUES    print only the events of processes whose comm,\n"
"                           uid or pid is one of VALUES (comma-separated);\n"
"                           FIELD!=VALUES excludes; repeat to combine\n"
"  --syscall-limit=N        stop tracing after N syscalls were printed and\n"
"                           let the command run on\n"
"  --backend=ptrace|bpf     how calls are seen: ptrace (the default) stops\n"
"                           the command at each call; bpf copies them in\n"
"                           the kernel without stopping it (root or\n"
"                           CAP_BPF+CAP_PERFMON, a kernel with BTF; a\n"
"                           command only, without -c -k -p -u -ff,\n"
"                           inject or fault)\n"
"  --bpf-buffer=SIZE        the bpf backend's ring buffer in bytes (K and\n"
"                           M suffixes; default 64M)\n"
"\n"
"Tampering:\n"
"  -e inject=SET:error=ERRNO|retval=N[:signal=SIG][:delay_enter=US]\n"
"            [:delay_exit=US][:when=FIRST[..LAST][+[STEP]]]\n"
"                           make the syscalls in SET fail with ERRNO or\n"
"                           return N without running, send SIG, or delay\n"
"                           them; when= picks invocations (per thread and\n"
"                           syscall, from 1); marked (INJECTED)\n"
"  -e fault=SET[:error=ERRNO][:when=...]\n"
"                           inject=, with ERRNO ENOSYS by default\n"
"\n"
"Miscellaneous:\n"
"  -h, --help               print this help and exit\n"
"  -V, --version            print the version and exit\n"
"\n"
"mytrace exits with COMMAND's exit status; if COMMAND is killed by a\n"
"signal, mytrace kills itself with the same signal. With -p only, it exits\n"
"0 after detaching, 1 if nothing could be attached.\n";

/* long options without a short letter */
enum {
	OPT_FAILURES = 0x100,
	OPT_SECCOMP_BPF,
	OPT_NO_SECCOMP_BPF,
	OPT_FORMAT,
	OPT_FILTER,
	OPT_EVENTS,
	OPT_COLOR,
	OPT_ALWAYS_SHOW_PID,
	OPT_SYSCALL_LIMIT,
	OPT_BACKEND,
	OPT_BPF_BUFFER,
};

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

/* Plain "mytrace: <what>: <why>" for errors in a value the user typed. */
static void value_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

static void value_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mytrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* First-expression flags for the syscall sets that -e accumulates into. */
struct set_state {
	bool trace, abbrev, verbose, raw;
};

static void parse_syscall_set(struct syscall_set *set, bool *first,
			      const char *value)
{
	char err[256];

	if (syscall_set_parse(set, first, arch_syscalls, value, err,
			      sizeof(err)) != 0)
		usage_error("%s", err);
}

static bool qualifier_is(const char *q, size_t n, const char *name,
			 const char *alias)
{
	return (strlen(name) == n && strncmp(q, name, n) == 0) ||
	       (alias && strlen(alias) == n && strncmp(q, alias, n) == 0);
}

static void parse_expression(struct options *opts, struct set_state *first,
			     const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t n = eq ? (size_t)(eq - expr) : 0;
	const char *value = eq ? eq + 1 : expr;
	char err[256];

	if (!eq || qualifier_is(expr, n, "trace", "t")) {
		parse_syscall_set(&opts->trace, &first->trace, value);
		opts->trace_all = false;
	} else if (qualifier_is(expr, n, "abbrev", "a")) {
		parse_syscall_set(&opts->abbrev, &first->abbrev, value);
	} else if (qualifier_is(expr, n, "verbose", "v")) {
		parse_syscall_set(&opts->verbose, &first->verbose, value);
	} else if (qualifier_is(expr, n, "raw", "x")) {
		parse_syscall_set(&opts->raw, &first->raw, value);
	} else if (qualifier_is(expr, n, "signal", "s") ||
		   qualifier_is(expr, n, "signals", NULL)) {
		if (outfilter_parse_signals(&opts->filter, value, err,
					    sizeof(err)) != 0)
			usage_error("%s", err);
	} else if (qualifier_is(expr, n, "status", NULL)) {
		if (outfilter_parse_status(&opts->filter, value, err,
					   sizeof(err)) != 0)
			usage_error("%s", err);
	} else if (qualifier_is(expr, n, "inject", NULL) ||
		   qualifier_is(expr, n, "fault", NULL)) {
		bool fault = expr[0] == 'f';

		if (inject_parse(&opts->inject, arch_syscalls, value, fault,
				 err, sizeof(err)) < 0)
			value_error("invalid %s argument '%s': %s",
				    fault ? "fault" : "inject", value, err);
	} else if (qualifier_is(expr, n, "read", "r") ||
		   qualifier_is(expr, n, "reads", NULL) ||
		   qualifier_is(expr, n, "write", "w") ||
		   qualifier_is(expr, n, "writes", NULL)) {
		bool rd = expr[0] == 'r';

		if (fd_set_parse(rd ? &opts->decode.dump_read :
				      &opts->decode.dump_write,
				 value, err, sizeof(err)) < 0)
			value_error("invalid %s argument '%s': %s",
				    rd ? "read" : "write", value, err);
	} else {
		usage_error("invalid -e qualifier '%.*s'", (int)n, expr);
	}
}

static int parse_color(const char *arg)
{
	if (!arg || strcmp(arg, "always") == 0)
		return COLOR_ALWAYS;
	if (strcmp(arg, "auto") == 0)
		return COLOR_AUTO;
	if (strcmp(arg, "never") == 0)
		return COLOR_NEVER;
	value_error("invalid --color argument '%s': not auto, always or never",
		    arg);
}

static unsigned long parse_limit(const char *arg)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || errno || *end || n == 0)
		value_error("invalid --syscall-limit argument '%s': not a "
			    "positive number", arg);
	return n;
}

static bool parse_backend(const char *arg)
{
	if (strcmp(arg, "bpf") == 0)
		return true;
	if (strcmp(arg, "ptrace") != 0)
		value_error("invalid --backend argument '%s': not ptrace or "
			    "bpf", arg);
	return false;
}

/* A byte count with an optional K or M suffix. */
static size_t parse_size(const char *opt, const char *arg)
{
	char *end;
	unsigned long long n;

	errno = 0;
	n = strtoull(arg, &end, 10);
	if (*end == 'K' || *end == 'k')
		n <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		n <<= 20, end++;
	if (*arg < '0' || *arg > '9' || errno || *end || n == 0 ||
	    n > (1ULL << 34))
		value_error("invalid %s argument '%s': not a size", opt, arg);
	return (size_t)n;
}

static enum xlat_style parse_xlat_style(const char *arg)
{
	if (strcmp(arg, "raw") == 0)
		return XLAT_RAW;
	if (strcmp(arg, "abbrev") == 0)
		return XLAT_ABBREV;
	if (strcmp(arg, "verbose") == 0)
		return XLAT_VERBOSE;
	usage_error("invalid -X argument: '%s'", arg);
}

/* -z / -Z: a status filter of one kind, replacing any earlier one. */
static void only_status(struct options *opts, const char *status)
{
	char err[256];

	opts->filter.status_first = true;
	if (outfilter_parse_status(&opts->filter, status, err,
				   sizeof(err)) != 0)
		usage_error("%s", err);
}

static void finish_options(struct options *opts, unsigned decode_fds)
{
	opts->decode.abbrev_set = &opts->abbrev;
	opts->decode.verbose_set = &opts->verbose;
	opts->decode.raw_set = &opts->raw;
	opts->format.fd_paths = (int)decode_fds;
	/* -P compares descriptors by their paths even without -y */
	opts->decode.decode_fds = (int)decode_fds;
	if (!decode_fds && outfilter_has_paths(&opts->filter))
		opts->decode.decode_fds = 1;
	opts->format.hold_lines = outfilter_holds_lines(&opts->filter);
}

static void add_pids(struct options *opts, const char *arg)
{
	char bad[64];

	if (attach_parse_pids(arg, &opts->attach, &opts->nattach, bad,
			      sizeof(bad)) != 0)
		usage_error("invalid process id: '%s'", bad);
}

static void add_env(struct options *opts, const char *arg)
{
	const char **grown;

	if (!*arg || *arg == '=')
		usage_error("invalid -E argument: '%s'", arg);
	grown = realloc(opts->env, (opts->nenv + 1) * sizeof(*grown));
	if (!grown)
		usage_error("-E: %s", strerror(errno));
	opts->env = grown;
	opts->env[opts->nenv++] = arg;
}

void cli_parse(struct options *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "columns", required_argument, NULL, 'a' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "const-print-style", required_argument, NULL, 'X' },
		{ "syscall-number", no_argument, NULL, 'n' },
		{ "relative-timestamps", no_argument, NULL, 'r' },
		{ "syscall-times", no_argument, NULL, 'T' },
		{ "successful-only", no_argument, NULL, 'z' },
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "trace-path", required_argument, NULL, 'P' },
		{ "summary-only", no_argument, NULL, 'c' },
		{ "summary", no_argument, NULL, 'C' },
		{ "summary-wall-clock", no_argument, NULL, 'w' },
		{ "summary-sort-by", required_argument, NULL, 'S' },
		{ "summary-columns", required_argument, NULL, 'U' },
		{ "stack-trace", no_argument, NULL, 'k' },
		{ "failures", no_argument, NULL, OPT_FAILURES },
		{ "seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF },
		{ "no-seccomp-bpf", no_argument, NULL, OPT_NO_SECCOMP_BPF },
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "output-separately", no_argument, NULL, 'F' },
		{ "attach", required_argument, NULL, 'p' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "env", required_argument, NULL, 'E' },
		{ "user", required_argument, NULL, 'u' },
		{ "detach-on", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "filter", required_argument, NULL, OPT_FILTER },
		{ "events", required_argument, NULL, OPT_EVENTS },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "always-show-pid", no_argument, NULL, OPT_ALWAYS_SHOW_PID },
		{ "arg-names", no_argument, NULL, 'N' },
		{ "syscall-limit", required_argument, NULL, OPT_SYSCALL_LIMIT },
		{ "backend", required_argument, NULL, OPT_BACKEND },
		{ "bpf-buffer", required_argument, NULL, OPT_BPF_BUFFER },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct set_state first = { true, true, true, true };
	unsigned decode_fds = 0, hex = 0, times = 0;
	char err[256];
	int c;

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

	opterr = 0;
	/* '+': options end at the command, whose own flags are its own */
	while ((c = getopt_long(argc, argv,
				"+:o:s:e:a:X:P:p:E:u:b:xvyntrTzZcCwS:U:kfqNhV",
				longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opts->output_path = optarg;
			break;
		case 's':
			opts->decode.string_limit = parse_uint("-s", optarg);
			break;
		case 'e':
			parse_expression(opts, &first, optarg);
			break;
		case 'a':
			opts->format.align_column = parse_uint("-a", optarg);
			break;
		case 'x':
			hex++;
			opts->format.escape = hex > 1 ? ESC_ALL_HEX :
					      ESC_NONASCII_HEX;
			break;
		case 'v':
			/* -v is -e abbrev=none */
			syscall_set_fill(&opts->abbrev, false);
			first.abbrev = false;
			break;
		case 'X':
			opts->format.xlat = parse_xlat_style(optarg);
			break;
		case 'y':
			if (decode_fds < 2)
				decode_fds++;
			break;
		case 'n':
			opts->format.numbers = true;
			break;
		case 't':
			if (times < TIME_EPOCH)
				times++;
			opts->format.time = (enum time_style)times;
			break;
		case 'r':
			opts->format.relative = true;
			break;
		case 'T':
			opts->format.durations = true;
			break;
		case 'z':
			only_status(opts, "successful");
			break;
		case 'Z':
			only_status(opts, "failed");
			break;
		case 'P':
			if (outfilter_add_path(&opts->filter, optarg) != 0)
				usage_error("-P %s: %s", optarg,
					    strerror(errno));
			break;
		case 'c':
			opts->stats.count = true;
			break;
		case 'C':
			opts->stats.count = true;
			opts->stats.also_trace = true;
			break;
		case 'w':
			opts->stats.wall = true;
			break;
		case 'S':
			if (stats_parse_sort(optarg, &opts->stats.sort) < 0)
				value_error("invalid -S argument '%s': not a sort "
					    "key (time, min-time, max-time, "
					    "avg-time, calls, errors, name, "
					    "nothing)", optarg);
			break;
		case 'U':
			if (stats_parse_columns(optarg, &opts->stats, err,
						sizeof(err)) < 0)
				value_error("invalid -U argument '%s': %s", optarg,
					    err);
			break;
		case 'k':
			opts->stack_trace = true;
			break;
		case OPT_FAILURES:
			opts->failures = true;
			break;
		case OPT_SECCOMP_BPF:
			opts->seccomp_bpf = 1;
			break;
		case OPT_NO_SECCOMP_BPF:
			opts->seccomp_bpf = 0;
			break;
		case 'f':
			if (opts->follow < 2)
				opts->follow++;
			break;
		case 'F':
			opts->follow = 2;
			break;
		case 'p':
			add_pids(opts, optarg);
			break;
		case 'q':
			opts->quiet = true;
			break;
		case 'E':
			add_env(opts, optarg);
			break;
		case 'u':
			opts->user = optarg;
			break;
		case 'b':
			if (strcmp(optarg, "execve") != 0)
				usage_error("invalid -b argument: '%s' (only "
					    "execve is supported)", optarg);
			opts->detach_on_execve = true;
			break;
		case 'N':
			opts->format.arg_names = true;
			break;
		case OPT_FORMAT:
			opts->formatter = formatter_find(optarg);
			if (!opts->formatter)
				value_error("invalid --format argument '%s': not "
					    "a format (%s)", optarg,
					    formatter_names());
			break;
		case OPT_FILTER:
			if (proc_filter_parse(&opts->procs, optarg, err,
					      sizeof(err)) != 0)
				value_error("%s", err);
			break;
		case OPT_EVENTS:
			parse_syscall_set(&opts->trace, &first.trace, optarg);
			opts->trace_all = false;
			break;
		case OPT_COLOR:
			opts->format.color = parse_color(optarg);
			break;
		case OPT_ALWAYS_SHOW_PID:
			opts->format.always_show_pid = true;
			break;
		case OPT_SYSCALL_LIMIT:
			opts->syscall_limit = parse_limit(optarg);
			break;
		case OPT_BACKEND:
			opts->backend_bpf = parse_backend(optarg);
			break;
		case OPT_BPF_BUFFER:
			opts->bpf_buffer = parse_size("--bpf-buffer", optarg);
			break;
		case 'h':
			printf(usage_text);
			exit(0);
		case 'V':
			printf("mytrace -- version %s\n", MYTRACE_VERSION);
			exit(0);
		case ':':
			/* a long option has no letter to name */
			if (optopt > 0 && optopt < 0x100)
				usage_error("option requires an argument -- "
					    "'%c'", optopt);
			usage_error("option '%s' requires an argument",
				    argv[optind - 1]);
		default:
			if (optopt)
				usage_error("invalid option -- '%c'", optopt);
			usage_error("unrecognized option '%s'", argv[optind - 1]);
		}
	}
	/* https://no-color.org: a preference that an explicit flag overrides */
	if (opts->format.color == COLOR_AUTO && getenv("NO_COLOR") &&
	    *getenv("NO_COLOR"))
		opts->format.color = COLOR_NEVER;
	if (opts->syscall_limit && opts->seccomp_bpf > 0)
		value_error("--seccomp-bpf and --syscall-limit: after the "
			    "detach the filter would fail the traced calls");
	if (opts->stats.count && opts->formatter == &format_json)
		value_error("-c/-C and --format=json: the summary is a text "
			    "table, which JSON lines cannot hold");
	if (opts->stats.wall && !opts->stats.count)
		usage_error("-w/--summary-wall-clock must be given with "
			    "(-c/--summary-only or -C/--summary)");
	if (optind < argc)
		opts->command = argv + optind;
	else if (!opts->nattach)
		usage_error("must have COMMAND [ARGS] or -p PID");
	/* -ff without a file to split is -f, as in strace */
	if (opts->follow == 2 && (!opts->output_path ||
				  strcmp(opts->output_path, "-") == 0))
		opts->follow = 1;
	if (opts->user && !opts->command)
		usage_error("-u needs a COMMAND to run");
	if (opts->nenv && !opts->command)
		usage_error("-E needs a COMMAND to run");
	/* -q --failures: the digest instead of the trace, unless the user
	 * chose what to trace */
	if (opts->failures && opts->quiet && opts->trace_all) {
		syscall_set_fill(&opts->trace, false);
		opts->trace_all = false;
	}
	finish_options(opts, decode_fds);
}

void cli_free(struct options *opts)
{
	inject_free(opts->inject);
	opts->inject = NULL;
	free(opts->attach);
	free(opts->env);
	opts->attach = NULL;
	opts->env = NULL;
}
