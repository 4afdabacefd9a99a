/* The ptrace engine's own state, shared by its files and by nothing else:
 * the tracee table, the stop handlers, launching and attaching, waiting.
 * It produces calls and events for the pipeline and knows nothing of what
 * the consumers do with them. */
#ifndef MYTRACE_PTRACE_ENGINE_H
#define MYTRACE_PTRACE_ENGINE_H

#include <sys/ptrace.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "arch.h"
#include "arena.h"
#include "decode.h"
#include "event.h"
#include "options.h"
#include "pipeline.h"
#include "seccomp.h"

struct tracee {
	pid_t tid;
	pid_t pid;		/* thread group */
	bool before_exec;	/* our child before its first execve: hidden */
	bool first_exec;	/* -b execve spares the command's own execve */
	/* the command's own execve failed: its calls are hidden again, as
	 * before it, but its end shows (+++ exited with 1 +++) */
	bool exec_failed;
	bool in_syscall;	/* between entry and exit stops */
	unsigned want;		/* enum call_want of the current call */
	const struct arch_personality *pers;	/* NULL: native so far */
	uint64_t native_nr;	/* the current call's native number */
	bool filtered;		/* our seccomp filter stops it: PTRACE_CONT
				 * between syscalls */
	bool hidden;		/* kept for our filter while letting go */
	bool our_filter;	/* carries our seccomp filter (launched, or
				 * a descendant): never let go of it */
	bool detaching;		/* interrupted: let go at the next stop */
	bool unreachable;	/* a zombie when we tried to interrupt it */
	void *consumers;	/* the consumers' state for this thread */
	struct arena arena;
	struct syscall_event sc;
	struct decode_opts decode_opts;	/* for the current syscall */
	uint64_t decode_opts_nr;	/* the call decode_opts were made for */
	int mem_fd;		/* /proc/TID/mem, -1 unopened, -2 refused */
	int resume_sig;		/* sent when resumed from a syscall stop */
	/* the call a signal interrupted to be resumed by restart_syscall */
	const struct syscall_desc *interrupted;
	/* -e inject=...:delay_*: kept stopped at this stop for hold_us
	 * more, then (held) until hold_until, resumed with hold_sig */
	uint64_t hold_us;
	bool held;
	struct timespec hold_until;
	int hold_sig;
	struct tracee *next;
};

/* the kernel's restart code for calls restart_syscall resumes (not uapi) */
#define ERESTART_RESTARTBLOCK 516

#define TRACEE_BUCKETS 256
#define SPIN_SLOTS 1024
#define GONE_RING 64

struct tracer {
	const struct options *opts;
	struct pipeline pipe;
	struct tracee *buckets[TRACEE_BUCKETS];
	unsigned count;
	unsigned held;		/* tracees kept stopped for a delay */
	pid_t child;		/* the launched command, or 0 */
	int child_status;	/* its wait status, once it ended */
	bool child_done;
	/* -b execve let go of the command itself: its status is not ours
	 * (strace then exits with 0, having waited for it) */
	bool child_let_go_at_exec;
	bool no_syscall_info;	/* kernel lacks PTRACE_GET_SYSCALL_INFO */
	bool want_args;		/* a consumer reads decoded arguments */
	bool want_clock;	/* syscall events carry their times */
	/* the personality of the latest call: a new thread starts in it */
	const struct arch_personality *cur_pers;
	bool seccomp;		/* the command runs under our filter */
	struct seccomp_prog prog;
	unsigned hidden;	/* tracees that never show */
	bool no_notes;		/* -q: no "Process N attached/detached" */
	/* a fatal signal came, or --syscall-limit was reached: letting go
	 * of all */
	bool detaching;
	/* tracees kept while letting go, for they carry our filter: served
	 * silently until they exit (a second interrupt kills them) */
	unsigned kept;
	bool kept_killed;
	/* tracees that could not be interrupted: zombies, maybe a leader
	 * whose exit waits for threads we let go; they are not waited for */
	unsigned unreachable;
	long follow_opts;	/* PTRACE_O_TRACE{CLONE,FORK,VFORK} with -f */
	/* threads reaped before anyone announced them (killed at birth) */
	pid_t gone[GONE_RING];
	unsigned gone_next;
	/* the tracee resumed from the latest syscall stop, when its next
	 * stop is looked for with PTRACE_GET_SYSCALL_INFO before waiting */
	struct tracee *probe;
	unsigned probe_run;	/* stops found by probing since the last wait4 */
	pid_t streak_tid;	/* the thread of the latest syscall stops */
	unsigned streak;	/* how many in a row */
	unsigned in_syscall;	/* tracees between entry and exit */
	unsigned mem_fds;	/* open /proc/TID/mem descriptors */
	unsigned mem_fds_max;	/* their bound, 0 until first needed */
	bool multi_cpu;		/* we may run on several CPUs: poll stops */
	/* per syscall: pollings in a row that found no stop */
	unsigned char spin_fails[SPIN_SLOTS];
};

