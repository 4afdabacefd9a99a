/* mytrace's own descriptor limit: raised to the hard limit at start so
 * that -ff files and /proc/TID/mem readers fit, while every process
 * mytrace starts gets the limit it would have had untraced. */
#ifndef MYTRACE_FD_LIMIT_H
#define MYTRACE_FD_LIMIT_H

/* Raises the soft RLIMIT_NOFILE to the hard limit, once, before any
 * process is started; the children mytrace forks get the soft limit
 * back before they run anything (a pthread_atfork child handler). */
void fd_limit_raise(void);

#endif
