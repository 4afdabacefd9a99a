/* Lookups in the generated constant sets, and the errno and signal names
 * that every formatter and the command line need. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "consts.h"
#include "xlat.h"

const struct xlat_entry *xlat_find(const struct xlat *x, uint64_t v)
{
	for (unsigned i = 0; i < x->n; i++)
		if (x->e[i].value == v)
			return &x->e[i];
	return NULL;
}

const struct xlat_entry *xlat_find_sorted(const struct xlat *x, uint64_t v)
{
	unsigned lo = 0, hi = x->n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;

		if (x->e[mid].value == v)
			return &x->e[mid];
		if (x->e[mid].value < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *xlat_name(const struct xlat *x, uint64_t v)
{
	const struct xlat_entry *e = xlat_find(x, v);

	return e ? e->name : NULL;
}

int xlat_value(const struct xlat *x, const char *name, uint64_t *v)
{
	for (unsigned i = 0; i < x->n; i++) {
		if (strcmp(x->e[i].name, name) == 0) {
			*v = x->e[i].value;
			return 0;
		}
	}
	return -1;
}

const struct xlat *xlat_set(const char *name)
{
	for (unsigned i = 0; i < xlat_sets_count; i++)
		if (strcmp(xlat_sets[i]->name, name) == 0)
			return xlat_sets[i];
	return NULL;
}

const char *errno_name(int err)
{
	return err > 0 ? xlat_name(&xlat_errno, (uint64_t)err) : NULL;
}

const char *errno_message(int err)
{
	const struct xlat_entry *e;

	if (err <= 0)
		return NULL;
	e = xlat_find(&xlat_errno, (uint64_t)err);
	return e ? e->msg : NULL;
}

/* The kernel's real-time range; glibc reserves the first two of them. */
#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

const char *signal_name(int sig, char buf[16])
{
	const char *name = xlat_name(&xlat_signals, (uint64_t)sig);

	if (name)
		return name;
	if (sig == KERNEL_SIGRTMIN)
		return "SIGRTMIN";
	if (sig > KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX) {
		snprintf(buf, 16, "SIGRT_%d", sig - KERNEL_SIGRTMIN);
		return buf;
	}
	return NULL;
}

int signal_number(const char *name)
{
	char *end;
	long n;
	char full[32];

	if (*name >= '0' && *name <= '9') {
		n = strtol(name, &end, 10);
		if (*end || n < 1 || n > KERNEL_SIGRTMAX)
			return -1;
		return (int)n;
	}
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	if (strlen(name) > 20)
		return -1;
	snprintf(full, sizeof(full), "SIG%s", name);
	for (char *p = full; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	for (unsigned i = 0; i < xlat_signals.n; i++)
		if (strcmp(xlat_signals.e[i].name, full) == 0)
			return (int)xlat_signals.e[i].value;
	if (strcmp(full, "SIGRTMIN") == 0)
		return KERNEL_SIGRTMIN;
	if (strncmp(full, "SIGRT_", 6) == 0) {
		n = strtol(full + 6, &end, 10);
		if (*end == 0 && full[6] && n >= 0 &&
		    n <= KERNEL_SIGRTMAX - KERNEL_SIGRTMIN)
			return (int)(KERNEL_SIGRTMIN + n);
	}
	return -1;
}
