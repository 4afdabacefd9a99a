/* Constant sets (flags, enums, errno and signal names) generated from
 * tables/consts/ lists; lookups only, no printing. */
#ifndef MYTRACE_XLAT_H
#define MYTRACE_XLAT_H

#include <stdint.h>

struct xlat_entry {
	uint64_t value;
	const char *name;
	const char *msg;	/* errno messages; NULL elsewhere */
};

struct xlat {
	const char *name;
	const struct xlat_entry *e;
	unsigned n;
	/* the comment strace prints after a value the set does not name
	 * ("AT_???"); NULL: derived from the names (see decode_enum) */
	const char *unknown;
};

/* The entry whose value is exactly v, or NULL. */
const struct xlat_entry *xlat_find(const struct xlat *x, uint64_t v);
/* The name for v, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t v);
/* The value named name; returns 0 and sets *v when found, -1 otherwise. */
int xlat_value(const struct xlat *x, const char *name, uint64_t *v);

/* errno name and message for err (> 0); NULL when unknown. */
const char *errno_name(int err);
const char *errno_message(int err);
/* Signal name ("SIGINT", "SIGRTMIN", "SIGRT_3"), NULL if out of range. */
const char *signal_name(int sig, char buf[16]);
/* Signal number for "SIGINT", "INT", "SIGRT_3", "RTMIN" or "9"; -1 if bad. */
int signal_number(const char *name);

#endif
