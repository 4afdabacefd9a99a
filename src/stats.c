/* The -c/-C call summary: per-syscall counts, errors and times, printed as
 * strace's table with its column set (-U) and sort order (-S). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "stats.h"

struct stats_entry {
	uint64_t nr;
	const char *name;
	char *own_name;		/* for numbers the table does not know */
	uint64_t calls, errors;
	uint64_t total_ns, min_ns, max_ns;
};

struct stats {
	struct stats_opts opts;
	struct stats_entry *entries;
	unsigned count, cap;
	int *index;		/* nr -> entry + 1, for nr < index_size */
	unsigned index_size;
};

static const struct {
	const char *name;
	enum stats_sort sort;
} sort_names[] = {
	{ "time", SS_TIME }, { "time-percent", SS_TIME },
	{ "time-total", SS_TIME }, { "total-time", SS_TIME },
	{ "min-time", SS_MIN_TIME }, { "shortest", SS_MIN_TIME },
	{ "time-min", SS_MIN_TIME },
	{ "max-time", SS_MAX_TIME }, { "longest", SS_MAX_TIME },
	{ "time-max", SS_MAX_TIME },
	{ "avg-time", SS_AVG_TIME }, { "time-avg", SS_AVG_TIME },
	{ "calls", SS_CALLS }, { "count", SS_CALLS },
	{ "errors", SS_ERRORS }, { "error", SS_ERRORS },
	{ "name", SS_NAME }, { "syscall", SS_NAME },
	{ "syscall-name", SS_NAME },
	{ "nothing", SS_NOTHING }, { "none", SS_NOTHING },
};

static const struct {
	const char *name;
	enum stats_column col;
} column_names[] = {
	{ "time-percent", SC_TIME_PERCENT }, { "time-pct", SC_TIME_PERCENT },
	{ "time", SC_TIME_PERCENT },
	{ "total-time", SC_TOTAL_TIME }, { "time-total", SC_TOTAL_TIME },
	{ "min-time", SC_MIN_TIME }, { "shortest", SC_MIN_TIME },
	{ "time-min", SC_MIN_TIME },
	{ "max-time", SC_MAX_TIME }, { "longest", SC_MAX_TIME },
	{ "time-max", SC_MAX_TIME },
	{ "avg-time", SC_AVG_TIME }, { "time-avg", SC_AVG_TIME },
	{ "calls", SC_CALLS }, { "count", SC_CALLS },
	{ "errors", SC_ERRORS }, { "error", SC_ERRORS },
	{ "name", SC_NAME }, { "syscall", SC_NAME },
	{ "syscall-name", SC_NAME },
};

/* Header and width of each column; the name column grows to fit. */
static const struct {
	const char *title;
	int width;
} column_format[SC_COLUMN_COUNT] = {
	[SC_TIME_PERCENT] = { "% time", 6 },
	[SC_TOTAL_TIME] = { "seconds", 11 },
	[SC_MIN_TIME] = { "shortest", 8 },
	[SC_MAX_TIME] = { "longest", 8 },
	[SC_AVG_TIME] = { "usecs/call", 11 },
	[SC_CALLS] = { "calls", 9 },
	[SC_ERRORS] = { "errors", 9 },
	[SC_NAME] = { "syscall", 16 },
};

static const enum stats_column default_columns[] = {
	SC_TIME_PERCENT, SC_TOTAL_TIME, SC_AVG_TIME, SC_CALLS, SC_ERRORS,
	SC_NAME,
};

/* Whether key names name, an underscore standing for a dash (strace
 * takes time_total as well as time-total). */
static bool same_key(const char *name, const char *key)
{
	for (; *name && *key; name++, key++)
		if (*name != *key && !(*name == '-' && *key == '_'))
			return false;
	return !*name && !*key;
}

int stats_parse_sort(const char *key, enum stats_sort *sort)
{
	for (size_t i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++) {
		if (same_key(sort_names[i].name, key)) {
			*sort = sort_names[i].sort;
			return 0;
		}
	}
	return -1;
}

