/* -p: parsing pid lists, finding a process's threads, and explaining why
 * an attach failed. It never keeps tracer state: the core owns tracees. */
#ifndef MYTRACE_ATTACH_H
#define MYTRACE_ATTACH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Appends the pids of a "-p" argument ("12", "12,13", "12 13") to *pids.
 * Returns 0, or -1 with the offending word in bad (NUL-terminated). */
int attach_parse_pids(const char *arg, pid_t **pids, size_t *npids,
		      char *bad, size_t badlen);

/* The threads of process pid from /proc/pid/task, in a malloc'd array.
 * Returns the count, or -1 with errno set. */
int attach_list_threads(pid_t pid, pid_t **tids);

/* The thread group of tid (Tgid in /proc/tid/status), or tid itself. */
pid_t attach_tgid(pid_t tid);

/* The pid that traces pid (TracerPid), 0 if none, -1 if unknown. */
pid_t attach_tracer_of(pid_t pid);

/* Why PTRACE_SEIZE of pid failed with err, as one phrase for an error
 * line: "Operation not permitted (owned by uid 1000 and ...)". */
void attach_explain(pid_t pid, int err, char *buf, size_t len);

/* Whether pid is a zombie (state Z in /proc/pid/stat). */
bool attach_zombie(pid_t pid);

/* Why pid cannot be traced as a process, checked before trying (mytrace
 * itself, gone, a thread, a zombie), as one phrase in buf or a constant;
 * NULL if it may be. The bpf source needs no more: another tracer is no
 * obstacle to it, its records are copies. */
const char *attach_check(pid_t pid, char *buf, size_t len);

#endif
