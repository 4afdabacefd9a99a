/* Tracee-style event filters (--filter): which processes' events and which
 * syscalls are printed. Parsing and matching only; the core supplies the
 * pid and the identity it read from /proc, the forks it saw, and the
 * decoded events. Never reads a tracee, never prints.
 *
 * Language: FIELD OP VALUE[,VALUE...], OP one of = != < > <= >=.
 *   comm=ca*          a process's comm, glob patterns (= and != only)
 *   uid>=1000, pid=7  numbers, every operator
 *   retval<0          a syscall's raw return value, every operator
 *   openat.pathname=/etc/p*, write.fd=2
 *                     a named argument of one syscall: a number compares
 *                     with its raw value, a pattern with its text (a
 *                     string's bytes, a descriptor's path, else the value
 *                     as the text format prints it)
 *   follow            a matching process brings its descendants along
 * The = values of one field add up (any may match); every other condition
 * must hold; fields combine (all must match). An argument filter decides
 * only its syscall's events. */
#ifndef MYTRACE_PROC_FILTER_H
#define MYTRACE_PROC_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "event.h"

enum pf_field { PF_COMM, PF_UID, PF_PID, PF_RETVAL, PF_ARG };
enum pf_op { PF_EQ, PF_NE, PF_LT, PF_GT, PF_LE, PF_GE };

struct pf_cond {
	enum pf_field field;
	enum pf_op op;
	bool is_number;		/* num holds the value, else pattern */
	long long num;
	char *pattern;		/* fnmatch(3) pattern */
	char *syscall;		/* PF_ARG and SYSCALL.retval: the syscall */
	char *arg;		/* PF_ARG: the argument's name */
};

struct proc_filter {
	struct pf_cond *conds;
	size_t nconds;
	bool follow;
	pid_t *followed;	/* sorted: descendants of matching processes */
	size_t nfollowed, capfollowed;
};

/* Adds one expression to f. Returns 0, or -1 with a message in err that
 * names the field and the operators it accepts. */
int proc_filter_parse(struct proc_filter *f, const char *expr, char *err,
		      size_t errlen);
void proc_filter_free(struct proc_filter *f);

/* Whether any process filter (comm, uid, pid) was given. */
bool proc_filter_active(const struct proc_filter *f);
/* Whether matching needs the comm and uid of the process. */
bool proc_filter_needs_ident(const struct proc_filter *f);

/* Whether events of the thread group pid, whose identity is who (NULL
 * when unknown: it then matches no = value), are printed: it matches
 * comm, uid and pid, or descends from a process that did (follow). */
bool proc_filter_match(const struct proc_filter *f, pid_t pid,
		       const struct proc_ident *who);

/* follow: the engine calls this for every new process (fork, vfork,
 * clone without CLONE_THREAD), with the parent's thread group and
 * identity, before the child's first event. */
void proc_filter_on_fork(struct proc_filter *f, pid_t parent,
			 const struct proc_ident *parent_who, pid_t child);
/* ... and this when a process is gone, so that a reused pid is not
 * followed. */
void proc_filter_on_exit(struct proc_filter *f, pid_t pid);

/* Whether there are retval or argument filters: they decide at a
 * syscall's exit, so the text formatter must hold its lines
 * (format_opts.hold_lines), as for -e status=. */
bool proc_filter_has_event_conds(const struct proc_filter *f);
/* Whether the syscall event ev passes the retval and argument filters.
 * Decides at EV_SYSCALL_EXIT (every argument and the return value are
 * known then); any other event passes. */
bool proc_filter_match_event(const struct proc_filter *f,
			     const struct event *ev);

#endif
