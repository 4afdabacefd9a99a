/* A process's last words for the --failures digest: the tail of what it
 * wrote to stdout and stderr, kept in a small ring, cut into lines when
 * the digest is made. */
#include <stdlib.h>
#include <string.h>

#include "failures_words.h"

/* mark bits beside each byte: which descriptor, and whether the write
 * had more bytes than the trace decoded after this one */
#define MARK_FD 0x03
#define MARK_CUT 0x80

struct words *words_new(void)
{
	return calloc(1, sizeof(struct words));
}

void words_free(struct words *w)
{
	free(w);
}

static void put_byte(struct words *w, char c, unsigned char mark)
{
	w->bytes[w->head] = c;
	w->marks[w->head] = mark;
	w->head = (w->head + 1) % WORDS_BYTES;
	if (w->used < WORDS_BYTES)
		w->used++;
}

void words_append(struct words *w, int fd, const char *bytes, size_t len,
		  bool cut)
{
	size_t skip = len > WORDS_BYTES ? len - WORDS_BYTES : 0;

	for (size_t i = skip; i < len; i++)
		put_byte(w, bytes[i], (unsigned char)(fd & MARK_FD) |
			 (cut && i + 1 == len ? MARK_CUT : 0));
}

/* The i-th oldest byte still kept. */
static size_t at(const struct words *w, size_t i)
{
	return (w->head + WORDS_BYTES - w->used + i) % WORDS_BYTES;
}

/* A line ends after a newline, where the descriptor changes, or where a
 * write was cut. */
static bool line_ends(const struct words *w, size_t i)
{
	size_t k = at(w, i);

	if (w->bytes[k] == '\n' || (w->marks[k] & MARK_CUT))
		return true;
	return i + 1 < w->used &&
	       (w->marks[at(w, i + 1)] & MARK_FD) != (w->marks[k] & MARK_FD);
}

/* Copies one line [from, to] out of the ring into buf. */
static void take_line(const struct words *w, size_t from, size_t to,
		      char *buf, struct failure_line *line)
{
	size_t n = 0;

	for (size_t i = from; i <= to; i++)
		buf[n++] = w->bytes[at(w, i)];
	line->fd = w->marks[at(w, to)] & MARK_FD;
	line->text = buf;
	line->len = n;
	line->cut = w->marks[at(w, to)] & MARK_CUT;
}

unsigned words_lines(const struct words *w, char *buf,
		     struct failure_line *lines, unsigned max)
{
	size_t ends[WORDS_BYTES + 1], nends = 0, start;
	unsigned n = 0, first;

	/* a line the ring cut at its start is left out: half a line
	 * misleads more than none */
	start = 0;
	if (w->used == WORDS_BYTES) {
		while (start < w->used && !line_ends(w, start))
			start++;
		start++;
	}
	for (size_t i = start; i < w->used; i++)
		if (line_ends(w, i) || i + 1 == w->used)
			ends[nends++] = i;
	first = nends > max ? (unsigned)(nends - max) : 0;
	for (size_t e = first; e < nends; e++) {
		size_t from = e ? ends[e - 1] + 1 : start;

		take_line(w, from, ends[e], buf, &lines[n]);
		buf += lines[n].len;
		n++;
	}
	return n;
}
