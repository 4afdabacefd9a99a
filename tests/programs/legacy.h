/* Legacy syscalls (mkdir, unlink, epoll_wait, ...) exist on x86_64, not in
 * the generic table aarch64 uses.  OR_AT(legacy, generic) makes the legacy
 * call where the architecture has it, and elsewhere the generic call that
 * does the same, so that a program leaves the same files and state; the
 * tests expect the line of the one made (arch_expect.h: EXPECT_LEGACY). */
#ifndef MYTRACE_TEST_LEGACY_H
#define MYTRACE_TEST_LEGACY_H

#include <sys/syscall.h>

#ifdef SYS_mkdir
#define OR_AT(legacy, generic) legacy
#else
#define OR_AT(legacy, generic) generic
#endif

#endif
