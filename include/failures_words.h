/* A process's last words: the tail of what it wrote to stdout and
 * stderr, for the --failures digest. */
#ifndef MYTRACE_FAILURES_WORDS_H
#define MYTRACE_FAILURES_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "failures.h"

/* bytes kept per process: a few lines of an error message */
#define WORDS_BYTES 1024

struct words {
	char bytes[WORDS_BYTES];
	unsigned char marks[WORDS_BYTES];
	size_t head, used;
};

struct words *words_new(void);
void words_free(struct words *w);
/* A write of len bytes to fd (1 or 2); cut: the call wrote more. */
void words_append(struct words *w, int fd, const char *bytes, size_t len,
		  bool cut);
/* The last max lines (at most), oldest first, copied into buf (at least
 * WORDS_BYTES long), which lines then point into. */
unsigned words_lines(const struct words *w, char *buf,
		     struct failure_line *lines, unsigned max);

#endif
