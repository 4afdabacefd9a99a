/* --backend=bpf as an engine of the pipeline: runs the command under the
 * eBPF source and turns its records into the calls and events the ptrace
 * engine makes (src/engine/syscall_stop.c, tracees.c, stops.c), in the
 * same order, so that every consumer works under both. It cannot stop a
 * tracee: consumers that must (inject, -k) refuse it themselves. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arch.h"
#include "attach.h"
#include "bpf_run.h"
#include "bpf_source.h"
#include "decode.h"
#include "output.h"
#include "pipeline.h"

#define BUCKETS 256

struct bthread {
	struct bthread *next;
	pid_t tid, pid;
	bool before_exec;	/* the command before its execve: hidden */
	bool in_call;		/* between entry and exit records */
	unsigned want;		/* enum call_want of the current call */
	void *consumers;	/* the consumers' state for this thread */
	struct arena arena;
	struct syscall_event sc;
	struct decode_opts dopts;	/* for the current call */
	uint64_t dopts_nr;	/* the call dopts are for; 0 after + 1 */
};

struct brun {
	const struct options *opts;
	struct pipeline p;
	struct bpf_source *b;
	struct bthread *threads[BUCKETS];
	unsigned count;		/* threads seen and not gone */
	unsigned procs;		/* processes traced and not gone */
	pid_t child;
	bool no_notes;		/* -q, or -o with a command */
	bool detaching;		/* --syscall-limit: let go of all */
	bool detached;		/* done: later records are dropped */
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

/* Only to cut the wait for records short: the command's end is news. */
static void on_child(int sig)
{
	(void)sig;
}

/* SIGCHLD interrupts the wait for records. Left alone when mytrace was
 * started with it ignored: the command inherits that through execve, a
 * handler would not pass on. */
static void wake_on_child(void)
{
	struct sigaction old, sa = { .sa_handler = on_child };

	if (sigaction(SIGCHLD, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
		sigaction(SIGCHLD, &sa, NULL);
}

static void note(struct brun *r, const char *fmt, ...)
{
	va_list ap;

	if (r->no_notes)
		return;
	va_start(ap, fmt);
	sink_vnote(fmt, ap);
	va_end(ap);
}

/* --- the table of threads */

static struct bthread **bucket(struct brun *r, pid_t tid)
{
	return &r->threads[(unsigned)tid % BUCKETS];
}

static struct bthread *thread_find(struct brun *r, pid_t tid)
{
	for (struct bthread *t = *bucket(r, tid); t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void thread_link(struct brun *r, struct bthread *t)
{
	struct bthread **head = bucket(r, t->tid);

	t->next = *head;
	*head = t;
	r->count++;
	r->p.visible_threads = r->count;
}

static void thread_unlink(struct brun *r, struct bthread *t)
{
	struct bthread **p = bucket(r, t->tid);

	while (*p != t)
		p = &(*p)->next;
	*p = t->next;
	r->count--;
	r->p.visible_threads = r->count;
}

static struct bthread *thread_add(struct brun *r, pid_t tid, pid_t pid)
{
	struct bthread *t = calloc(1, sizeof(*t));

	if (!t) {
		fprintf(stderr, "mytrace: out of memory\n");
		exit(1);
	}
	t->tid = tid;
	t->pid = pid;
	t->consumers = pipeline_thread_new(&r->p, pid, tid);
	thread_link(r, t);
	return t;
}

static void thread_remove(struct brun *r, struct bthread *t)
{
	thread_unlink(r, t);
	pipeline_thread_free(&r->p, t->consumers);
	arena_free(&t->arena);
	free(t);
}

/* Without -f only the first thread is traced, as under ptrace. */
static bool ignored(const struct brun *r, pid_t tid, pid_t pid)
{
	return !r->opts->follow && tid != pid;
}

/* The thread of a record; made when a record is its first news. */
static struct bthread *thread_get(struct brun *r, pid_t tid, pid_t pid)
{
	struct bthread *t = thread_find(r, tid);

	if (t || ignored(r, tid, pid))
		return t;
	return thread_add(r, tid, pid);
}

/* --- events */

static void event_init(struct bthread *t, struct event *ev,
		       enum event_kind kind, const struct timespec *ts)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->pid = t->pid;
	ev->tid = t->tid;
	ev->scno = t->sc.nr;
	ev->arena = &t->arena;
	ev->ts = *ts;
}

static bool emit(struct brun *r, struct bthread *t, struct event *ev)
{
	if (t->before_exec)
		ev->hidden = true;
	return pipeline_event(&r->p, t->consumers, ev);
}

static bool emit_syscall(struct brun *r, struct bthread *t,
			 enum event_kind kind)
{
	struct event ev;

	event_init(t, &ev, kind, kind == EV_SYSCALL_ENTER ?
		   &t->sc.enter_ts : &t->sc.exit_ts);
	ev.u.sc = &t->sc;
	ev.hidden = !(t->want & CALL_SHOWN);
	return pipeline_event(&r->p, t->consumers, &ev);
}

/* A call that will have no exit: exit_group, the leader's call another
 * thread's execve cuts short, or one in flight when mytrace let go. */
static void finish_in_flight(struct brun *r, struct bthread *t,
			     const struct timespec *ts, bool detached)
{
	bool shown = t->in_call && (t->want & CALL_SHOWN);

	t->in_call = false;
	if (!shown)
		return;
	t->sc.exit_ts = *ts;
	t->sc.ret_unknown = true;
	t->sc.detached = detached;
	emit_syscall(r, t, EV_SYSCALL_EXIT);
	t->want = 0;
}

/* --- letting go (--syscall-limit) */

static void let_go(void *engine)
{
	struct brun *r = engine;

	if (r->detaching)
		return;
	r->detaching = true;
	bpf_source_untrace_all(r->b);
}

/* After let_go: every thread detached as ptrace's detach_now does. */
static void detach_all(struct brun *r)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	r->detached = true;
	for (unsigned i = 0; i < BUCKETS; i++)
		while (r->threads[i]) {
			struct bthread *t = r->threads[i];
			struct event ev;

			note(r, "Process %d detached", t->tid);
			finish_in_flight(r, t, &now, true);
			if (!t->before_exec) {
				event_init(t, &ev, EV_DETACH, &now);
				emit(r, t, &ev);
			}
			pipeline_thread_gone(&r->p, t->consumers, t->pid,
					     t->tid);
			thread_remove(r, t);
		}
}

/* Whether records are still handed on. */
static bool tracing(struct brun *r)
{
	if (r->detaching && !r->detached)
		detach_all(r);
	return !r->detached;
}

static void delay_us(void *engine, pid_t tid, uint64_t us)
{
	struct timespec ts = { (time_t)(us / 1000000),
			       (long)(us % 1000000) * 1000 };

	(void)engine;
	(void)tid;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !interrupted)
		;
}

static const struct engine_ops bpf_ops = {
	.stops_tracees = false,
	.let_go = let_go,
	.delay_us = delay_us,
};

/* --- calls */

static void call_init(struct bthread *t, struct call *c)
{
	memset(c, 0, sizeof(*c));
	c->sc = &t->sc;
	c->pid = t->pid;
	c->tid = t->tid;
	c->native_nr = t->sc.nr;
	c->want = t->want;
	c->arena = &t->arena;
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

static void on_call_enter(void *data, const struct bpf_call *bc,
			  const struct tracee_mem *mem)
{
	struct brun *r = data;
	struct bthread *t;
	struct syscall_event *sc;
	struct decode_ctx ctx;
	struct call c;

	if (!tracing(r) || !(t = thread_get(r, bc->tid, bc->pid)))
		return;
	sc = &t->sc;
	arena_reset(&t->arena);
	memset(sc, 0, sizeof(*sc));
	t->in_call = true;
	t->want = 0;
	sc->nr = (uint64_t)bc->nr;
	sc->arch = arch_personalities[0].name;
	memcpy(sc->raw_args, bc->args, sizeof(sc->raw_args));
	sc->desc = syscall_lookup(arch_syscalls, sc->nr);
	/* the kernel's times cost nothing: -c times calls by them */
	sc->enter_ts = bc->enter_ts;
	if (t->before_exec) {
		if (!sc->desc || !(sc->desc->flags & SF_EXEC))
			return;
		t->before_exec = false;
	}
	call_init(t, &c);
	pipeline_enter(&r->p, t->consumers, &c);
	t->want = c.want;
	if (!(t->want & (CALL_SHOWN | CALL_COLLECT)))
		return;
	if (r->p.plan.needs_args) {
		decode_ctx_init(r, t, &ctx, mem);
		decode_syscall_enter(&ctx);
	}
	/* -P refuses a call at entry; its exit is then hidden too */
	if ((t->want & CALL_SHOWN) && !emit_syscall(r, t, EV_SYSCALL_ENTER))
		t->want &= ~CALL_SHOWN;
}

static void on_call_exit(void *data, const struct bpf_call *bc,
			 const struct tracee_mem *mem)
{
	struct brun *r = data;
	struct bthread *t;
	struct syscall_event *sc;
	struct decode_ctx ctx;
	struct call c;

	if (!tracing(r) || !(t = thread_find(r, bc->tid)) || !t->in_call)
		return;
	sc = &t->sc;
	t->in_call = false;
	sc->rval = bc->rval;
	/* the kernel's error returns are -4095..-1 */
	sc->err = bc->rval < 0 && bc->rval >= -4095 ? (int)-bc->rval : 0;
	sc->exit_ts = bc->exit_ts;
	if (!t->before_exec) {
		call_init(t, &c);
		pipeline_exit(&r->p, t->consumers, &c);
	}
	if (!(t->want & (CALL_SHOWN | CALL_COLLECT)))
		return;
	if (r->p.plan.needs_args) {
		decode_ctx_init(r, t, &ctx, mem);
		decode_syscall_exit(&ctx);
	}
	emit_syscall(r, t, EV_SYSCALL_EXIT);
	t->want = 0;
}

/* --- processes and threads */

static void on_fork(void *data, pid_t tid, pid_t pid, pid_t child_tid,
		    pid_t child_pid)
{
	struct brun *r = data;
	struct bthread *parent, *child;
	struct timespec now;
	struct event ev;

	if (child_pid != pid)
		r->procs++;
	if (!r->opts->follow || !tracing(r) ||
	    !(parent = thread_get(r, tid, pid)) || thread_find(r, child_tid))
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	child = thread_add(r, child_tid, child_pid);
	note(r, "Process %d attached", child_tid);
	event_init(child, &ev, EV_ATTACH, &now);
	emit(r, child, &ev);
	if (child_pid == pid)
		return;
	/* news for the consumers (--filter follow), never printed */
	event_init(parent, &ev, EV_FORK, &now);
	ev.hidden = true;
	ev.u.fork.child = child_pid;
	emit(r, parent, &ev);
}

static void on_gone(void *data, pid_t tid, pid_t pid, int status,
		    bool group_dead, const struct timespec *ts)
{
	struct brun *r = data;
	struct bthread *t;
	struct event ev;

	if (group_dead && r->procs)
		r->procs--;
	if (!tracing(r) || !(t = thread_get(r, tid, pid)))
		return;
	finish_in_flight(r, t, ts, false);
	if (WIFSIGNALED(status)) {
		event_init(t, &ev, EV_KILLED, ts);
		ev.u.exit.status = WTERMSIG(status);
		ev.u.exit.core_dumped = WCOREDUMP(status);
	} else {
		event_init(t, &ev, EV_EXITED, ts);
		ev.u.exit.status = WEXITSTATUS(status);
	}
	/* hidden ones too: the digest needs every process's end */
	emit(r, t, &ev);
	pipeline_thread_gone(&r->p, t->consumers, t->pid, t->tid);
	thread_remove(r, t);
}

/* execve in a thread that is not the leader: the thread takes the
 * leader's tid and the leader vanishes without an exit. */
static void take_over_leader(struct brun *r, pid_t pid, pid_t former,
			     const struct timespec *ts)
{
	struct bthread *t = thread_find(r, former);
	struct bthread *leader = thread_find(r, pid);

	if (!t)
		return;
	thread_unlink(r, t);
	t->tid = pid;
	if (leader) {
		/* the leader's own syscall never returns: "= ?" */
		finish_in_flight(r, leader, ts, false);
		pipeline_thread_takeover(&r->p, t->consumers,
					 leader->consumers);
		thread_remove(r, leader);
	}
	thread_link(r, t);
}

static void on_exec(void *data, pid_t pid, pid_t old_tid,
		    const struct timespec *ts)
{
	struct brun *r = data;
	struct bthread *t;
	struct event ev;

	if (!tracing(r))
		return;
	if (old_tid != pid)
		take_over_leader(r, pid, old_tid, ts);
	t = thread_get(r, pid, pid);
	if (!t)
		return;
	/* the command's execve may be out of the selection: its exec is
	 * the end of what is hidden all the same */
	t->before_exec = false;
	event_init(t, &ev, EV_EXEC, ts);
	ev.u.exec.old_tid = old_tid;
	emit(r, t, &ev);
}

static void on_sig(void *data, pid_t tid, pid_t pid, int sig,
		   const void *siginfo, const struct timespec *ts)
{
	struct brun *r = data;
	struct bthread *t;
	struct event ev;

	/* a SIGKILL is never seen stopped under ptrace, nor printed */
	if (sig == SIGKILL || !tracing(r) || !(t = thread_get(r, tid, pid)))
		return;
	if (t->before_exec)
		return;
	event_init(t, &ev, EV_SIGNAL, ts);
	ev.u.signal.sig = sig;
	ev.u.signal.info = decode_siginfo(&t->arena, siginfo);
	emit(r, t, &ev);
}

static const struct bpf_source_ops run_ops = {
	.syscall_enter = on_call_enter,
	.syscall_exit = on_call_exit,
	.fork = on_fork,
	.exec = on_exec,
	.exit = on_gone,
	.signal = on_sig,
};

/* --- the run */

/* What the bpf backend cannot do: one line, exit 1. -e inject= and -k
 * are refused by their consumers, which need a stopped tracee. */
static void refuse_unsupported(const struct options *o)
{
	const char *what = o->user ? "-u" : o->argv0 ? "--argv0" :
			   !o->command && !o->nattach ? "no command" : NULL;

	if (!what)
		return;
	fprintf(stderr, "mytrace: --backend=bpf: %s: not supported; use "
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

/* --- -p */

/* -p: traces process pid, every thread it has now (and, with -f, its
 * new threads and children, which the kernel marks at their fork). */
static bool attach_one(struct brun *r, pid_t pid)
{
	char why[128];
	const char *refused = attach_check(pid, why, sizeof(why));
	struct timespec now;
	pid_t *tids;
	int n, added = 0;

	if (!refused && thread_find(r, pid))
		return true;	/* named twice */
	if (!refused && bpf_source_trace(r->b, pid) < 0)
		refused = strerror(errno);
	if (refused) {
		fprintf(stderr, "mytrace: attach to %d: %s\n", pid, refused);
		return false;
	}
	n = attach_list_threads(pid, &tids);
	clock_gettime(CLOCK_REALTIME, &now);
	for (int i = 0; i < n; i++) {
		struct bthread *t;
		struct event ev;

		if (thread_find(r, tids[i]))
			continue;
		t = thread_add(r, tids[i], pid);
		event_init(t, &ev, EV_ATTACH, &now);
		emit(r, t, &ev);
		added++;
	}
	if (n > 0)
		free(tids);
	r->procs++;
	if (added > 1)
		note(r, "Process %d attached with %d threads", pid, added);
	else
		note(r, "Process %d attached", pid);
	return true;
}

/* Whether a process -p named still runs: an exit record lost to a full
 * ring must not keep mytrace waiting for it. */
static bool attached_alive(const struct brun *r)
{
	for (size_t i = 0; i < r->opts->nattach; i++)
		if (kill(r->opts->attach[i], 0) == 0 &&
		    !attach_zombie(r->opts->attach[i]))
			return true;
	return false;
}

/* A second without records after the command ended, with processes
 * still counted and none -p named alive: their exit records were lost. */
#define IDLE_POLLS_MAX 100

/* The records wake nobody: mytrace reads them every POLL_MS_MIN while
 * they come, backing off to POLL_MS_MAX while they do not. A wakeup per
 * record would cost the command an interrupt each, and waking mytrace
 * when the ring fills lost records in measurement (it moved mytrace to
 * the command's CPU). */
#define POLL_MS_MIN 1
#define POLL_MS_MAX 10

/* Polls until the command is reaped and no traced process is left, or
 * until mytrace let go of all; then waits for the command's end. */
static int wait_all(struct brun *r)
{
	int status = 0, n, wait_ms = POLL_MS_MIN;
	bool reaped = !r->child;
	unsigned idle = 0;

	while (!r->detached) {
		n = bpf_source_poll(r->b, wait_ms);
		if (n < 0) {
			fprintf(stderr, "mytrace: ring buffer: %s\n",
				strerror(errno));
			break;
		}
		tracing(r);
		sink_flush_all();
		if (!reaped && waitpid(r->child, &status, WNOHANG) == r->child)
			reaped = true;
		/* the command gets the signal; -p alone lets go */
		if (interrupted) {
			if (r->child)
				kill(r->child, interrupted);
			else
				let_go(r);
			interrupted = 0;
		}
		idle = n ? 0 : idle + 1;
		wait_ms = n ? POLL_MS_MIN : wait_ms * 2 > POLL_MS_MAX ?
			  POLL_MS_MAX : wait_ms * 2;
		/* the exit records were written before the reaping */
		if (reaped && (r->procs == 0 || (idle > IDLE_POLLS_MAX &&
						 !attached_alive(r)))) {
			bpf_source_poll(r->b, 0);
			break;
		}
	}
	while (!reaped && waitpid(r->child, &status, 0) < 0)
		if (errno != EINTR)
			break;
	return status;
}

/* The kernel-side selection: what the consumers declared they stop at;
 * NULL (every call) when one looks at every call, or -n wants the
 * latest call number of all. */
static const struct syscall_set *selection(const struct stop_plan *plan)
{
	if (plan->every_call || plan->prefer_every_call)
		return NULL;
	return &plan->stop;
}

/* The count of lost records as an event for the formatters (a JSON
 * "lost" record), before the summary; the text goes to stderr. */
static void emit_lost(struct brun *r)
{
	pid_t pid = r->child ? r->child : r->opts->attach[0];
	struct event ev = { .kind = EV_LOST, .pid = pid, .tid = pid };

	ev.u.lost = bpf_source_lost(r->b);
	if (!ev.u.lost)
		return;
	clock_gettime(CLOCK_REALTIME, &ev.ts);
	pipeline_event(&r->p, NULL, &ev);
}

static void lost_line(struct brun *r)
{
	uint64_t lost = bpf_source_lost(r->b);

	if (lost)
		fprintf(stderr, "mytrace: %llu events lost (a bigger "
			"--bpf-buffer keeps them)\n",
			(unsigned long long)lost);
}

/* Starts the command, hidden until its execve. */
static bool launch(struct brun *r, const struct options *opts)
{
	struct bthread *t;

	r->child = bpf_source_spawn(r->b, opts->command, opts->env,
				    opts->nenv);
	if (r->child < 0) {
		fprintf(stderr, "mytrace: cannot run '%s': %s\n",
			opts->command[0], strerror(errno));
		r->child = 0;
		return false;
	}
	r->procs++;
	t = thread_add(r, r->child, r->child);
	t->before_exec = true;
	r->p.command = r->child;
	return true;
}

static int exit_status(const struct options *opts, int status)
{
	if (!opts->command)
		return 0;
	if (WIFSIGNALED(status)) {
		die_like(WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

int bpf_run(const struct options *opts)
{
	static struct brun r;
	struct bpf_source_config cfg = {
		.follow = opts->follow > 0,
		.string_limit = opts->decode.string_limit,
		.ring_bytes = opts->bpf_buffer,
	};
	bool attached = false;
	int status;

	refuse_unsupported(opts);
	r.opts = opts;
	/* as the ptrace engine: -o with a command alone keeps stderr for
	 * the command; JSON or a table on stderr keeps its stream whole */
	r.no_notes = opts->quiet ||
		     (opts->command && opts->output_path && !opts->nattach) ||
		     (opts->formatter && opts->formatter->attach_records &&
		      (!opts->output_path ||
		       strcmp(opts->output_path, "-") == 0));
	pipeline_init(&r.p, opts, &bpf_ops, &r);
	cfg.trace = selection(&r.p.plan);
	/* on failure the consumers are left as they are, nothing printed
	 * (their end would print an empty summary), as ptrace's launch
	 * leaves them when it exits */
	r.b = bpf_source_open(&cfg, &run_ops, &r);
	if (!r.b)
		return 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	wake_on_child();
	if (!opts->command) {
		signal(SIGHUP, on_signal);
		signal(SIGQUIT, on_signal);
	}
	if (opts->command && !launch(&r, opts)) {
		bpf_source_close(r.b);
		return 1;
	}
	for (size_t i = 0; i < opts->nattach; i++)
		attached |= attach_one(&r, opts->attach[i]);
	if (!opts->command && !attached) {
		bpf_source_close(r.b);
		return 1;
	}
	pipeline_start(&r.p);
	status = wait_all(&r);
	emit_lost(&r);
	pipeline_end(&r.p);
	for (unsigned i = 0; i < BUCKETS; i++)
		while (r.threads[i])
			thread_remove(&r, r.threads[i]);
	sink_flush_all();
	pipeline_free(&r.p);
	lost_line(&r);
	bpf_source_close(r.b);
	return exit_status(opts, status);
}
