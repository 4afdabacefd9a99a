/* --backend=bpf until the event pipeline exists: runs the command under
 * the eBPF source and passes each call through the same decoders and
 * formatter as the ptrace tracer. Options that need the pipeline's
 * consumers are refused here. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch.h"
#include "bpf_run.h"
#include "bpf_source.h"
#include "proc_ident.h"

#define BUCKETS 256

struct bthread {
	struct bthread *next;
	pid_t tid, pid;
	struct arena arena;
	struct syscall_event sc;
	struct decode_opts dopts;
	uint64_t dopts_nr;	/* the call dopts are for; 0 after + 1 */
	struct proc_ident_cache who;
	bool in_call;
};

struct brun {
	const struct options *opts;
	struct format_opts fopts;
	struct sink *out;
	void *fmt;
	struct bthread *threads[BUCKETS];
	unsigned count;		/* threads seen and not gone */
	unsigned procs;		/* processes traced and not gone */
	bool want_who;
	uint64_t lost;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static struct bthread *thread_get(struct brun *r, pid_t tid, pid_t pid)
{
	struct bthread **head = &r->threads[(unsigned)tid % BUCKETS];
	struct bthread *t;

	for (t = *head; t; t = t->next)
		if (t->tid == tid)
			return t;
	if (!pid)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t) {
		fprintf(stderr, "mytrace: out of memory\n");
		exit(1);
	}
	t->tid = tid;
	t->pid = pid;
	t->next = *head;
	*head = t;
	r->count++;
	return t;
}

static void thread_drop(struct brun *r, pid_t tid)
{
	for (struct bthread **p = &r->threads[(unsigned)tid % BUCKETS]; *p;
	     p = &(*p)->next) {
		struct bthread *t = *p;

		if (t->tid != tid)
			continue;
		*p = t->next;
		arena_free(&t->arena);
		free(t);
		r->count--;
		return;
	}
}

/* Takes t out of the table without freeing it. */
static void thread_unlink(struct brun *r, struct bthread *t)
{
	for (struct bthread **p = &r->threads[(unsigned)t->tid % BUCKETS]; *p;
	     p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			r->count--;
			return;
		}
}

static void thread_link(struct brun *r, struct bthread *t)
{
	struct bthread **head = &r->threads[(unsigned)t->tid % BUCKETS];

	t->next = *head;
	*head = t;
	r->count++;
}

/* Without -f strace traces the first thread alone, as ptrace does. */
static bool ignored(const struct brun *r, pid_t tid, pid_t pid)
{
	return !r->opts->follow && tid != pid;
}

static void emit(struct brun *r, struct bthread *t, struct event *ev)
{
	ev->pid = t->pid;
	ev->tid = t->tid;
	ev->scno = t->sc.nr;
	ev->who = r->want_who ? proc_ident_get(&t->who, t->tid) : NULL;
	if (!outfilter_pass(&r->opts->filter, ev))
		return;
	r->opts->formatter->event(r->fmt, ev,
				  r->fopts.bare_pid || r->count > 1);
}

static void decode_ctx_init(struct brun *r, struct bthread *t,
			    struct decode_ctx *ctx,
			    const struct tracee_mem *mem)
{
	/* the options depend on the call alone: copied once for a run of
	 * the same call */
	if (t->dopts_nr != t->sc.nr + 1) {
		t->dopts = r->opts->decode;
		decode_opts_for_syscall(&t->dopts, t->sc.nr);
		t->dopts_nr = t->sc.nr + 1;
	}
	memset(ctx, 0, sizeof(*ctx));
	*ctx = (struct decode_ctx){ 0 };
	ctx->arena = &t->arena;
	ctx->mem = mem;
	ctx->opts = &t->dopts;
	ctx->sc = &t->sc;
}

static void on_call_enter(void *data, const struct bpf_call *c,
		     const struct tracee_mem *mem)
{
	struct brun *r = data;
	struct bthread *t;
	struct syscall_event *sc;
	struct event ev = { .kind = EV_SYSCALL_ENTER };
	struct decode_ctx ctx;

	if (ignored(r, c->tid, c->pid))
		return;
	t = thread_get(r, c->tid, c->pid);
	sc = &t->sc;
	arena_reset(&t->arena);
	memset(sc, 0, sizeof(*sc));
	sc->nr = (uint64_t)c->nr;
	sc->arch = arch_personalities[0].name;
	memcpy(sc->raw_args, c->args, sizeof(sc->raw_args));
	sc->desc = syscall_lookup(arch_syscalls, sc->nr);
	sc->enter_ts = c->enter_ts;
	t->in_call = true;
	decode_ctx_init(r, t, &ctx, mem);
	decode_syscall_enter(&ctx);
	ev.ts = sc->enter_ts;
	ev.u.sc = sc;
	emit(r, t, &ev);
}

