/* The seccomp-bpf filter installed in a launched command so that syscalls
 * outside the traced set never stop. Builds and installs the program and
 * recognises filter installs; it never calls ptrace or knows tracees. */
#ifndef MYTRACE_SECCOMP_H
#define MYTRACE_SECCOMP_H

#include <stdbool.h>
#include <stdint.h>

#include "filter.h"

struct seccomp_prog {
	void *insns;		/* struct sock_filter[] */
	unsigned short len;
};

/* Whether a filter for set would spare stops: it leaves some call out. */
bool seccomp_narrows(const struct syscall_set *set);

/* Builds the program for set, in the tracer before it forks. Returns 0, or
 * -1 with errno set. */
int seccomp_build(struct seccomp_prog *p, const struct syscall_set *set);
void seccomp_free(struct seccomp_prog *p);

/* Installs p in the calling thread, for the child between fork and exec:
 * only syscalls, no allocation. Returns 0, or -1 with errno set. */
int seccomp_install(const struct seccomp_prog *p);

/* Whether syscall d with args, which returned rval, installed a seccomp
 * filter (or strict mode) in the calling thread. d is the descriptor in
 * the tracee's personality's table (NULL: an unknown number). */
bool seccomp_call_installs_filter(const struct syscall_desc *d,
				  const uint64_t *args, int64_t rval);
/* Whether the tracer must see the exit of syscall d even when it is not
 * printed: it may install a filter (SF_SECCOMP). */
bool seccomp_call_watched(const struct syscall_desc *d);

/* The same for a native number (the seccomp program's numbers). The
 * tracer should pass the personality's descriptor to the forms above. */
bool seccomp_installs_filter(uint64_t nr, const uint64_t *args, int64_t rval);
bool seccomp_watches(uint64_t nr);

#endif
