/* Lookups in the generated syscall tables, and the properties of
 * argument types (include/arg_types.h), checked at build time. */
#include <string.h>

#include "filter.h"
#include "syscalls.h"

/* Each type states a direction that agrees with its phase, exactly one of
 * ARGP_FILE and ARGP_NOFILE, and is a file when it is a path or an fd. */
#define ARGP_DIR_OF(phase) ((phase) == PHASE_ENTER ? ARGP_IN : \
			    (phase) == PHASE_EXIT ? ARGP_OUT : ARGP_INOUT)
#define X(name, fn, phase, props) \
	_Static_assert(((props) & ARGP_INOUT) == ARGP_DIR_OF(phase), \
		       "ARG_" #name ": direction and phase disagree"); \
	_Static_assert(!((props) & ARGP_FILE) != !((props) & ARGP_NOFILE), \
		       "ARG_" #name ": say ARGP_FILE or ARGP_NOFILE"); \
	_Static_assert(!((props) & (ARGP_PATH | ARGP_FD)) || \
		       ((props) & ARGP_FILE), \
		       "ARG_" #name ": a path or fd is ARGP_FILE");
ARG_TYPES(X)
#undef X

const unsigned short arg_type_prop_table[ARG_TYPE_COUNT] = {
#define X(name, fn, phase, props) [ARG_##name] = (props),
	ARG_TYPES(X)
#undef X
};

void syscall_set_add_flagged(struct syscall_set *s,
			     const struct syscall_table *t, unsigned flags)
{
	for (unsigned nr = 0; nr < t->size && nr < SYSCALL_SET_MAX; nr++)
		if (t->by_nr[nr] && (t->by_nr[nr]->flags & flags))
			s->bits[nr / 64] |= 1ULL << (nr % 64);
}

long syscall_number(const struct syscall_table *t, const char *name)
{
	for (unsigned nr = 0; nr < t->size; nr++)
		if (t->by_nr[nr] && strcmp(t->by_nr[nr]->name, name) == 0)
			return (long)nr;
	return -1;
}

static const struct {
	const char *name;
	unsigned bit;
} class_names[] = {
	{ "file", CLS_FILE },
	{ "desc", CLS_DESC },
	{ "network", CLS_NETWORK },
	{ "net", CLS_NETWORK },
	{ "process", CLS_PROCESS },
	{ "memory", CLS_MEMORY },
	{ "signal", CLS_SIGNAL },
	{ "ipc", CLS_IPC },
	{ "creds", CLS_CREDS },
	{ "clock", CLS_CLOCK },
	{ "stat", CLS_STAT },
	{ "lstat", CLS_LSTAT },
	{ "fstat", CLS_FSTAT },
	{ "%stat", CLS_STAT_LIKE },
	{ "statfs", CLS_STATFS },
	{ "fstatfs", CLS_FSTATFS },
	{ "%statfs", CLS_STATFS_LIKE },
	{ "pure", CLS_PURE },
};

unsigned syscall_class_bit(const char *name)
{
	if (*name == '%')
		name++;
	for (size_t i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (strcmp(class_names[i].name, name) == 0)
			return class_names[i].bit;
	return 0;
}

const char *syscall_class_name(unsigned classes)
{
	for (size_t i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (classes & class_names[i].bit)
			return class_names[i].name;
	return NULL;
}
