/* Unit-test helper: a sink whose bytes can be read back as a string. */
#ifndef MYTRACE_TEST_CAPTURE_H
#define MYTRACE_TEST_CAPTURE_H

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "output.h"

static inline struct sink *capture_open(void)
{
	int fd = memfd_create("capture", 0);

	return fd < 0 ? NULL : sink_from_fd(fd, true);
}

/* Flushes s and returns everything written to it so far (malloc'd). */
static inline char *capture_text(struct sink *s)
{
	off_t len;
	char *buf;

	sink_flush(s);
	len = lseek(s->fd, 0, SEEK_END);
	buf = malloc((size_t)len + 1);
	if (!buf || pread(s->fd, buf, (size_t)len, 0) != len) {
		free(buf);
		return NULL;
	}
	buf[len] = 0;
	return buf;
}

#endif
