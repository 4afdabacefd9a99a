/* Which syscalls are traced: the -e trace= expression compiled into a set
 * of syscall numbers for one architecture's table. */
#ifndef MYTRACE_FILTER_H
#define MYTRACE_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "syscalls.h"

#define SYSCALL_SET_MAX 1024

struct syscall_set {
	uint64_t bits[SYSCALL_SET_MAX / 64];
	bool others;	/* numbers outside the table (raw syscalls) */
};

void syscall_set_fill(struct syscall_set *s, bool all);
static inline bool syscall_set_has(const struct syscall_set *s, uint64_t nr)
{
	if (nr >= SYSCALL_SET_MAX)
		return s->others;
	return (s->bits[nr / 64] >> (nr % 64)) & 1;
}
/* Adds to s every syscall of t whose flags intersect flags (SF_ bits). */
void syscall_set_add_flagged(struct syscall_set *s,
			     const struct syscall_table *t, unsigned flags);

/* Applies "-e trace=SPEC" (the part after "trace=") to s. Accumulates as
 * strace does: the first expression starts from an empty set (or a full
 * one when negated). Returns 0, or -1 with a message in err. */
int syscall_set_parse(struct syscall_set *s, bool *first,
		      const struct syscall_table *t, const char *spec,
		      char *err, size_t errlen);

/* -P prints only calls that name a path or hold a descriptor: removes from
 * s the syscalls of t none of whose arguments can. */
void syscall_set_keep_path_calls(struct syscall_set *s,
				 const struct syscall_table *t);
/* s |= add */
void syscall_set_union(struct syscall_set *s, const struct syscall_set *add);

/* A set of file descriptors: -e read=, -e write=. */
#define FD_SET_MAX 1024

struct fd_set_bits {
	uint64_t bits[FD_SET_MAX / 64];
	bool others;	/* descriptors >= FD_SET_MAX */
	bool any;	/* not empty: the fast test */
};

static inline bool fd_set_has(const struct fd_set_bits *s, int64_t fd)
{
	if (!s->any || fd < 0)
		return false;
	if (fd >= FD_SET_MAX)
		return s->others;
	return (s->bits[fd / 64] >> (fd % 64)) & 1;
}

/* Parses "3,5", "all", "none" or "!..." into s. Returns 0, or -1 with a
 * message in err. */
int fd_set_parse(struct fd_set_bits *s, const char *spec, char *err,
		 size_t errlen);

#endif
