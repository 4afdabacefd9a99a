/* Which events are printed: -e status=, -e signal=, -P PATH, and the
 * --filter conditions on a syscall's return value and arguments. Decides
 * from an event alone; it never prints, never reads tracee memory, and
 * never changes what the core traces. */
#ifndef MYTRACE_OUTFILTER_H
#define MYTRACE_OUTFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "filter.h"
#include "proc_filter.h"

/* -e status= bits */
enum status_bit {
	STATUS_SUCCESSFUL = 1u << 0,
	STATUS_FAILED = 1u << 1,
	STATUS_UNFINISHED = 1u << 2,
	STATUS_UNAVAILABLE = 1u << 3,
	STATUS_DETACHED = 1u << 4,
	STATUS_ALL = (1u << 5) - 1,
};

/* -e quiet= bits: the messages not printed */
enum quiet_bit {
	QUIET_ATTACH = 1u << 0,		/* Process N attached/detached */
	QUIET_EXIT = 1u << 1,		/* +++ exited with N +++, killed by */
	QUIET_PATH_RESOLUTION = 1u << 2,	/* -P's resolved path */
	QUIET_PERSONALITY = 1u << 3,	/* [ Process PID=N runs in ... ] */
	QUIET_THREAD_EXECVE = 1u << 4,	/* +++ superseded by execve +++ */
	QUIET_ALL = (1u << 5) - 1,
};

#define SIGNAL_SET_MAX 256

struct outfilter {
	unsigned status;	/* enum status_bit mask (STATUS_ALL) */
	uint64_t signals[SIGNAL_SET_MAX / 64];	/* -e signal= */
	unsigned quiet;		/* enum quiet_bit mask (0) */
	char **paths;		/* -P, plus each one's real path */
	size_t npaths;
	/* -e trace-fds=: calls on these descriptors pass too (or with -P) */
	struct fd_set_bits fds;
	bool fds_given;
	/* --filter retval and SYSCALL.ARG conditions, judged at a syscall's
	 * exit; NULL: none (the process fields are the core's to judge) */
	const struct proc_filter *events;
};

void outfilter_init(struct outfilter *f);
void outfilter_free(struct outfilter *f);

/* Parse "-e status=SPEC" / "-e signal=SPEC" / "-e quiet=SPEC" (the part
 * after '='): a comma list, '!' negates, "all"/"none" alone. Each
 * expression replaces the one before, as in strace 6.1. Return 0, or -1
 * with "invalid status 'x'" (or signal, quiet) in err. */
int outfilter_parse_status(struct outfilter *f, const char *spec,
			   char *err, size_t errlen);
int outfilter_parse_signals(struct outfilter *f, const char *spec,
			    char *err, size_t errlen);
int outfilter_parse_quiet(struct outfilter *f, const char *spec,
			  char *err, size_t errlen);
/* -P PATH: also remembers PATH's real path when it differs. */
int outfilter_add_path(struct outfilter *f, const char *path);

/* Whether any status is filtered out: the text formatter must then hold
 * a syscall's line until its exit decides. */
bool outfilter_holds_lines(const struct outfilter *f);
/* Whether -P was given: decoders must then resolve fd paths. */
static inline bool outfilter_has_paths(const struct outfilter *f)
{
	return f->npaths > 0;
}
/* Whether -P or -e trace-fds= keeps only the calls on some files. */
static inline bool outfilter_narrows_calls(const struct outfilter *f)
{
	return f->npaths > 0 || f->fds_given;
}
/* -e trace-fds=SET: replaces the one before. 0, or -1 + err. */
int outfilter_parse_fds(struct outfilter *f, const char *spec, char *err,
			size_t errlen);
bool outfilter_has_signal(const struct outfilter *f, int sig);

/* Whether ev is printed. An entry that is refused means its exit is too:
 * the caller stops showing that syscall. */
bool outfilter_pass(const struct outfilter *f, const struct event *ev);

#endif
