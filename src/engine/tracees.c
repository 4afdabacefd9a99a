/* The ptrace engine's table of traced threads: finding, adding and
 * removing them, their /proc/TID/mem descriptors, and the events about
 * them that go to the pipeline. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "output.h"
#include "ptrace_engine.h"

void engine_die(const char *what)
{
	fprintf(stderr, "mytrace: %s: %s\n", what, strerror(errno));
	exit(1);
}

void engine_note(struct tracer *tr, const char *fmt, ...)
{
	va_list ap;

	if (tr->no_notes)
		return;
	va_start(ap, fmt);
	sink_vnote(fmt, ap);
	va_end(ap);
}

void engine_warn(struct tracer *tr, const char *fmt, ...)
{
	va_list ap;

	(void)tr;
	va_start(ap, fmt);
	sink_vnote(fmt, ap);
	va_end(ap);
}

void engine_debug(struct tracer *tr, const char *fmt, ...)
{
	va_list ap;

	if (!tr->opts->debug)
		return;
	sink_flush_all();
	fputs("mytrace: debug: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static struct tracee **bucket_of(struct tracer *tr, pid_t tid)
{
	return &tr->buckets[(unsigned)tid % TRACEE_BUCKETS];
}

struct tracee *tracee_find(struct tracer *tr, pid_t tid)
{
	for (struct tracee *t = *bucket_of(tr, tid); t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

void tracee_link(struct tracer *tr, struct tracee *t)
{
	struct tracee **b = bucket_of(tr, t->tid);

	t->next = *b;
	*b = t;
}

void tracee_unlink(struct tracer *tr, struct tracee *t)
{
	struct tracee **p = bucket_of(tr, t->tid);

	while (*p != t)
		p = &(*p)->next;
	*p = t->next;
}

static void count_visible(struct tracer *tr)
{
	tr->pipe.visible_threads = tr->count - tr->hidden;
}

struct tracee *tracee_add(struct tracer *tr, pid_t tid, pid_t pid)
{
	struct tracee *t = calloc(1, sizeof(*t));

	if (!t)
		engine_die("calloc");
	t->tid = tid;
	t->pid = pid;
	t->mem_fd = -1;
	/* made for some number now, so that the cache is never empty */
	t->decode_opts = tr->opts->decode;
	t->decode_opts_nr = UINT64_MAX;
	decode_opts_for_syscall(&t->decode_opts, t->decode_opts_nr);
	t->detaching = tr->detaching;
	t->consumers = pipeline_thread_new(&tr->pipe, pid, tid);
	tracee_link(tr, t);
	tr->count++;
	count_visible(tr);
	return t;
}

void tracee_set_hidden(struct tracer *tr, struct tracee *t)
{
	t->hidden = true;
	tr->hidden++;
	count_visible(tr);
}

/* Reading /proc/TID/mem with pread costs less than process_vm_readv,
 * which looks the process up and checks access on every call (0.43 vs
 * 0.54-0.70 us for 32 bytes). One descriptor per traced thread, opened
 * at its first read and closed when it execs (the file keeps the old
 * memory) or goes; past MEM_FDS_MAX threads, or a quarter of the soft
 * descriptor limit (read once, after mytrace raised it) when that is
 * less, the others use process_vm_readv: -ff files need the rest. */
#define MEM_FDS_MAX 256

static unsigned mem_fds_bound(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur / 4 >= MEM_FDS_MAX)
		return MEM_FDS_MAX;
	return (unsigned)(rl.rlim_cur / 4);
}

int tracee_mem_fd(struct tracer *tr, struct tracee *t)
{
	char path[32];

	if (t->mem_fd != -1)
		return t->mem_fd;
	if (!tr->mem_fds_max)
		tr->mem_fds_max = mem_fds_bound();
	if (tr->mem_fds < tr->mem_fds_max) {
		snprintf(path, sizeof(path), "/proc/%d/mem", t->tid);
		t->mem_fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (t->mem_fd >= 0)
		tr->mem_fds++;
	else
		t->mem_fd = -2;
	return t->mem_fd;
}

void tracee_mem_close(struct tracer *tr, struct tracee *t)
{
	if (t->mem_fd >= 0) {
		close(t->mem_fd);
		tr->mem_fds--;
	}
	t->mem_fd = -1;
}

void tracee_remove(struct tracer *tr, struct tracee *t)
{
	tracee_mem_close(tr, t);
	if (t->unreachable)
		tr->unreachable--;
	if (t->hidden)
		tr->hidden--;
	if (tr->probe == t)
		tr->probe = NULL;
	if (t->in_syscall)
		tr->in_syscall--;
	if (t->held)
		tr->held--;
	tracee_unlink(tr, t);
	pipeline_thread_free(&tr->pipe, t->consumers);
	arena_free(&t->arena);
	free(t);
	tr->count--;
	count_visible(tr);
}

void tracee_gone(struct tracer *tr, struct tracee *t)
{
	pipeline_thread_gone(&tr->pipe, t->consumers, t->pid, t->tid);
}

void remember_gone(struct tracer *tr, pid_t tid)
{
	tr->gone[tr->gone_next++ % GONE_RING] = tid;
}

bool is_gone(struct tracer *tr, pid_t tid)
{
	for (unsigned i = 0; i < GONE_RING; i++)
		if (tr->gone[i] == tid)
			return true;
	return false;
}

void set_in_syscall(struct tracer *tr, struct tracee *t, bool in)
{
	if (t->in_syscall == in)
		return;
	t->in_syscall = in;
	if (in)
		tr->in_syscall++;
	else
		tr->in_syscall--;
}

void event_init(struct tracee *t, struct event *ev, enum event_kind kind)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->pid = t->pid;
	ev->tid = t->tid;
	ev->scno = t->sc.nr;
	ev->arena = &t->arena;
	clock_gettime(CLOCK_REALTIME, &ev->ts);
}

/* Hands ev to the pipeline; returns whether it is still shown. */
bool emit(struct tracer *tr, struct tracee *t, struct event *ev)
{
	if (t->before_exec || t->hidden)
		ev->hidden = true;
	return pipeline_event(&tr->pipe, t->consumers, ev);
}

void emit_simple(struct tracer *tr, struct tracee *t, enum event_kind kind)
{
	struct event ev;

	event_init(t, &ev, kind);
	emit(tr, t, &ev);
}
