/* The consumers a trace may run, in pipeline order: identity first (the
 * filters need comm and uid), then what ids name (--decode-pids), the
 * print filters before what counts shown calls and before inject (strace
 * tampers only with traced calls that pass -P), -k before the digest
 * that keeps its stacks, the pictures and the output last. */
#include <stddef.h>

#include "pipeline.h"

extern const struct consumer consumer_identity;
extern const struct consumer consumer_pids;
extern const struct consumer consumer_namespaces;
extern const struct consumer consumer_inject;
extern const struct consumer consumer_print_filter;
extern const struct consumer consumer_stats;
extern const struct consumer consumer_unwind;
extern const struct consumer consumer_failures;
extern const struct consumer consumer_syscall_limit;
extern const struct consumer consumer_timeline;
extern const struct consumer consumer_output;

const struct consumer *const consumer_registry[] = {
	&consumer_identity,
	&consumer_pids,
	&consumer_namespaces,
	&consumer_print_filter,
	&consumer_inject,
	&consumer_stats,
	&consumer_unwind,
	&consumer_failures,
	&consumer_syscall_limit,
	&consumer_timeline,
	&consumer_output,
	NULL,
};
