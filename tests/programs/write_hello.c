/* Writes "hello\n" to stdout with one write(2) and exits 0. */
#include <unistd.h>

int main(void)
{
	return write(1, "hello\n", 6) == 6 ? 0 : 1;
}