static void on_call_exit(void *data, const struct bpf_call *c,
		    const struct tracee_mem *mem)
{
	struct brun *r = data;
	struct bthread *t = thread_get(r, c->tid, 0);
	struct syscall_event *sc;
	struct event ev = { .kind = EV_SYSCALL_EXIT };
	struct decode_ctx ctx;

	if (!t || !t->in_call || ignored(r, c->tid, c->pid))
		return;
	sc = &t->sc;
	t->in_call = false;
	sc->rval = c->rval;
	/* the kernel's error returns are -4095..-1 */
	sc->err = c->rval < 0 && c->rval >= -4095 ? (int)-c->rval : 0;
	sc->exit_ts = c->exit_ts;
	decode_ctx_init(r, t, &ctx, mem);
	decode_syscall_exit(&ctx);
	ev.ts = sc->exit_ts;
	ev.u.sc = sc;
	emit(r, t, &ev);
}

static void on_fork(void *data, pid_t tid, pid_t pid, pid_t child_tid,
		    pid_t child_pid)
{
	struct brun *r = data;

	thread_get(r, child_tid, child_pid);
	if (child_pid != pid)
		r->procs++;
}

/* exit_group and exit never return, nor the leader's call that another
 * thread's execve cuts short: strace's "= ?" */
static void finish_in_flight(struct brun *r, struct bthread *t,
			     const struct timespec *ts)
{
	struct event end = { .kind = EV_SYSCALL_EXIT, .ts = *ts };

	if (!t->in_call)
		return;
	t->sc.ret_unknown = true;
	t->sc.exit_ts = *ts;
	t->in_call = false;
	end.u.sc = &t->sc;
	emit(r, t, &end);
}

static void on_gone(void *data, pid_t tid, pid_t pid, int status,
		    bool group_dead, const struct timespec *ts)
{
	struct brun *r = data;
	struct bthread *t;
	struct event ev = { .ts = *ts };

	if (group_dead && r->procs)
		r->procs--;
	if (ignored(r, tid, pid))
		return;
	t = thread_get(r, tid, pid);
	finish_in_flight(r, t, ts);
	if (WIFSIGNALED(status)) {
		ev.kind = EV_KILLED;
		ev.u.exit.status = WTERMSIG(status);
		ev.u.exit.core_dumped = WCOREDUMP(status);
	} else {
		ev.kind = EV_EXITED;
		ev.u.exit.status = WEXITSTATUS(status);
	}
	emit(r, t, &ev);
	thread_drop(r, tid);
}

static void on_exec(void *data, pid_t pid, pid_t old_tid,
		    const struct timespec *ts)
{
	struct brun *r = data;
	struct bthread *t, *old;
	struct event ev = { .kind = EV_EXEC, .ts = *ts };

	/* the thread that called execve goes on as the leader */
	old = old_tid != pid ? thread_get(r, old_tid, 0) : NULL;
	if (old) {
		t = thread_get(r, pid, 0);
		if (t)
			finish_in_flight(r, t, ts);
		thread_drop(r, pid);
		thread_unlink(r, old);
		old->tid = pid;
		thread_link(r, old);
	}
	t = thread_get(r, pid, pid);
	proc_ident_stale(&t->who);
	ev.u.exec.old_tid = old_tid;
	emit(r, t, &ev);
}

static void on_sig(void *data, pid_t tid, pid_t pid, int sig,
		   const void *siginfo, const struct timespec *ts)
{
	struct brun *r = data;
	struct bthread *t;
	struct event ev = { .kind = EV_SIGNAL, .ts = *ts };

	/* a SIGKILL is never seen stopped under ptrace, nor printed */
	if (sig == SIGKILL || ignored(r, tid, pid))
		return;
	t = thread_get(r, tid, pid);
	ev.u.signal.sig = sig;
	ev.u.signal.info = decode_siginfo(&t->arena, siginfo);
	emit(r, t, &ev);
}

