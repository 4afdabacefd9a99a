/* The tracer core: launch with fork + PTRACE_SEIZE or attach to running
 * processes, one waitpid loop over every traced thread, each kind of stop
 * turned into events, and a clean detach on a fatal signal. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arch.h"
#include "attach.h"
#include "decode.h"
#include "failures.h"
#include "proc_ident.h"
#include "stats.h"
#include "seccomp.h"
#include "tracer.h"
#include "unwind.h"

struct tracee {
	pid_t tid;
	pid_t pid;		/* thread group */
	bool before_exec;	/* our child before its first execve: hidden */
	bool first_exec;	/* -b execve spares the command's own execve */
	bool in_syscall;	/* between entry and exit stops */
	bool shown;		/* the current syscall is printed */
	struct proc_ident_cache who;	/* comm and uid, when wanted */
	bool collect;		/* --failures: decoded even if not shown */
	const struct arch_personality *pers;	/* NULL: native so far */
	uint64_t native_nr;	/* the current call's native number */
	struct inject_action inj;	/* -e inject= on the current call */
	struct timespec cpu_enter;	/* -c: the process's CPU time at entry */
	struct timespec mono_enter;	/* -c -w: wall clock at entry */
	bool filtered;		/* our seccomp filter stops it: PTRACE_CONT
				 * between syscalls */
	bool hidden;		/* followed only for the filter's sake */
	bool detaching;		/* interrupted: let go at the next stop */
	bool unreachable;	/* a zombie when we tried to interrupt it */
	struct sink *out;	/* its own with -ff, else the tracer's */
	void *fmt;
	struct arena arena;
	struct syscall_event sc;
	struct decode_opts decode_opts;	/* for the current syscall */
	uint64_t decode_opts_nr;	/* the call decode_opts were made for */
	int mem_fd;		/* /proc/TID/mem, -1 unopened, -2 refused */
	struct tracee *next;
};

#define TRACEE_BUCKETS 256
#define SPIN_SLOTS 1024
#define GONE_RING 64

struct tracer {
	const struct options *opts;
	struct format_opts fopts;
	struct sink *out;	/* NULL with -ff: every tracee has its own */
	void *fmt;
	struct tracee *buckets[TRACEE_BUCKETS];
	unsigned count;
	pid_t child;		/* the launched command, or 0 */
	int child_status;	/* its wait status, once it ended */
	bool child_done;
	bool no_syscall_info;	/* kernel lacks PTRACE_GET_SYSCALL_INFO */
	bool want_who;		/* events carry comm and uid */
	bool want_clock;	/* syscall events carry their times */
	unsigned long syscalls_shown;	/* for --syscall-limit */
	/* the personality of the latest call: a new thread starts in it */
	const struct arch_personality *cur_pers;
	bool quiet;		/* -c: the summary instead of the trace */
	bool skip_decode;	/* -c alone: nothing needs the arguments */
	struct stats *stats;	/* -c, -C */
	struct unwinder *unwind;	/* -k */
	struct failures *failures;	/* --failures */
	bool seccomp;		/* the command runs under our filter */
	struct seccomp_prog prog;
	unsigned hidden;	/* tracees that never show */
	bool no_notes;		/* -q: no "Process N attached/detached" */
	/* a fatal signal came, or --syscall-limit was reached: letting go
	 * of all */
	bool detaching;
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
	bool multi_cpu;		/* we may run on several CPUs: poll stops */
	/* per syscall: pollings in a row that found no stop */
	unsigned char spin_fails[SPIN_SLOTS];
};

static volatile sig_atomic_t flush_due;
static volatile sig_atomic_t interrupted;

static void on_alarm(int sig)
{
	(void)sig;
	flush_due = 1;
}

static void on_fatal(int sig)
{
	interrupted = sig;
}

