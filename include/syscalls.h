/* Syscall signatures and per-architecture number tables, generated from
 * tables/ at build time. Pure data: what each argument is, not how to
 * read or print it. */
#ifndef MYTRACE_SYSCALLS_H
#define MYTRACE_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arg_types.h"
#include "xlat.h"

#define MAX_ARGS 6

enum arg_type {
#define X(name, fn, phase, props) ARG_##name,
	ARG_TYPES(X)
#undef X
	ARG_TYPE_COUNT
};

/* Where a parameterised type finds its size: another argument or the
 * return value. */
#define PARAM_NONE (-1)
#define PARAM_RET (-2)

struct arg_desc {
	const char *name;
	unsigned short type;		/* enum arg_type */
	signed char param;		/* argument index, PARAM_RET or PARAM_NONE */
	const struct xlat *xlat;	/* flags(...) and enum(...) */
};

/* Syscall classes for -e trace=%class */
enum syscall_class {
	CLS_FILE = 1 << 0,
	CLS_DESC = 1 << 1,
	CLS_NETWORK = 1 << 2,
	CLS_PROCESS = 1 << 3,
	CLS_MEMORY = 1 << 4,
	CLS_SIGNAL = 1 << 5,
	CLS_IPC = 1 << 6,
	CLS_CREDS = 1 << 7,
	CLS_CLOCK = 1 << 8,
	CLS_STAT = 1 << 9,
	CLS_LSTAT = 1 << 10,
	CLS_FSTAT = 1 << 11,
	CLS_STAT_LIKE = 1 << 12,
	CLS_STATFS = 1 << 13,
	CLS_FSTATFS = 1 << 14,
	CLS_STATFS_LIKE = 1 << 15,
	CLS_PURE = 1 << 16,
};

/* What a syscall does that the tracer must act on: "!word" after the
 * classes in tables/syscalls.list (see its header). */
enum syscall_flag {
	SF_EXEC = 1 << 0,		/* replaces the program */
	SF_NEVER_RETURNS = 1 << 1,	/* exit, exit_group */
	SF_MAPS_CODE = 1 << 2,		/* may add or remove executable code */
	SF_CREDS = 1 << 3,		/* may change the real uid */
	SF_COMM = 1 << 4,		/* may change the thread's comm */
	SF_SECCOMP = 1 << 5,		/* may install a seccomp filter */
	SF_PRCTL_OPTION = 1 << 6,	/* takes a prctl option (PR_*) first */
	SF_WRITES = 1 << 7,		/* writes its buffer(s) to its fd */
	SF_RESUMES = 1 << 8,		/* resumes a call a signal interrupted */
	SF_ENTERS_NS = 1 << 9,		/* may move it into namespaces */
};

struct syscall_desc {
	const char *name;
	unsigned char nargs;
	unsigned char raw;		/* no signature: arguments printed as hex */
	unsigned classes;		/* enum syscall_class bits */
	unsigned flags;			/* enum syscall_flag bits */
	struct arg_desc ret;
	struct arg_desc args[MAX_ARGS];
};

struct syscall_table {
	const char *arch;
	const struct syscall_desc *const *by_nr;	/* NULL holes */
	unsigned size;				/* highest number + 1 */
	unsigned count;				/* numbers defined */
};

extern const struct syscall_desc syscall_descs[];
extern const unsigned syscall_desc_count;
extern const unsigned syscall_signature_count;
extern const struct syscall_table syscall_table_x86_64;
extern const struct syscall_table syscall_table_aarch64;
/* the 32-bit personality of x86_64: signatures only where they apply */
extern const struct syscall_table syscall_table_i386;

/* The descriptor for nr, or NULL when the number is not in the table. */
static inline const struct syscall_desc *
syscall_lookup(const struct syscall_table *t, uint64_t nr)
{
	return nr < t->size ? t->by_nr[nr] : NULL;
}

/* The ARGP_ bits of an argument type (include/arg_types.h). */
extern const unsigned short arg_type_prop_table[ARG_TYPE_COUNT];
static inline unsigned arg_type_props(unsigned type)
{
	return type < ARG_TYPE_COUNT ? arg_type_prop_table[type] : 0;
}

/* Whether argument i of d may hold a path or a descriptor (-P); a raw
 * call prints hex numbers only, so none of its arguments does. */
static inline bool syscall_arg_may_name_file(const struct syscall_desc *d,
					     unsigned i)
{
	return !d->raw && i < d->nargs && i < MAX_ARGS &&
	       (arg_type_props(d->args[i].type) & ARGP_FILE);
}

/* The number of name in t, or -1. */
long syscall_number(const struct syscall_table *t, const char *name);
/* The class bit for "%file" / "file", 0 if unknown. */
unsigned syscall_class_bit(const char *name);
/* The name of the first class in classes ("file" for openat), or NULL
 * when it has none: what timelines colour a call by. */
const char *syscall_class_name(unsigned classes);

#endif
