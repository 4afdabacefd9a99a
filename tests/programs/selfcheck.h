/* For programs that print the line they expect mytrace to trace: the
 * return part of a line (" = 0", " = -1 EBADF (Bad file descriptor)"). */
#ifndef MYTRACE_TEST_SELFCHECK_H
#define MYTRACE_TEST_SELFCHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static inline const char *sc_ret(long rc)
{
	static char buf[128];

	if (rc >= 0)
		snprintf(buf, sizeof(buf), "%ld", rc);
	else
		snprintf(buf, sizeof(buf), "-1 %s (%s)", strerrorname_np(errno),
			 strerror(errno));
	return buf;
}

#endif
