/* The --timeline consumer: every event that shows, beside the formatter,
 * drawn into one HTML page written at the end. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "pipeline.h"
#include "timeline.h"

static void *timeline_make(const struct options *opts, struct pipeline *p)
{
	struct timeline *tl;

	(void)p;
	if (!opts->timeline)
		return NULL;
	tl = timeline_open(opts->timeline, &opts->format);
	if (!tl) {
		fprintf(stderr, "mytrace: can't open '%s': %s\n",
			opts->timeline, strerror(errno));
		exit(1);
	}
	return tl;
}

/* lanes are named by comm */
static void timeline_plan(void *st, struct stop_plan *plan)
{
	(void)st;
	plan->needs_ident = true;
	plan->needs_args = true;
	plan->needs_clock = true;
}

static void timeline_consume(void *st, void *ts, struct event *ev)
{
	(void)ts;
	if (!ev->hidden)
		timeline_event(st, ev);
}

static void timeline_end(void *st)
{
	timeline_close(st);
}

const struct consumer consumer_timeline = {
	.name = "timeline",
	.make = timeline_make,
	.plan = timeline_plan,
	.event = timeline_consume,
	.end = timeline_end,
};