static void die(const char *what)
{
	fprintf(stderr, "mytrace: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* "mytrace: Process N attached" and the like, on stderr after whatever
 * trace text is already there. */
static void note(struct tracer *tr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void note(struct tracer *tr, const char *fmt, ...)
{
	va_list ap;

	if (tr->no_notes)
		return;
	sink_flush_all();
	fputs("mytrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* --- tracee table */

static struct tracee **bucket_of(struct tracer *tr, pid_t tid)
{
	return &tr->buckets[(unsigned)tid % TRACEE_BUCKETS];
}

static struct tracee *tracee_find(struct tracer *tr, pid_t tid)
{
	for (struct tracee *t = *bucket_of(tr, tid); t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void open_own_sink(struct tracer *tr, struct tracee *t)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s.%d", tr->opts->output_path, t->tid);
	t->out = sink_open(path);
	if (!t->out) {
		fprintf(stderr, "mytrace: can't open '%s': %s\n", path,
			strerror(errno));
		exit(1);
	}
	t->fmt = tr->opts->formatter->begin(t->out, &tr->fopts);
	if (!t->fmt)
		die("formatter");
}

static void close_own_sink(struct tracer *tr, struct tracee *t)
{
	if (tr->out || !t->out)
		return;
	tr->opts->formatter->end(t->fmt);
	sink_close(t->out);
	t->out = NULL;
	t->fmt = NULL;
}

static void tracee_link(struct tracer *tr, struct tracee *t)
{
	struct tracee **b = bucket_of(tr, t->tid);

	t->next = *b;
	*b = t;
}

static void tracee_unlink(struct tracer *tr, struct tracee *t)
{
	struct tracee **p = bucket_of(tr, t->tid);

	while (*p != t)
		p = &(*p)->next;
	*p = t->next;
}

static struct tracee *tracee_add(struct tracer *tr, pid_t tid, pid_t pid)
{
	struct tracee *t = calloc(1, sizeof(*t));

	if (!t)
		die("calloc");
	t->tid = tid;
	t->pid = pid;
	t->mem_fd = -1;
	/* made for some number now, so that the cache is never empty */
	t->decode_opts = tr->opts->decode;
	t->decode_opts_nr = UINT64_MAX;
	decode_opts_for_syscall(&t->decode_opts, t->decode_opts_nr);
	t->detaching = tr->detaching;
	if (tr->out) {
		t->out = tr->out;
		t->fmt = tr->fmt;
	} else {
		open_own_sink(tr, t);
	}
	tracee_link(tr, t);
	tr->count++;
	return t;
}

/* Reading /proc/TID/mem with pread costs less than process_vm_readv,
 * which looks the process up and checks access on every call (0.43 vs
 * 0.54-0.70 us for 32 bytes). One descriptor per traced thread, opened
 * at its first read and closed when it execs (the file keeps the old
 * memory) or goes; past MEM_FDS_MAX threads the others use
 * process_vm_readv. */
#define MEM_FDS_MAX 256

static int tracee_mem_fd(struct tracer *tr, struct tracee *t)
{
	char path[32];

	if (t->mem_fd != -1)
		return t->mem_fd;
	if (tr->mem_fds < MEM_FDS_MAX) {
		snprintf(path, sizeof(path), "/proc/%d/mem", t->tid);
		t->mem_fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (t->mem_fd >= 0)
		tr->mem_fds++;
	else
		t->mem_fd = -2;
	return t->mem_fd;
}

static void tracee_mem_close(struct tracer *tr, struct tracee *t)
{
	if (t->mem_fd >= 0) {
		close(t->mem_fd);
		tr->mem_fds--;
	}
	t->mem_fd = -1;
}

static void tracee_remove(struct tracer *tr, struct tracee *t)
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
	tracee_unlink(tr, t);
	close_own_sink(tr, t);
	arena_free(&t->arena);
	free(t);
	tr->count--;
}

/* What other modules keep per thread (-k caches, -e inject= counts). */
static void forget_thread(struct tracer *tr, struct tracee *t)
{
	if (tr->unwind)
		unwind_forget_thread(tr->unwind, t->pid, t->tid);
	inject_forget(tr->opts->inject, t->tid);
}

static void remember_gone(struct tracer *tr, pid_t tid)
{
	tr->gone[tr->gone_next++ % GONE_RING] = tid;
}

static bool is_gone(struct tracer *tr, pid_t tid)
{
	for (unsigned i = 0; i < GONE_RING; i++)
		if (tr->gone[i] == tid)
			return true;
	return false;
}

static void set_in_syscall(struct tracer *tr, struct tracee *t, bool in)
{
	if (t->in_syscall == in)
		return;
	t->in_syscall = in;
	if (in)
		tr->in_syscall++;
	else
		tr->in_syscall--;
}

/* --- events */

static void now(struct timespec *ts)
{
	clock_gettime(CLOCK_REALTIME, ts);
}

/* Whether lines carry the pid: never with -ff (the file names it), always
 * with -f into a file, else once more than one thread is traced. */
static bool show_pid(struct tracer *tr)
{
	if (!tr->out)
		return false;
	return tr->fopts.bare_pid || tr->count - tr->hidden > 1;
}

static const struct proc_ident *tracee_who(struct tracer *tr,
					   struct tracee *t)
{
	return tr->want_who ? proc_ident_get(&t->who, t->tid) : NULL;
}

/* Whether --filter lets this process's events through. */
static bool tracee_selected(struct tracer *tr, struct tracee *t)
{
	return proc_filter_match(&tr->opts->procs, t->pid, tracee_who(tr, t));
}

/* Hands ev to the formatter unless a print filter refuses it; returns
 * whether it was handed over. --filter chose syscalls at their entry. */
static bool emit(struct tracer *tr, struct tracee *t, struct event *ev)
{
	bool is_syscall = ev->kind == EV_SYSCALL_ENTER ||
			  ev->kind == EV_SYSCALL_EXIT;

	if (!is_syscall && !tracee_selected(tr, t))
		return false;
	ev->who = tracee_who(tr, t);
	if (!outfilter_pass(&tr->opts->filter, ev))
		return false;
	/* -c: the summary replaces the trace; the event counts as shown */
	if (tr->quiet && ev->kind != EV_FAILURES)
		return true;
	tr->opts->formatter->event(t->fmt, ev, show_pid(tr));
	return true;
}

static bool emit_syscall(struct tracer *tr, struct tracee *t,
			 enum event_kind kind)
{
	struct event ev = {
		.kind = kind,
		.pid = t->pid,
		.tid = t->tid,
		.u.sc = &t->sc,
		.scno = t->sc.nr,
	};

	ev.ts = kind == EV_SYSCALL_ENTER ? t->sc.enter_ts : t->sc.exit_ts;
	return emit(tr, t, &ev);
}

static void emit_simple(struct tracer *tr, struct tracee *t,
			enum event_kind kind)
{
	struct event ev = { .kind = kind, .pid = t->pid, .tid = t->tid,
			    .scno = t->sc.nr };

	now(&ev.ts);
	emit(tr, t, &ev);
}

static void decode_ctx_init(struct tracer *tr, struct tracee *t,
			    struct decode_ctx *ctx, struct tracee_mem *mem)
{
	tracee_mem_init(mem, t->tid);
	mem->fd = tracee_mem_fd(tr, t);
	ctx->arena = &t->arena;
	ctx->mem = mem;
	/* the options depend on the call alone: copied once for a run of
	 * the same call, not at its every entry and exit */
	if (t->decode_opts_nr != t->native_nr) {
		t->decode_opts = tr->opts->decode;
		decode_opts_for_syscall(&t->decode_opts, t->native_nr);
		t->decode_opts_nr = t->native_nr;
	}
	ctx->opts = &t->decode_opts;
	ctx->sc = &t->sc;
}

static bool is_execve(const struct syscall_desc *d)
{
	return d && (strcmp(d->name, "execve") == 0 ||
		     strcmp(d->name, "execveat") == 0);
}

static void sleep_us(uint64_t us)
{
	struct timespec ts = { (time_t)(us / 1000000),
			       (long)(us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !interrupted)
		;
}

/* -e inject= at entry: count the call, and skip it, delay it or signal
 * the thread as the rule says. */
static void inject_enter(struct tracer *tr, struct tracee *t, uint64_t nr)
{
	const struct inject_rule *r;

	t->inj = inject_decide(tr->opts->inject, t->tid, nr);
	r = t->inj.rule;
	if (!r)
		return;
	if (r->delay_enter_us)
		sleep_us(r->delay_enter_us);
	if (r->fault && arch_skip_syscall(t->tid) < 0) {
		fprintf(stderr, "mytrace: cannot inject into syscall %llu of "
			"%d: %s\n", (unsigned long long)nr, t->tid,
			strerror(errno));
		t->inj.rule = NULL;
		return;
	}
	if (r->signo)
		syscall(SYS_tgkill, t->pid, t->tid, r->signo);
}

/* -e inject= at exit: the result the rule asked for replaces -ENOSYS. */
static void inject_exit(struct tracee *t, int64_t *rval, bool *is_error)
{
	const struct inject_rule *r = t->inj.rule;

	t->inj.rule = NULL;
	if (r->fault) {
		int64_t v = r->err ? -(int64_t)r->err : r->retval;

		if (arch_set_return(t->tid, v) == 0) {
			*rval = v;
			*is_error = r->err != 0;
			t->sc.injected = true;
		}
	}
	if (r->delay_exit_us)
		sleep_us(r->delay_exit_us);
	t->sc.delayed = r->delay_enter_us || r->delay_exit_us;
}

/* -c: between a call's entry and exit stops the thread runs only in the
 * kernel, so the CPU time its process used meanwhile is the system time
 * the call cost (with other threads' time, as the wait4 rusage strace
 * reads has). The process CPU clock reads it in nanoseconds with one
 * cheap call on any process, where rusage needs a wait4 at every stop
 * and is sampled at the tick. Zero if the process is gone. */
static void process_cpu_time(pid_t pid, struct timespec *ts)
{
	/* the kernel's CPU clock ids: ~pid << 3, CPUCLOCK_SCHED (2) */
	clockid_t clock = (clockid_t)((~(unsigned)pid) << 3) | 2;

	if (clock_gettime(clock, ts) < 0)
		*ts = (struct timespec){ 0 };
}

static void stats_exit(struct tracer *tr, struct tracee *t)
{
	struct timespec d, end;
	const struct syscall_desc *desc = t->sc.desc;
	/* a compat call the native table lacks gets a key of its own */
	uint64_t key = t->native_nr != SYSCALL_NR_NONE ? t->native_nr :
		       (1ULL << 32) | t->sc.nr;

	if (tr->opts->stats.wall) {
		clock_gettime(CLOCK_MONOTONIC, &end);
		d.tv_sec = end.tv_sec - t->mono_enter.tv_sec;
		d.tv_nsec = end.tv_nsec - t->mono_enter.tv_nsec;
	} else {
		process_cpu_time(t->pid, &end);
		d.tv_sec = end.tv_sec - t->cpu_enter.tv_sec;
		d.tv_nsec = end.tv_nsec - t->cpu_enter.tv_nsec;
	}
	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000;
	}
	/* a clock that could not be read counts nothing, not negative */
	if (d.tv_sec < 0)
		d = (struct timespec){ 0 };
	stats_record(tr->stats, key, desc ? desc->name : NULL, &d,
		     t->sc.err != 0);
}

/* --failures: where a failed call's descriptor pointed, if it has one. */
static void record_failure(struct tracer *tr, struct tracee *t)
{
	const struct syscall_event *sc = &t->sc;
	char link[64], target[4096];
	ssize_t n = -1;

	if (sc->err && sc->desc && !sc->desc->raw && sc->desc->nargs &&
	    sc->desc->args[0].type == ARG_FD) {
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tid,
			 (int)sc->raw_args[0]);
		n = readlink(link, target, sizeof(target) - 1);
	}
	if (n > 0)
		target[n] = 0;
	failures_record(tr->failures, t->pid, sc, n > 0 ? target : NULL);
}

/* A call in another personality than the thread's last one: strace's
 * "[ Process PID=N runs in 32 bit mode. ]".  As in strace, a thread's first
 * call is compared with the latest call of any thread. */
static void set_personality(struct tracer *tr, struct tracee *t,
			    uint32_t audit)
{
	const struct arch_personality *p = arch_personality_of(audit);
	struct event ev = { .kind = EV_PERSONALITY, .pid = t->pid,
			    .tid = t->tid, .scno = t->sc.nr };

	if (!tr->cur_pers)
		tr->cur_pers = &arch_personalities[0];
	if (!t->pers)
		t->pers = tr->cur_pers;
	tr->cur_pers = p;
	if (p == t->pers)
		return;
	t->pers = p;
	if (t->before_exec)
		return;
	now(&ev.ts);
	ev.u.personality.mode = p->mode;
	emit(tr, t, &ev);
}

static void syscall_enter(struct tracer *tr, struct tracee *t, uint64_t nr,
			  const uint64_t *args, uint64_t sp)
{
	const struct arch_personality *pers =
		t->pers ? t->pers : &arch_personalities[0];
	struct syscall_event *sc = &t->sc;
	struct decode_ctx ctx;
	struct tracee_mem mem;

	arena_reset(&t->arena);
	memset(sc, 0, sizeof(*sc));
	set_in_syscall(tr, t, true);
	sc->nr = nr;
	sc->arch = pers->name;
	memcpy(sc->raw_args, args, sizeof(sc->raw_args));
	sc->stack_pointer = sp;
	sc->desc = syscall_lookup(pers->table, nr);
	/* sets and rules are keyed by native numbers */
	t->native_nr = arch_native_nr(pers, nr);
	if (t->before_exec) {
		if (!is_execve(sc->desc)) {
			t->shown = false;
			return;
		}
		t->before_exec = false;
	}
	if (tr->opts->inject)
		inject_enter(tr, t, t->native_nr);
	t->shown = syscall_set_has(&tr->opts->trace, t->native_nr) &&
		   tracee_selected(tr, t);
	/* the digest looks at every call, whatever -e trace= shows */
	t->collect = tr->failures != NULL;
	if (!t->shown && !t->collect)
		return;
	if (tr->want_clock)
		now(&sc->enter_ts);
	if (tr->stats && t->shown) {
		if (tr->opts->stats.wall)
			clock_gettime(CLOCK_MONOTONIC, &t->mono_enter);
		else
			process_cpu_time(t->pid, &t->cpu_enter);
	}
	/* -c alone: counting needs no argument, so none is decoded */
	if (tr->skip_decode)
		return;
	decode_ctx_init(tr, t, &ctx, &mem);
	decode_syscall_enter(&ctx);
	if (!t->shown)
		return;
	/* calls that never return have their stack taken now, the others
	 * at exit (execve's is the new program's, as strace shows it) */
	if (tr->unwind && !tr->quiet && sc->desc &&
	    (strcmp(sc->desc->name, "exit") == 0 ||
	     strcmp(sc->desc->name, "exit_group") == 0))
		sc->stack = unwind_capture(tr->unwind, t->pid, t->tid,
					   &t->arena);
	/* -P refuses a call at entry; its exit is then hidden too */
	if (!emit_syscall(tr, t, EV_SYSCALL_ENTER))
		t->shown = false;
}

/* Our own filter, installed before exec, lets the tracee run free between
 * syscalls. A filter the tracee installs itself may outrank our TRACE
 * (ERRNO, KILL, USER_NOTIF) and hide calls from us: its whole thread group
 * (TSYNC) goes back to stopping at every syscall. */
static void filter_installed(struct tracer *tr, struct tracee *t)
{
	if (t->before_exec) {
		t->filtered = true;
		return;
	}
	for (unsigned b = 0; b < TRACEE_BUCKETS; b++)
		for (struct tracee *o = tr->buckets[b]; o; o = o->next)
			if (o->pid == t->pid)
				o->filtered = false;
}

static void begin_detach(struct tracer *tr, int sig);

static void syscall_exit(struct tracer *tr, struct tracee *t, int64_t rval,
			 bool is_error)
{
	struct syscall_event *sc = &t->sc;
	struct decode_ctx ctx;
	struct tracee_mem mem;
	bool shown;

	set_in_syscall(tr, t, false);
	if (t->inj.rule)
		inject_exit(t, &rval, &is_error);
	/* even untraced: an mmap of code makes the -k caches stale */
	if (tr->unwind)
		unwind_after_syscall(tr->unwind, t->pid, sc->desc,
				     sc->raw_args, is_error);
	if (tr->seccomp && seccomp_installs_filter(sc->nr, sc->raw_args, rval))
		filter_installed(tr, t);
	sc->rval = rval;
	sc->err = is_error ? (int)-rval : 0;
	/* even untraced: setuid or PR_SET_NAME changes who the thread is */
	if (tr->want_who && proc_ident_changed_by(sc))
		proc_ident_stale(&t->who);
	if (!t->shown && !t->collect)
		return;
	shown = t->shown;
	t->shown = t->collect = false;
	if (tr->want_clock)
		now(&sc->exit_ts);
	if (tr->stats && shown)
		stats_exit(tr, t);
	if (tr->skip_decode)
		return;
	decode_ctx_init(tr, t, &ctx, &mem);
	decode_syscall_exit(&ctx);
	/* the stack of an unshown call only matters to the digest */
	if (tr->unwind && !tr->quiet && !sc->stack && (shown || sc->err))
		sc->stack = unwind_capture(tr->unwind, t->pid, t->tid,
					   &t->arena);
	if (shown && emit_syscall(tr, t, EV_SYSCALL_EXIT) &&
	    tr->opts->syscall_limit && !tr->detaching &&
	    ++tr->syscalls_shown == tr->opts->syscall_limit)
		begin_detach(tr, 0);
	if (tr->failures)
		record_failure(tr, t);
}

/* A syscall still in flight when its thread vanished, or when mytrace
 * let go of it, ends with "= ?" / "<detached ...>". */
static void finish_in_flight(struct tracer *tr, struct tracee *t,
			     bool detached)
{
	if (!t->in_syscall || !t->shown)
		return;
	now(&t->sc.exit_ts);
	t->sc.ret_unknown = true;
	t->sc.detached = detached;
	set_in_syscall(tr, t, false);
	t->shown = t->collect = false;
	emit_syscall(tr, t, EV_SYSCALL_EXIT);
}

/* --- stops */
/* --- stops */

/* Between syscalls, a filtered tracee runs until the filter stops it at
 * the entry of a traced syscall; hidden ones never stop at syscalls. */
static void resume(struct tracee *t, int sig)
{
	bool cont = t->hidden ||
		    (t->filtered && !t->in_syscall && !t->before_exec);
	int req = cont ? PTRACE_CONT : PTRACE_SYSCALL;

	if (ptrace(req, t->tid, 0, (long)sig) < 0 && errno != ESRCH)
		fprintf(stderr, "mytrace: ptrace(%s, %d): %s\n",
			cont ? "PTRACE_CONT" : "PTRACE_SYSCALL", t->tid,
			strerror(errno));
}

static bool exit_wanted(const struct tracer *tr, const struct tracee *t)
{
	return t->shown || t->collect || t->inj.rule || tr->unwind ||
	       seccomp_watches(t->sc.nr) ||
	       (tr->want_who && proc_ident_watches(&t->sc));
}

/* Acts on what PTRACE_GET_SYSCALL_INFO said of a syscall stop. */
static void on_syscall_info(struct tracer *tr, struct tracee *t,
			    const struct __ptrace_syscall_info *info)
{
	switch (info->op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		set_personality(tr, t, info->arch);
		syscall_enter(tr, t, info->entry.nr,
			      (const uint64_t *)info->entry.args,
			      info->stack_pointer);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		set_personality(tr, t, info->arch);
		syscall_enter(tr, t, info->seccomp.nr,
			      (const uint64_t *)info->seccomp.args,
			      info->stack_pointer);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		syscall_exit(tr, t, info->exit.rval, info->exit.is_error);
		break;
	default:
		break;
	}
}

/* A syscall stop; known is what a probe already read of it, or NULL. */
static void on_syscall_stop(struct tracer *tr, struct tracee *t,
			    const struct __ptrace_syscall_info *known)
{
	struct __ptrace_syscall_info info;
	struct syscall_regs regs;

	/* The exit of a call nobody looks at needs no reading: one ptrace
	 * call less per syscall when filtering without seccomp. */
	if (t->in_syscall && !exit_wanted(tr, t)) {
		set_in_syscall(tr, t, false);
		return;
	}
	if (known) {
		on_syscall_info(tr, t, known);
		return;
	}
	if (!tr->no_syscall_info) {
		long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid,
				sizeof(info), &info);

		if (n > 0) {
			on_syscall_info(tr, t, &info);
			return;
		}
		if (errno == ESRCH)
			return;
		tr->no_syscall_info = true;
	}
	/* older kernels: registers, and our own idea of entry or exit */
	if (arch_get_syscall_regs(t->tid, &regs) < 0)
		return;
	if (!t->in_syscall)
		syscall_enter(tr, t, regs.nr, regs.args, regs.sp);
	else
		syscall_exit(tr, t, regs.rval,
			     regs.rval < 0 && regs.rval >= -4095);
}

/* Lets go of t at a stop, handing back the signal it was about to get,
 * and forgets it. A group-stopped thread stays stopped. */
static void detach_now(struct tracer *tr, struct tracee *t, int sig)
{
	if (ptrace(PTRACE_DETACH, t->tid, 0, (long)sig) < 0 &&
	    errno != ESRCH)
		fprintf(stderr, "mytrace: ptrace(PTRACE_DETACH, %d): %s\n",
			t->tid, strerror(errno));
	if (!t->hidden)
		note(tr, "Process %d detached", t->tid);
	finish_in_flight(tr, t, true);
	if (!t->hidden && !t->before_exec)
		emit_simple(tr, t, EV_DETACH);
	forget_thread(tr, t);
	tracee_remove(tr, t);
}

static void on_signal_stop(struct tracer *tr, struct tracee *t, int sig)
{
	siginfo_t si;
	struct event ev = { .kind = EV_SIGNAL, .pid = t->pid, .tid = t->tid,
			    .scno = t->sc.nr };

	if (t->detaching) {
		detach_now(tr, t, sig);
		return;
	}
	if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, &si) < 0) {
		resume(t, sig);
		return;
	}
	if (!t->before_exec && !t->hidden) {
		now(&ev.ts);
		ev.u.signal.sig = sig;
		ev.u.signal.info = decode_siginfo(&t->arena, &si);
		if (tr->unwind && !tr->quiet)
			ev.u.signal.stack = unwind_capture(tr->unwind, t->pid,
							   t->tid, &t->arena);
		emit(tr, t, &ev);
	}
	resume(t, sig);
}

/* A task that inherits our filter must stay traced, or SECCOMP_RET_TRACE
 * fails its calls with ENOSYS. Without -f it is followed silently, from
 * its first stop: its parent's fork event may come before that stop or
 * after the task has already exited, so it is no sign of a new task. */
static struct tracee *follow_silently(struct tracer *tr, pid_t tid)
{
	struct tracee *t = tracee_add(tr, tid, tid);

	t->hidden = true;
	tr->hidden++;
	return t;
}

/* A tracee the kernel attached for us (-f). Its first stop and its
 * parent's fork/clone event come in either order; whichever is first
 * makes the record. */
static struct tracee *adopt(struct tracer *tr, pid_t tid, pid_t pid)
{
	struct tracee *t = tracee_find(tr, tid);

	if (t || is_gone(tr, tid))
		return t;
	t = tracee_add(tr, tid, pid ? pid : attach_tgid(tid));
	note(tr, "Process %d attached", tid);
	emit_simple(tr, t, EV_ATTACH);
	return t;
}

static void on_new_child(struct tracer *tr, struct tracee *parent,
			 unsigned event)
{
	struct tracee *child;
	unsigned long msg = 0;
	pid_t pid = 0;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, 0, &msg) < 0 || !msg)
		return;
	/* without -f, only our filter has us follow (at the first stop) */
	if (!tr->opts->follow)
		return;
	/* fork and vfork make a process; clone may make either */
	if (event != PTRACE_EVENT_CLONE)
		pid = (pid_t)msg;
	child = adopt(tr, (pid_t)msg, pid);
	/* a child inherits its parent's seccomp filter */
	if (child)
		child->filtered = parent->filtered;
}

