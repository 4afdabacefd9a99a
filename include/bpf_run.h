/* --backend=bpf: the eBPF source as an engine of the pipeline. */
#ifndef MYTRACE_BPF_RUN_H
#define MYTRACE_BPF_RUN_H

#include "options.h"

/* Traces opts->command with the eBPF source; returns mytrace's exit
 * status (the command's, as tracer_run does). */
int bpf_run(const struct options *opts);

#endif
