/* w_getppid: call getppid() N times; measures the bare cost of a syscall stop. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n;

	if (argc != 2) {
		fprintf(stderr, "usage: %s COUNT\n", argv[0]);
		return 2;
	}
	n = atol(argv[1]);
	for (i = 0; i < n; i++)
		getppid();
	return 0;
}
