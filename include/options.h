/* Command-line options: parsed once by cli_parse, read by everyone else. */
#ifndef MYTRACE_OPTIONS_H
#define MYTRACE_OPTIONS_H

#include <stdbool.h>
#include <sys/types.h>

#include "decode.h"
#include "filter.h"
#include "format.h"
#include "outfilter.h"
#include "inject.h"
#include "proc_filter.h"
#include "stats.h"
#include "tips.h"

struct options {
	const char *output_path;	/* -o; "|CMD" or "!CMD": a pipe */
	bool output_append;		/* -A */
	/* -ff / --output-separately: a file per process (follow is 2 when
	 * -f is given too; without -f only COMMAND's own file) */
	bool output_separately;
	struct decode_opts decode;
	struct format_opts format;
	const struct formatter *formatter;
	struct syscall_set trace;	/* -e trace= */
	bool trace_all;			/* no -e trace= given */
	struct syscall_set abbrev;	/* -e abbrev=, -v */
	struct syscall_set verbose;	/* -e verbose= */
	struct syscall_set raw;		/* -e raw= */
	struct outfilter filter;	/* -e status=, -e signal=, -P */
	struct stats_opts stats;	/* -c -C -w -S -U */
	bool stack_trace;		/* -k */
	bool stack_source;		/* -kk: frames with file:line */
	unsigned stack_frame_limit;	/* --stack-trace-frame-limit; 0: 256 */
	bool failures;			/* --failures */
	struct tips_opts tips;		/* --tips */
	bool namespace_new;		/* -e namespace=new */
	struct inject_state *inject;	/* -e inject= / fault=; NULL: none */
	/* --seccomp-bpf 1, --no-seccomp-bpf 0, default -1: a filter in
	 * launched commands whenever the trace set is narrowed */
	int seccomp_bpf;
	char **command;			/* NULL-terminated argv, or NULL */
	int follow;			/* -f: 1, -ff: 2 */
	pid_t *attach;			/* -p, in order */
	size_t nattach;
	bool quiet;			/* -q, -e quiet=attach */
	bool debug;			/* -d: the engine's own lines */
	const char **env;		/* -E VAR=VAL / -E VAR, in order */
	size_t nenv;
	const char *user;		/* -u USER or UID:GID */
	const char *argv0;		/* --argv0: COMMAND's argv[0] */
	bool detach_on_execve;		/* -b execve */
	struct proc_filter procs;	/* --filter */
	unsigned long syscall_limit;	/* --syscall-limit; 0: none */
	/* Parsed, refused until the tracer runs them: */
	int daemonize;			/* -D 1, -DD 2, -DDD 3 */
	/* -I: 1 anywhere, 2 waiting, 3 never, 4 never_tstp (set by cli
	 * when not given: 4 with -D, 3 with -o FILE COMMAND, else 2) */
	int interruptible;
	bool instruction_pointer;	/* -i */
	bool kill_on_exit;		/* --kill-on-exit */
	const char *timeline;		/* --timeline=FILE.html, or NULL */
	bool backend_bpf;		/* --backend=bpf */
	size_t bpf_buffer;		/* --bpf-buffer=SIZE; 0: default */
};

/* Parses argv into opts. On bad input prints "mytrace: ..." and exits 1;
 * -h and -V print and exit 0. */
void cli_parse(struct options *opts, int argc, char **argv);
/* Frees what cli_parse allocated. */
void cli_free(struct options *opts);

#endif
