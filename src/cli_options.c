/* The option table: every option of the command line once, with its
 * handler and its --help text, in --help's order. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "attach.h"
#include "cli_table.h"
#include "pidinfo.h"
#include "escape.h"
#include "srcline.h"
#include "tips.h"

static unsigned parse_uint(const char *flag, const char *arg)
{
	char *end;
	unsigned long n;

	errno = 0;
	if (*arg < '0' || *arg > '9')
		cli_usage_error("invalid %s argument: '%s'", flag, arg);
	n = strtoul(arg, &end, 10);
	if (errno || *end || n > INT_MAX)
		cli_usage_error("invalid %s argument: '%s'", flag, arg);
	return (unsigned)n;
}

/* --- processes */

static void opt_f(struct cli *c, const struct cli_option *o, const char *arg)
{
	if (c->opts->follow < 2)
		c->opts->follow++;
}

/* As strace: after -f it is ignored; else said once, and taken as -f. */
static void opt_F(struct cli *c, const struct cli_option *o, const char *arg)
{
	static bool said;

	if (c->opts->follow && !said) {
		fputs("mytrace: deprecated option -F ignored\n", stderr);
		said = true;
		return;
	}
	if (!said)
		fputs("mytrace: option -F is deprecated, please use "
		      "-f/--follow-forks instead\n", stderr);
	said = true;
	opt_f(c, o, arg);
}

static void opt_separately(struct cli *c, const struct cli_option *o,
			   const char *arg)
{
	c->separately = true;
}

static void opt_p(struct cli *c, const struct cli_option *o, const char *arg)
{
	char bad[64];

	if (attach_parse_pids(arg, &c->opts->attach, &c->opts->nattach, bad,
			      sizeof(bad)) != 0)
		cli_value_error("Invalid process id: '%s'", bad);
}

/* -q, -qq, -qqq: attach and personality messages, then exits, then all */
static void opt_q(struct cli *c, const struct cli_option *o, const char *arg)
{
	static const char *const levels[] = {
		"attach,personality", "attach,personality,exit", "all",
	};

	if (c->quiet < 3)
		c->quiet++;
	cli_qualifier(c, "quiet", levels[c->quiet - 1]);
}

static void opt_E(struct cli *c, const struct cli_option *o, const char *arg)
{
	struct options *opts = c->opts;
	const char **grown;

	if (!*arg || *arg == '=')
		cli_usage_error("invalid -E argument: '%s'", arg);
	grown = realloc(opts->env, (opts->nenv + 1) * sizeof(*grown));
	if (!grown)
		cli_usage_error("-E: %s", strerror(errno));
	opts->env = grown;
	opts->env[opts->nenv++] = arg;
}

static void opt_u(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->user = arg;
}

static void opt_argv0(struct cli *c, const struct cli_option *o,
		      const char *arg)
{
	c->opts->argv0 = arg;
}

static void opt_b(struct cli *c, const struct cli_option *o, const char *arg)
{
	if (strcmp(arg, "execve") != 0)
		cli_value_error("Syscall '%s' for -b isn't supported", arg);
	c->opts->detach_on_execve = true;
}

/* --- output */

static void opt_o(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->output_path = arg;
}

static void opt_A(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->output_append = true;
}

static void opt_s(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->decode.string_limit = parse_uint("-s", arg);
}

static void opt_a(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->format.align_column = parse_uint("-a", arg);
}

static void hex_conflict(void)
{
	cli_value_error("-x and --strings-in-hex cannot be provided "
			"simultaneously");
}

static void opt_x(struct cli *c, const struct cli_option *o, const char *arg)
{
	if (c->hex_long)
		hex_conflict();
	c->hex++;
	c->opts->format.escape = c->hex > 1 ? ESC_ALL_HEX : ESC_NONASCII_HEX;
}

static void opt_strings_in_hex(struct cli *c, const struct cli_option *o,
			       const char *arg)
{
	static const struct {
		const char *name;
		enum escape_mode mode;
	} modes[] = {
		{ "all", ESC_ALL_HEX }, { "none", ESC_DEFAULT },
		{ "non-ascii-chars", ESC_CHARS_HEX },
		{ "non-ascii", ESC_NONASCII_HEX },
	};

	if (c->hex)
		hex_conflict();
	c->hex_long = true;
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!arg || strcmp(modes[i].name, arg) == 0) {
			c->opts->format.escape = modes[i].mode;
			return;
		}
	}
	cli_usage_error("invalid --strings-in-hex argument: '%s'", arg);
}

