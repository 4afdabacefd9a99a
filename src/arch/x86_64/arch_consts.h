/* Constants whose kernel value on x86_64 is not what the 64-bit C library
 * headers say (they hide bits that a tracer still sees). */
#ifndef MYTRACE_ARCH_CONSTS_H
#define MYTRACE_ARCH_CONSTS_H
#define ARCH_O_LARGEFILE 0100000
#endif
