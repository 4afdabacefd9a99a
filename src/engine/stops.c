/* The ptrace engine's other stops: signal delivery, group stops, exec,
 * new threads and processes, exits; and letting go of tracees. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "attach.h"
#include "output.h"
#include "ptrace_engine.h"

void detach_now(struct tracer *tr, struct tracee *t, int sig)
{
	if (ptrace(PTRACE_DETACH, t->tid, 0, (long)sig) < 0 &&
	    errno != ESRCH)
		fprintf(stderr, "mytrace: ptrace(PTRACE_DETACH, %d): %s\n",
			t->tid, strerror(errno));
	if (!t->hidden)
		engine_note(tr, "Process %d detached", t->tid);
	finish_in_flight(tr, t, true);
	if (!t->hidden && !t->before_exec)
		emit_simple(tr, t, EV_DETACH);
	tracee_gone(tr, t);
	tracee_remove(tr, t);
}

/* -i: where a thread stopped; PTRACE_GET_SYSCALL_INFO tells at any stop */
static uint64_t stop_address(pid_t tid)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof(info), &info) <= 0)
		return 0;
	return info.instruction_pointer;
}

static void on_signal_stop(struct tracer *tr, struct tracee *t, int sig)
{
	siginfo_t si;
	struct event ev;

	if (t->detaching) {
		detach_now(tr, t, sig);
		return;
	}
	if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, &si) < 0) {
		resume(t, sig);
		return;
	}
	if (!t->before_exec && !t->hidden) {
		event_init(t, &ev, EV_SIGNAL);
		ev.u.signal.sig = sig;
		ev.u.signal.info = decode_siginfo(&t->arena, &si);
		if (tr->pipe.plan.needs_ip)
			ev.u.signal.ip = stop_address(t->tid);
		emit(tr, t, &ev);
	}
	resume(t, sig);
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
	/* until its parent's event says otherwise */
	t->our_filter = tr->seccomp;
	if (tr->detaching) {
		letting_go_newcomer(tr, t);
		return t;
	}
	engine_note(tr, "Process %d attached", tid);
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
	if (!tr->opts->follow)
		return;
	/* fork and vfork make a process; clone may make either */
	if (event != PTRACE_EVENT_CLONE)
		pid = (pid_t)msg;
	child = adopt(tr, (pid_t)msg, pid);
	if (!child)
		return;
	/* a child inherits its parent's seccomp filter */
	child->filtered = parent->filtered;
	if (child->our_filter != parent->our_filter) {
		child->our_filter = parent->our_filter;
		if (tr->detaching && !child->hidden)
			letting_go_newcomer(tr, child);
	}
	if (child->pid != parent->pid) {
		struct event ev;

		/* news for the consumers (--filter follow), never printed */
		event_init(parent, &ev, EV_FORK);
		ev.hidden = true;
		ev.u.fork.child = child->pid;
		emit(tr, parent, &ev);
	}
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
	pipeline_thread_takeover(&tr->pipe, t->consumers, leader->consumers);
	tracee_unlink(tr, t);
	t->tid = leader->tid;
	t->first_exec = leader->first_exec;
	tracee_remove(tr, leader);
	tracee_link(tr, t);
	return t;
}

/* Every successful execve: the thread that called it takes over the
 * leader, and an EV_EXEC says so (before the execve's own exit). */
static struct tracee *exec_happened(struct tracer *tr, struct tracee *t)
{
	unsigned long msg = 0;
	pid_t former = t->tid;
	struct event ev;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg) == 0 && msg)
		former = (pid_t)msg;
	t = take_over_leader(tr, t, former);
	tracee_mem_close(tr, t);
	if (t->hidden)
		return t;
	event_init(t, &ev, EV_EXEC);
	ev.u.exec.old_tid = former;
	emit(tr, t, &ev);
	return t;
}

