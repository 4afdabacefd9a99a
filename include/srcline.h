/* -kk: the source file and line of a code address in a traced process,
 * read from the DWARF line tables of its mapped files with elfutils'
 * libdw. Looks at files and /proc only, never stops or changes a tracee;
 * a build without libdw has the interface and finds nothing. */
#ifndef MYTRACE_SRCLINE_H
#define MYTRACE_SRCLINE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct srcline;

/* Whether this build can read line tables at all. */
bool srcline_built_in(void);
/* The mappings of pid as they are now; NULL when they cannot be read. */
struct srcline *srcline_new(pid_t pid);
/* The source line of addr: *file stays valid until srcline_free. */
bool srcline_lookup(struct srcline *s, uint64_t addr, const char **file,
		    int *line);
void srcline_free(struct srcline *s);

#endif
