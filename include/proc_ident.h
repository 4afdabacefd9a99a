/* Who a traced thread is (command name and uid) for the comm/uid filters
 * and the JSON and table formats: read from /proc, never through ptrace,
 * and cached per thread until an exec or a set*uid call makes it stale. */
#ifndef MYTRACE_PROC_IDENT_H
#define MYTRACE_PROC_IDENT_H

#include <stdbool.h>
#include <sys/types.h>

#include "event.h"

struct proc_ident_cache {
	struct proc_ident id;
	bool have;		/* id was read at least once */
	bool fresh;		/* nothing changed it since */
};

/* Reads /proc/TID/comm and the real uid from /proc/TID/status.
 * Returns 0, or -1 when the thread is gone. */
int proc_ident_read(pid_t tid, struct proc_ident *id);

/* The cached identity of tid, re-read when stale; the last one known when
 * the thread is already gone; NULL if it never could be read. */
const struct proc_ident *proc_ident_get(struct proc_ident_cache *c,
					pid_t tid);

static inline void proc_ident_stale(struct proc_ident_cache *c)
{
	c->fresh = false;
}

/* The syscalls that may change who a thread is (SF_ bits); a seccomp
 * filter must stop at them when comm or uid is wanted. */
#define PROC_IDENT_WATCHED_FLAGS (SF_CREDS | SF_COMM)
/* Whether sc changes who it is: a call that changes the real uid, or one
 * that may change comm asked to (prctl's PR_SET_NAME). */
bool proc_ident_watches(const struct syscall_event *sc);
/* Whether a finished syscall changed the thread's comm or uid: one of
 * those, and it succeeded. */
bool proc_ident_changed_by(const struct syscall_event *sc);

#endif
