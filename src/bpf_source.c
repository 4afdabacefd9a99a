/* The user-space half of the eBPF event source: loads and attaches the
 * programs, fills their maps (traced processes, -e trace=, capture plans),
 * reads the ring buffer and pairs each thread's entry and exit records
 * before handing them to the callbacks. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch.h"
#include "bpf_btf.h"
#include "bpf_source.h"
#include "command.h"

#ifndef HAVE_BPF

struct bpf_source *bpf_source_open(const struct bpf_source_config *cfg,
				   const struct bpf_source_ops *ops,
				   void *data)
{
	fprintf(stderr, "mytrace: --backend=bpf: not built in (building it "
		"needs clang, bpftool, libbpf-dev and a kernel with BTF); "
		"use --backend=ptrace\n");
	return NULL;
}

int bpf_source_trace(struct bpf_source *b, pid_t tgid)
{
	return -1;
}

void bpf_source_untrace_all(struct bpf_source *b)
{
}

pid_t bpf_source_spawn(struct bpf_source *b, char *const argv[],
			const char *const env[], size_t nenv)
{
	return -1;
}

int bpf_source_poll(struct bpf_source *b, int timeout_ms)
{
	return -1;
}

uint64_t bpf_source_lost(struct bpf_source *b)
{
	return 0;
}

void bpf_source_close(struct bpf_source *b)
{
}

#else

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "mytrace.skel.h"

#define THREAD_BUCKETS 256
#define PENDING_MAX 8

/* A thread's call between its entry and exit records. */
struct thread {
	struct thread *next;
	pid_t tid;
	struct mt_hdr *enter;	/* a copy: ring memory is reused */
	size_t cap;		/* bytes allocated at enter */
	bool in_call;		/* enter holds a call waiting for its exit */
	bool held;		/* entry not handed over yet: a retry at exit */
};

struct bpf_source {
	struct mytrace_bpf *skel;
	struct ring_buffer *ring;
	const struct bpf_source_ops *ops;
	void *data;
	int lost_fd;
	uint64_t lost;
	int64_t clock_offset;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	/* launched, not exec'd yet: their calls are ours, not shown */
	pid_t pending[PENDING_MAX];
	struct thread *threads[THREAD_BUCKETS];
};

static int quiet_libbpf(enum libbpf_print_level level, const char *fmt,
			va_list ap)
{
	if (getenv("MYTRACE_BPF_DEBUG"))
		return vfprintf(stderr, fmt, ap);
	return 0;
}

static void to_timespec(const struct bpf_source *b, uint64_t ns,
			struct timespec *ts)
{
	int64_t t = (int64_t)ns + b->clock_offset;

	ts->tv_sec = t / 1000000000;
	ts->tv_nsec = t % 1000000000;
}

static struct thread **bucket(struct bpf_source *b, pid_t tid)
{
	return &b->threads[(unsigned)tid % THREAD_BUCKETS];
}

static struct thread *thread_get(struct bpf_source *b, pid_t tid, bool add)
{
	struct thread **head = bucket(b, tid);

	for (struct thread *t = *head; t; t = t->next)
		if (t->tid == tid)
			return t;
	if (!add)
		return NULL;
	struct thread *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->tid = tid;
	t->next = *head;
	*head = t;
	return t;
}

static void thread_drop(struct bpf_source *b, pid_t tid)
{
	for (struct thread **p = bucket(b, tid); *p; p = &(*p)->next) {
		struct thread *t = *p;

		if (t->tid != tid)
			continue;
		*p = t->next;
		free(t->enter);
		free(t);
		return;
	}
}

static void call_of(const struct bpf_source *b, const struct mt_hdr *enter,
		    struct bpf_call *c)
{
	memset(c, 0, sizeof(*c));
	c->tid = (pid_t)enter->tid;
	c->pid = (pid_t)enter->tgid;
	c->nr = enter->nr;
	memcpy(c->args, enter->args, sizeof(c->args));
	to_timespec(b, enter->ts, &c->enter_ts);
}

static void hand_enter(struct bpf_source *b, const struct mt_hdr *enter,
		       const struct mt_hdr *exit)
{
	struct bpf_capture cap = { { exit, enter } };
	struct tracee_mem mem;
	struct bpf_call c;

	if (!b->ops->syscall_enter)
		return;
	call_of(b, enter, &c);
	bpf_capture_mem(&mem, &cap, c.pid);
	b->ops->syscall_enter(b->data, &c, &mem);
}