/* execve in a thread that is not the leader: the kernel gives the leader's
 * tid to the execing thread and the leader vanishes without an exit. */
static struct tracee *take_over_leader(struct tracer *tr,
				       struct tracee *leader, pid_t former)
{
	struct tracee *t;

	if (former <= 0 || former == leader->tid)
		return leader;
	t = tracee_find(tr, former);
	if (!t)
		return leader;
	/* the leader's own syscall never returns: strace's "= ?" */
	finish_in_flight(tr, leader, false);
	if (!tr->out) {
		/* -ff: the thread goes on in the leader's file */
		struct sink *out = t->out;
		void *fmt = t->fmt;

		t->out = leader->out;
		t->fmt = leader->fmt;
		leader->out = out;
		leader->fmt = fmt;
	}
	tracee_unlink(tr, t);
	t->tid = leader->tid;
	t->first_exec = leader->first_exec;
	tracee_remove(tr, leader);
	tracee_link(tr, t);
	return t;
}

/* Every successful execve: the thread that called it takes over the
 * leader, the comm and uid are the new program's, and an EV_EXEC says so
 * (before the execve's own exit). */
static struct tracee *exec_happened(struct tracer *tr, struct tracee *t)
{
	unsigned long msg = 0;
	pid_t former = t->tid;
	struct event ev = { .kind = EV_EXEC };

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg) == 0 && msg)
		former = (pid_t)msg;
	t = take_over_leader(tr, t, former);
	tracee_mem_close(tr, t);
	proc_ident_stale(&t->who);
	if (t->hidden)
		return t;
	ev.pid = t->pid;
	ev.tid = t->tid;
	ev.scno = t->sc.nr;
	ev.u.exec.old_tid = former;
	now(&ev.ts);
	emit(tr, t, &ev);
	return t;
}

