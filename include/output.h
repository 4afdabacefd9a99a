/* Buffered output sinks: text assembled in memory and written in large
 * blocks, flushed when the tracer is about to wait or exit. Never loses
 * bytes: short writes and EINTR are retried, and a file sink whose
 * descriptor was closed to spare descriptors (-ff with many tracees) is
 * reopened for appending at its next write. */
#ifndef MYTRACE_OUTPUT_H
#define MYTRACE_OUTPUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

struct sink {
	int fd;
	bool own_fd;		/* close at the end */
	pid_t pipe_pid;		/* -o '|CMD': the sh reading it, or 0 */
	bool line_buffered;	/* a terminal: flush at each line end */
	char *buf;
	size_t len, cap;
	/* The current line starts at buf[line_start] (0 if earlier), at
	 * column column_base, and has invisible bytes in buf: see
	 * sink_column(). */
	size_t line_start, column_base, invisible;
	int error;		/* first write error, reported once */
	bool memory;		/* sink_memory: grows, never written */
	struct sink *next_dirty;
	bool dirty;
	/* A sink for a file: its path, and its place in the list of open
	 * file sinks (most recently written first); fd is -1 while the
	 * descriptor is closed to spare descriptors. */
	char *path;
	struct sink *lru_prev, *lru_next;
};

/* A sink's reader went away (EPIPE): mytrace stops tracing, as strace
 * does, and ends with status 141 (128 + SIGPIPE). */
extern bool sink_broken_pipe;

/* Opens FILE for writing (or "-" / NULL for stderr); "|CMD" or "!CMD"
 * starts sh -c CMD with the sink as its standard input, and closing the
 * sink waits for it. Returns NULL and sets errno on failure. At most
 * sink_files_max() file sinks hold a descriptor at once; short of
 * descriptors (EMFILE, ENFILE), the least recently written ones give
 * theirs up first. */
struct sink *sink_open(const char *path);
/* -A: sink_open appends to files instead of truncating them. */
void sink_open_append(bool append);
struct sink *sink_from_fd(int fd, bool own_fd);
/* A sink that keeps everything in memory (buf, len) and never writes:
 * text rendered to be measured or cut before it is written elsewhere. */
struct sink *sink_memory(void);
/* Empties a memory sink for the next piece of text. */
void sink_memory_reset(struct sink *s);
void sink_close(struct sink *s);
/* How many file sinks may hold a descriptor at once: half the soft
 * RLIMIT_NOFILE (read at the first call), at least 4. */
unsigned sink_files_max(void);

void sink_write_slow(struct sink *s, const char *data, size_t len);
void sink_putc_slow(struct sink *s, char c);

/* A trace is written a few bytes at a time: the common case (room in the
 * buffer, not a terminal) stays inline. */
static inline void sink_write(struct sink *s, const char *data, size_t len)
{
	if (s->dirty && !s->line_buffered && s->cap - s->len >= len) {
		memcpy(s->buf + s->len, data, len);
		s->len += len;
		return;
	}
	sink_write_slow(s, data, len);
}

static inline void sink_puts(struct sink *s, const char *str)
{
	sink_write(s, str, strlen(str));
}

static inline void sink_putc(struct sink *s, char c)
{
	if (s->dirty && !s->line_buffered && s->len < s->cap) {
		s->buf[s->len++] = c;
		return;
	}
	sink_putc_slow(s, c);
}
/* Writes bytes that take no room on screen (colour escapes): the column
 * that alignment counts from does not move. */
void sink_write_invisible(struct sink *s, const char *data, size_t len);
void sink_printf(struct sink *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Decimal as printf's %" PRIu64 " and %" PRId64 "; hex as %#" PRIx64 "
 * (0 for zero, else 0x...). */
void sink_put_u64(struct sink *s, uint64_t v);
void sink_put_i64(struct sink *s, int64_t v);
void sink_put_hex(struct sink *s, uint64_t v);
/* Octal as printf's %#03" PRIo64 " (0644, 000). */
void sink_put_octal(struct sink *s, uint64_t v);
/* Characters since the last newline, not counting invisible ones. */
size_t sink_column(struct sink *s);
/* Pads with spaces up to column col. */
void sink_pad_to(struct sink *s, size_t col);
void sink_flush(struct sink *s);
/* Flushes every sink written to since the last call. */
void sink_flush_all(void);
/* "mytrace: <fmt>\n" on stderr, after the trace text already written:
 * the notes of event sources ("Process N attached"). */
void sink_vnote(const char *fmt, va_list ap);

#endif
