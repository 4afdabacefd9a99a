/* Tracee-style event filters (--filter comm=NAME, uid=N, pid=N): which
 * processes' events are printed. Parsing and matching only; the core
 * supplies the pid and the identity it read from /proc. */
#ifndef MYTRACE_PROC_FILTER_H
#define MYTRACE_PROC_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "event.h"

#define PROC_FILTER_MAX 32

struct id_match {
	unsigned n_in, n_out;	/* FIELD=a,b and FIELD!=c,d */
	unsigned long in[PROC_FILTER_MAX], out[PROC_FILTER_MAX];
};

struct comm_match {
	unsigned n_in, n_out;
	char in[PROC_FILTER_MAX][16], out[PROC_FILTER_MAX][16];
};

struct proc_filter {
	struct id_match pid, uid;
	struct comm_match comm;
};

/* Adds "FIELD=V[,V...]" or "FIELD!=V[,V...]" to f. Values of one field
 * add up (any may match), fields combine (all must match), "!=" values
 * never match. Returns 0, or -1 with a message in err. */
int proc_filter_parse(struct proc_filter *f, const char *expr, char *err,
		      size_t errlen);

/* Whether any filter was given. */
bool proc_filter_active(const struct proc_filter *f);
/* Whether matching needs the comm and uid of the process. */
bool proc_filter_needs_ident(const struct proc_filter *f);

/* Whether events of the thread group pid, whose identity is who (NULL
 * when unknown: it then matches no value), are printed. */
bool proc_filter_match(const struct proc_filter *f, pid_t pid,
		       const struct proc_ident *who);

#endif