int stats_parse_overhead(const char *arg, uint64_t *ns)
{
	static const struct {
		const char *unit;
		double ns;
	} units[] = { { "s", 1e9 }, { "ms", 1e6 }, { "us", 1e3 }, { "ns", 1 },
		      { "", 1e3 } };
	char *end;
	double v;

	if ((*arg < '0' || *arg > '9') && *arg != '.')
		return -1;
	v = strtod(arg, &end);
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].unit) == 0 && v * units[i].ns < 1e18) {
			*ns = (uint64_t)(v * units[i].ns);
			return 0;
		}
	}
	return -1;
}

int stats_parse_columns(const char *list, struct stats_opts *o, char *err,
			size_t errlen)
{
	char *copy = strdup(list), *tok, *rest;
	bool seen[SC_COLUMN_COUNT] = { false };
	int rc = 0;

	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	o->ncolumns = 0;
	/* strace's words; an empty name is one too */
	for (rest = copy; (tok = strsep(&rest, ",")) != NULL;) {
		size_t i, n = sizeof(column_names) / sizeof(column_names[0]);

		for (i = 0; i < n; i++)
			if (same_key(column_names[i].name, tok))
				break;
		if (i == n) {
			snprintf(err, errlen, "unknown column name: '%s'", tok);
			rc = -1;
			break;
		}
		if (seen[column_names[i].col]) {
			snprintf(err, errlen, "call summary column has been "
				 "provided more than once: '%s' (-U option "
				 "residual: '%s')", tok, list + (tok - copy));
			rc = -1;
			break;
		}
		seen[column_names[i].col] = true;
		o->columns[o->ncolumns++] = column_names[i].col;
	}
	if (rc == 0 && o->ncolumns == 0) {
		snprintf(err, errlen, "empty column list in -U");
		rc = -1;
	}
	/* the name always comes, last unless placed */
	if (rc == 0 && !seen[SC_NAME])
		o->columns[o->ncolumns++] = SC_NAME;
	free(copy);
	return rc;
}

struct stats *stats_new(const struct stats_opts *o)
{
	struct stats *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->opts = *o;
	if (!st->opts.ncolumns) {
		st->opts.ncolumns = sizeof(default_columns) /
				    sizeof(default_columns[0]);
		memcpy(st->opts.columns, default_columns,
		       sizeof(default_columns));
	}
	return st;
}

static struct stats_entry *entry_for(struct stats *st, uint64_t nr,
				     const char *name)
{
	struct stats_entry *e;

	if (nr < st->index_size && st->index[nr])
		return &st->entries[st->index[nr] - 1];
	if (nr >= st->index_size) {
		for (unsigned i = 0; i < st->count; i++)
			if (st->entries[i].nr == nr)
				return &st->entries[i];
	}
	if (st->count == st->cap) {
		unsigned cap = st->cap ? st->cap * 2 : 64;
		void *p = realloc(st->entries, cap * sizeof(*st->entries));

		if (!p)
			return NULL;
		st->entries = p;
		st->cap = cap;
	}
	if (nr < 4096 && nr >= st->index_size) {
		unsigned size = (unsigned)nr + 64;
		int *p = realloc(st->index, size * sizeof(*p));

		if (!p)
			return NULL;
		memset(p + st->index_size, 0,
		       (size - st->index_size) * sizeof(*p));
		st->index = p;
		st->index_size = size;
	}
	e = &st->entries[st->count++];
	memset(e, 0, sizeof(*e));
	e->nr = nr;
	e->min_ns = UINT64_MAX;
	if (name) {
		e->name = name;
	} else {
		if (asprintf(&e->own_name, "syscall_%#" PRIx64, nr) < 0)
			e->own_name = NULL;
		e->name = e->own_name ? e->own_name : "?";
	}
	if (nr < st->index_size)
		st->index[nr] = (int)st->count;
	return e;
}