static void opt_v(struct cli *c, const struct cli_option *o, const char *arg)
{
	cli_qualifier(c, "abbrev", "none");
}

static void opt_X(struct cli *c, const struct cli_option *o, const char *arg)
{
	static const struct {
		const char *name;
		enum xlat_style style;
	} styles[] = {
		{ "raw", XLAT_RAW }, { "abbrev", XLAT_ABBREV },
		{ "verbose", XLAT_VERBOSE },
	};

	for (size_t i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		if (strcmp(styles[i].name, arg) == 0) {
			c->opts->format.xlat = styles[i].style;
			return;
		}
	}
	cli_usage_error("invalid -X argument: '%s'", arg);
}

/* -y: paths; -yy (or -y after decode-fds=path): everything */
static void opt_y(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->decode_fds = c->decode_fds & DECODE_FD_PATH ? DECODE_FD_ALL :
			c->decode_fds | DECODE_FD_PATH;
}

/* -Y and --pidns-translation replace the decode-pids= set, as in strace */
static void opt_Y(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->decode.decode_pids = DECODE_PID_COMM;
}

static void opt_pidns(struct cli *c, const struct cli_option *o,
		      const char *arg)
{
	c->opts->decode.decode_pids = DECODE_PID_PIDNS;
}

static void opt_n(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->format.numbers = true;
}

static void opt_c(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->summary_only = true;
	c->opts->stats.count = true;
}

static void opt_C(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->summary = true;
	c->opts->stats.count = true;
	c->opts->stats.also_trace = true;
}

static void opt_w(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->stats.wall = true;
}

static void opt_S(struct cli *c, const struct cli_option *o, const char *arg)
{
	if (stats_parse_sort(arg, &c->opts->stats.sort) < 0)
		cli_usage_error("invalid sortby: '%s'", arg);
}

static void opt_U(struct cli *c, const struct cli_option *o, const char *arg)
{
	char err[256];

	if (stats_parse_columns(arg, &c->opts->stats, err, sizeof(err)) < 0)
		cli_usage_error("%s", err);
}

static void opt_O(struct cli *c, const struct cli_option *o, const char *arg)
{
	if (stats_parse_overhead(arg, &c->opts->stats.overhead_ns) < 0)
		cli_usage_error("invalid -O argument: '%s'", arg);
}

/* -k, --stack-trace[=symbol]; -kk, --stack-trace=source (strace 6.8) */
static void opt_k(struct cli *c, const struct cli_option *o, const char *arg)
{
	bool source;

	if (!arg)
		source = c->opts->stack_trace;
	else if (!strcmp(arg, "symbol"))
		source = false;
	else if (!strcmp(arg, "source"))
		source = true;
	else
		cli_usage_error("invalid --stack-trace argument: '%s'", arg);
	if (source && !srcline_built_in())
		cli_value_error("-kk (--stack-trace=source) is not supported: "
				"this mytrace was built without libdw");
	c->opts->stack_trace = true;
	c->opts->stack_source = source;
}

static void opt_frame_limit(struct cli *c, const struct cli_option *o,
			    const char *arg)
{
	unsigned n = parse_uint("--stack-trace-frame-limit", arg);

	if (n == 0)
		cli_usage_error("invalid --stack-trace-frame-limit argument: "
				"'%s'", arg);
	c->opts->stack_frame_limit = n;
}

static void opt_failures(struct cli *c, const struct cli_option *o,
			 const char *arg)
{
	c->opts->failures = true;
}

static void opt_e(struct cli *c, const struct cli_option *o, const char *arg)
{
	cli_expression(c, arg);
}

static void opt_format(struct cli *c, const struct cli_option *o,
		       const char *arg)
{
	c->opts->formatter = formatter_find(arg);
	if (!c->opts->formatter)
		cli_value_error("invalid --format argument '%s': not a format "
				"(%s)", arg, formatter_names());
}

