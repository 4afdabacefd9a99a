/* --tips: a tip about mytrace on stderr when the trace ends (strace 6.1's
 * option, with mytrace's own tips). Parsing and printing only. */
#ifndef MYTRACE_TIPS_H
#define MYTRACE_TIPS_H

#include <stdio.h>

enum tips_format { TIPS_NONE, TIPS_COMPACT, TIPS_FULL };

struct tips_opts {
	enum tips_format format;	/* TIPS_NONE: no --tips */
	long id;			/* -1: a random tip */
};

/* --tips[=[[id:]ID][,[format:]FORMAT]] into *t; -1: malformed. */
int tips_parse(const char *arg, struct tips_opts *t);
/* The tip, boxed; nothing with TIPS_NONE. */
void tips_print(FILE *out, const struct tips_opts *t);

#endif