static void on_exec(struct tracer *tr, struct tracee *t)
{
	t = exec_happened(tr, t);
	if (t->first_exec) {
		t->first_exec = false;
	} else if (tr->opts->detach_on_execve) {
		detach_now(tr, t, 0);
		return;
	}
	resume(t, 0);
}

/* A PTRACE_EVENT_STOP: a group-stop (the thread must stay stopped until
 * SIGCONT, so it is only listened to), or the stop of an interrupt, a new
 * tracee or a SIGCONT, after which it runs on. */
static void on_ptrace_stop(struct tracer *tr, struct tracee *t, int sig)
{
	if (t->detaching) {
		detach_now(tr, t, 0);
		return;
	}
	/* under PTRACE_SEIZE a group-stop reports its stop signal, every
	 * other PTRACE_EVENT_STOP reports SIGTRAP */
	if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	    sig == SIGTTOU) {
		if (!t->before_exec) {
			struct event ev = { .kind = EV_GROUP_STOP,
					    .pid = t->pid, .tid = t->tid,
					    .scno = t->sc.nr };

			now(&ev.ts);
			ev.u.signal.sig = sig;
			emit(tr, t, &ev);
		}
		if (ptrace(PTRACE_LISTEN, t->tid, 0, 0) < 0 &&
		    errno != ESRCH)
			resume(t, 0);
		return;
	}
	resume(t, 0);
}

