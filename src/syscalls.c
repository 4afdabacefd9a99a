/* Lookups by name in the generated syscall tables. */
#include <string.h>

#include "syscalls.h"

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
