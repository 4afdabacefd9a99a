/* What integration tests expect on aarch64 where the ABI or the C library
 * makes calls differently than on other architectures.  The same macros
 * exist in tests/integration/arch/<arch>/arch_expect.h for every arch. */
#ifndef MYTRACE_ARCH_EXPECT_H
#define MYTRACE_ARCH_EXPECT_H

/* sa_flags and what follows in a handler's rt_sigaction (addresses masked):
 * the kernel returns through the vDSO's trampoline, no SA_RESTORER. */
#define EXPECT_SA_RESTART_TAIL "sa_flags=SA_RESTART}"

/* -n: the syscall numbers of openat, close and exit_group as -n shows them */
#define EXPECT_N_OPENAT "[  56]"
#define EXPECT_N_CLOSE "[  57]"
#define EXPECT_N_EXIT_GROUP "[  94]"

/* -e raw=: AT_FDCWD as the register holds it: the C library sign-extends
 * the int to the whole 64-bit x0. */
#define EXPECT_RAW_AT_FDCWD "0xffffffffffffff9c"

/* glibc's vfork(): the generic table has no vfork, a clone does it on a
 * stack of its own (addresses masked) */
#define EXPECT_VFORK_NAME "clone"
#define EXPECT_VFORK_ENTRY \
	" clone(child_stack=0xADDR, flags=CLONE_VM|CLONE_VFORK|SIGCHLD"

/* A legacy call (mkdir, unlink, epoll_wait) and the generic one that
 * tests/programs/legacy.h makes instead where there is none: the generic
 * table has no legacy calls */
#define EXPECT_LEGACY(legacy, generic) generic

/* si_code of the SIGILL of an undefined instruction (udf) */
#define EXPECT_SIGILL_CODE "ILL_ILLOPC"

/* Whether ld.so's munmap calls change from run to run: libc's segments
 * are 64K-aligned, so ld.so reserves more and unmaps the slop before and
 * after it, one or two calls whose sizes depend on where ASLR put it. */
#define EXPECT_LOADER_MUNMAP_VARIES 1

#endif