static void opt_color(struct cli *c, const struct cli_option *o,
		      const char *arg)
{
	static const struct {
		const char *name;
		int mode;
	} modes[] = {
		{ "always", COLOR_ALWAYS }, { "auto", COLOR_AUTO },
		{ "never", COLOR_NEVER },
	};

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!arg || strcmp(modes[i].name, arg) == 0) {
			c->opts->format.color = modes[i].mode;
			return;
		}
	}
	cli_value_error("invalid --color argument '%s': not auto, always or "
			"never", arg);
}

static void opt_always_show_pid(struct cli *c, const struct cli_option *o,
				const char *arg)
{
	c->opts->format.always_show_pid = true;
}

static void opt_N(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->format.arg_names = true;
}

/* --- filtering */

/* -z / -Z: a status filter of one kind, replacing any earlier one. */
static void opt_z(struct cli *c, const struct cli_option *o, const char *arg)
{
	cli_qualifier(c, "status", o->letter == 'z' ? "successful" : "failed");
}

/* A path that is not its own real path: strace says what it became. */
static void note_resolved(struct cli *c, const char *path)
{
	char *real = realpath(path, NULL), *grown;
	size_t had = c->path_notes ? strlen(c->path_notes) : 0;
	int n;

	if (!real || strcmp(real, path) == 0) {
		free(real);
		return;
	}
	n = snprintf(NULL, 0, "mytrace: Requested path \"%s\" resolved into "
		     "\"%s\"\n", path, real);
	grown = realloc(c->path_notes, had + (size_t)n + 1);
	if (!grown)
		cli_value_error("-P: %s", strerror(errno));
	snprintf(grown + had, (size_t)n + 1, "mytrace: Requested path \"%s\" "
		 "resolved into \"%s\"\n", path, real);
	c->path_notes = grown;
	free(real);
}

static void opt_P(struct cli *c, const struct cli_option *o, const char *arg)
{
	if (outfilter_add_path(&c->opts->filter, arg) != 0)
		cli_usage_error("-P %s: %s", arg, strerror(errno));
	note_resolved(c, arg);
}

static void opt_seccomp(struct cli *c, const struct cli_option *o,
			const char *arg)
{
	c->opts->seccomp_bpf = o->name[0] != 'n';
}

static void opt_events(struct cli *c, const struct cli_option *o,
		       const char *arg)
{
	cli_qualifier(c, "trace", arg);
}

static void opt_filter(struct cli *c, const struct cli_option *o,
		       const char *arg)
{
	char err[256];

	if (proc_filter_parse(&c->opts->procs, arg, err, sizeof(err)) != 0)
		cli_value_error("%s", err);
}

static void opt_backend(struct cli *c, const struct cli_option *o,
			const char *arg)
{
	if (strcmp(arg, "bpf") != 0 && strcmp(arg, "ptrace") != 0)
		cli_value_error("invalid --backend argument '%s': not ptrace "
				"or bpf", arg);
	c->opts->backend_bpf = strcmp(arg, "bpf") == 0;
}

/* A byte count with an optional K or M suffix. */
static void opt_bpf_buffer(struct cli *c, const struct cli_option *o,
			   const char *arg)
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
		cli_value_error("invalid --bpf-buffer argument '%s': not a "
				"size", arg);
	c->opts->bpf_buffer = (size_t)n;
}

static void opt_timeline(struct cli *c, const struct cli_option *o,
			 const char *arg)
{
	c->opts->timeline = arg;
}

static void opt_syscall_limit(struct cli *c, const struct cli_option *o,
			      const char *arg)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || errno || *end || n == 0)
		cli_value_error("invalid --syscall-limit argument '%s': not a "
				"positive number", arg);
	c->opts->syscall_limit = n;
}

/* --- miscellaneous */

static void opt_h(struct cli *c, const struct cli_option *o, const char *arg);

static void opt_tips(struct cli *c, const struct cli_option *o,
		     const char *arg)
{
	if (tips_parse(arg, &c->opts->tips) < 0)
		cli_usage_error("invalid --tips argument: '%s'", arg);
}

static void opt_d(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->debug = true;
}

static void opt_V(struct cli *c, const struct cli_option *o, const char *arg)
{
	printf("mytrace -- version %s\n", MYTRACE_VERSION);
	printf("Copyright (c) 2026 The mytrace authors; MIT License.\n"
	       "You may copy, change and share it; it comes with no "
	       "warranty.\n\n");
	/* what this build was made with, as strace -V lists */
	printf("Optional features enabled: stack-trace=libunwind "
	       "stack-demangle%s%s\n",
	       srcline_built_in() ? " stack-trace-source=libdw" : "",
	       arch_personality_count > 1 ? " m32-personality" : "");
	exit(0);
}

