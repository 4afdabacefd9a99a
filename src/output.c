/* Buffered output sinks: files, stderr, and pipes into sh -c CMD. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output.h"

#define SINK_BUFSIZE 65536

static struct sink *dirty_list;

struct sink *sink_from_fd(int fd, bool own_fd)
{
	struct sink *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->fd = fd;
	s->own_fd = own_fd;
	s->line_buffered = isatty(fd);
	s->cap = SINK_BUFSIZE;
	s->buf = malloc(s->cap);
	if (!s->buf) {
		free(s);
		return NULL;
	}
	return s;
}

/* --- file sinks and their descriptors */

static struct sink *lru_head, *lru_tail;	/* open file sinks */
static unsigned lru_count;

unsigned sink_files_max(void)
{
	static unsigned max;
	struct rlimit rl;

	if (max)
		return max;
	max = 512;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		max = rl.rlim_cur / 2 < (1u << 20) ? (unsigned)rl.rlim_cur / 2 :
						     1u << 20;
	if (max < 4)
		max = 4;
	return max;
}

static void lru_unlink(struct sink *s)
{
	if (s->fd < 0)
		return;
	if (s->lru_prev)
		s->lru_prev->lru_next = s->lru_next;
	else
		lru_head = s->lru_next;
	if (s->lru_next)
		s->lru_next->lru_prev = s->lru_prev;
	else
		lru_tail = s->lru_prev;
	s->lru_prev = s->lru_next = NULL;
	lru_count--;
}

static void lru_push(struct sink *s)
{
	s->lru_prev = NULL;
	s->lru_next = lru_head;
	if (lru_head)
		lru_head->lru_prev = s;
	else
		lru_tail = s;
	lru_head = s;
	lru_count++;
}

/* Closes the descriptor of the least recently written file sink; its
 * buffer stays. False when no file sink holds one. */
static bool lru_evict(void)
{
	struct sink *s = lru_tail;

	if (!s)
		return false;
	lru_unlink(s);
	close(s->fd);
	s->fd = -1;
	return true;
}

/* open(2) for a file sink, within sink_files_max() open ones, giving up
 * older descriptors while the process is short of them. */