static void on_event_stop(struct tracer *tr, struct tracee *t, int status)
{
	unsigned event = (unsigned)status >> 16;

	switch (event) {
	case PTRACE_EVENT_SECCOMP:
		if (t->detaching)
			break;
		/* the entry of a traced syscall, unless PTRACE_SYSCALL already
		 * showed it (kernels since 4.8 stop at entry first) */
		if (!t->hidden && !t->in_syscall)
			on_syscall_stop(tr, t, NULL);
		resume(t, 0);
		return;
	case PTRACE_EVENT_STOP:
		on_ptrace_stop(tr, t, WSTOPSIG(status));
		return;
	case PTRACE_EVENT_EXEC:
		if (!t->detaching) {
			on_exec(tr, t);
			return;
		}
		t = exec_happened(tr, t);
		break;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_child(tr, t, event);
		break;
	default:
		break;
	}
	if (t->detaching)
		detach_now(tr, t, 0);
	else
		resume(t, 0);
}

static void on_exit_status(struct tracer *tr, struct tracee *t, int status)
{
	struct event ev = { .pid = t->pid, .tid = t->tid, .scno = t->sc.nr };

	finish_in_flight(tr, t, false);
	now(&ev.ts);
	if (WIFEXITED(status)) {
		ev.kind = EV_EXITED;
		ev.u.exit.status = WEXITSTATUS(status);
	} else {
		ev.kind = EV_KILLED;
		ev.u.exit.status = WTERMSIG(status);
		ev.u.exit.core_dumped = WCOREDUMP(status);
	}
	if (!t->before_exec && !t->hidden)
		emit(tr, t, &ev);
	if (tr->failures && t->tid == t->pid)
		failures_process_exit(tr->failures, t->pid, t->tid == tr->child,
				      ev.kind == EV_KILLED, ev.u.exit.status);
	forget_thread(tr, t);
	if (t->tid == tr->child) {
		tr->child_status = status;
		tr->child_done = true;
	}
	remember_gone(tr, t->tid);
	tracee_remove(tr, t);
}

/* Stops of one thread found in a row without wait4 before wait4 looks
 * at the others, whose stops could otherwise wait behind it. */
#define PROBE_RUN_MAX 32
/* Syscall stops of one thread in a row after which the others count as
 * parked in their syscalls (a parent in wait4, a thread in a futex). */
#ifndef STREAK_PARKED
#define STREAK_PARKED 8
#endif

/* Counts syscall stops of one thread in a row. */
static void note_syscall_stop(struct tracer *tr, const struct tracee *t)
{
	if (tr->streak_tid == t->tid) {
		if (tr->streak < STREAK_PARKED)
			tr->streak++;
	} else {
		tr->streak_tid = t->tid;
		tr->streak = 1;
	}
}

/* Whether t's next stop is worth looking for without waiting: it will
 * stop at its next syscall boundary, and it is the only tracee or every
 * other one has been in a syscall while t made several (a tracee with stops of its own would make a
 * yield hand it the CPU: 4 threads with yields cost strace's CPU). */