/* -D, -DD, -DDD and --daemonize=grandchild|pgroup|session */
static void opt_D(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->daemonize_short++;
}

static void opt_daemonize(struct cli *c, const struct cli_option *o,
			  const char *arg)
{
	static const char *const modes[] = { "grandchild", "pgroup", "pgrp",
					     "session" };
	static const int level[] = { 1, 2, 2, 3 };

	for (int i = 0; i < 4; i++) {
		if (!arg || strcmp(modes[i], arg) == 0) {
			c->opts->daemonize = level[i];
			c->daemonize_long = true;
			return;
		}
	}
	cli_usage_error("invalid --%s argument: '%s'", o->name, arg);
}

/* -I 1..4 or strace's names for them */
static void opt_I(struct cli *c, const struct cli_option *o, const char *arg)
{
	static const char *const names[] = { "anywhere", "always", "waiting",
					     "never", "never_tstp" };
	static const int level[] = { 1, 1, 2, 3, 4 };

	for (int i = 0; i < 5; i++) {
		if (strcmp(names[i], arg) == 0) {
			c->opts->interruptible = level[i];
			return;
		}
	}
	if (arg[0] >= '1' && arg[0] <= '4' && !arg[1]) {
		c->opts->interruptible = arg[0] - '0';
		return;
	}
	cli_usage_error("invalid -I argument: '%s'", arg);
}

static void opt_i(struct cli *c, const struct cli_option *o, const char *arg)
{
	c->opts->instruction_pointer = true;
}

static void opt_kill_on_exit(struct cli *c, const struct cli_option *o,
			     const char *arg)
{
	c->opts->kill_on_exit = true;
}

#define R required_argument
#define O optional_argument
#define N no_argument

