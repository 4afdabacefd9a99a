/* The call summary of -c/-C: a consumer of syscall exits that counts calls,
 * errors and time per syscall and prints strace's table at the end. It
 * never decodes arguments and never reads tracee memory. */
#ifndef MYTRACE_STATS_H
#define MYTRACE_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "output.h"

enum stats_column {
	SC_TIME_PERCENT,
	SC_TOTAL_TIME,
	SC_MIN_TIME,
	SC_MAX_TIME,
	SC_AVG_TIME,
	SC_CALLS,
	SC_ERRORS,
	SC_NAME,
	SC_COLUMN_COUNT
};

enum stats_sort {
	SS_TIME,
	SS_MIN_TIME,
	SS_MAX_TIME,
	SS_AVG_TIME,
	SS_CALLS,
	SS_ERRORS,
	SS_NAME,
	SS_NOTHING,
};

struct stats_opts {
	bool count;		/* -c or -C */
	bool also_trace;	/* -C: the trace too */
	bool wall;		/* -w: wall time, not system time */
	enum stats_sort sort;	/* -S */
	uint64_t overhead_ns;	/* -O: taken off each call's time */
	unsigned ncolumns;	/* -U; 0: the default set */
	enum stats_column columns[SC_COLUMN_COUNT];
};

/* -S KEY; 0, or -1 when the key is unknown. */
int stats_parse_sort(const char *key, enum stats_sort *sort);
/* -O OVERHEAD[UNIT] (s, ms, us (the default), ns); 0, or -1. */
int stats_parse_overhead(const char *arg, uint64_t *ns);
/* -U LIST; 0, or -1 with a message in err. */
int stats_parse_columns(const char *list, struct stats_opts *o, char *err,
			size_t errlen);

struct stats;

struct stats *stats_new(const struct stats_opts *o);
/* One finished call: nr indexes the table, name is kept by pointer and
 * must outlive the stats (table names, or strings stats_new owns). */
void stats_record(struct stats *st, uint64_t nr, const char *name,
		  const struct timespec *duration, bool failed);
/* One syscall's line of the summary, as data (JSON prints these). */
struct stats_row {
	const char *name;
	uint64_t calls, errors;
	uint64_t total_ns, min_ns, max_ns;	/* min_ns 0 when no call */
};

/* The rows in the -S order and their total, in a malloc'd array of *n;
 * NULL with *n 0 when no call was counted. */
struct stats_row *stats_rows(struct stats *st, unsigned *n,
			     struct stats_row *total);
/* Prints the table (nothing when no call was counted). */
void stats_print(struct stats *st, struct sink *out);
void stats_free(struct stats *st);

#endif