static bool probe_worthy(const struct tracer *tr, const struct tracee *t)
{
	unsigned others_in_syscall = tr->in_syscall - (t->in_syscall ? 1 : 0);

	if (tr->detaching || tr->no_syscall_info || t->hidden ||
	    (t->filtered && !t->in_syscall && !t->before_exec) ||
	    tr->probe_run >= PROBE_RUN_MAX)
		return false;
	return tr->count == 1 ||
	       (tr->streak >= STREAK_PARKED && tr->streak_tid == t->tid &&
		others_in_syscall == tr->count - 1);
}

/* Resumes t after a syscall stop, and says whether its next stop is
 * to be probed for. */
static void resume_after_syscall_stop(struct tracer *tr, struct tracee *t)
{
	resume(t, 0);
	note_syscall_stop(tr, t);
	tr->probe = probe_worthy(tr, t) ? t : NULL;
}

static void handle_status(struct tracer *tr, pid_t tid, int status)
{
	struct tracee *t = tracee_find(tr, tid);
	bool exited = WIFEXITED(status) || WIFSIGNALED(status);

	tr->probe = NULL;
	if (!t) {
		if (exited) {
			/* our command, after we let go of it */
			if (tid == tr->child) {
				tr->child_status = status;
				tr->child_done = true;
			}
			remember_gone(tr, tid);
			return;
		}
		if (!WIFSTOPPED(status))
			return;
		if (tr->opts->follow)
			t = adopt(tr, tid, 0);
		else if (tr->seccomp && !is_gone(tr, tid))
			/* a new task's first stop may come before its
			 * parent's event */
			t = follow_silently(tr, tid);
		if (!t)
			return;
	}
	if (exited) {
		on_exit_status(tr, t, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	if (WSTOPSIG(status) == (SIGTRAP | 0x80)) {
		if (t->detaching) {
			detach_now(tr, t, 0);
			return;
		}
		on_syscall_stop(tr, t, NULL);
		resume_after_syscall_stop(tr, t);
	} else if ((unsigned)status >> 16) {
		on_event_stop(tr, t, status);
	} else {
		on_signal_stop(tr, t, WSTOPSIG(status));
	}
}

/* A fatal signal sig, or --syscall-limit (0): interrupt every thread;
 * each is let go at its next stop, where a pending signal can be handed
 * back and a syscall it was in finishes as if nobody had looked. */
static void begin_detach(struct tracer *tr, int sig)
{
	tr->detaching = true;
	/* strace's way with the launched command: pass the signal on */
	if (sig && tr->child && !tr->child_done) {
		kill(tr->child, SIGCONT);
		kill(tr->child, sig);
	}
	for (unsigned b = 0; b < TRACEE_BUCKETS; b++) {
		for (struct tracee *t = tr->buckets[b]; t; t = t->next) {
			t->detaching = true;
			if (ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) < 0 &&
			    errno == ESRCH) {
				t->unreachable = true;
				tr->unreachable++;
			}
		}
	}
}

/* Finds cmd in PATH as execvp would, so that the trace shows the file that
 * really runs and a missing command is reported before anything starts. */
static char *resolve_command(const char *cmd)
{
	const char *path = getenv("PATH");
	struct stat st;
	int saved = ENOENT;

	if (strchr(cmd, '/')) {
		if (stat(cmd, &st) < 0)
			return NULL;
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return NULL;
		}
		if (access(cmd, X_OK) < 0)
			return NULL;
		return strdup(cmd);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; p = strchr(p, ':') + 1) {
		size_t len = strcspn(p, ":");
		char *full = malloc(len + strlen(cmd) + 2);

		if (!full)
			return NULL;
		if (len == 0)
			sprintf(full, "%s", cmd);
		else
			sprintf(full, "%.*s/%s", (int)len, p, cmd);
		if (stat(full, &st) == 0 && !S_ISDIR(st.st_mode)) {
			if (access(full, X_OK) == 0)
				return full;
			saved = EACCES;
		}
		free(full);
		if (!p[len])
			break;
	}
	errno = saved;
	return NULL;
}

/* --- launching and attaching */

static const long base_options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;

/* In the child, between fork and execve: -E and -u. */
static void prepare_child(const struct options *opts, const struct passwd *pw)
{
	for (size_t i = 0; i < opts->nenv; i++) {
		const char *e = opts->env[i];

		if (strchr(e, '='))
			putenv((char *)e);
		else
			unsetenv(e);
	}
	if (!pw)
		return;
	if (initgroups(pw->pw_name, pw->pw_gid) < 0 ||
	    setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
		fprintf(stderr, "mytrace: -u %s: %s\n", pw->pw_name,
			strerror(errno));
		_exit(1);
	}
}

static void launch(struct tracer *tr, char **argv)
{
	char *file = resolve_command(argv[0]);
	struct passwd *pw = NULL;
	struct syscall_set stop;
	int gate[2];
	pid_t pid;
	int status;
	long options = base_options | PTRACE_O_EXITKILL | tr->follow_opts;

	if (!file) {
		fprintf(stderr, "mytrace: cannot run '%s': %s\n", argv[0],
			strerror(errno));
		exit(1);
	}
	if (tr->opts->user) {
		errno = 0;
		pw = getpwnam(tr->opts->user);
		if (!pw) {
			fprintf(stderr, "mytrace: -u %s: %s\n", tr->opts->user,
				errno ? strerror(errno) : "no such user");
			exit(1);
		}
	}
	if (pipe2(gate, O_CLOEXEC) < 0)
		die("pipe2");
	if (seccomp_plan(tr->opts, &stop)) {
		if (seccomp_build(&tr->prog, &stop) < 0)
			die("seccomp filter");
		tr->seccomp = true;
		options |= PTRACE_O_TRACESECCOMP | PTRACE_O_TRACECLONE |
			   PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	}
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		char c;

		close(gate[1]);
		/* wait until the tracer has seized us */
		while (read(gate[0], &c, 1) < 0 && errno == EINTR)
			;
		if (tr->seccomp && seccomp_install(&tr->prog) < 0 &&
		    tr->opts->seccomp_bpf > 0)
			fprintf(stderr, "mytrace: seccomp filter: %s; "
				"tracing every syscall\n", strerror(errno));
		prepare_child(tr->opts, pw);
		execv(file, argv);
		fprintf(stderr, "mytrace: exec '%s': %s\n", file,
			strerror(errno));
		_exit(1);
	}
	close(gate[0]);
	free(file);
	if (ptrace(PTRACE_SEIZE, pid, 0, options) < 0) {
		fprintf(stderr, "mytrace: ptrace(PTRACE_SEIZE, %d): %s\n", pid,
			strerror(errno));
		kill(pid, SIGKILL);
		exit(1);
	}
	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0)
		die("ptrace(PTRACE_INTERRUPT)");
	while (waitpid(pid, &status, __WALL) < 0)
		if (errno != EINTR)
			die("waitpid");
	struct tracee *t = tracee_add(tr, pid, pid);

	t->before_exec = true;
	t->first_exec = true;
	tr->child = pid;
	resume(t, 0);
	close(gate[1]);
}

/* Seizes every thread of pid, again until no new one shows up: threads
 * may be born while we go. Returns how many were seized. */
