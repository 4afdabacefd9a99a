/* mytrace: trace the system calls of a command, as strace does. */
#include "bpf_run.h"
#include "fd_limit.h"
#include "options.h"
#include "output.h"
#include "tracer.h"

int main(int argc, char **argv)
{
	struct options opts;
	int rc;

	cli_parse(&opts, argc, argv);
	/* -ff and the memory readers need descriptors: the hard limit */
	fd_limit_raise();
	sink_open_append(opts.output_append);
	rc = opts.backend_bpf ? bpf_run(&opts) : tracer_run(&opts);
	tips_print(stderr, &opts.tips);
	outfilter_free(&opts.filter);
	cli_free(&opts);
	return rc;
}
