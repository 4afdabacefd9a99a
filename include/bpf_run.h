/* --backend=bpf as a whole run, until the event pipeline of issue 14 can
 * take the eBPF source as one more engine. */
#ifndef MYTRACE_BPF_RUN_H
#define MYTRACE_BPF_RUN_H

#include "options.h"

/* Traces opts->command with the eBPF source; returns mytrace's exit
 * status (the command's, as tracer_run does). */
int bpf_run(const struct options *opts);

#endif