static int seize_threads(struct tracer *tr, pid_t pid, int *err)
{
	long options = base_options | tr->follow_opts;
	int seized = 0, added;

	*err = 0;
	do {
		pid_t *tids;
		int n = attach_list_threads(pid, &tids);

		if (n < 0) {
			*err = errno;
			return seized;
		}
		added = 0;
		for (int i = 0; i < n; i++) {
			if (tracee_find(tr, tids[i]))
				continue;
			if (ptrace(PTRACE_SEIZE, tids[i], 0, options) < 0) {
				if (!*err && errno != ESRCH)
					*err = errno;
				continue;
			}
			ptrace(PTRACE_INTERRUPT, tids[i], 0, 0);
			emit_simple(tr, tracee_add(tr, tids[i], pid),
				    EV_ATTACH);
			seized++;
			added++;
		}
		free(tids);
	} while (added > 0);
	return seized;
}

/* -p pid. Returns whether anything was attached. */
static bool attach_process(struct tracer *tr, pid_t pid)
{
	char why[256];
	pid_t tracer;
	int seized, err;

	if (pid == getpid()) {
		fprintf(stderr, "mytrace: attach to %d: that is mytrace "
			"itself\n", pid);
		return false;
	}
	if (tracee_find(tr, pid))
		return true;	/* named twice, or our own child */
	if (kill(pid, 0) < 0 && errno == ESRCH) {
		fprintf(stderr, "mytrace: attach to %d: %s\n", pid,
			strerror(ESRCH));
		return false;
	}
	tracer = attach_tracer_of(pid);
	if (tracer > 0) {
		fprintf(stderr, "mytrace: attach to %d: already traced by "
			"process %d\n", pid, tracer);
		return false;
	}
	if (attach_tgid(pid) != pid) {
		fprintf(stderr, "mytrace: attach to %d: a thread, not a "
			"process; use -p %d\n", pid, attach_tgid(pid));
		return false;
	}
	seized = seize_threads(tr, pid, &err);
	if (seized == 0) {
		attach_explain(pid, err ? err : ESRCH, why, sizeof(why));
		fprintf(stderr, "mytrace: attach to %d: %s\n", pid, why);
		return false;
	}
	if (seized > 1)
		note(tr, "Process %d attached with %d threads", pid, seized);
	else
		note(tr, "Process %d attached", pid);
	return true;
}

static void setup_signals(struct tracer *tr)
{
	struct sigaction sa = { 0 };
	static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
	const struct options *opts = tr->opts;

	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a signal must wake the blocking waitpid */
	sa.sa_handler = on_fatal;
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
		/* strace -o FILE COMMAND keeps tracing through them: the
		 * terminal's ^C reaches the command itself */
		if (opts->command && opts->output_path && !opts->nattach) {
			signal(fatal[i], SIG_IGN);
			continue;
		}
		sigaction(fatal[i], &sa, NULL);
	}
	if (!tr->out || !tr->out->line_buffered) {
		struct itimerval every = { { 0, 50000 }, { 0, 50000 } };

		sa.sa_handler = on_alarm;
		sigaction(SIGALRM, &sa, NULL);
		setitimer(ITIMER_REAL, &every, NULL);
	}
}

static void stop_timer(void)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };

	setitimer(ITIMER_REAL, &off, NULL);
}

/* Dies of the command's signal, as strace does, so that the caller sees
 * the same status as without the tracer. */
static void die_like(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;

	/* the command already dumped its core; we must not add ours */
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}

static void init_output(struct tracer *tr)
{
	const struct options *opts = tr->opts;

	tr->fopts = opts->format;
	/* strace: -f into a file puts a bare pid before every line */
	tr->fopts.bare_pid = opts->output_path && opts->follow == 1;
	tr->no_notes = opts->quiet ||
		    (opts->command && opts->output_path && !opts->nattach);
	if (opts->follow)
		tr->follow_opts = PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
				  PTRACE_O_TRACEVFORK;
	if (opts->follow == 2)
		return;		/* -ff: a file per tracee, opened with it */
	tr->out = sink_open(opts->output_path);
	if (!tr->out) {
		fprintf(stderr, "mytrace: can't open '%s': %s\n",
			opts->output_path, strerror(errno));
		exit(1);
	}
	tr->fmt = opts->formatter->begin(tr->out, &tr->fopts);
}

static void init_consumers(struct tracer *tr)
{
	const struct options *opts = tr->opts;

	tr->quiet = opts->stats.count && !opts->stats.also_trace;
	/* -P needs the paths even when only counting */
	tr->skip_decode = tr->quiet && !opts->failures &&
			  !outfilter_has_paths(&opts->filter);
	if (opts->stats.count)
		tr->stats = stats_new(&opts->stats);
	if (opts->stack_trace && !tr->quiet)
		tr->unwind = unwind_new();
	if (opts->failures)
		tr->failures = failures_new();
	/* the digest tells when a failure first happened */
	tr->want_clock = !opts->formatter->needs_clock ||
			 opts->formatter->needs_clock(&tr->fopts) ||
			 tr->failures;
}

/* -c's table and --failures' digest, after the last event. */
static void finish_consumers(struct tracer *tr)
{
	struct sink *err = NULL;
	struct sink *out = tr->out;

	if (!out)
		out = err = sink_from_fd(STDERR_FILENO, false);
	if (tr->stats && out)
		stats_print(tr->stats, out);
	if (tr->failures && tr->out) {
		struct event ev = { .kind = EV_FAILURES };

		now(&ev.ts);
		ev.u.failures = failures_digest(tr->failures);
		if (outfilter_pass(&tr->opts->filter, &ev))
			tr->opts->formatter->event(tr->fmt, &ev, false);
	}
	sink_close(err);
	seccomp_free(&tr->prog);
	stats_free(tr->stats);
	unwind_free(tr->unwind);
	failures_free(tr->failures);
}

/* Forgets tracees that vanished unseen and closes every sink. */
static void finish_output(struct tracer *tr)
{
	for (unsigned b = 0; b < TRACEE_BUCKETS; b++)
		while (tr->buckets[b])
			tracee_remove(tr, tr->buckets[b]);
	if (tr->out) {
		tr->opts->formatter->end(tr->fmt);
		sink_close(tr->out);
		tr->out = NULL;
	}
	sink_flush_all();
}

/* A tracer that sleeps in waitpid pays a sleep and a wake-up per stop.
 * Yielding instead lets a tracee that shares our CPU run to its next stop
 * while we stay runnable. Bounded, so a tracee that blocks or computes
 * costs two yields before we sleep; on another CPU the yields return at
 * once and cost little. Measured on a getppid loop (medians of 15
 * interleaved runs): 3% less CPU pinned, 4% unpinned. */
#ifndef WAIT_YIELDS
#define WAIT_YIELDS 2
#endif