static void on_exec(struct tracer *tr, struct tracee *t)
{
	t = exec_happened(tr, t);
	if (t->first_exec) {
		t->first_exec = false;
	} else if (tr->opts->detach_on_execve) {
		if (t->pid == tr->child)
			tr->child_let_go_at_exec = true;
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
			struct event ev;

			event_init(t, &ev, EV_GROUP_STOP);
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
		resume_after_seccomp_stop(tr, t);
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
	struct event ev;

	finish_in_flight(tr, t, false);
	if (WIFEXITED(status)) {
		event_init(t, &ev, EV_EXITED);
		ev.u.exit.status = WEXITSTATUS(status);
	} else {
		event_init(t, &ev, EV_KILLED);
		ev.u.exit.status = WTERMSIG(status);
		ev.u.exit.core_dumped = WCOREDUMP(status);
	}
	if (t->exec_failed)
		t->before_exec = false;
	/* hidden ones too: the digest needs every process's end */
	emit(tr, t, &ev);
	tracee_gone(tr, t);
	if (t->tid == tr->child) {
		tr->child_status = status;
		tr->child_done = true;
	}
	remember_gone(tr, t->tid);
	tracee_remove(tr, t);
}

/* An unknown thread's first stop: adopted under -f (the only way a
 * task we did not seize reaches us). Without -f it can only be a child
 * the kernel attached by clone(CLONE_PTRACE): let it go at once, with
 * the signal it stopped for unless that was its attach stop, as strace
 * does, so that it runs as if untraced. */
static struct tracee *newcomer(struct tracer *tr, pid_t tid, int status)
{
	int sig = WSTOPSIG(status);

	if (tr->opts->follow)
		return adopt(tr, tid, 0);
	if (sig == SIGSTOP || (status >> 16) != 0)
		sig = 0;
	if (ptrace(PTRACE_DETACH, tid, 0, sig) == 0)
		engine_note(tr, "Detached unknown pid %d", tid);
	return NULL;
}

void handle_status(struct tracer *tr, pid_t tid, int status)
{
	struct tracee *t = tracee_find(tr, tid);
	bool exited = WIFEXITED(status) || WIFSIGNALED(status);

	engine_debug(tr, "%d: wait status %#x%s", tid, (unsigned)status,
		     t ? "" : " (not a known tracee)");
	tr->probe = NULL;
	if (!t) {
		if (exited) {
			/* our command, after we let go of it */
			if (tid == tr->child) {
				tr->child_status = status;
				tr->child_done = true;
			} else if (!is_gone(tr, tid) &&
				   !(tr->opts->filter.quiet & QUIET_EXIT)) {
				/* a CLONE_PARENT child of our command: ours
				 * to wait for, but never traced */
				engine_warn(tr, "Exit of unknown pid %d ignored",
					    tid);
			}
			remember_gone(tr, tid);
			return;
		}
		if (!WIFSTOPPED(status))
			return;
		t = newcomer(tr, tid, status);
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
		if (t->hidden) {
			/* kept while letting go, in the call it was in */
			set_in_syscall(tr, t, false);
			resume(t, 0);
			return;
		}
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

/* t carries our filter: instead of letting go, it is served silently
 * (PTRACE_CONT, its filter's stops resumed) until it exits. */
static void keep_silently(struct tracer *tr, struct tracee *t)
{
	t->detaching = false;
	if (t->hidden)
		return;
	finish_in_flight(tr, t, true);
	if (!t->before_exec)
		emit_simple(tr, t, EV_DETACH);
	tracee_set_hidden(tr, t);
	tr->kept++;
}

void letting_go_newcomer(struct tracer *tr, struct tracee *t)
{
	if (!tr->detaching)
		return;
	if (t->our_filter) {
		keep_silently(tr, t);
		if (tr->kept_killed)
			kill(t->tid, SIGKILL);
	} else {
		t->detaching = true;
	}
}

/* The second interrupt: what was kept ends, as --kill-on-exit would. */
void kill_kept(struct tracer *tr)
{
	tr->kept_killed = true;
	for (unsigned b = 0; b < TRACEE_BUCKETS; b++)
		for (struct tracee *t = tr->buckets[b]; t; t = t->next)
			if (t->our_filter)
				kill(t->tid, SIGKILL);
}

/* A fatal signal sig, an output gone (EPIPE) or --syscall-limit (0):
 * every thread is let go at its next stop, except those that carry our
 * seccomp filter: without a tracer their filtered calls would fail with
 * ENOSYS, so they are kept and resumed silently until they exit. */
void begin_detach(struct tracer *tr, int sig)
{
	unsigned kept = 0;

	if (tr->detaching)
		return;
	tr->detaching = true;
	/* strace's way with the launched command: pass the signal on */
	if (sig && tr->child && !tr->child_done) {
		kill(tr->child, SIGCONT);
		kill(tr->child, sig);
	}
	for (unsigned b = 0; b < TRACEE_BUCKETS; b++) {
		for (struct tracee *t = tr->buckets[b]; t; t = t->next) {
			if (t->our_filter) {
				keep_silently(tr, t);
				kept++;
				continue;
			}
			t->detaching = true;
			if (ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) < 0 &&
			    errno == ESRCH) {
				t->unreachable = true;
				tr->unreachable++;
			}
		}
	}
	if (!kept)
		return;
	sink_flush_all();
	fprintf(stderr, "mytrace: %u thread%s with mytrace's seccomp filter "
		"kept, no longer shown, until they exit (interrupt again to "
		"kill them)\n", kept, kept > 1 ? "s" : "");
}
