/* Constants whose kernel value on aarch64 is not what the 64-bit C library
 * headers say (they hide bits that a tracer still sees). */
#ifndef MYTRACE_ARCH_CONSTS_H
#define MYTRACE_ARCH_CONSTS_H
#define ARCH_O_LARGEFILE 0400000
#endif
