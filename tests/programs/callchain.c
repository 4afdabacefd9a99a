/* A known call chain for -k: main -> level1 -> level2 -> open of a file
 * that does not exist. Built with frame pointers and without inlining. */
#include <fcntl.h>

__attribute__((noinline)) int level2(const char *path)
{
	return open(path, O_RDONLY);
}

__attribute__((noinline)) int level1(const char *path)
{
	return level2(path) + 1;
}

int main(void)
{
	return level1("/nonexistent/mytrace-callchain") == 0 ? 0 : 0;
}
