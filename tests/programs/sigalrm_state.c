/* Prints whether SIGALRM is ignored, as the program inherited it: a
 * tracer must not turn an ignored signal into a default one. */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	struct sigaction act;

	if (sigaction(SIGALRM, NULL, &act) != 0)
		return 2;
	puts(act.sa_handler == SIG_IGN ? "SIGALRM ignored" : "SIGALRM default");
	return 0;
}