static void on_lost(void *data, uint64_t total)
{
	struct brun *r = data;

	r->lost = total;
}

static const struct bpf_source_ops run_ops = {
	.syscall_enter = on_call_enter,
	.syscall_exit = on_call_exit,
	.fork = on_fork,
	.exec = on_exec,
	.exit = on_gone,
	.signal = on_sig,
	.lost = on_lost,
};

/* What this stand-in does not do yet: one line, exit 1. */
static void refuse_unsupported(const struct options *o)
{
	const char *what = o->inject ? "-e inject= and -e fault= (they stop "
				       "the tracee)" :
			   o->stack_trace ? "-k" :
			   o->stats.count ? "-c" :
			   o->failures ? "--failures" :
			   o->nattach ? "-p" :
			   o->follow == 2 ? "-ff" :
			   o->user ? "-u" :
			   o->syscall_limit ? "--syscall-limit" :
			   !o->command ? "no command" : NULL;

	if (!what)
		return;
	fprintf(stderr, "mytrace: --backend=bpf: %s: not supported yet; use "
		"--backend=ptrace\n", what);
	exit(1);
}

static void die_like(int sig)
{
	struct rlimit no_core = { 0, 0 };

	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A second without records after the command ended, with processes
 * still counted: their exit records were lost. */
#define IDLE_POLLS_MAX 100

/* Polls until the command is reaped and no traced process is left. */
static int wait_all(struct brun *r, struct bpf_source *b, pid_t child)
{
	int status = 0, n;
	bool reaped = false;
	unsigned idle = 0;

	for (;;) {
		n = bpf_source_poll(b, 10);
		if (n < 0) {
			fprintf(stderr, "mytrace: ring buffer: %s\n",
				strerror(errno));
			break;
		}
		sink_flush_all();
		if (!reaped && waitpid(child, &status, WNOHANG) == child)
			reaped = true;
		if (interrupted) {
			kill(child, interrupted);
			interrupted = 0;
		}
		idle = n ? 0 : idle + 1;
		/* the exit records were written before the reaping */
		if (reaped && (r->procs == 0 || idle > IDLE_POLLS_MAX)) {
			bpf_source_poll(b, 0);
			break;
		}
	}
	return status;
}

int bpf_run(const struct options *opts)
{
	struct brun r = { .opts = opts };
	struct bpf_source_config cfg = {
		.follow = opts->follow > 0,
		.string_limit = opts->decode.string_limit,
		.trace = opts->trace_all ? NULL : &opts->trace,
		.ring_bytes = opts->bpf_buffer,
	};
	struct bpf_source *b;
	pid_t child;
	int status;

	refuse_unsupported(opts);
	b = bpf_source_open(&cfg, &run_ops, &r);
	if (!b)
		return 1;
	r.fopts = opts->format;
	r.fopts.bare_pid = opts->output_path && opts->follow == 1;
	r.want_who = opts->formatter->needs_ident ||
		     proc_filter_needs_ident(&opts->procs);
	r.out = sink_open(opts->output_path);
	if (!r.out) {
		fprintf(stderr, "mytrace: can't open '%s': %s\n",
			opts->output_path, strerror(errno));
		bpf_source_close(b);
		return 1;
	}
	r.fmt = opts->formatter->begin(r.out, &r.fopts);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	child = bpf_source_spawn(b, opts->command);
	if (child < 0) {
		fprintf(stderr, "mytrace: cannot run '%s': %s\n",
			opts->command[0], strerror(errno));
		opts->formatter->end(r.fmt);
		sink_close(r.out);
		bpf_source_close(b);
		return 1;
	}
	r.procs++;
	status = wait_all(&r, b, child);
	opts->formatter->end(r.fmt);
	sink_close(r.out);
	sink_flush_all();
	if (bpf_source_lost(b))
		fprintf(stderr, "mytrace: %llu events lost (a bigger "
			"--bpf-buffer keeps them)\n",
			(unsigned long long)bpf_source_lost(b));
	bpf_source_close(b);
	for (unsigned i = 0; i < BUCKETS; i++)
		while (r.threads[i])
			thread_drop(&r, r.threads[i]->tid);
	if (WIFSIGNALED(status)) {
		die_like(WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}
