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
	EV_ATTACH,		/* a thread is traced now: -p, or new under -f */
	EV_DETACH,		/* mytrace let go of a thread */
	EV_FAILURES,		/* --failures: the digest, once, at the end */
	EV_SUMMARY,		/* -c: the call summary, once, at the end */
	EV_GROUP_STOP,		/* stopped by SIGSTOP/SIGTSTP/...: u.signal */
	EV_PERSONALITY,		/* a thread's calls now use another ABI */
	EV_FORK,		/* a traced process made another: u.fork */
	EV_LOST,		/* --backend=bpf: records the ring had no room
				 * for, once, at the end: u.lost */
};

/* One frame of a tracee's user-space stack (-k), as plain values: the
 * unwinder fills it, formatters render it. */
struct stack_frame {
	uint64_t ip;		/* absolute address */
	uint64_t rel;		/* ip as an offset into the mapped file */
	const char *file;	/* the mapping's file; NULL: ip is unmapped */
	const char *func;	/* demangled symbol; NULL: none found */
	uint64_t func_offset;	/* ip - the symbol's start */
	const char *src_file;	/* -kk: the source file; NULL: unknown */
	int src_line;
};

struct stack_trace {
	unsigned count;
	struct stack_frame *frames;	/* innermost first */
};

struct failure_digest;	/* include/failures.h */
struct stats;		/* include/stats.h */
struct arena;

struct syscall_event {
	const struct syscall_desc *desc;	/* never NULL: raw desc if unknown */
	uint64_t nr;
	const char *arch;
	uint64_t raw_args[MAX_ARGS];
	uint64_t stack_pointer;	/* at entry: rt_sigreturn finds its frame */
	uint64_t ip;		/* instruction pointer at entry (-i) */
	unsigned nargs;
	/* args[i] is NULL when the decoder omits it (openat without O_CREAT) */
	struct value *args[MAX_ARGS];
	/* Arguments [0, nargs_enter) are known at entry; the rest at exit. */
	unsigned nargs_enter;
	int64_t rval;		/* raw return value */
	int err;		/* errno when the call failed, else 0 */
	bool ret_unknown;	/* "= ?": no exit seen (exit_group, death) */
	bool detached;		/* ret_unknown because mytrace detached */
	struct value *ret;	/* decoded return value when it succeeded */
	/* What the call reported besides its return value, shown after it
	 * in parentheses by the text formatter: poll's revents, select's
	 * ready sets, a policy name. NULL when there is nothing. Set by the
	 * return-value decoder; any formatter may render it. A V_STRUCT
	 * note is a list of parts, each shown as "name value" (or just the
	 * value when unnamed): "in [3], left {tv_sec=0, tv_usec=5}". */
	struct value *ret_note;
	struct timespec enter_ts, exit_ts;
	bool injected;		/* -e inject= changed the result */
	bool poked;		/* -e inject=...:poke_*= wrote into memory */
	bool delayed;		/* -e inject=...:delay_*= slowed it */
	/* -e read=/write=: every byte moved (bounded), printed as a dump */
	struct value *io_dump;
	struct stack_trace *stack;	/* -k: the stack at entry, or NULL */
	/* SF_RESUMES: the call it resumes, when the thread was seen
	 * interrupted in it */
	const struct syscall_desc *resumes;
};

/* Who a thread is, as /proc shows it: read when a tracee is first seen
 * and again after execve and the set*uid calls. */
struct proc_ident {
	char comm[16];		/* TASK_COMM_LEN, NUL-terminated */
	uid_t uid;		/* real uid, as Tracee reports it */
};

struct event {
	enum event_kind kind;
	pid_t pid;		/* thread group id */
	pid_t tid;
	struct timespec ts;
	/* the thread's latest syscall number, traced or not: strace's -n
	 * prints it on signal and exit lines too */
	uint64_t scno;
	/* NULL unless a formatter or filter needs it, or /proc failed */
	const struct proc_ident *who;
	/* not to be printed: a print filter refused it, or it belongs to a
	 * thread that never shows (the command before its execve) */
	bool hidden;
	/* where consumers allocate what the event carries (-k frames) */
	struct arena *arena;
	union {
		struct syscall_event *sc;
		struct {
			int sig;
			struct value *info;	/* siginfo as a struct */
			uint64_t ip;	/* where it stopped (-i) */
			struct stack_trace *stack;	/* -k */
		} signal;
		const struct failure_digest *failures;
		struct stats *summary;
		struct {
			const char *mode;	/* "32 bit" */
		} personality;
		struct {
			int status;	/* exit code, or the signal */
			bool core_dumped;
		} exit;
		struct {
			pid_t old_tid;	/* the thread that called execve */
		} exec;
		struct {
			pid_t child;	/* the new process (thread group) */
		} fork;
		uint64_t lost;
	} u;
};

#endif
