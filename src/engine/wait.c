/* The ptrace engine's waiting for stops: wait4, and the cheaper ways to
 * find the next stop of a tracee that is about to make it (probing with
 * PTRACE_GET_SYSCALL_INFO, yielding, polling), with the measurements
 * that chose each. */
#include <errno.h>
#include <sched.h>
#include <time.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "output.h"
#include "ptrace_engine.h"

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
 * other one has been in a syscall while t made several (a tracee with
 * stops of its own would make a yield hand it the CPU: 4 threads with
 * yields cost strace's CPU). */
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

/* -e inject=...:delay_*: t stays stopped until its time comes, while
 * the others run on (each thread's delay is its own, as in strace). */
static void hold(struct tracer *tr, struct tracee *t, int sig)
{
	clock_gettime(CLOCK_MONOTONIC, &t->hold_until);
	t->hold_until.tv_sec += t->hold_us / 1000000;
	t->hold_until.tv_nsec += (long)(t->hold_us % 1000000) * 1000;
	if (t->hold_until.tv_nsec >= 1000000000) {
		t->hold_until.tv_sec++;
		t->hold_until.tv_nsec -= 1000000000;
	}
	t->hold_us = 0;
	t->hold_sig = sig;
	t->held = true;
	tr->held++;
}

void resume_after_syscall_stop(struct tracer *tr, struct tracee *t)
{
	note_syscall_stop(tr, t);
	if (t->hold_us) {
		hold(tr, t, t->resume_sig);
		t->resume_sig = 0;
		tr->probe = NULL;
		return;
	}
	/* a signal -e inject= asked for: the kernel sends it as its own */
	resume(t, t->resume_sig);
	t->resume_sig = 0;
	tr->probe = probe_worthy(tr, t) ? t : NULL;
}

void resume_after_seccomp_stop(struct tracer *tr, struct tracee *t)
{
	if (t->hold_us)
		hold(tr, t, 0);
	else
		resume(t, 0);
}

static bool before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Resumes the held tracees whose time came (all of them when mytrace
 * lets go); *next: the earliest time still to come. */
static void release_held(struct tracer *tr, bool all, struct timespec *next)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	next->tv_sec = now.tv_sec + 1;
	next->tv_nsec = now.tv_nsec;
	for (unsigned b = 0; b < TRACEE_BUCKETS && tr->held; b++) {
		for (struct tracee *t = tr->buckets[b]; t; t = t->next) {
			if (!t->held)
				continue;
			if (all || !before(&now, &t->hold_until)) {
				t->held = false;
				tr->held--;
				resume(t, t->hold_sig);
			} else if (before(&t->hold_until, next)) {
				*next = t->hold_until;
			}
		}
	}
}

/* While tracees are held: the next stop, or -1 with EINTR when it is
 * time to look again (a delay ended, a signal came). Naps of at most
 * 1 ms keep each delay within a millisecond of what was asked. */
static pid_t wait_holding(struct tracer *tr, int *status)
{
	struct timespec next, now, nap = { 0, 0 };
	pid_t tid;

	release_held(tr, engine_interrupted || sink_broken_pipe ||
		     tr->detaching, &next);
	tid = wait4(-1, status, __WALL | WNOHANG, NULL);
	if (tid != 0 || !tr->held)
		return tid ? tid : wait4(-1, status, __WALL, NULL);
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (before(&now, &next)) {
		nap.tv_sec = next.tv_sec - now.tv_sec;
		nap.tv_nsec = next.tv_nsec - now.tv_nsec;
		if (nap.tv_nsec < 0) {
			nap.tv_sec--;
			nap.tv_nsec += 1000000000;
		}
		if (nap.tv_sec > 0 || nap.tv_nsec > 1000000) {
			nap.tv_sec = 0;
			nap.tv_nsec = 1000000;
		}
		nanosleep(&nap, NULL);
	}
	errno = EINTR;
	return -1;
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

void wait_loop(struct tracer *tr)
{
	bool line_buffered = tr->pipe.line_buffered;
	int status, yields;
	pid_t tid;

	while (tr->count > tr->unreachable) {
		/* --kill-on-exit: nothing is let go; our exit kills them
		 * (PTRACE_O_EXITKILL) */
		if ((engine_interrupted || sink_broken_pipe) &&
		    tr->opts->kill_on_exit)
			break;
		if (engine_interrupted && !tr->detaching)
			begin_detach(tr, engine_interrupted);
		else if (sink_broken_pipe && !tr->detaching)
			begin_detach(tr, 0);
		if (engine_interrupts > 1 && tr->kept && !tr->kept_killed)
			kill_kept(tr);
		if (engine_flush_due || line_buffered) {
			engine_flush_due = 0;
			sink_flush_all();
		}
		/* With several tracees, yielding hands the CPU to the other
		 * threads instead (4 threads under -f: 1.01-1.09x strace's
		 * CPU with yields, 0.88-0.91x without), so only one yields. */
		yields = tr->count == 1 || tr->probe ? WAIT_YIELDS : 0;
		if (tr->probe && !tr->detaching && probe_stop(tr, &yields))
			continue;
		tr->probe_run = 0;
		tid = tr->held ? wait_holding(tr, &status) :
				 wait_next(&status, yields);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			engine_die("waitpid");
		}
		handle_status(tr, tid, status);
	}
}