static int open_file(const char *path, int flags)
{
	int fd;

	while (lru_count >= sink_files_max() && lru_evict())
		;
	for (;;) {
		fd = open(path, flags | O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
		if (fd >= 0 || (errno != EMFILE && errno != ENFILE) ||
		    !lru_evict())
			return fd;
	}
}

static bool open_append;

void sink_open_append(bool append)
{
	open_append = append;
}

/* A caught SIGPIPE is reset by exec, unlike an ignored one: the traced
 * command keeps the default, and a write to a pipe whose reader is gone
 * fails with EPIPE, reported once, instead of killing us. */
static void on_sigpipe(int sig)
{
}

/* "|CMD": sh -c CMD reading the other end of a pipe. */
static struct sink *open_pipe(const char *cmd)
{
	struct sigaction sa = { .sa_handler = on_sigpipe };
	struct sink *s;
	int fds[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return NULL;
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return NULL;
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, NULL);
	s = sink_from_fd(fds[1], true);
	if (!s) {
		close(fds[1]);
		return NULL;
	}
	s->pipe_pid = pid;
	return s;
}


struct sink *sink_memory(void)
{
	struct sink *s = sink_from_fd(-1, false);

	/* never on the dirty list: nothing to flush */
	if (s) {
		s->dirty = true;
		s->memory = true;
	}
	return s;
}

void sink_memory_reset(struct sink *s)
{
	s->len = s->line_start = s->column_base = s->invisible = 0;
}

/* A memory sink grows instead of flushing; false when out of memory. */
static bool memory_grow(struct sink *s, size_t more)
{
	size_t cap = s->cap;
	char *buf;

	while (cap - s->len < more)
		cap *= 2;
	if (cap == s->cap)
		return true;
	buf = realloc(s->buf, cap);
	if (!buf)
		return false;
	s->buf = buf;
	s->cap = cap;
	return true;
}

struct sink *sink_open(const char *path)
{
	int fd;
	struct sink *s;

	if (!path || strcmp(path, "-") == 0)
		return sink_from_fd(STDERR_FILENO, false);
	if (path[0] == '|' || path[0] == '!')
		return open_pipe(path + 1);
	fd = open_file(path, open_append ? O_APPEND : O_TRUNC);
	if (fd < 0)
		return NULL;
	s = sink_from_fd(fd, true);
	if (s)
		s->path = strdup(path);
	if (!s || !s->path) {
		close(fd);
		if (s)
			free(s->buf);
		free(s);
		errno = ENOMEM;
		return NULL;
	}
	lru_push(s);
	return s;
}

bool sink_broken_pipe;

static void write_error(struct sink *s, int err)
{
	if (s->error)
		return;
	s->error = err;
	if (err == EPIPE)
		sink_broken_pipe = true;
	if (s->path)
		fprintf(stderr, "mytrace: write to '%s': %s\n", s->path,
			strerror(err));
	else
		fprintf(stderr, "mytrace: write: %s\n", strerror(err));
}

/* A file sink about to be written: its descriptor, reopened for
 * appending if it was given up, and it becomes the most recent. */
static bool sink_ready(struct sink *s)
{
	if (!s->path)
		return true;
	if (s->fd >= 0) {
		if (lru_head != s) {
			lru_unlink(s);
			lru_push(s);
		}
		return true;
	}
	s->fd = open_file(s->path, O_APPEND);
	if (s->fd < 0) {
		write_error(s, errno);
		return false;
	}
	lru_push(s);
	return true;
}

static void write_all(struct sink *s, const char *p, size_t len)
{
	if (!sink_ready(s))
		return;
	while (len > 0) {
		ssize_t n = write(s->fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			write_error(s, errno);
			return;
		}
		p += n;
		len -= (size_t)n;
	}
}

/* Where the current line is, found when someone asks: scanning every
 * write for newlines cost more than the rest of the sink. */
size_t sink_column(struct sink *s)
{
	const char *line = s->buf + s->line_start;
	const char *nl = memrchr(line, '\n', s->len - s->line_start);

	if (nl) {
		s->line_start = (size_t)(nl - s->buf) + 1;
		s->column_base = 0;
		s->invisible = 0;
	}
	return s->column_base + (s->len - s->line_start) - s->invisible;
}

void sink_flush(struct sink *s)
{
	if (s->memory)
		return;
	if (s->len) {
		s->column_base = sink_column(s);
		write_all(s, s->buf, s->len);
		s->len = 0;
		s->line_start = 0;
		s->invisible = 0;
	}
}

void sink_flush_all(void)
{
	while (dirty_list) {
		struct sink *s = dirty_list;

		dirty_list = s->next_dirty;
		s->dirty = false;
		sink_flush(s);
	}
}

void sink_close(struct sink *s)
{
	struct sink **p;

	if (!s)
		return;
	sink_flush(s);
	for (p = &dirty_list; *p; p = &(*p)->next_dirty) {
		if (*p == s) {
			*p = s->next_dirty;
			break;
		}
	}
	if (s->path)
		lru_unlink(s);
	if (s->own_fd && s->fd >= 0)
		close(s->fd);
	free(s->path);
	/* the command has the whole trace when we exit; the tracer's wait
	 * for any child may have reaped it already (ECHILD) */
	while (s->pipe_pid && waitpid(s->pipe_pid, NULL, 0) < 0 &&
	       errno == EINTR)
		;
	free(s->buf);
	free(s);
}

static void mark_dirty(struct sink *s)
{
	s->dirty = true;
	s->next_dirty = dirty_list;
	dirty_list = s;
}

void sink_write_slow(struct sink *s, const char *data, size_t len)
{
	if (!s->dirty)
		mark_dirty(s);
	if (s->memory && !memory_grow(s, len))
		return;
	if (s->len + len > s->cap) {
		sink_flush(s);
		if (len > s->cap) {
			const char *nl = memrchr(data, '\n', len);

			write_all(s, data, len);
			if (nl)
				s->column_base = len - (size_t)(nl - data) - 1;
			else
				s->column_base += len;
			return;
		}
	}
	memcpy(s->buf + s->len, data, len);
	s->len += len;
	if (s->line_buffered && memchr(data, '\n', len))
		sink_flush(s);
}

void sink_write_invisible(struct sink *s, const char *data, size_t len)
{
	sink_column(s);
	sink_write(s, data, len);
	/* flushed at once when larger than the buffer: never, for colours */
	s->invisible += len;
}

void sink_putc_slow(struct sink *s, char c)
{
	if (!s->dirty)
		mark_dirty(s);
	if (s->memory && !memory_grow(s, 1))
		return;
	if (s->len == s->cap)
		sink_flush(s);
	s->buf[s->len++] = c;
	if (c == '\n' && s->line_buffered)
		sink_flush(s);
}

/* Numbers are most of a trace: written by hand, they skip printf's
 * format parsing and its string-stream set-up on every argument. */
void sink_put_u64(struct sink *s, uint64_t v)
{
	char buf[20], *end = buf + sizeof(buf), *p = end;

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sink_write(s, p, (size_t)(end - p));
}

void sink_put_i64(struct sink *s, int64_t v)
{
	if (v < 0) {
		sink_putc(s, '-');
		sink_put_u64(s, -(uint64_t)v);
	} else {
		sink_put_u64(s, (uint64_t)v);
	}
}

void sink_put_hex(struct sink *s, uint64_t v)
{
	char buf[18], *p = buf + sizeof(buf);

	if (v == 0) {
		sink_putc(s, '0');
		return;
	}
	do {
		*--p = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	*--p = 'x';
	*--p = '0';
	sink_write(s, p, (size_t)(buf + sizeof(buf) - p));
}

void sink_put_octal(struct sink *s, uint64_t v)
{
	char buf[26], *end = buf + sizeof(buf), *p = end;

	do {
		*--p = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	if (*p != '0')
		*--p = '0';
	while (end - p < 3)
		*--p = '0';
	sink_write(s, p, (size_t)(end - p));
}

void sink_printf(struct sink *s, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sink_write(s, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);

	if (!big)
		return;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sink_write(s, big, (size_t)n);
	free(big);
}

void sink_pad_to(struct sink *s, size_t col)
{
	static const char spaces[] = "                                        ";

	size_t column;

	while ((column = sink_column(s)) < col) {
		size_t n = col - column;

		if (n > sizeof(spaces) - 1)
			n = sizeof(spaces) - 1;
		sink_write(s, spaces, n);
	}
}

void sink_vnote(const char *fmt, va_list ap)
{
	sink_flush_all();
	fputs("mytrace: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}
