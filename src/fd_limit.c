/* Raises mytrace's soft descriptor limit and gives the original back to
 * the processes it starts. */
#include <pthread.h>
#include <stdbool.h>
#include <sys/resource.h>

#include "fd_limit.h"

static struct rlimit original;
static bool raised;

/* In a forked child, before the command is executed: the command must
 * see the limit it was started with. setrlimit is async-signal-safe. */
static void restore_in_child(void)
{
	if (raised)
		setrlimit(RLIMIT_NOFILE, &original);
}

void fd_limit_raise(void)
{
	struct rlimit rl;

	if (raised || getrlimit(RLIMIT_NOFILE, &original) != 0)
		return;
	if (original.rlim_cur >= original.rlim_max)
		return;
	if (pthread_atfork(NULL, NULL, restore_in_child) != 0)
		return;
	rl.rlim_cur = original.rlim_max;
	rl.rlim_max = original.rlim_max;
	raised = setrlimit(RLIMIT_NOFILE, &rl) == 0;
}
