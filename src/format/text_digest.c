/* The --failures digest as text: the ranked groups and the last words
 * of the processes that failed, after the trace. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "escape.h"
#include "failures.h"
#include "format.h"
#include "text_digest.h"
#include "xlat.h"

static void print_time_of_day(struct sink *s, const struct timespec *ts)
{
	struct tm tm;
	time_t sec = ts->tv_sec;

	localtime_r(&sec, &tm);
	sink_printf(s, "%02d:%02d:%02d.%06ld", tm.tm_hour, tm.tm_min,
		    tm.tm_sec, ts->tv_nsec / 1000);
}

/* How many groups the text digest shows; the rest are counted. */
#define DIGEST_SHOWN 5

/* "cat [1234]", or "pid 1234" when the name is not known */
static void put_process(struct sink *s, const char *comm, pid_t pid)
{
	if (comm && *comm)
		sink_printf(s, "%s [%d]", comm, pid);
	else
		sink_printf(s, "pid %d", pid);
}

/* How a process ended: "exited with 1", "was killed by SIGSEGV". */
static void put_ending(struct sink *s, bool killed, int status)
{
	char sigbuf[16];
	const char *sig;

	if (!killed) {
		sink_printf(s, "exited with %d", status);
		return;
	}
	sig = signal_name(status, sigbuf);
	sink_printf(s, "was killed by %s", sig ? sig : "a signal");
}

/* What the processes that failed last wrote to stdout (1>) and
 * stderr (2>): often the error message itself. */
static void print_last_words(struct sink *s, const struct failure_digest *d,
			     enum escape_mode esc)
{

	for (unsigned i = 0; i < d->nwords; i++) {
		const struct failure_words *w = &d->words[i];

		sink_puts(s, "last words of ");
		put_process(s, w->comm, w->pid);
		sink_puts(s, ", which ");
		put_ending(s, w->killed, w->status);
		sink_puts(s, ":\n");
		for (unsigned k = 0; k < w->nlines; k++) {
			sink_printf(s, "  %d> ", w->lines[k].fd);
			escape_quoted(s, w->lines[k].text, w->lines[k].len,
				      w->lines[k].cut, esc,
				      STR_TEXT);
			sink_putc(s, '\n');
		}
	}
}

static void print_failure_group(struct sink *s, unsigned rank,
				const struct failure_group *g,
				enum escape_mode esc)
{
	const char *name = errno_name(g->err);

	sink_printf(s, "%u. %s(", rank, g->syscall);
	if (g->path && g->path_is_fd)
		sink_printf(s, "%d<%s>", g->fd, g->path);
	else if (g->path)
		escape_quoted(s, g->path, strlen(g->path), false,
			      esc, STR_TEXT);
	sink_puts(s, ") = -1 ");
	if (name)
		sink_printf(s, "%s (%s)", name, errno_message(g->err));
	else
		sink_printf(s, "(errno %d)", g->err);
	sink_printf(s, ": %lux, first at ", g->count);
	print_time_of_day(s, &g->first_ts);
	sink_puts(s, " in ");
	put_process(s, g->first_comm, g->first_pid);
	if (g->in_status_process)
		sink_puts(s, "; in the process that failed the command");
	if (g->never_found)
		sink_puts(s, "; never found");
	if (g->found_elsewhere)
		sink_puts(s, "; found elsewhere");
	if (g->before_failing_exit)
		sink_puts(s, "; just before the failing exit");
	sink_putc(s, '\n');
	text_print_stack(s, g->stack, "  ");
}

void text_print_failures(struct sink *s, const struct failure_digest *d,
			 enum escape_mode esc)
{
	unsigned shown = 0;

	sink_printf(s, "--- failures: %lu failed call%s in %u group%s",
		    d->failed_calls, d->failed_calls == 1 ? "" : "s",
		    d->ngroups, d->ngroups == 1 ? "" : "s");
	if (d->command_ended) {
		sink_puts(s, "; the command ");
		put_ending(s, d->command_killed, d->command_status);
	}
	if (d->status_pid && d->status_pid != d->command_pid) {
		sink_puts(s, ", passed on from ");
		put_process(s, d->status_comm, d->status_pid);
	}
	sink_puts(s, d->ngroups ? "; likeliest cause first ---\n" : " ---\n");
	/* the suspects; expected failures only when there is nothing else */
	while (shown < d->ngroups && shown < DIGEST_SHOWN &&
	       d->groups[shown]->score > 0)
		shown++;
	if (shown == 0)
		shown = d->ngroups < 3 ? d->ngroups : 3;
	for (unsigned i = 0; i < shown; i++)
		print_failure_group(s, i + 1, d->groups[i], esc);
	if (d->ngroups > shown)
		sink_printf(s, "... and %u more group%s, less likely\n",
			    d->ngroups - shown,
			    d->ngroups - shown == 1 ? "" : "s");
	if (d->dropped_groups)
		sink_printf(s, "... and %lu more group%s not kept (%lu failed "
			    "call%s), least likely, to bound memory\n",
			    d->dropped_groups,
			    d->dropped_groups == 1 ? "" : "s",
			    d->dropped_calls, d->dropped_calls == 1 ? "" : "s");
	print_last_words(s, d, esc);
}
