/* Closes its stdin and stdout, then waits for a byte on descriptor 3:
 * the test checks meanwhile that nobody else holds the pipes that were
 * its stdin and stdout (mytrace must not). */
#include <unistd.h>

int main(void)
{
	char c;

	close(STDIN_FILENO);
	close(STDOUT_FILENO);
	return read(3, &c, 1) == 1 ? 0 : 1;
}
