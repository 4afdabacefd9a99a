/* w_open: openat+fstat+close a real file N times; path and struct decoding. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct stat st;
	long i, n;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: %s COUNT FILE\n", argv[0]);
		return 2;
	}
	n = atol(argv[1]);
	for (i = 0; i < n; i++) {
		fd = openat(AT_FDCWD, argv[2], O_RDONLY);
		if (fd < 0) {
			perror(argv[2]);
			return 1;
		}
		if (fstat(fd, &st) < 0) {
			perror("fstat");
			return 1;
		}
		close(fd);
	}
	return 0;
}
