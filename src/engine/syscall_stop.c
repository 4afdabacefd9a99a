/* The ptrace engine's syscall stops: reading the call at its entry and
 * exit, asking the consumers what they want of it, decoding only what
 * someone reads, and handing the entry and exit to the pipeline. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>

#include "output.h"
#include "ptrace_engine.h"

static void now(struct timespec *ts)
{
	clock_gettime(CLOCK_REALTIME, ts);
}

/* Between syscalls, a filtered tracee runs until the filter stops it at
 * the entry of a traced syscall; hidden ones never stop at syscalls. */
void resume(struct tracee *t, int sig)
{
	bool cont = t->hidden ||
		    (t->filtered && !t->in_syscall && !t->before_exec);
	int req = cont ? PTRACE_CONT : PTRACE_SYSCALL;

	if (ptrace(req, t->tid, 0, (long)sig) < 0 && errno != ESRCH)
		fprintf(stderr, "mytrace: ptrace(%s, %d): %s\n",
			cont ? "PTRACE_CONT" : "PTRACE_SYSCALL", t->tid,
			strerror(errno));
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
		.arena = &t->arena,
		.hidden = !(t->want & CALL_SHOWN),
	};

	ev.ts = kind == EV_SYSCALL_ENTER ? t->sc.enter_ts : t->sc.exit_ts;
	return pipeline_event(&tr->pipe, t->consumers, &ev);
}

static void call_init(struct tracee *t, struct call *c)
{
	c->sc = &t->sc;
	c->pid = t->pid;
	c->tid = t->tid;
	c->native_nr = t->native_nr;
	c->want = t->want;
	c->arena = &t->arena;
	c->who = NULL;
}

static void decode_ctx_init(struct tracer *tr, struct tracee *t,
			    struct decode_ctx *ctx, struct tracee_mem *mem)
{
	tracee_mem_init(mem, t->tid);
	mem->fd = tracee_mem_fd(tr, t);
	*ctx = (struct decode_ctx){ 0 };
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
	return d && (d->flags & SF_EXEC);
}

/* A call in another personality than the thread's last one: strace's
 * "[ Process PID=N runs in 32 bit mode. ]".  As in strace, a thread's first
 * call is compared with the latest call of any thread. */
static void set_personality(struct tracer *tr, struct tracee *t,
			    uint32_t audit)
{
	const struct arch_personality *p = arch_personality_of(audit);
	struct event ev;

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
	event_init(t, &ev, EV_PERSONALITY);
	ev.u.personality.mode = p->mode;
	emit(tr, t, &ev);
}

