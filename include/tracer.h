/* The tracer core: starts or attaches to tracees, runs the waitpid loop,
 * turns stops into events and hands them to the formatter. It knows
 * nothing about output formats. */
#ifndef MYTRACE_TRACER_H
#define MYTRACE_TRACER_H

#include "options.h"

/* Traces opts->command to its end. Returns mytrace's exit status; when the
 * command died of a signal, mytrace kills itself with it first. */
int tracer_run(const struct options *opts);

#endif
