/* What an id a tracee passes or gets back names, for --decode-pids: the
 * same id in mytrace's own PID namespace when the tracee is in another
 * one, and the command name of a thread or process. Reads /proc only
 * (status' NSpid lines, ns/pid, comm); never touches tracee memory. */
#ifndef MYTRACE_PIDINFO_H
#define MYTRACE_PIDINFO_H

#include <stdbool.h>
#include <sys/types.h>

#include "arena.h"
#include "value.h"

/* -e decode-pids= */
enum {
	DECODE_PID_COMM = 1 << 0,	/* 42<sh> */
	DECODE_PID_PIDNS = 1 << 1,	/* 1 / * 42 in strace's PID NS * / */
	DECODE_PID_ALL = (1 << 2) - 1,
};

/* What is kept about one tracee: its namespace, found once and again
 * after an exec. Zeroed: not looked at yet. */
struct pidinfo_view {
	bool known;
	bool foreign;		/* its PID namespace is not mytrace's */
	pid_t proc_pid;		/* its number in /proc's namespace */
	unsigned level;		/* its namespace's depth below /proc's */
	unsigned long ns_ino;	/* its namespace */
	/* its own thread and process ids: in its namespace, in mytrace's,
	 * in /proc's (getpid() in a loop reads nothing) */
	pid_t own[2][3];
};

/* The resolver of one trace: mytrace's own namespace and the ids found. */
struct pidinfo;

struct pidinfo *pidinfo_new(void);
void pidinfo_free(struct pidinfo *pi);

/* Fills v's u.pid (and the V_PID values under it) for tracee tid, as
 * what asks (DECODE_PID_* bits). */
void pidinfo_annotate(struct pidinfo *pi, struct pidinfo_view *view,
		      pid_t tid, struct arena *a, struct value *v, int what);

#endif
