/* mytrace: trace the system calls of a command, as strace does. */
#include "options.h"
#include "tracer.h"

int main(int argc, char **argv)
{
	struct options opts;

	cli_parse(&opts, argc, argv);
	return tracer_run(&opts);
}
