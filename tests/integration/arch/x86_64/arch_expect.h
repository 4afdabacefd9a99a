/* What integration tests expect on x86_64 where the ABI or the C library
 * makes calls differently than on other architectures.  The same macros
 * exist in tests/integration/arch/<arch>/arch_expect.h for every arch. */
#ifndef MYTRACE_ARCH_EXPECT_H
#define MYTRACE_ARCH_EXPECT_H

/* sa_flags and what follows in a handler's rt_sigaction (addresses masked):
 * glibc brings its own sigreturn trampoline. */
#define EXPECT_SA_RESTART_TAIL \
	"sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0xADDR}"

/* -n: the syscall numbers of openat, close and exit_group as -n shows them */
#define EXPECT_N_OPENAT "[ 257]"
#define EXPECT_N_CLOSE "[   3]"
#define EXPECT_N_EXIT_GROUP "[ 231]"

/* -e raw=: AT_FDCWD as the register holds it: the C library passes the
 * int in a 32-bit register, so the upper half is zero. */
#define EXPECT_RAW_AT_FDCWD "0xffffff9c"

/* glibc's vfork(): the vfork syscall */
#define EXPECT_VFORK_NAME "vfork"
#define EXPECT_VFORK_ENTRY " vfork("

/* A legacy call (mkdir, unlink, epoll_wait) and the generic one that
 * tests/programs/legacy.h makes instead where there is none: x86_64 has
 * them */
#define EXPECT_LEGACY(legacy, generic) legacy

/* si_code of the SIGILL of an undefined instruction (ud2) */
#define EXPECT_SIGILL_CODE "ILL_ILLOPN"

/* Whether ld.so's munmap calls change from run to run (libc is mapped
 * at page alignment here: the same calls every run). */
#define EXPECT_LOADER_MUNMAP_VARIES 0

#endif
