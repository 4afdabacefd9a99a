/* The -c/-C consumer: times each shown call between its entry and exit
 * stops and counts it; at the end it hands the summary down the pipeline
 * for the formatter to print. */
#include <stdlib.h>
#include <time.h>

#include "arch.h"
#include "options.h"
#include "pipeline.h"
#include "stats.h"

struct stats_consumer {
	struct stats *stats;
	bool wall;		/* -w */
	struct pipeline *p;
};

struct stats_thread {
	struct timespec enter;	/* process CPU time, or -w wall time */
};

static void *stats_make(const struct options *opts, struct pipeline *p)
{
	struct stats_consumer *sc;

	if (!opts->stats.count)
		return NULL;
	sc = calloc(1, sizeof(*sc));
	if (!sc)
		abort();
	sc->stats = stats_new(&opts->stats);
	sc->wall = opts->stats.wall;
	sc->p = p;
	return sc;
}

/* Between a call's entry and exit stops the thread runs only in the
 * kernel, so the CPU time its process used meanwhile is the system time
 * the call cost (with other threads' time, as the wait4 rusage strace
 * reads has). The process CPU clock reads it in nanoseconds with one
 * cheap call on any process, where rusage needs a wait4 at every stop
 * and is sampled at the tick. Zero if the process is gone. */
static void process_cpu_time(pid_t pid, struct timespec *ts)
{
	/* the kernel's CPU clock ids: ~pid << 3, CPUCLOCK_SCHED (2);
	 * clock_getcpuclockid would add a clock_getres call each time */
	clockid_t clock = (clockid_t)((~(unsigned)pid) << 3) | 2;

	if (clock_gettime(clock, ts) < 0)
		*ts = (struct timespec){ 0 };
}

static void read_clock(const struct stats_consumer *sc, pid_t pid,
		       struct timespec *ts)
{
	if (sc->wall)
		clock_gettime(CLOCK_MONOTONIC, ts);
	else
		process_cpu_time(pid, ts);
}

/* An engine that does not stop its tracees hands calls on after the
 * fact: a clock read now would time mytrace, not the call. Such an
 * engine (eBPF) gives each call the kernel's entry and exit times. */
static bool after_the_fact(const struct stats_consumer *sc)
{
	return !sc->p->ops->stops_tracees;
}

static void stats_enter(void *st, void *ts, struct call *c)
{
	struct stats_thread *t = ts;

	if (!(c->want & CALL_SHOWN))
		return;
	if (after_the_fact(st))
		t->enter = c->sc->enter_ts;
	else
		read_clock(st, c->pid, &t->enter);
}

static void stats_exit(void *st, void *ts, struct call *c)
{
	struct stats_consumer *sc = st;
	struct stats_thread *t = ts;
	const struct syscall_desc *desc = c->sc->desc;
	struct timespec d, end;
	/* a compat call the native table lacks gets a key of its own */
	uint64_t key = c->native_nr != SYSCALL_NR_NONE ? c->native_nr :
		       (1ULL << 32) | c->sc->nr;

	if (!(c->want & CALL_SHOWN))
		return;
	if (after_the_fact(sc))
		end = c->sc->exit_ts;
	else
		read_clock(sc, c->pid, &end);
	d.tv_sec = end.tv_sec - t->enter.tv_sec;
	d.tv_nsec = end.tv_nsec - t->enter.tv_nsec;
	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000;
	}
	/* a clock that could not be read counts nothing, not negative */
	if (d.tv_sec < 0)
		d = (struct timespec){ 0 };
	stats_record(sc->stats, key, desc ? desc->name : NULL, &d,
		     c->sc->err != 0);
}

static void stats_end(void *st)
{
	struct stats_consumer *sc = st;
	struct event ev = { .kind = EV_SUMMARY };

	clock_gettime(CLOCK_REALTIME, &ev.ts);
	ev.u.summary = sc->stats;
	pipeline_event_after(sc->p, sc, &ev);
}

static void stats_free_consumer(void *st)
{
	struct stats_consumer *sc = st;

	stats_free(sc->stats);
	free(sc);
}

const struct consumer consumer_stats = {
	.name = "stats",
	.make = stats_make,
	.thread_size = sizeof(struct stats_thread),
	.enter = stats_enter,
	.exit = stats_exit,
	.end = stats_end,
	.free = stats_free_consumer,
};
