/* The eBPF event source (--backend=bpf): loads the programs of
 * src/bpf/mytrace.bpf.c, starts or marks the traced processes, and hands
 * each syscall entry and exit, fork, exec, exit and signal to callbacks,
 * with the argument memory the kernel copied behind a tracee_mem. It
 * decodes and prints nothing. */
#ifndef MYTRACE_BPF_SOURCE_H
#define MYTRACE_BPF_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "bpf_record.h"
#include "filter.h"
#include "syscalls.h"
#include "tracee_mem.h"

struct bpf_call {
	pid_t tid, pid;
	int64_t nr;
	uint64_t args[MT_MAX_ARGS];
	int64_t rval;			/* at exit */
	struct timespec enter_ts, exit_ts;	/* CLOCK_REALTIME */
};

/* Every callback is optional. mem reads what the kernel copied for the
 * call (at exit: what it copied at entry and at exit); anything else reads
 * as unreadable, so a decoder prints its address. */
struct bpf_source_ops {
	void (*syscall_enter)(void *data, const struct bpf_call *c,
			      const struct tracee_mem *mem);
	void (*syscall_exit)(void *data, const struct bpf_call *c,
			     const struct tracee_mem *mem);
	/* a new thread (child_pid == pid) or process */
	void (*fork)(void *data, pid_t tid, pid_t pid, pid_t child_tid,
		     pid_t child_pid);
	void (*exec)(void *data, pid_t pid, pid_t old_tid,
		     const struct timespec *ts);
	/* status as wait(2) reports it; group_dead: the last thread */
	void (*exit)(void *data, pid_t tid, pid_t pid, int status,
		     bool group_dead, const struct timespec *ts);
	void (*signal)(void *data, pid_t tid, pid_t pid, int sig,
		       const void *siginfo, const struct timespec *ts);
	/* records the ring buffer had no room for, in total so far */
	void (*lost)(void *data, uint64_t total);
};

struct bpf_source_config {
	bool follow;			/* -f: children are traced too */
	unsigned string_limit;		/* -s */
	/* the calls that make records (the pipeline's stop plan), NULL:
	 * all */
	const struct syscall_set *trace;
	size_t ring_bytes;		/* 0: BPF_RING_DEFAULT */
};

/* A getppid loop makes records faster than they are decoded and printed,
 * so the ring holds the backlog: 8 MiB lost none on make bench's
 * workloads (the full 50,000-call loops, pinned and not), 4 MiB lost 12-18%
 * of the getppid loop's. A bigger ring costs its size in memory and time
 * to map (64 MiB: ~130 MiB RSS, ~20 ms). */
#define BPF_RING_DEFAULT (8u << 20)

struct bpf_source;

/* Loads and attaches the programs. On failure prints one line saying
 * what is missing ("mytrace: --backend=bpf: ...") and returns NULL. */
struct bpf_source *bpf_source_open(const struct bpf_source_config *cfg,
				   const struct bpf_source_ops *ops,
				   void *data);
/* Traces the process tgid from now on. */
int bpf_source_trace(struct bpf_source *b, pid_t tgid);
/* Traces no process any more: records already in the ring still come. */
void bpf_source_untrace_all(struct bpf_source *b);
/* Forks argv[0] (searched in PATH) with the environment changed by env
 * (-E: VAR=VAL sets, VAR unsets), marks it traced before it execs so
 * that none of its calls is missed, and returns its pid; -1 on error. */
pid_t bpf_source_spawn(struct bpf_source *b, char *const argv[],
		       const char *const env[], size_t nenv);
/* Hands the records that arrived to the callbacks, waiting up to
 * timeout_ms for some. Returns the count handled or -1. */
int bpf_source_poll(struct bpf_source *b, int timeout_ms);
/* Records the ring buffer had no room for, so far. */
uint64_t bpf_source_lost(struct bpf_source *b);
void bpf_source_close(struct bpf_source *b);

/* --- pure parts (src/bpf_capture.c), built with or without libbpf */

/* The capture plan of every number below count of table t for -s limit:
 * what the kernel copies for each argument, from its type. */
void bpf_plan_build(struct mt_plan *plans, unsigned count,
		    const struct syscall_table *t, unsigned string_limit);

/* The records of one call: the entry's and, at exit, the exit's. */
struct bpf_capture {
	const struct mt_hdr *rec[2];
};

/* A tracee_mem that reads the segments of c (the first record first). */
void bpf_capture_mem(struct tracee_mem *m, const struct bpf_capture *c,
		     pid_t pid);

#endif
