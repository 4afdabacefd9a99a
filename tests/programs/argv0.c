/* Prints its argv[0]: what --argv0 gave it (busybox-style programs would
 * pick an applet by it, so the test cannot use sh). */
#include <stdio.h>

int main(int argc, char **argv)
{
	(void)argc;
	puts(argv[0]);
	return 0;
}
