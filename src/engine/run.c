/* The ptrace engine's run: builds the pipeline for the options, offers
 * the consumers its services, launches or attaches, waits for stops to
 * the end, and gives back the command's exit status. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "format.h"
#include "output.h"
#include "ptrace_engine.h"
#include "tracee_mem.h"
#include "tracer.h"

volatile sig_atomic_t engine_flush_due;
volatile sig_atomic_t engine_interrupted;
volatile sig_atomic_t engine_interrupts;

static void on_alarm(int sig)
{
	(void)sig;
	engine_flush_due = 1;
}

static void on_fatal(int sig)
{
	engine_interrupted = sig;
	engine_interrupts++;
}

/* --- the services consumers may ask for */

static int skip_call(void *engine, pid_t tid, long instead)
{
	(void)engine;
	return arch_set_syscall(tid, instead);
}

static int signal_at_resume(void *engine, pid_t tid, int sig)
{
	struct tracee *t = tracee_find(engine, tid);

	if (!t) {
		errno = ESRCH;
		return -1;
	}
	t->resume_sig = sig;
	return 0;
}

static int set_return(void *engine, pid_t tid, int64_t value)
{
	(void)engine;
	return arch_set_return(tid, value);
}

static ssize_t read_mem(void *engine, pid_t tid, uint64_t addr, void *buf,
			size_t len)
{
	struct tracee_mem m;

	(void)engine;
	tracee_mem_init(&m, tid);
	return tracee_read_upto(&m, addr, buf, len);
}

static void let_go(void *engine)
{
	begin_detach(engine, 0);
}

static void delay_us(void *engine, pid_t tid, uint64_t us)
{
	struct tracer *tr = engine;
	struct tracee *t = tracee_find(tr, tid);

	if (t)
		t->hold_us += us;
}

static const struct engine_ops ptrace_ops = {
	.stops_tracees = true,
	.skip_call = skip_call,
	.set_return = set_return,
	.read_mem = read_mem,
	.signal_at_resume = signal_at_resume,
	.poke = tracee_poke,
	.let_go = let_go,
	.delay_us = delay_us,
};

/* --- signals */

static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
#define NFATAL (sizeof(fatal) / sizeof(fatal[0]))
/* the dispositions mytrace was started with, for the command: an
 * ignored SIGALRM must stay ignored across its exec, as untraced */
static struct sigaction inherited[NFATAL], inherited_alarm;
static bool alarm_taken;

void engine_restore_signals(void)
{
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal[i], &inherited[i], NULL);
	if (alarm_taken)
		sigaction(SIGALRM, &inherited_alarm, NULL);
}

/* -I: 1 leaves the fatal signals as they were (they end mytrace at
 * once), 2 has them stop the trace, 3 ignores them (strace's default
 * with -o FILE COMMAND: the terminal's ^C reaches the command alone),
 * 4 ignores ^Z too. Caught ones are set before the fork (ignored flag
 * false), ignored ones after it (true). */