const struct cli_option cli_options[] = {
	{ 'f', "follow-forks", N, opt_f, SEC_PROCESSES, "-f, --follow-forks",
	  "also trace the threads and child processes\n"
	  "they create (fork, vfork, clone, clone3)" },
	{ 0, NULL, N, NULL, SEC_PROCESSES, "-ff",
	  "-f and --output-separately" },
	{ 0, "output-separately", N, opt_separately, SEC_PROCESSES,
	  "    --output-separately",
	  "with -o FILE: write each process's trace to\n"
	  "FILE.PID (without -f, only COMMAND's)" },
	{ 'F', NULL, N, opt_F, SEC_PROCESSES, NULL, NULL },
	{ 'p', "attach", R, opt_p, SEC_PROCESSES, "-p PID, --attach=PID",
	  "attach to the running process PID and all its\n"
	  "threads; repeatable, or a list: -p '1,2 3';\n"
	  "SIGINT/SIGTERM/SIGHUP/SIGQUIT detach, leave\n"
	  "it running and end mytrace with that signal" },
	{ 'q', NULL, N, opt_q, SEC_PROCESSES, "-q, --quiet[=SET]",
	  "no \"Process N attached/detached\" messages;\n"
	  "-qq: no exit lines either; -qqq or\n"
	  "--quiet=all: neither; SET of attach, exit,\n"
	  "personality, thread-execve, path-resolution" },
	{ 0, "quiet", O, cli_long_qualifier, SEC_PROCESSES, NULL, NULL },
	{ 0, "silent", O, cli_long_qualifier, SEC_PROCESSES, NULL, NULL },
	{ 0, "silence", O, cli_long_qualifier, SEC_PROCESSES, NULL, NULL },
	{ 'E', "env", R, opt_E, SEC_PROCESSES, "-E VAR=VAL, --env=VAR=VAL",
	  "run COMMAND with VAR set to VAL; -E VAR unsets" },
	{ 'u', "user", R, opt_u, SEC_PROCESSES, "-u USER, --user=USER",
	  "run COMMAND as USER (uid, gid and groups);\n"
	  "-u UID:GID: exactly those ids, no groups" },
	{ 0, "argv0", R, opt_argv0, SEC_PROCESSES, "    --argv0=NAME",
	  "run COMMAND with NAME as its argv[0]" },
	{ 'b', "detach-on", R, opt_b, SEC_PROCESSES,
	  "-b execve, --detach-on=execve",
	  "detach from a process when it calls execve\n"
	  "(but not from COMMAND's own first one)" },
	{ 'D', NULL, N, opt_D, SEC_PROCESSES, "-D, -DD, -DDD",
	  "run mytrace as COMMAND's grandchild (COMMAND\n"
	  "stays the caller's child); -DD also in a new\n"
	  "process group, -DDD in a new session" },
	{ 0, "daemonize", O, opt_daemonize, SEC_PROCESSES,
	  "    --daemonize[=HOW]",
	  "grandchild (-D), pgroup (-DD) or session (-DDD)" },
	{ 0, "daemonise", O, opt_daemonize, SEC_PROCESSES, NULL, NULL },
	{ 0, "daemonized", O, opt_daemonize, SEC_PROCESSES, NULL, NULL },
	{ 'I', "interruptible", R, opt_I, SEC_PROCESSES,
	  "-I N, --interruptible=N",
	  "when SIGHUP/INT/QUIT/TERM stop mytrace: 1\n"
	  "anywhere, 2 waiting (default), 3 never (default\n"
	  "with -o FILE COMMAND), 4 never_tstp: never, nor\n"
	  "^Z (default with -D)" },
	{ 0, "kill-on-exit", N, opt_kill_on_exit, SEC_PROCESSES,
	  "--kill-on-exit",
	  "kill the traced processes when mytrace is\n"
	  "interrupted or killed (without it COMMAND runs\n"
	  "on, unless it carries the -f seccomp filter)" },

	{ 'o', "output", R, opt_o, SEC_OUTPUT, "-o FILE, --output=FILE",
	  "write the trace to FILE instead of stderr;\n"
	  "-o '|CMD' or -o '!CMD' pipes it into sh -c CMD" },
	{ 'A', "output-append-mode", N, opt_A, SEC_OUTPUT,
	  "-A, --output-append-mode",
	  "append to -o FILE instead of replacing it" },
	{ 's', "string-limit", R, opt_s, SEC_OUTPUT, "-s N, --string-limit=N",
	  "print at most N bytes of each string (default 32)" },
	{ 'a', "columns", R, opt_a, SEC_OUTPUT, "-a COLUMN, --columns=COLUMN",
	  "align return values at COLUMN (default 40)" },
	{ 'x', NULL, N, opt_x, SEC_OUTPUT, "-x",
	  "print non-ASCII strings in hex (\\x..)" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-xx", "print every string in hex" },
	{ 0, "strings-in-hex", O, opt_strings_in_hex, SEC_OUTPUT,
	  "    --strings-in-hex[=WHICH]",
	  "none, non-ascii-chars (\\x1b instead of \\33),\n"
	  "non-ascii (-x) or all (-xx, the default)" },
	{ 'v', "no-abbrev", N, opt_v, SEC_OUTPUT, "-v, --no-abbrev",
	  "print structures, arrays and environments in full\n"
	  "(the same as -e abbrev=none)" },
	{ 'X', "const-print-style", R, opt_X, SEC_OUTPUT,
	  "-X STYLE, --const-print-style=STYLE",
	  "print constants as symbols (abbrev, default),\n"
	  "numbers (raw), or numbers with the symbols in\n"
	  "comments (verbose)" },
	{ 'y', NULL, N, opt_y, SEC_OUTPUT, "-y",
	  "print file descriptors with their paths:\n"
	  "3</etc/hosts>" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-yy",
	  "also socket protocols and addresses and device\n"
	  "numbers: 3<TCP:[127.0.0.1:40960->127.0.0.1:80]>" },
	{ 0, "decode-fds", O, cli_long_qualifier, SEC_OUTPUT,
	  "-e decode-fds=SET, --decode-fds[=SET]",
	  "what -y tells: path, socket, dev, pidfd, all" },
	{ 'Y', NULL, N, opt_Y, SEC_OUTPUT, "-Y",
	  "print the command name of process ids: 42<sh>" },
	{ 0, "pidns-translation", N, opt_pidns, SEC_OUTPUT,
	  "--pidns-translation",
	  "print ids in mytrace's PID namespace too" },
	{ 0, "decode-pids", R, cli_long_qualifier, SEC_OUTPUT,
	  "-e decode-pids=SET, --decode-pids=SET",
	  "comm (-Y), pidns (--pidns-translation), all" },
	{ 0, "namespace", R, cli_long_qualifier, SEC_OUTPUT,
	  "-e namespace=new, --namespace=new",
	  "after unshare and setns, the namespaces entered:\n"
	  "= 0 (net:[4026532008])" },
	{ 'n', "syscall-number", N, opt_n, SEC_OUTPUT,
	  "-n, --syscall-number",
	  "print the syscall number before each line" },
	{ 't', NULL, N, cli_time_t, SEC_OUTPUT, "-t",
	  "print the time of day: 19:13:44" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-tt",
	  "with microseconds: 19:13:44.349198" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-ttt",
	  "as seconds since the epoch: 1700000000.349198" },
	{ 0, "absolute-timestamps", O, cli_timestamps, SEC_OUTPUT,
	  "    --timestamps[=[format:]FMT[,[precision:]PREC]]",
	  "the time of each line: FMT none, time (the\n"
	  "default) or unix; PREC s (default), ms, us, ns;\n"
	  "the same as --absolute-timestamps=" },
	{ 0, "timestamps", O, cli_timestamps, SEC_OUTPUT, NULL, NULL },
	{ 'r', "relative-timestamps", O, cli_time_r, SEC_OUTPUT,
	  "-r, --relative-timestamps[=PREC]",
	  "print the time since the previous line\n"
	  "(PREC: s, ms, us (the default) or ns)" },
	{ 'T', "syscall-times", O, cli_time_T, SEC_OUTPUT,
	  "-T, --syscall-times[=PREC]",
	  "print the time spent in each syscall: <0.000012>" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-e abbrev=SET, --abbrev=SET",
	  "abbreviate structures of the syscalls in SET\n"
	  "(default all)" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-e verbose=SET, --verbose=SET",
	  "read the structures of the syscalls in SET\n"
	  "(default all); others show their addresses" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-e raw=SET, --raw=SET",
	  "print the arguments of the syscalls in SET as\n"
	  "undecoded hex numbers" },
	{ 'c', "summary-only", N, opt_c, SEC_OUTPUT, "-c, --summary-only",
	  "count time, calls and errors per syscall and\n"
	  "print a summary at the end instead of the trace" },
	{ 'C', "summary", N, opt_C, SEC_OUTPUT, "-C, --summary",
	  "like -c, but print the trace too" },
	{ 'w', "summary-wall-clock", N, opt_w, SEC_OUTPUT,
	  "-w, --summary-wall-clock",
	  "summarise wall-clock time between entry and exit\n"
	  "(default: the system CPU time spent in the call)" },
	{ 'S', "summary-sort-by", R, opt_S, SEC_OUTPUT,
	  "-S KEY, --summary-sort-by=KEY",
	  "sort the summary by time (default), min-time,\n"
	  "max-time, avg-time, calls, errors, name, nothing" },
	{ 'U', "summary-columns", R, opt_U, SEC_OUTPUT,
	  "-U COLS, --summary-columns=COLS",
	  "summary columns: time-percent (or time),\n"
	  "total-time, min-time, max-time, avg-time, calls,\n"
	  "errors, name" },
	{ 'O', "summary-syscall-overhead", R, opt_O, SEC_OUTPUT,
	  "-O TIME, --summary-syscall-overhead=TIME",
	  "take TIME (s, ms, us (default), ns) off each\n"
	  "call's time in the summary" },
	{ 'k', "stack-trace", O, opt_k, SEC_OUTPUT,
	  "-k, --stack-trace[=symbol]",
	  "print the user-space stack after each syscall" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-kk, --stack-trace=source",
	  "the same, with each frame's source file:line" },
	{ 0, "stack-traces", N, opt_k, SEC_OUTPUT, NULL, NULL },
	{ 0, "stack-trace-frame-limit", R, opt_frame_limit, SEC_OUTPUT,
	  "    --stack-trace-frame-limit=N",
	  "at most N frames per stack (default 256)" },
	{ 0, "failures", N, opt_failures, SEC_OUTPUT, "    --failures",
	  "at the end, print a digest of the failed syscalls\n"
	  "(with -q and no -e trace=: the digest alone)\n"
	  "grouped by syscall, errno and path, likeliest\n"
	  "cause of the command's failure first, and the\n"
	  "last lines failing processes wrote; implies -f" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-e read=FDS, --read=FDS",
	  "dump in hex and ASCII all data read from FDS" },
	{ 0, NULL, N, NULL, SEC_OUTPUT, "-e write=FDS, --write=FDS",
	  "dump in hex and ASCII all data written to FDS" },
	{ 0, "format", R, opt_format, SEC_OUTPUT, "--format=FORMAT",
	  "text (strace's, the default), json (one JSON\n"
	  "object per line, see mytrace(1)), table\n"
	  "(aligned columns, ARGS cut to the width) or\n"
	  "chrome (Trace Event Format JSON for Perfetto\n"
	  "and chrome://tracing)" },
	{ 0, "timeline", R, opt_timeline, SEC_OUTPUT, "--timeline=FILE.html",
	  "also draw the trace into FILE.html: a lane per\n"
	  "process and thread, exec and exit marks, calls\n"
	  "coloured by class, failed ones red, hover for\n"
	  "the line (one file, opens in any browser)" },
	{ 0, "color", O, opt_color, SEC_OUTPUT, "--color[=WHEN]",
	  "colour text and table output: auto (on a\n"
	  "terminal, unless NO_COLOR is set; the default),\n"
	  "always (the same as --color) or never" },
	{ 0, "colour", O, opt_color, SEC_OUTPUT, NULL, NULL },
	{ 0, "always-show-pid", N, opt_always_show_pid, SEC_OUTPUT,
	  "--always-show-pid", "prefix every text line with [pid N]" },
	{ 'N', "arg-names", N, opt_N, SEC_OUTPUT, "-N, --arg-names",
	  "print arguments as name=value" },

	{ 'e', NULL, R, opt_e, SEC_FILTERING, "-e trace=SET, --trace=SET",
	  "trace only the syscalls in SET: names, numbers,\n"
	  "%class, /regex, all, none, NAME@64; '!' negates,\n"
	  "'?' ignores unknown names; -e SET is the same;\n"
	  "each -e QUALIFIER= replaces the one before" },
	{ 0, "trace", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "abbrev", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "verbose", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "raw", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "read", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "write", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "signal", R, cli_long_qualifier, SEC_FILTERING,
	  "-e signal=SET, --signal=SET",
	  "print only the signals in SET (names, SIGNAMEs or\n"
	  "numbers; '!' negates; all, none)" },
	{ 0, "signals", R, cli_long_qualifier, SEC_FILTERING, NULL, NULL },
	{ 0, "status", R, cli_long_qualifier, SEC_FILTERING,
	  "-e status=SET, --status=SET",
	  "print only the syscalls that ended with a status\n"
	  "in SET: successful, failed, unfinished,\n"
	  "unavailable, detached ('!' negates; all, none)" },
	{ 'z', "successful-only", N, opt_z, SEC_FILTERING,
	  "-z, --successful-only", "print only syscalls that succeeded" },
	{ 'Z', "failed-only", N, opt_z, SEC_FILTERING, "-Z, --failed-only",
	  "print only syscalls that failed" },
	{ 0, "failing-only", N, opt_z, SEC_FILTERING, NULL, NULL },
	{ 'P', "trace-path", R, opt_P, SEC_FILTERING,
	  "-P PATH, --trace-path=PATH",
	  "print only syscalls that use PATH, by name or\n"
	  "through a descriptor open on it (a link: and\n"
	  "its real path, said on stderr); repeatable" },
	{ 0, "trace-fds", R, cli_long_qualifier, SEC_FILTERING,
	  "-e trace-fds=FDS, --trace-fds=FDS",
	  "print only syscalls on the descriptors FDS\n"
	  "(3,5; all; '!' negates); with -P: either" },
	{ 0, "seccomp-bpf", N, opt_seccomp, SEC_FILTERING, "--seccomp-bpf",
	  "stop the command only at traced syscalls with a\n"
	  "seccomp-bpf filter; needs -f, and is the default\n"
	  "with -f when -e trace= or -P narrows the set,\n"
	  "unless -n" },
	{ 0, "no-seccomp-bpf", N, opt_seccomp, SEC_FILTERING,
	  "--no-seccomp-bpf", "no filter: stop at every syscall" },
	{ 0, "events", R, opt_events, SEC_FILTERING, "--events=SET",
	  "the same as -e trace=SET" },
	{ 0, "filter", R, opt_filter, SEC_FILTERING, "--filter=FIELD OP VALUES",
	  "print only the events that match (Tracee's\n"
	  "language): OP is = != < > <= >=; FIELD is comm\n"
	  "(globs: comm=ca*), uid, pid, retval (retval<0),\n"
	  "or SYSCALL.ARG (openat.pathname=/etc/*,\n"
	  "write.fd=2); = takes a comma list; repeat to\n"
	  "combine; --filter=follow: a matching process\n"
	  "brings its children along" },
	{ 0, "backend", R, opt_backend, SEC_FILTERING, "--backend=ptrace|bpf",
	  "how calls are seen: ptrace (the default) stops\n"
	  "the command at each call (~5 us a call); bpf\n"
	  "copies them in the kernel without stopping it\n"
	  "(~0.5 us a call, after ~11 ms to start; root or\n"
	  "CAP_BPF+CAP_PERFMON, a kernel with BTF; a\n"
	  "command or -p, without -k -u, inject or\n"
	  "fault; -c times calls by the kernel's clock)" },
	{ 0, "bpf-buffer", R, opt_bpf_buffer, SEC_FILTERING,
	  "--bpf-buffer=SIZE",
	  "the bpf backend's ring buffer in bytes (K and\n"
	  "M suffixes; default 8M)" },
	{ 0, "syscall-limit", R, opt_syscall_limit, SEC_FILTERING,
	  "--syscall-limit=N",
	  "stop tracing after N syscalls were printed and\n"
	  "let the command run on" },

	{ 0, "inject", R, cli_long_qualifier, SEC_TAMPERING,
	  "-e inject=SET:error=ERRNO|retval=N[:syscall=NAME][:signal=SIG]\n"
	  "            [:delay_enter=US][:delay_exit=US][:when=FIRST[..LAST]"
	  "[+[STEP]]]\n"
	  "            [:poke_enter=@argN=HEX,...][:poke_exit=@argN=HEX,...]",
	  "make the traced calls in SET (that pass -P)\n"
	  "fail with ERRNO or return N, running none or\n"
	  "the %pure NAME instead; send SIG; delay them;\n"
	  "write HEX bytes where argument N points;\n"
	  "when= picks invocations (per thread and\n"
	  "syscall, from 1); marked (INJECTED); --inject=\n"
	  "is the same" },
	{ 0, "fault", R, cli_long_qualifier, SEC_TAMPERING,
	  "-e fault=SET[:error=ERRNO][:syscall=NAME][:when=...]",
	  "inject=, with ERRNO ENOSYS by default; --fault=\n"
	  "is the same" },

	{ 'h', "help", N, opt_h, SEC_MISC, "-h, --help",
	  "print this help and exit" },
	{ 'V', "version", N, opt_V, SEC_MISC, "-V, --version",
	  "print the version and the features built in" },
	{ 0, "tips", O, opt_tips, SEC_MISC,
	  "--tips[=[[id:]ID][,[format:]FORMAT]]",
	  "at the end, a tip about mytrace on stderr: ID\n"
	  "a number or random (default); FORMAT none,\n"
	  "compact (default) or full" },
	{ 'd', "debug", N, opt_d, SEC_MISC, "-d, --debug",
	  "print mytrace's own debugging lines on stderr\n"
	  "(consumers, filter, waited-for statuses)" },

	/* strace's that mytrace does not have */
	{ 0, "kvm", R, cli_unsupported, SEC_MISC, NULL, NULL },
	{ 0, "secontext", O, cli_unsupported, SEC_MISC, NULL, NULL },
	{ 'i', "instruction-pointer", N, opt_i, SEC_OUTPUT,
	  "-i, --instruction-pointer",
	  "print the instruction pointer at each call and\n"
	  "signal: [00007f...] (exit lines: [????????])" },
};

const unsigned cli_option_count = sizeof(cli_options) / sizeof(cli_options[0]);

static void opt_h(struct cli *c, const struct cli_option *o, const char *arg)
{
	cli_print_help(stdout);
	exit(0);
}
