/* --timeline=FILE.html: a picture of the trace, one lane per process and
 * thread over time, written as one self-contained HTML file when the
 * trace ends. A consumer of the same events as the formatters; like them
 * it never reads a tracee. */
#ifndef MYTRACE_TIMELINE_H
#define MYTRACE_TIMELINE_H

#include "format.h"

struct timeline;

/* Opens path for writing; NULL with errno set when it cannot. opts are
 * the trace's (how the lines in tooltips print); they must outlive the
 * timeline. */
struct timeline *timeline_open(const char *path,
			       const struct format_opts *opts);
/* Every event the formatter gets, in the same order; ev->who should be
 * set (the timeline names lanes by comm). */
void timeline_event(struct timeline *tl, const struct event *ev);
/* Writes the HTML, closes the file and frees tl. */
void timeline_close(struct timeline *tl);

/* The same as a formatter: begin() collects into memory, end() writes the
 * HTML page to the sink it was begun on. */
extern const struct formatter format_timeline;

#endif
