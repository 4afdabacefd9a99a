/* --failures: the failure digest. Collects failed syscalls grouped by
 * (syscall, errno, path or descriptor path), ranks them so that the likely
 * culprit comes first, and hands the result to the formatter as data.
 * Fed by the core with finished calls; never reads tracee memory. */
#ifndef MYTRACE_FAILURES_H
#define MYTRACE_FAILURES_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "event.h"

struct failure_group {
	const char *syscall;
	int err;
	const char *path;	/* path argument or descriptor path; NULL */
	bool path_is_fd;	/* path is where the descriptor pointed */
	int fd;			/* that descriptor, or -1 */
	unsigned long count;
	struct timespec first_ts;
	pid_t first_pid;
	struct stack_trace *stack;	/* -k: the first occurrence's */
	/* why it ranks where it does */
	bool never_found;	/* no call ever found a file of that name */
	bool found_elsewhere;	/* a search that succeeded at another path */
	bool before_failing_exit;	/* among a failing process's last calls */
	bool benign;		/* a failure programs expect (isatty, ...) */
	int score;
	unsigned long last_seq;	/* internal: order of the last occurrence */
	struct failure_group *next;	/* internal */
};

/* The most groups kept: past it, the least likely causes are dropped
 * (and counted) so that memory stays bounded whatever the command does. */
#define FAILURE_GROUPS_MAX 4096
/* The most names of files some call found that are remembered; past it,
 * no group is called "never found" or "found elsewhere". */
#define FAILURE_FOUND_MAX 65536

struct failure_digest {
	unsigned long failed_calls;
	unsigned long dropped_groups;	/* groups not kept */
	unsigned long dropped_calls;	/* the failed calls they held */
	unsigned ngroups;
	struct failure_group **groups;	/* most likely culprit first */
	bool command_ended;
	bool command_killed;
	int command_status;	/* exit code, or the signal */
};

struct failures;

struct failures *failures_new(void);
/* Every finished call of pid; fd_path is where a failed call's descriptor
 * (first argument) pointed, or NULL. */
void failures_record(struct failures *f, pid_t pid,
		     const struct syscall_event *sc, const char *fd_path);
/* A process ended; is_command: the one mytrace launched. */
void failures_process_exit(struct failures *f, pid_t pid, bool is_command,
			   bool killed, int status);
/* Ranks the groups; valid until failures_free. */
const struct failure_digest *failures_digest(struct failures *f);
void failures_free(struct failures *f);

#endif