void stats_record(struct stats *st, uint64_t nr, const char *name,
		  const struct timespec *duration, bool failed)
{
	struct stats_entry *e = entry_for(st, nr, name);
	uint64_t ns;

	if (!e)
		return;
	ns = duration->tv_sec < 0 ? 0 :
	     (uint64_t)duration->tv_sec * 1000000000u +
	     (uint64_t)duration->tv_nsec;
	/* -O: what tracing itself is said to add to each call */
	ns = ns > st->opts.overhead_ns ? ns - st->opts.overhead_ns : 0;
	e->calls++;
	if (failed)
		e->errors++;
	e->total_ns += ns;
	if (ns < e->min_ns)
		e->min_ns = ns;
	if (ns > e->max_ns)
		e->max_ns = ns;
}

static int compare(const struct stats_opts *o, const struct stats_entry *a,
		   const struct stats_entry *b)
{
	uint64_t x = 0, y = 0;

	switch (o->sort) {
	case SS_TIME:
		x = a->total_ns, y = b->total_ns;
		break;
	case SS_MIN_TIME:
		x = a->min_ns, y = b->min_ns;
		break;
	case SS_MAX_TIME:
		x = a->max_ns, y = b->max_ns;
		break;
	case SS_AVG_TIME:
		x = a->total_ns / a->calls, y = b->total_ns / b->calls;
		break;
	case SS_CALLS:
		x = a->calls, y = b->calls;
		break;
	case SS_ERRORS:
		x = a->errors, y = b->errors;
		break;
	case SS_NAME:
		return strcmp(a->name, b->name);
	case SS_NOTHING:
		return 0;
	}
	/* larger first */
	return x < y ? 1 : x > y ? -1 : 0;
}

/* A stable insertion sort on syscall numbers: ties stay in number order,
 * as strace's table shows them. */