/* set by signal handlers (run.c) */
extern volatile sig_atomic_t engine_flush_due;
extern volatile sig_atomic_t engine_interrupted;
extern volatile sig_atomic_t engine_interrupts;	/* how many came */

void engine_die(const char *what) __attribute__((noreturn));
/* In the command before its execve: the signal dispositions mytrace was
 * started with (one it ignored stays ignored, as without mytrace). */
void engine_restore_signals(void);
/* "mytrace: Process N attached" and the like, on stderr after whatever
 * trace text is already there. */
void engine_note(struct tracer *tr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same, but shown even when -q or -o silence the notes. */
void engine_warn(struct tracer *tr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* -d: "mytrace: debug: ..." on stderr, after the trace written so far. */
void engine_debug(struct tracer *tr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* tracees.c: the table of traced threads */
struct tracee *tracee_find(struct tracer *tr, pid_t tid);
struct tracee *tracee_add(struct tracer *tr, pid_t tid, pid_t pid);
void tracee_link(struct tracer *tr, struct tracee *t);
void tracee_unlink(struct tracer *tr, struct tracee *t);
void tracee_remove(struct tracer *tr, struct tracee *t);
void tracee_set_hidden(struct tracer *tr, struct tracee *t);
/* It exited or was let go: the consumers forget it. */
void tracee_gone(struct tracer *tr, struct tracee *t);
int tracee_mem_fd(struct tracer *tr, struct tracee *t);
void tracee_mem_close(struct tracer *tr, struct tracee *t);
void remember_gone(struct tracer *tr, pid_t tid);
bool is_gone(struct tracer *tr, pid_t tid);
void set_in_syscall(struct tracer *tr, struct tracee *t, bool in);
/* events about t, handed to the pipeline; hidden for threads that never
 * show */
void event_init(struct tracee *t, struct event *ev, enum event_kind kind);
bool emit(struct tracer *tr, struct tracee *t, struct event *ev);
void emit_simple(struct tracer *tr, struct tracee *t, enum event_kind kind);

/* syscall_stop.c: syscall stops turned into calls and events */
void resume(struct tracee *t, int sig);
void on_syscall_stop(struct tracer *tr, struct tracee *t,
		     const struct __ptrace_syscall_info *known);
/* A syscall still in flight when its thread vanished, or when mytrace
 * let go of it, ends with "= ?" / "<detached ...>". */
void finish_in_flight(struct tracer *tr, struct tracee *t, bool detached);

/* stops.c: every other kind of stop */
void handle_status(struct tracer *tr, pid_t tid, int status);
void detach_now(struct tracer *tr, struct tracee *t, int sig);
/* A fatal signal sig, or --syscall-limit (0): let go of every thread. */
void begin_detach(struct tracer *tr, int sig);
/* A new tracee while letting go: kept silently if it carries our filter.
 * Second interrupt: the kept ones are killed. */
void letting_go_newcomer(struct tracer *tr, struct tracee *t);
void kill_kept(struct tracer *tr);

/* launch.c */
struct passwd;
void launch(struct tracer *tr, char **argv);
/* "mytrace: cannot run 'CMD': <errno>", exit 1 */
void cannot_run(const char *cmd) __attribute__((noreturn));
struct passwd *lookup_user(const char *user);
/* In the command before its execve: -E and -u. */
void prepare_child(const struct options *opts, const struct passwd *pw);

/* daemonize.c: -D. daemonize() returns in the tracer, a grandchild of
 * the process that called it, which becomes the command; adopt_command
 * seizes it there and lets it exec. */
void daemonize(const struct options *opts);
void adopt_command(struct tracer *tr);
bool attach_process(struct tracer *tr, pid_t pid);

/* poke.c: -e inject=...:poke_enter= writes into the tracee */
ssize_t tracee_poke(void *engine, pid_t tid, uint64_t addr, const void *buf,
		    size_t len);

/* wait.c */
void resume_after_syscall_stop(struct tracer *tr, struct tracee *t);
/* Resumes t from a seccomp stop, or holds it there for its delay. */
void resume_after_seccomp_stop(struct tracer *tr, struct tracee *t);
void wait_loop(struct tracer *tr);

#endif
