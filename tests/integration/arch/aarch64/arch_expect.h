/* What integration tests expect on aarch64 where the ABI or the C library
 * makes calls differently than on other architectures.  The same macros
 * exist in tests/integration/arch/<arch>/arch_expect.h for every arch. */
#ifndef MYTRACE_ARCH_EXPECT_H
#define MYTRACE_ARCH_EXPECT_H

/* sa_flags and what follows in a handler's rt_sigaction (addresses masked):
 * the kernel returns through the vDSO's trampoline, no SA_RESTORER. */
#define EXPECT_SA_RESTART_TAIL "sa_flags=SA_RESTART}"

#endif