/* Whether pid is launched and not exec'd yet; clear: not any more. */
static bool pending(struct bpf_source *b, pid_t pid, bool clear)
{
	for (unsigned i = 0; i < PENDING_MAX; i++)
		if (b->pending[i] == pid) {
			if (clear)
				b->pending[i] = 0;
			return true;
		}
	return false;
}

static void on_enter(struct bpf_source *b, const struct mt_hdr *h)
{
	struct thread *t = thread_get(b, (pid_t)h->tid, true);

	if (!t)
		return;
	/* an entry with no exit before it: its thread was gone or execve'd
	 * (handled at the exec record), so nothing is pending; the copy's
	 * memory is kept for the thread's next call */
	if (h->size > t->cap) {
		free(t->enter);
		t->cap = h->size < 256 ? 256 : h->size;
		t->enter = malloc(t->cap);
		if (!t->enter) {
			t->cap = 0;
			t->in_call = false;
			return;
		}
	}
	memcpy(t->enter, h, h->size);
	t->in_call = true;
	/* what entry could not read, exit reads again: hold the entry;
	 * before the exec only the execve is shown, known at the exec */
	t->held = (h->flags & MT_F_READ_FAILED) ||
		  pending(b, (pid_t)h->tgid, false);
	if (!t->held)
		hand_enter(b, t->enter, NULL);
}

static void on_exit_rec(struct bpf_source *b, const struct mt_hdr *h)
{
	struct thread *t = thread_get(b, (pid_t)h->tid, false);
	struct bpf_capture cap = { { h, NULL } };
	struct tracee_mem mem;
	struct bpf_call c;

	/* an exit with no entry: the call began before we looked */
	if (!t || !t->in_call)
		return;
	t->in_call = false;
	if (pending(b, (pid_t)h->tgid, false))
		return;
	if (t->held)
		hand_enter(b, t->enter, h);
	cap.rec[1] = t->enter;
	call_of(b, t->enter, &c);
	/* a successful execve by another thread returns in the leader */
	c.tid = (pid_t)h->tid;
	c.rval = (int64_t)h->args[0];
	to_timespec(b, h->ts, &c.exit_ts);
	bpf_capture_mem(&mem, &cap, c.pid);
	if (b->ops->syscall_exit)
		b->ops->syscall_exit(b->data, &c, &mem);
	t->held = false;
}

/* The entry of a call that will have no exit record. */
static void release_held(struct bpf_source *b, pid_t tid)
{
	struct thread *t = thread_get(b, tid, false);

	if (t && t->in_call && t->held) {
		hand_enter(b, t->enter, NULL);
		t->held = false;
	}
}

/* A non-leader execve: its exit comes in the leader's name. */
static void on_exec(struct bpf_source *b, const struct mt_hdr *h)
{
	pid_t tid = (pid_t)h->tid, old = (pid_t)h->args[0];
	struct thread *from, *to;
	struct timespec ts;

	if (old != tid && (from = thread_get(b, old, false)) &&
	    (to = thread_get(b, tid, true))) {
		free(to->enter);
		to->enter = from->enter;
		to->cap = from->cap;
		to->in_call = from->in_call;
		to->held = from->held;
		from->enter = NULL;
		thread_drop(b, old);
	}
	/* the first exec of a launched command: its execve is the first
	 * call shown */
	if (pending(b, (pid_t)h->tgid, true) &&
	    (to = thread_get(b, tid, false)) && to->in_call && to->held) {
		hand_enter(b, to->enter, NULL);
		to->held = false;
	}
	to_timespec(b, h->ts, &ts);
	if (b->ops->exec)
		b->ops->exec(b->data, (pid_t)h->tgid, old, &ts);
}

static void on_gone(struct bpf_source *b, const struct mt_hdr *h)
{
	struct timespec ts;

	release_held(b, (pid_t)h->tid);
	to_timespec(b, h->ts, &ts);
	/* a thread another's execve ended: the exec record says so */
	if (b->ops->exit && !(h->args[1] & MT_GONE_EXEC))
		b->ops->exit(b->data, (pid_t)h->tid, (pid_t)h->tgid,
			     (int)h->args[0], h->args[1] & MT_GONE_GROUP,
			     &ts);
	thread_drop(b, (pid_t)h->tid);
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct bpf_source *b = ctx;
	const struct mt_hdr *h = data;
	struct timespec ts;

	if (size < sizeof(*h) || h->size > size)
		return 0;
	switch (h->kind) {
	case MT_ENTER:
		on_enter(b, h);
		break;
	case MT_EXIT:
		on_exit_rec(b, h);
		break;
	case MT_FORK:
		if (b->ops->fork)
			b->ops->fork(b->data, (pid_t)h->tid, (pid_t)h->tgid,
				     (pid_t)h->args[0], (pid_t)h->args[1]);
		break;
	case MT_EXEC:
		on_exec(b, h);
		break;
	case MT_GONE:
		on_gone(b, h);
		break;
	case MT_SIGNAL:
		to_timespec(b, h->ts, &ts);
		if (b->ops->signal)
			b->ops->signal(b->data, (pid_t)h->tid, (pid_t)h->tgid,
				       (int)h->args[0],
				       (const char *)(h + 1) +
					       sizeof(struct mt_seg), &ts);
		break;
	}
	return 0;
}

