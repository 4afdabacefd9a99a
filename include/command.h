/* The command mytrace launches, whichever event source runs it: finding
 * its file as execvp would, and -E's changes to its environment. */
#ifndef MYTRACE_COMMAND_H
#define MYTRACE_COMMAND_H

#include <stddef.h>

/* cmd's file, found in PATH as execvp would (malloc'd), so that the trace
 * shows the file that really runs and a missing command is reported
 * before anything starts; NULL with errno set. */
char *command_resolve(const char *cmd);
/* In the child before execve: -E VAR=VAL sets, -E VAR unsets, in order. */
void command_apply_env(const char *const env[], size_t n);

#endif
