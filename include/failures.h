/* --failures: the failure digest. Collects failed syscalls grouped by
 * (syscall, errno, path or descriptor path), ranks them so that the likely
 * culprit comes first, and hands the result to the formatter as data.
 * Fed by the core with finished calls, writes to stdout and stderr and
 * process ends; never reads tracee memory. */
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
	char first_comm[16];	/* "" when unknown */
	pid_t last_pid;		/* the process of the last occurrence */
	struct stack_trace *stack;	/* -k: the first occurrence's */
	/* why it ranks where it does */
	bool never_found;	/* no call ever found a file of that name */
	bool found_elsewhere;	/* a search that succeeded at another path */
	bool before_failing_exit;	/* among a failing process's last calls */
	bool in_status_process;	/* in the descendant whose failing exit
				 * status the command passed on as its own */
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

/* The most processes whose last words are shown, and lines for each. */
#define FAILURE_WORDS_PROCS 3
#define FAILURE_WORDS_LINES 4

/* A line a process wrote to stdout or stderr, as far as the trace saw it
 * (the decoded buffer: -s cuts it). */
struct failure_line {
	int fd;			/* 1 or 2 */
	const char *text;
	size_t len;
	bool cut;		/* the write had more bytes than the trace */
};

/* The last lines of a process that exited non-zero or was killed. */
struct failure_words {
	pid_t pid;
	char comm[16];
	bool killed;
	int status;		/* exit code, or the signal */
	unsigned nlines;
	struct failure_line lines[FAILURE_WORDS_LINES];
};

struct failure_digest {
	unsigned long failed_calls;
	unsigned long dropped_groups;	/* groups not kept */
	unsigned long dropped_calls;	/* the failed calls they held */
	unsigned ngroups;
	struct failure_group **groups;	/* most likely culprit first */
	bool command_ended;
	bool command_killed;
	int command_status;	/* exit code, or the signal */
	/* the process whose exit status became the command's (the command
	 * itself when no child passed it on); 0 when the command did not
	 * fail */
	pid_t command_pid;
	pid_t status_pid;
	char status_comm[16];
	/* last words: the status process first, then the latest to fail */
	unsigned nwords;
	struct failure_words words[FAILURE_WORDS_PROCS];
};

struct failures;

struct failures *failures_new(void);
/* Every finished call of pid, whose comm is comm (NULL: unknown);
 * fd_path is where a failed call's descriptor (first argument) pointed,
 * or NULL. */
void failures_record(struct failures *f, pid_t pid, const char *comm,
		     const struct syscall_event *sc, const char *fd_path);
/* pid wrote len bytes to fd (1 or 2); cut: the write had more. */
void failures_write(struct failures *f, pid_t pid, int fd,
		    const char *bytes, size_t len, bool cut);
/* parent made the new process child. */
void failures_fork(struct failures *f, pid_t parent, pid_t child);
/* A process ended; is_command: the one mytrace launched. */
void failures_process_exit(struct failures *f, pid_t pid, bool is_command,
			   bool killed, int status);
/* Ranks the groups; valid until failures_free. */
const struct failure_digest *failures_digest(struct failures *f);
void failures_free(struct failures *f);

#endif
