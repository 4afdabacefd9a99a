/* The JSON formatter's records that are not calls: the -c summary and
 * the --failures digest, written with the helpers of json_put.h. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failures.h"
#include "format.h"
#include "json_put.h"
#include "stats.h"

/* A process's name, or null when /proc did not tell it. */
static void put_comm(struct sink *s, const char *comm)
{
	if (*comm)
		put_cstr(s, comm);
	else
		sink_puts(s, "null");
}

static void put_failure_group(struct json_state *j,
			      const struct failure_group *g)
{
	struct sink *s = j->out;

	sink_puts(s, "{\"syscall\":");
	put_cstr(s, g->syscall);
	put_error(s, g->err);
	put_key(s, "path");
	if (g->path)
		put_cstr(s, g->path);
	else
		sink_puts(s, "null");
	put_key(s, "path_is_fd");
	put_bool(s, g->path_is_fd);
	sink_printf(s, ",\"fd\":%d", g->fd);
	put_key(s, "count");
	put_u64(s, g->count);
	put_key(s, "first_timestamp_ns");
	put_timestamp(s, &g->first_ts);
	sink_printf(s, ",\"first_pid\":%d", g->first_pid);
	put_key(s, "first_comm");
	put_comm(s, g->first_comm);
	put_key(s, "in_status_process");
	put_bool(s, g->in_status_process);
	put_key(s, "never_found");
	put_bool(s, g->never_found);
	put_key(s, "found_elsewhere");
	put_bool(s, g->found_elsewhere);
	put_key(s, "before_failing_exit");
	put_bool(s, g->before_failing_exit);
	put_key(s, "benign");
	put_bool(s, g->benign);
	sink_printf(s, ",\"score\":%d", g->score);
	if (g->stack)
		put_stack(s, g->stack);
	sink_putc(s, '}');
}

static void put_stats_row(struct sink *s, const struct stats_row *r)
{
	sink_puts(s, "{\"syscall\":");
	put_cstr(s, r->name);
	sink_puts(s, ",\"calls\":");
	put_u64(s, r->calls);
	sink_puts(s, ",\"errors\":");
	put_u64(s, r->errors);
	sink_puts(s, ",\"total_ns\":");
	put_u64(s, r->total_ns);
	sink_puts(s, ",\"min_ns\":");
	put_u64(s, r->min_ns);
	sink_puts(s, ",\"max_ns\":");
	put_u64(s, r->max_ns);
	sink_putc(s, '}');
}

/* -c/-C: the summary as one record, rows in the -S order */
void json_put_summary(struct json_state *j, const struct event *ev)
{
	struct sink *s = j->out;
	struct stats_row total;
	unsigned n;
	struct stats_row *rows = stats_rows(ev->u.summary, &n, &total);

	sink_puts(s, "{\"type\":\"summary\"");
	put_key(s, "timestamp_ns");
	put_timestamp(s, &ev->ts);
	put_key(s, "relative_ns");
	put_i64(s, ns_between(&j->opts->start, &ev->ts));
	put_key(s, "syscalls");
	sink_putc(s, '[');
	for (unsigned i = 0; i < n; i++) {
		if (i)
			sink_putc(s, ',');
		put_stats_row(s, &rows[i]);
	}
	sink_putc(s, ']');
	put_key(s, "total");
	put_stats_row(s, &total);
	free(rows);
}

/* How a process ended: {"exit_code":N} or a signal object. */
static void put_ending(struct sink *s, bool killed, int status)
{
	if (killed)
		put_signal_object(s, status);
	else
		sink_printf(s, "{\"exit_code\":%d}", status);
}

/* The last lines of one process that failed. */
static void put_words(struct sink *s, const struct failure_words *w)
{
	sink_printf(s, "{\"pid\":%d", w->pid);
	put_key(s, "comm");
	put_comm(s, w->comm);
	put_key(s, "ended");
	put_ending(s, w->killed, w->status);
	put_key(s, "lines");
	sink_putc(s, '[');
	for (unsigned k = 0; k < w->nlines; k++) {
		const struct failure_line *l = &w->lines[k];

		sink_printf(s, "%s{\"fd\":%d", k ? "," : "", l->fd);
		put_key(s, "text");
		if (!put_str(s, l->text, l->len)) {
			put_key(s, "hex");
			put_hex_bytes(s, l->text, l->len);
		}
		put_key(s, "cut");
		put_bool(s, l->cut);
		sink_putc(s, '}');
	}
	sink_puts(s, "]}");
}

/* --failures: one record for the whole digest, likeliest cause first */
void json_put_failures(struct json_state *j, const struct event *ev)
{
	const struct failure_digest *d = ev->u.failures;
	struct sink *s = j->out;

	sink_puts(s, "{\"type\":\"failures\"");
	put_key(s, "timestamp_ns");
	put_timestamp(s, &ev->ts);
	put_key(s, "relative_ns");
	put_i64(s, ns_between(&j->opts->start, &ev->ts));
	put_key(s, "failed_calls");
	put_u64(s, d->failed_calls);
	put_key(s, "groups_not_kept");
	put_u64(s, d->dropped_groups);
	put_key(s, "calls_not_kept");
	put_u64(s, d->dropped_calls);
	put_key(s, "command");
	if (!d->command_ended)
		sink_puts(s, "null");
	else
		put_ending(s, d->command_killed, d->command_status);
	put_key(s, "status_pid");
	if (d->status_pid)
		sink_printf(s, "%d", d->status_pid);
	else
		sink_puts(s, "null");
	put_key(s, "last_words");
	sink_putc(s, '[');
	for (unsigned i = 0; i < d->nwords; i++) {
		if (i)
			sink_putc(s, ',');
		put_words(s, &d->words[i]);
	}
	sink_putc(s, ']');
	put_key(s, "groups");
	sink_putc(s, '[');
	for (unsigned i = 0; i < d->ngroups; i++) {
		if (i)
			sink_putc(s, ',');
		put_failure_group(j, d->groups[i]);
	}
	sink_putc(s, ']');
}
