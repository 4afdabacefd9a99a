/* Turns raw syscall arguments into typed values, reading tracee memory
 * through a tracee_mem reader. Decoders never print. */
#ifndef MYTRACE_DECODE_H
#define MYTRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "event.h"
#include "filter.h"
#include "tracee_mem.h"

/* -e decode-fds= */
enum {
	DECODE_FD_PATH = 1 << 0,	/* 3</etc/hosts> */
	DECODE_FD_SOCKET = 1 << 1,	/* 3<TCP:[...]> */
	DECODE_FD_DEV = 1 << 2,		/* 3</dev/null<char 1:3>> */
	DECODE_FD_PIDFD = 1 << 3,	/* 3<pid:42> */
	DECODE_FD_ALL = (1 << 4) - 1,
};

struct decode_opts {
	unsigned string_limit;	/* -s */
	/* Per syscall (decode_opts_for_syscall sets these from the sets): */
	bool verbose;		/* not in -e abbrev= (-v): unabbreviated */
	bool deref;		/* in -e verbose=: structs read, not addresses */
	bool raw;		/* in -e raw=: every argument in hex */
	/* What to tell of descriptors: DECODE_FD_* bits (-y: PATH, -yy:
	 * all, -e decode-fds=; -P adds PATH) */
	int decode_fds;
	/* DECODE_PID_* bits (include/pidinfo.h): -Y, --pidns-translation,
	 * -e decode-pids= */
	int decode_pids;
	/* The -e abbrev=, verbose=, raw= sets; NULL means the default
	 * (abbreviate all, dereference all, raw none). */
	const struct syscall_set *abbrev_set, *verbose_set, *raw_set;
	struct fd_set_bits dump_read;	/* -e read= */
	struct fd_set_bits dump_write;	/* -e write= */
};

struct fdinfo_source;

struct decode_ctx {
	struct arena *arena;
	const struct tracee_mem *mem;
	/* -y, -yy: what descriptors refer to; NULL: /proc (fdinfo_proc) */
	const struct fdinfo_source *fds;
	const struct decode_opts *opts;
	struct syscall_event *sc;
	bool at_exit;		/* set while decoding the exit of a call */
	uint64_t spent;		/* bytes and elements decoded for this stop */
	/* set by decode_syscall_enter/exit for the decoders: the argument
	 * being decoded, and those an earlier one decided (bits) */
	unsigned cur;
	unsigned replaced;
};

/* Fills the per-syscall fields of o for syscall number nr. */
void decode_opts_for_syscall(struct decode_opts *o, uint64_t nr);

/* Decodes the arguments known at entry and sets sc->nargs_enter. */
void decode_syscall_enter(struct decode_ctx *ctx);
/* Decodes the remaining arguments and the return value, and for -e read=
 * and -e write= the bytes moved (sc->io_dump). */
void decode_syscall_exit(struct decode_ctx *ctx);
/* A siginfo_t read from the tracee, as a struct value. */
struct value *decode_siginfo(struct arena *a, const void *siginfo);
/* Checks one prctl option's column (tables/consts/prctl_option.list):
 * NULL if every word is a known kind of a set that exists, else the
 * first word that is not (the tests check the whole list). */
const char *prctl_column_error(const char *column);

#endif