static void sort_entries(struct stats *st, struct stats_entry **v)
{
	for (unsigned i = 0; i < st->count; i++)
		v[i] = &st->entries[i];
	for (unsigned i = 1; i < st->count; i++) {
		struct stats_entry *e = v[i];
		unsigned j = i;

		while (j > 0 && v[j - 1]->nr > e->nr) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = e;
	}
	for (unsigned i = 1; i < st->count; i++) {
		struct stats_entry *e = v[i];
		unsigned j = i;

		while (j > 0 && compare(&st->opts, v[j - 1], e) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = e;
	}
}

static void print_seconds(struct sink *out, int width, uint64_t ns)
{
	uint64_t us = ns / 1000;

	sink_printf(out, "%*" PRIu64 ".%06" PRIu64, width - 7,
		    us / 1000000, us % 1000000);
}

static void print_cell(struct sink *out, enum stats_column col, int width,
		       const struct stats_entry *e, uint64_t all_ns,
		       bool total)
{
	switch (col) {
	case SC_TIME_PERCENT:
		sink_printf(out, "%*.2f", width, total ? 100.0 :
			    all_ns ? 100.0 * (double)e->total_ns /
				     (double)all_ns : 0.0);
		break;
	case SC_TOTAL_TIME:
		print_seconds(out, width, e->total_ns);
		break;
	case SC_MIN_TIME:
		print_seconds(out, width, e->calls ? e->min_ns : 0);
		break;
	case SC_MAX_TIME:
		print_seconds(out, width, e->max_ns);
		break;
	case SC_AVG_TIME:
		sink_printf(out, "%*" PRIu64, width,
			    e->calls ? e->total_ns / e->calls / 1000 : 0);
		break;
	case SC_CALLS:
		sink_printf(out, "%*" PRIu64, width, e->calls);
		break;
	case SC_ERRORS:
		if (e->errors)
			sink_printf(out, "%*" PRIu64, width, e->errors);
		else
			sink_printf(out, "%*s", width, "");
		break;
	case SC_NAME:
		sink_printf(out, "%-*s", width, e->name);
		break;
	default:
		break;
	}
}

static void print_row(struct stats *st, struct sink *out, const int *widths,
		      const struct stats_entry *e, uint64_t all_ns, bool total)
{
	for (unsigned c = 0; c < st->opts.ncolumns; c++) {
		enum stats_column col = st->opts.columns[c];
		bool last = c + 1 == st->opts.ncolumns;

		if (c)
			sink_putc(out, ' ');
		/* the last column is not padded when it is the name */
		if (last && col == SC_NAME)
			sink_puts(out, e->name);
		else
			print_cell(out, col, widths[col], e, all_ns, total);
	}
	sink_putc(out, '\n');
}

static void print_rule(struct stats *st, struct sink *out, const int *widths)
{
	for (unsigned c = 0; c < st->opts.ncolumns; c++) {
		if (c)
			sink_putc(out, ' ');
		for (int i = 0; i < widths[st->opts.columns[c]]; i++)
			sink_putc(out, '-');
	}
	sink_putc(out, '\n');
}

void stats_print(struct stats *st, struct sink *out)
{
	int widths[SC_COLUMN_COUNT];
	struct stats_entry total = { .name = "total", .min_ns = UINT64_MAX };
	struct stats_entry **v;

	if (!st->count)
		return;
	for (int c = 0; c < SC_COLUMN_COUNT; c++)
		widths[c] = column_format[c].width;
	for (unsigned i = 0; i < st->count; i++) {
		const struct stats_entry *e = &st->entries[i];
		int len = (int)strlen(e->name) + 1;

		if (len > widths[SC_NAME])
			widths[SC_NAME] = len;
		total.calls += e->calls;
		total.errors += e->errors;
		total.total_ns += e->total_ns;
		if (e->min_ns < total.min_ns)
			total.min_ns = e->min_ns;
		if (e->max_ns > total.max_ns)
			total.max_ns = e->max_ns;
	}
	v = malloc(st->count * sizeof(*v));
	if (!v)
		return;
	sort_entries(st, v);
	for (unsigned c = 0; c < st->opts.ncolumns; c++) {
		enum stats_column col = st->opts.columns[c];

		if (c)
			sink_putc(out, ' ');
		if (col == SC_NAME && c + 1 == st->opts.ncolumns)
			sink_puts(out, column_format[col].title);
		else if (col == SC_NAME)
			sink_printf(out, "%-*s", widths[col],
				    column_format[col].title);
		else
			sink_printf(out, "%*s", widths[col],
				    column_format[col].title);
	}
	sink_putc(out, '\n');
	print_rule(st, out, widths);
	for (unsigned i = 0; i < st->count; i++)
		print_row(st, out, widths, v[i], total.total_ns, false);
	print_rule(st, out, widths);
	print_row(st, out, widths, &total, total.total_ns, true);
	free(v);
}

static void row_of(const struct stats_entry *e, struct stats_row *r)
{
	r->name = e->name;
	r->calls = e->calls;
	r->errors = e->errors;
	r->total_ns = e->total_ns;
	r->min_ns = e->calls ? e->min_ns : 0;
	r->max_ns = e->max_ns;
}

struct stats_row *stats_rows(struct stats *st, unsigned *n,
			     struct stats_row *total)
{
	struct stats_entry **v = malloc(st->count * sizeof(*v) + 1);
	struct stats_row *rows = malloc(st->count * sizeof(*rows) + 1);

	*n = 0;
	*total = (struct stats_row){ .name = "total", .min_ns = UINT64_MAX };
	if (!v || !rows || !st->count) {
		free(v);
		free(rows);
		total->min_ns = 0;
		return NULL;
	}
	sort_entries(st, v);
	for (unsigned i = 0; i < st->count; i++) {
		row_of(v[i], &rows[i]);
		total->calls += rows[i].calls;
		total->errors += rows[i].errors;
		total->total_ns += rows[i].total_ns;
		if (rows[i].min_ns < total->min_ns)
			total->min_ns = rows[i].min_ns;
		if (rows[i].max_ns > total->max_ns)
			total->max_ns = rows[i].max_ns;
	}
	free(v);
	*n = st->count;
	return rows;
}

void stats_free(struct stats *st)
{
	if (!st)
		return;
	for (unsigned i = 0; i < st->count; i++)
		free(st->entries[i].own_name);
	free(st->entries);
	free(st->index);
	free(st);
}
