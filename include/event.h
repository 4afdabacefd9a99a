/* The events the tracer core hands to formatters: plain records with typed
 * values. Formatters render them and never reach back into a tracee. */
#ifndef MYTRACE_EVENT_H
#define MYTRACE_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "syscalls.h"
#include "value.h"

enum event_kind {
	EV_SYSCALL_ENTER,	/* input arguments known */
	EV_SYSCALL_EXIT,	/* output arguments and return value known */
	EV_SIGNAL,		/* signal-delivery stop */
	EV_EXEC,		/* execve succeeded (pid may have changed) */
	EV_EXITED,		/* process exited normally */
	EV_KILLED,		/* process killed by a signal */
	EV_ATTACH,		/* -p attached */
	EV_DETACH,		/* detached from a process */
};

struct syscall_event {
	const struct syscall_desc *desc;	/* never NULL: raw desc if unknown */
	uint64_t nr;
	const char *arch;
	uint64_t raw_args[MAX_ARGS];
	uint64_t stack_pointer;	/* at entry: rt_sigreturn finds its frame */
	unsigned nargs;
	/* args[i] is NULL when the decoder omits it (openat without O_CREAT) */
	struct value *args[MAX_ARGS];
	/* Arguments [0, nargs_enter) are known at entry; the rest at exit. */
	unsigned nargs_enter;
	int64_t rval;		/* raw return value */
	int err;		/* errno when the call failed, else 0 */
	bool ret_unknown;	/* "= ?": no exit seen (exit_group, death) */
	struct value *ret;	/* decoded return value when it succeeded */
	struct timespec enter_ts, exit_ts;
};

struct event {
	enum event_kind kind;
	pid_t pid;		/* thread group id */
	pid_t tid;
	struct timespec ts;
	/* the thread's latest syscall number, traced or not: strace's -n
	 * prints it on signal and exit lines too */
	uint64_t scno;
	union {
		struct syscall_event *sc;
		struct {
			int sig;
			struct value *info;	/* siginfo as a struct */
		} signal;
		struct {
			int status;	/* exit code, or the signal */
			bool core_dumped;
		} exit;
	} u;
};

#endif