/* One line naming what is missing; errno from the failed step. */
static void explain(const char *step, int err)
{
	const char *fix = "";

	if (err == EPERM || err == EACCES)
		fix = " (needs root, or CAP_BPF and CAP_PERFMON)";
	else if (err == ENOENT || err == ESRCH || err == EINVAL)
		fix = " (the kernel lacks a tracepoint or BPF feature used)";
	fprintf(stderr, "mytrace: --backend=bpf: %s: %s%s; use "
		"--backend=ptrace\n", step, strerror(err), fix);
}

/* The capture plans and -e trace= go into the object's read-only data
 * before it is loaded: one copy with the object instead of a map update
 * per syscall number. */
static void fill_rodata(struct bpf_source *b,
			const struct bpf_source_config *cfg)
{
	struct mytrace_bpf__rodata *ro = b->skel->rodata;

	ro->follow_forks = cfg->follow;
	bpf_plan_build((struct mt_plan *)ro->plans, MT_MAX_NR, arch_syscalls,
		       cfg->string_limit);
	for (unsigned nr = 0; nr < MT_MAX_NR; nr++)
		for (unsigned i = 0; i < MT_MAX_ARGS; i++)
			if (ro->plans[nr].arg[i].kind != CAP_NONE)
				ro->plan_phases[nr] |=
					ro->plans[nr].arg[i].phase;
	for (uint32_t w = 0; w < MT_MAX_NR / 64; w++) {
		uint64_t bits = ~(uint64_t)0;

		if (cfg->trace)
			for (unsigned i = 0; i < 64; i++)
				if (!syscall_set_has(cfg->trace, w * 64 + i))
					bits &= ~((uint64_t)1 << i);
		ro->selected[w] = bits;
	}
}

static size_t ring_size(size_t want)
{
	size_t n = 4096;

	while (n < want && n < ((size_t)1 << 34))
		n <<= 1;
	return n;
}

struct bpf_source *bpf_source_open(const struct bpf_source_config *cfg,
				   const struct bpf_source_ops *ops,
				   void *data)
{
	struct bpf_source *b = calloc(1, sizeof(*b));
	struct timespec real, mono;
	struct mt_offsets koff;
	const char *missing;
	int err;

	if (!b)
		return NULL;
	b->ops = ops;
	b->data = data;
	libbpf_set_print(quiet_libbpf);
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		fprintf(stderr, "mytrace: --backend=bpf: this kernel has no "
			"BTF (/sys/kernel/btf/vmlinux: %s); use "
			"--backend=ptrace\n", strerror(errno));
		goto fail;
	}
	if (bpf_kernel_offsets(&koff, &missing) < 0) {
		if (missing)
			fprintf(stderr, "mytrace: --backend=bpf: the kernel's "
				"BTF has no %s; use --backend=ptrace\n",
				missing);
		else
			explain("reading the kernel's BTF", errno);
		goto fail;
	}
	b->skel = mytrace_bpf__open();
	if (!b->skel) {
		explain("opening the eBPF object", errno);
		goto fail;
	}
	fill_rodata(b, cfg);
	b->skel->rodata->koff = koff;
	/* without -f a fork's records would only be dropped */
	bpf_program__set_autoload(b->skel->progs.fork, cfg->follow);
	bpf_map__set_max_entries(b->skel->maps.events,
				 ring_size(cfg->ring_bytes ? cfg->ring_bytes :
					   BPF_RING_DEFAULT));
	err = mytrace_bpf__load(b->skel);
	if (err) {
		explain("loading the eBPF programs", -err);
		goto fail;
	}
	err = mytrace_bpf__attach(b->skel);
	if (err) {
		explain("attaching the eBPF programs", -err);
		goto fail;
	}
	b->ring = ring_buffer__new(bpf_map__fd(b->skel->maps.events),
				   on_record, b, NULL);
	if (!b->ring) {
		explain("opening the ring buffer", errno);
		goto fail;
	}
	b->lost_fd = bpf_map__fd(b->skel->maps.lost);
	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	b->clock_offset = (real.tv_sec - mono.tv_sec) * 1000000000LL +
			  (real.tv_nsec - mono.tv_nsec);
	return b;
