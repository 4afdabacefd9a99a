/* Turns raw syscall arguments into typed values, reading tracee memory
 * through a tracee_mem reader. Decoders never print. */
#ifndef MYTRACE_DECODE_H
#define MYTRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "event.h"
#include "tracee_mem.h"

struct decode_opts {
	unsigned string_limit;	/* -s */
	bool verbose;		/* -v: unabbreviated structs, environment */
	int decode_fds;		/* -y: 1, -yy: 2 */
};

struct decode_ctx {
	struct arena *arena;
	const struct tracee_mem *mem;
	const struct decode_opts *opts;
	struct syscall_event *sc;
};

/* Decodes the arguments known at entry and sets sc->nargs_enter. */
void decode_syscall_enter(struct decode_ctx *ctx);
/* Decodes the remaining arguments and the return value. */
void decode_syscall_exit(struct decode_ctx *ctx);
/* A siginfo_t read from the tracee, as a struct value. */
struct value *decode_siginfo(struct arena *a, const void *siginfo);

#endif