static void setup_signals(struct tracer *tr, bool ignored)
{
	struct sigaction sa = { 0 };
	int intr = tr->opts->interruptible;

	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a signal must wake the blocking waitpid */
	sa.sa_handler = on_fatal;
	for (size_t i = 0; i < NFATAL && !ignored; i++)
		sigaction(fatal[i], NULL, &inherited[i]);
	for (size_t i = 0; i < NFATAL; i++) {
		if (intr >= 3 && ignored)
			signal(fatal[i], SIG_IGN);
		else if (intr == 2 && !ignored)
			sigaction(fatal[i], &sa, NULL);
	}
	if (intr == 4 && ignored)
		signal(SIGTSTP, SIG_IGN);
	if (!ignored && !tr->pipe.line_buffered) {
		struct itimerval every = { { 0, 50000 }, { 0, 50000 } };

		sa.sa_handler = on_alarm;
		sigaction(SIGALRM, &sa, &inherited_alarm);
		alarm_taken = true;
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

/* --- the run */

/* A formatter with records of its own for attaches and detaches, on
 * stderr: our notes would break its stream (JSON lines, a table). */
static bool notes_would_mix(const struct options *opts)
{
	return opts->formatter && opts->formatter->attach_records &&
	       (!opts->output_path || strcmp(opts->output_path, "-") == 0);
}

static void engine_init(struct tracer *tr, const struct options *opts)
{
	cpu_set_t cpus;

	tr->opts = opts;
	tr->multi_cpu = sched_getaffinity(0, sizeof(cpus), &cpus) == 0 &&
			CPU_COUNT(&cpus) > 1;
	tr->no_notes = opts->quiet ||
		       (opts->command && opts->output_path && !opts->nattach) ||
		       notes_would_mix(opts);
	if (opts->follow)
		tr->follow_opts = PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
				  PTRACE_O_TRACEVFORK;
	pipeline_init(&tr->pipe, opts, &ptrace_ops, tr);
	tr->want_args = tr->pipe.plan.needs_args;
	tr->want_clock = tr->pipe.plan.needs_clock;
	for (unsigned i = 0; i < tr->pipe.count; i++)
		engine_debug(tr, "consumer %u: %s", i,
			     tr->pipe.stages[i].c->name);
}

/* The consumers' summaries, then every record and sink closed. */
static void engine_finish(struct tracer *tr)
{
	pipeline_end(&tr->pipe);
	for (unsigned b = 0; b < TRACEE_BUCKETS; b++)
		while (tr->buckets[b])
			tracee_remove(tr, tr->buckets[b]);
	sink_flush_all();
	pipeline_free(&tr->pipe);
	seccomp_free(&tr->prog);
}

/* We let go of the command (--syscall-limit, or -b execve when the
 * command itself execs): it runs on to its end, and its status is ours
 * (0 after -b execve, as strace exits; not after an EPIPE: strace ends
 * at once there). */
static void wait_for_command(struct tracer *tr)
{
	while (!engine_interrupted && !sink_broken_pipe && tr->child &&
	       !tr->child_done) {
		if (waitpid(tr->child, &tr->child_status, 0) >= 0)
			tr->child_done = true;
		else if (errno != EINTR)
			break;
	}
}

static int exit_status(struct tracer *tr)
{
	int sig = engine_interrupted;

	/* strace's status when its output's reader went away */
	if (sink_broken_pipe && !sig)
		return 128 + SIGPIPE;
	/* with or without a command: strace dies of the signal too */
	if (sig) {
		die_like(sig);
		return 128 + sig;
	}
	if (!tr->opts->command)
		return 0;
	if (!tr->child_done)
		return sig ? 128 + sig : 1;
	if (tr->child_let_go_at_exec)
		return 0;
	if (WIFSIGNALED(tr->child_status)) {
		die_like(WTERMSIG(tr->child_status));
		return 128 + WTERMSIG(tr->child_status);
	}
	return WEXITSTATUS(tr->child_status);
}

/* The command's stdin and stdout are its own: were we to hold them, a
 * pipe would not see its end when the command closes them (strace lets
 * go of them too). The trace never goes there: stderr, or a file or pipe
 * opened before. */
static void release_stdio(void)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	if (fd > STDOUT_FILENO)
		close(fd);
}

int tracer_run(const struct options *opts)
{
	static struct tracer tr;
	bool attached = false;

	/* -D: from here on we are the tracer, a grandchild of the process
	 * that becomes the command, and no output is open yet */
	if (opts->daemonize && opts->command)
		daemonize(opts);
	engine_init(&tr, opts);
	/* before launching and attaching: a signal while the command
	 * starts (sh starts a background job with SIGINT ignored) or while
	 * threads are being seized is acted on in wait_loop, not lost.
	 * What we ignore is set after the fork: the command must not
	 * inherit it. */
	setup_signals(&tr, false);
	if (opts->command && opts->daemonize)
		adopt_command(&tr);
	else if (opts->command)
		launch(&tr, opts->command);
	if (opts->command)
		release_stdio();
	setup_signals(&tr, true);
	for (size_t i = 0; i < opts->nattach && !engine_interrupted; i++)
		if (attach_process(&tr, opts->attach[i]))
			attached = true;
	if (!opts->command && !attached) {
		stop_timer();
		engine_finish(&tr);
		return engine_interrupted ? 128 + engine_interrupted : 1;
	}
	pipeline_start(&tr.pipe);
	wait_loop(&tr);
	stop_timer();
	engine_finish(&tr);
	wait_for_command(&tr);
	return exit_status(&tr);
}