fail:
	bpf_source_close(b);
	return NULL;
}

int bpf_source_trace(struct bpf_source *b, pid_t tgid)
{
	uint32_t key = (uint32_t)tgid;
	uint8_t one = 1;

	return bpf_map_update_elem(bpf_map__fd(b->skel->maps.traced), &key,
				   &one, BPF_ANY);
}

void bpf_source_untrace_all(struct bpf_source *b)
{
	int fd = bpf_map__fd(b->skel->maps.traced);
	uint32_t key;

	/* deleting the first key each time: the iteration never restarts
	 * from a key that is gone */
	while (bpf_map_get_next_key(fd, NULL, &key) == 0)
		if (bpf_map_delete_elem(fd, &key) < 0)
			break;
}

static void pending_add(struct bpf_source *b, pid_t pid)
{
	for (unsigned i = 0; i < PENDING_MAX; i++)
		if (!b->pending[i]) {
			b->pending[i] = pid;
			return;
		}
}

/* Reads every byte execve will be given, in the child: a fork leaves the
 * child's page-table entries "old", and where the CPU cannot set the
 * accessed bit itself (arm64 without FEAT_HAFDBS, as qemu's cortex-a57)
 * the first touch faults, which an eBPF program may not do: the command's
 * execve printed its filename and argv as addresses there. */
static void touch_exec_args(const char *file, char *const argv[])
{
	volatile char sink = 0;

	for (const char *p = file; *p; p++)
		sink ^= *p;
	for (char *const *a = argv; *a; a++)
		for (const char *p = *a; *p; p++)
			sink ^= *p;
	for (char **e = environ; *e; e++)
		sink ^= **e;
	(void)sink;
}

pid_t bpf_source_spawn(struct bpf_source *b, char *const argv[],
		       const char *const env[], size_t nenv)
{
	char *file = command_resolve(argv[0]);
	int gate[2];
	pid_t pid;
	char c = 0;

	if (!file || pipe2(gate, O_CLOEXEC) < 0) {
		free(file);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		free(file);
		return -1;
	}
	if (pid == 0) {
		close(gate[1]);
		/* held until it is in the traced map */
		while (read(gate[0], &c, 1) < 0 && errno == EINTR)
			;
		command_apply_env(env, nenv);
		touch_exec_args(file, argv);
		execv(file, argv);
		fprintf(stderr, "mytrace: exec: %s\n", strerror(errno));
		_exit(1);
	}
	free(file);
	close(gate[0]);
	pending_add(b, pid);
	if (bpf_source_trace(b, pid) < 0) {
		kill(pid, SIGKILL);
		close(gate[1]);
		return -1;
	}
	if (write(gate[1], &c, 1) < 0)
		kill(pid, SIGKILL);
	close(gate[1]);
	return pid;
}

static void check_lost(struct bpf_source *b)
{
	int ncpu = libbpf_num_possible_cpus();
	uint64_t vals[ncpu > 0 ? ncpu : 1], total = 0;
	uint32_t zero = 0;

	if (ncpu <= 0 || bpf_map_lookup_elem(b->lost_fd, &zero, vals) < 0)
		return;
	for (int i = 0; i < ncpu; i++)
		total += vals[i];
	if (total == b->lost)
		return;
	b->lost = total;
	if (b->ops->lost)
		b->ops->lost(b->data, total);
}

int bpf_source_poll(struct bpf_source *b, int timeout_ms)
{
	int n = ring_buffer__poll(b->ring, timeout_ms);

	if (n < 0 && n != -EINTR)
		return -1;
	/* records sent without a wakeup are there all the same */
	int m = ring_buffer__consume(b->ring);

	check_lost(b);
	return (n > 0 ? n : 0) + (m > 0 ? m : 0);
}

uint64_t bpf_source_lost(struct bpf_source *b)
{
	check_lost(b);
	return b->lost;
}

void bpf_source_close(struct bpf_source *b)
{
	if (!b)
		return;
	ring_buffer__free(b->ring);
	mytrace_bpf__destroy(b->skel);
	for (unsigned i = 0; i < THREAD_BUCKETS; i++)
		while (b->threads[i])
			thread_drop(b, b->threads[i]->tid);
	free(b);
}

#endif