static void syscall_enter(struct tracer *tr, struct tracee *t, uint64_t nr,
			  const uint64_t *args, uint64_t sp, uint64_t ip)
{
	const struct arch_personality *pers =
		t->pers ? t->pers : &arch_personalities[0];
	struct syscall_event *sc = &t->sc;
	struct decode_ctx ctx;
	struct tracee_mem mem;
	struct call c;

	arena_reset(&t->arena);
	memset(sc, 0, sizeof(*sc));
	set_in_syscall(tr, t, true);
	t->want = 0;
	sc->nr = nr;
	sc->arch = pers->name;
	memcpy(sc->raw_args, args, sizeof(sc->raw_args));
	sc->stack_pointer = sp;
	sc->ip = ip;
	sc->desc = syscall_lookup(pers->table, nr);
	if (sc->desc && (sc->desc->flags & SF_RESUMES)) {
		sc->resumes = t->interrupted;
		t->interrupted = NULL;
	}
	/* sets and rules are keyed by native numbers */
	t->native_nr = arch_native_nr(pers, nr);
	if (t->before_exec) {
		if (!is_execve(sc->desc))
			return;
		t->before_exec = false;
	}
	call_init(t, &c);
	pipeline_enter(&tr->pipe, t->consumers, &c);
	t->want = c.want;
	if (!(t->want & (CALL_SHOWN | CALL_COLLECT)))
		return;
	if (tr->want_clock)
		now(&sc->enter_ts);
	if (tr->want_args) {
		decode_ctx_init(tr, t, &ctx, &mem);
		decode_syscall_enter(&ctx);
	}
	/* -P refuses a call at entry; its exit is then hidden too */
	if ((t->want & CALL_SHOWN) && !emit_syscall(tr, t, EV_SYSCALL_ENTER))
		t->want &= ~CALL_SHOWN;
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

static void syscall_exit_emit(struct tracer *tr, struct tracee *t,
			      int64_t rval, bool is_error)
{
	struct syscall_event *sc = &t->sc;
	struct decode_ctx ctx;
	struct tracee_mem mem;
	struct call c;

	set_in_syscall(tr, t, false);
	sc->rval = rval;
	sc->err = is_error ? (int)-rval : 0;
	if (sc->err == ERESTART_RESTARTBLOCK)
		t->interrupted = sc->desc;
	/* consumers look at untraced calls too: -e inject= sets their
	 * result, an mmap of code makes the -k caches stale, setuid or
	 * PR_SET_NAME changes who the thread is */
	if (!t->before_exec) {
		call_init(t, &c);
		pipeline_exit(&tr->pipe, t->consumers, &c);
	}
	if (tr->seccomp && seccomp_call_installs_filter(sc->desc, sc->raw_args,
							sc->rval))
		filter_installed(tr, t);
	if (!(t->want & (CALL_SHOWN | CALL_COLLECT)))
		return;
	if (tr->want_clock)
		now(&sc->exit_ts);
	if (tr->want_args) {
		decode_ctx_init(tr, t, &ctx, &mem);
		decode_syscall_exit(&ctx);
	}
	emit_syscall(tr, t, EV_SYSCALL_EXIT);
	t->want = 0;
}

/* A failed execve of the command's own (strace shows it, then hides the
 * child's calls until its end) */
static void syscall_exit(struct tracer *tr, struct tracee *t, int64_t rval,
			 bool is_error)
{
	bool launch_failed = is_error && t->first_exec &&
			     is_execve(t->sc.desc);

	syscall_exit_emit(tr, t, rval, is_error);
	if (launch_failed) {
		t->before_exec = true;
		t->exec_failed = true;
		/* its line before the child's "mytrace: exec: ..." */
		sink_flush_all();
	}
}

void finish_in_flight(struct tracer *tr, struct tracee *t, bool detached)
{
	if (!t->in_syscall || !(t->want & CALL_SHOWN))
		return;
	now(&t->sc.exit_ts);
	t->sc.ret_unknown = true;
	t->sc.detached = detached;
	set_in_syscall(tr, t, false);
	emit_syscall(tr, t, EV_SYSCALL_EXIT);
	t->want = 0;
}

static bool exit_wanted(const struct tracee *t)
{
	return (t->want & (CALL_SHOWN | CALL_COLLECT | CALL_EXIT)) ||
	       seccomp_call_watched(t->sc.desc);
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
			      info->stack_pointer, info->instruction_pointer);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		set_personality(tr, t, info->arch);
		syscall_enter(tr, t, info->seccomp.nr,
			      (const uint64_t *)info->seccomp.args,
			      info->stack_pointer, info->instruction_pointer);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		syscall_exit(tr, t, info->exit.rval, info->exit.is_error);
		break;
	default:
		break;
	}
}

void on_syscall_stop(struct tracer *tr, struct tracee *t,
		     const struct __ptrace_syscall_info *known)
{
	struct __ptrace_syscall_info info;
	struct syscall_regs regs;

	/* The exit of a call nobody looks at needs no reading: one ptrace
	 * call less per syscall when filtering without seccomp. */
	if (t->in_syscall && !exit_wanted(t)) {
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
		syscall_enter(tr, t, regs.nr, regs.args, regs.sp, 0);
	else
		syscall_exit(tr, t, regs.rval,
			     regs.rval < 0 && regs.rval >= -4095);
}
