/* -kk: a call chain whose source lines the program knows. It prints, one
 * a line, the file:line that each of its own frames must show: the open
 * call in inner(), then the call of inner() in main(). */
#include <fcntl.h>
#include <stdio.h>

static int open_line, call_line;

__attribute__((noinline)) int inner(const char *path)
{
	open_line = __LINE__ + 1;
	return open(path, O_RDONLY);
}

int main(void)
{
	int fd;

	call_line = __LINE__ + 1;
	fd = inner("/nonexistent/mytrace-srcline");
	printf("%s:%d\n%s:%d\n", __FILE__, open_line, __FILE__, call_line);
	return fd >= 0;
}