/* Unpinned, a tracee woken by PTRACE_SYSCALL often runs on another CPU,
 * and a tracer that sleeps until its stop pays for waking an idle CPU
 * twice per stop: on these virtual machines ~57 us of CPU per stop, 20x
 * the pinned cost. Polling for the stop instead, up to SPIN_PROBES reads
 * (~0.25 us each, so ~250 us), halved the CPU of an unpinned getppid
 * loop (2.5 -> 1.2 s; 256 reads gave 1.7-1.9 s). A call that blocks
 * makes the polling fail: each failure in a row for the same syscall
 * halves the next polling for it, down to nothing after 10, and a polling
 * that finds the stop restores it. Kept per syscall (slot 0: the user
 * code before the next call), so that sleeps between quick calls stop
 * costing a polling each. Pinned to one CPU the yields do it. */
#ifndef SPIN_PROBES
#define SPIN_PROBES 1024
#endif
#define SPIN_FAILS_MAX 10
/* Between an exit and the next entry the tracee runs its own code, for
 * any length of time (a dynamic loader's relocations): the polling there
 * is shorter, ~60 us. Unpinned fork+exec loop: 1024 reads cost more than
 * they saved; getppid loop: 64 reads kept only half of the gain. */
#ifndef SPIN_PROBES_USER
#define SPIN_PROBES_USER 256
#endif

static unsigned char *spin_slot(struct tracer *tr, const struct tracee *t)
{
	size_t slot = t->in_syscall ?
		      1 + t->native_nr % (SPIN_SLOTS - 1) : 0;

	return &tr->spin_fails[slot];
}

/* The stop of the only tracee, found without wait4: PTRACE_GET_SYSCALL_INFO
 * both tells that it stopped (ESRCH while it runs) and reads the call.
 * It is tried once before any yield: sharing our CPU, the tracee woken by
 * the resume preempts us and has usually stopped again by the time the
 * resume returns (99% of a getppid loop's stops), so a syscall stop costs
 * one read and one resume; a yield first cost 7% more CPU. With other
 * tracees a miss ends the probing there and leaves the yields to
 * wait_next: the thread that did not preempt us lost to others that are
 * runnable with stops of their own, and serving those first lets several
 * run between two of our turns (4 threads calling getppid: 183k context
 * switches for 100k stops when we yielded to the one, 161k this way,
 * 7% less CPU; a thread alone beside a parked one gains as before).
 * Only on one CPU: on several, the yields are part of the polling for a
 * tracee that runs elsewhere (unpinned, 4 threads cost 20% more without).
 * The stop's wait status is never collected: resuming clears it. Any
 * other kind of stop is left to wait4. Returns whether a stop was
 * handled; *yields is what is left of the yield budget. */
static bool probe_stop(struct tracer *tr, int *yields)
{
	struct tracee *t = tr->probe;
	struct __ptrace_syscall_info info;
	unsigned char *fails = spin_slot(tr, t);
	unsigned spins = !tr->multi_cpu ? 0 :
			 (t->in_syscall ? SPIN_PROBES : SPIN_PROBES_USER) >>
			 *fails;
	bool may_yield = tr->count == 1 || tr->multi_cpu;
	bool spun = false;

	tr->probe = NULL;
	for (;;) {
		long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, sizeof(info),
				&info);

		if (n > 0) {
			if (info.op != PTRACE_SYSCALL_INFO_ENTRY &&
			    info.op != PTRACE_SYSCALL_INFO_EXIT)
				return false;
			if (spun)
				*fails = 0;
			on_syscall_stop(tr, t, &info);
			tr->probe_run++;
			resume_after_syscall_stop(tr, t);
			return true;
		}
		if (errno != ESRCH)
			break;
		if (*yields > 0 && may_yield) {
			(*yields)--;
			sched_yield();
		} else if (spins > 0) {
			spins--;
			spun = true;
		} else {
			break;
		}
	}
	if (spun && *fails < SPIN_FAILS_MAX)
		(*fails)++;
	return false;
}

/* As probe_stop: the stop is looked for once before the first yield. */
static pid_t wait_next(int *status, int yields)
{
	if (yields > 0) {
		pid_t tid = wait4(-1, status, __WALL | WNOHANG, NULL);

		for (int i = 0; tid == 0 && i < yields; i++) {
			sched_yield();
			tid = wait4(-1, status, __WALL | WNOHANG, NULL);
		}
		if (tid != 0)
			return tid;
	}
	return wait4(-1, status, __WALL, NULL);
}

static void wait_loop(struct tracer *tr)
{
	bool line_buffered = tr->out && tr->out->line_buffered;
	int status, yields;
	pid_t tid;

	while (tr->count > tr->unreachable) {
		if (interrupted && !tr->detaching)
			begin_detach(tr, interrupted);
		if (flush_due || line_buffered) {
			flush_due = 0;
			sink_flush_all();
		}
		/* With several tracees, yielding hands the CPU to the other
		 * threads instead (4 threads under -f: 1.01-1.09x strace's
		 * CPU with yields, 0.88-0.91x without), so only one yields. */
		yields = tr->count == 1 || tr->probe ? WAIT_YIELDS : 0;
		if (tr->probe && !tr->detaching && probe_stop(tr, &yields))
			continue;
		tr->probe_run = 0;
		tid = wait_next(&status, yields);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			die("waitpid");
		}
		handle_status(tr, tid, status);
	}
}

int tracer_run(const struct options *opts)
{
	struct tracer tr = { .opts = opts };
	bool attached = false;
	cpu_set_t cpus;

	tr.multi_cpu = sched_getaffinity(0, sizeof(cpus), &cpus) == 0 &&
		       CPU_COUNT(&cpus) > 1;
	tr.want_who = opts->formatter->needs_ident ||
		      proc_filter_needs_ident(&opts->procs);
	init_output(&tr);
	init_consumers(&tr);
	if (opts->command)
		launch(&tr, opts->command);
	for (size_t i = 0; i < opts->nattach; i++)
		if (attach_process(&tr, opts->attach[i]))
			attached = true;
	if (!opts->command && !attached) {
		finish_consumers(&tr);
		finish_output(&tr);
		return 1;
	}
	/* -o with several processes from the start: strace's bare pids */
	if (opts->output_path && opts->follow != 2 && tr.count > 1)
		tr.fopts.bare_pid = true;
	setup_signals(&tr);
	wait_loop(&tr);
	stop_timer();
	finish_consumers(&tr);
	finish_output(&tr);
	/* --syscall-limit let go of the command: it runs on to its end */
	while (tr.detaching && !interrupted && tr.child && !tr.child_done) {
		if (waitpid(tr.child, &tr.child_status, 0) >= 0)
			tr.child_done = true;
		else if (errno != EINTR)
			break;
	}
	if (interrupted && opts->command) {
		die_like(interrupted);
		return 128 + interrupted;
	}
	if (!opts->command)
		return 0;
	if (!tr.child_done)
		return interrupted ? 128 + interrupted : 1;
	if (WIFSIGNALED(tr.child_status)) {
		die_like(WTERMSIG(tr.child_status));
		return 128 + WTERMSIG(tr.child_status);
	}
	return WEXITSTATUS(tr.child_status);
}
