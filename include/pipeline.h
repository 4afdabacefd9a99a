/* The pipeline: the consumers of one trace, in order, and the calls an
 * event source (the ptrace engine) makes into them. A consumer never calls
 * ptrace: it asks the engine for services through struct engine_ops. */
#ifndef MYTRACE_PIPELINE_H
#define MYTRACE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "arena.h"
#include "event.h"
#include "filter.h"

struct options;
struct pipeline;

/* What a consumer wants of the current syscall, decided at its entry. */
enum call_want {
	CALL_SHOWN = 1 << 0,	/* printed: the print filters let it pass */
	CALL_COLLECT = 1 << 1,	/* decoded and handed on even if not shown */
	CALL_EXIT = 1 << 2,	/* its exit stop matters (even unshown) */
};

/* One syscall of one thread as it passes a consumer's entry and exit
 * hooks, before its arguments are decoded. */
struct call {
	struct syscall_event *sc;	/* raw arguments, desc, result */
	pid_t pid, tid;
	uint64_t native_nr;	/* what sets and rules are keyed by */
	unsigned want;		/* enum call_want bits */
	struct arena *arena;
	const struct proc_ident *who;	/* set by the identity consumer */
};

/* Which syscalls must stop, as the union of what the consumers declare.
 * The engine turns it into its seccomp filter (or the eBPF source into
 * its kernel-side selection). */
struct stop_plan {
	struct syscall_set stop;	/* entries that must stop */
	bool every_call;	/* a consumer looks at every call: no filter */
	bool prefer_every_call;	/* the same, unless --seccomp-bpf insists */
	bool lets_go;		/* a consumer may detach early: no filter */
	bool needs_args;	/* some consumer reads decoded arguments */
	bool needs_clock;	/* syscall events carry their times */
	bool needs_ident;	/* events carry comm and uid */
	bool needs_ip;		/* signal events carry the stop's address */
};

/* Services of the event source that consumers may ask for. */
struct engine_ops {
	/* threads are stopped at each event: stacks can be read (ptrace) */
	bool stops_tracees;
	/* At a syscall-entry stop: the kernel runs native call instead
	 * (-1: none, it skips the call). At its exit: the call returns
	 * value (-errno for an error). 0, or -1 + errno. */
	int (*skip_call)(void *engine, pid_t tid, long instead);
	int (*set_return)(void *engine, pid_t tid, int64_t value);
	/* At a syscall stop: the thread is resumed with signal sig, which
	 * the kernel sends it as its own (SI_KERNEL); from a seccomp stop,
	 * at the call's exit. 0, or -1 + errno. */
	int (*signal_at_resume)(void *engine, pid_t tid, int sig);
	/* Writes len bytes at addr in the thread's memory, read-only
	 * mappings included: the count written, or -1 + errno. */
	ssize_t (*poke)(void *engine, pid_t tid, uint64_t addr,
			const void *buf, size_t len);
	/* Let go of every tracee at its next stop (--syscall-limit). */
	void (*let_go)(void *engine);
	/* Reads up to len bytes of the thread's memory at addr while it is
	 * stopped: the count read, or -1. NULL where the source has no
	 * stopped thread to read (eBPF). */
	ssize_t (*read_mem)(void *engine, pid_t tid, uint64_t addr, void *buf,
			    size_t len);
	/* -e inject=...:delay_*: the thread, at a syscall stop, is resumed
	 * us later than it would be (ptrace: it alone waits, the others
	 * run on; eBPF: mytrace sleeps). */
	void (*delay_us)(void *engine, pid_t tid, uint64_t us);
};

/* A consumer: a small table of functions, each optional. st is the state
 * make returned; ts is the consumer's own thread_size bytes for the thread
 * the hook is about (zeroed when the thread is first seen). */
struct consumer {
	const char *name;
	/* Its state for these options, or NULL when it has nothing to do. */
	void *(*make)(const struct options *opts, struct pipeline *p);
	size_t thread_size;
	/* Adds what it needs to stop at and see. */
	void (*plan)(void *st, struct stop_plan *plan);
	/* Tracing begins: every launched or attached thread is known. */
	void (*start)(void *st);
	void (*thread_init)(void *st, void *ts, pid_t pid, pid_t tid);
	/* The thread exited or was let go: forget what is kept about it. */
	void (*thread_gone)(void *st, void *ts, pid_t pid, pid_t tid);
	/* A non-leader thread that called execve becomes the leader, whose
	 * record (leader_ts) goes: what the thread goes on with. */
	void (*thread_takeover)(void *st, void *ts, void *leader_ts);
	/* The thread's record goes (after thread_gone, or a takeover). */
	void (*thread_free)(void *st, void *ts);
	/* A syscall's entry and exit stops, before any decoding. */
	void (*enter)(void *st, void *ts, struct call *c);
	void (*exit)(void *st, void *ts, struct call *c);
	/* Every event, in pipeline order; ev->hidden: not to be printed.
	 * ts is NULL for events that belong to no thread (the digest). */
	void (*event)(void *st, void *ts, struct event *ev);
	/* After the last event, in pipeline order. */
	void (*end)(void *st);
	void (*free)(void *st);
};

/* The consumers, in pipeline order; one line registers a consumer. */
extern const struct consumer *const consumer_registry[];

struct pipeline_stage {
	const struct consumer *c;
	void *st;
	size_t offset;		/* of its thread state in a thread's block */
};

#define PIPELINE_MAX 16

struct pipeline {
	struct pipeline_stage stages[PIPELINE_MAX];
	unsigned count;
	size_t thread_bytes;	/* per-thread state of all stages */
	struct stop_plan plan;
	const struct engine_ops *ops;
	void *engine;
	/* kept up to date by the engine */
	pid_t command;		/* the launched command, or 0 */
	unsigned visible_threads;	/* traced threads that show */
	/* set by the output consumer */
	bool line_buffered;	/* output goes out line by line */
};

/* Builds the pipeline of every registered consumer that these options
 * activate, and its stop plan. */
void pipeline_init(struct pipeline *p, const struct options *opts,
		   const struct engine_ops *ops, void *engine);
/* Adds consumer c with state st at the end (tests; make is not called). */
void pipeline_add(struct pipeline *p, const struct consumer *c, void *st);
void pipeline_free(struct pipeline *p);

/* A thread's block of consumer states: pipeline_thread_new allocates and
 * zeroes it, and calls every thread_init hook. */
void *pipeline_thread_new(struct pipeline *p, pid_t pid, pid_t tid);
void pipeline_thread_gone(struct pipeline *p, void *block, pid_t pid,
			  pid_t tid);
void pipeline_thread_takeover(struct pipeline *p, void *block,
			      void *leader_block);
void pipeline_thread_free(struct pipeline *p, void *block);

void pipeline_start(struct pipeline *p);
void pipeline_enter(struct pipeline *p, void *block, struct call *c);
void pipeline_exit(struct pipeline *p, void *block, struct call *c);
/* Hands ev to every stage; returns whether it is still shown. */
bool pipeline_event(struct pipeline *p, void *block, struct event *ev);
/* Hands ev to the stages after the consumer whose state is from: for what
 * a consumer makes at its end (the digest, the summary). */
void pipeline_event_after(struct pipeline *p, const void *from,
			  struct event *ev);
void pipeline_end(struct pipeline *p);

#endif
