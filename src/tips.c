/* --tips: mytrace's own tips, one of them boxed on stderr at the end.
 * compact: a box just wide enough for the text; full: a box of fixed
 * width, with the tip's number and how to show it again. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tips.h"

/* Each tip: lines of at most 60 characters. */
static const char *const tips[][5] = {
	{ "--failures prints, after the trace, the failed calls",
	  "grouped by call, errno and path, the likeliest cause",
	  "of the command's failure first.", NULL },
	{ "--format=json writes one JSON object a line; the schema",
	  "is man/mytrace-json.schema.json, and jq reads it as is.",
	  NULL },
	{ "-kk shows each stack frame's source file and line,",
	  "when the program was built with -g.", NULL },
	{ "-e trace=%file,%network combines classes; a filter in",
	  "the kernel (seccomp) keeps the other calls from ever",
	  "stopping, so the command runs almost at full speed.", NULL },
	{ "-o '|grep open' pipes the trace into a command, and",
	  "-ff -o DIR/trace writes a file for each process.", NULL },
	{ "-c -f sums up the calls of a whole process tree;",
	  "with -w it counts the wall-clock time they took.", NULL },
	{ "--timeline=FILE.html draws every process and its calls",
	  "on one time axis, for a browser.", NULL },
	{ "-p PID attaches to a running process, and -p",
	  "\"$(pidof NAME)\" to all of a program's processes.", NULL },
	{ "-e inject=openat:error=ENOENT:when=2 makes the second",
	  "openat fail, to see how a program copes.", NULL },
	{ "-y shows the path behind each descriptor, -yy also",
	  "the protocols and addresses of sockets.", NULL },
};

#define TIP_COUNT (sizeof(tips) / sizeof(tips[0]))
#define FULL_WIDTH 60

static int parse_id(const char *v, struct tips_opts *t)
{
	char *end;
	long n;

	if (!strcmp(v, "random")) {
		t->id = -1;
		return 0;
	}
	if (*v < '0' || *v > '9')
		return -1;
	n = strtol(v, &end, 10);
	if (*end || n < 0 || n > INT_MAX)
		return -1;
	t->id = n;
	return 0;
}

static int parse_format(const char *v, struct tips_opts *t)
{
	static const char *const names[] = { "none", "compact", "full" };

	for (unsigned i = 0; i < 3; i++) {
		if (!strcmp(v, names[i])) {
			t->format = i;
			return 0;
		}
	}
	return -1;
}

/* One item: id:ID, format:FORMAT, or a bare ID or FORMAT. */
static int parse_item(const char *item, struct tips_opts *t)
{
	if (!strncmp(item, "id:", 3))
		return parse_id(item + 3, t);
	if (!strncmp(item, "format:", 7))
		return parse_format(item + 7, t);
	if (parse_format(item, t) == 0)
		return 0;
	return parse_id(item, t);
}

int tips_parse(const char *arg, struct tips_opts *t)
{
	char *copy, *item, *save = NULL;
	int rc = 0;

	t->format = TIPS_COMPACT;
	t->id = -1;
	if (!arg || !*arg)
		return 0;
	copy = strdup(arg);
	if (!copy)
		return -1;
	for (item = strtok_r(copy, ",", &save); item && rc == 0;
	     item = strtok_r(NULL, ",", &save))
		rc = parse_item(item, t);
	free(copy);
	return rc;
}

static void print_rule(FILE *out, char corner_l, char fill, char corner_r,
		       size_t width)
{
	fputc(corner_l, out);
	for (size_t i = 0; i < width + 2; i++)
		fputc(fill, out);
	fprintf(out, "%c\n", corner_r);
}

void tips_print(FILE *out, const struct tips_opts *t)
{
	const char *const *tip;
	size_t width = 0, n;
	char footer[FULL_WIDTH + 1];

	if (t->format == TIPS_NONE)
		return;
	n = t->id >= 0 ? (size_t)t->id % TIP_COUNT :
	    (size_t)(time(NULL) ^ getpid()) % TIP_COUNT;
	tip = tips[n];
	for (unsigned i = 0; tip[i]; i++)
		if (strlen(tip[i]) > width)
			width = strlen(tip[i]);
	snprintf(footer, sizeof(footer), "(--tips=id:%zu shows it again)", n);
	if (t->format == TIPS_FULL)
		width = FULL_WIDTH;
	print_rule(out, '+', '-', '+', width);
	for (unsigned i = 0; tip[i]; i++)
		fprintf(out, "| %-*s |\n", (int)width, tip[i]);
	if (t->format == TIPS_FULL) {
		fprintf(out, "| %-*s |\n", (int)width, "");
		fprintf(out, "| %*s |\n", (int)width, footer);
	}
	print_rule(out, '+', '-', '+', width);
}
