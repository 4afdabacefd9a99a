/* Moves known bytes for -e read= / -e write=: writes 20 bytes (some not
 * printable) to a pipe moved to fds 10 and 11, reads them back from fd 10,
 * and writes "hello\n" to stdout. */
#include <unistd.h>

int main(void)
{
	static const char msg[] = "dump me\tplease\x01\x02\xff\n!!";
	char buf[64];
	int p[2];

	/* fixed numbers, whatever the caller left open */
	if (pipe(p) < 0 || dup2(p[0], 10) != 10 || dup2(p[1], 11) != 11)
		return 1;
	if (write(11, msg, 20) != 20)
		return 1;
	if (read(10, buf, sizeof(buf)) != 20)
		return 1;
	return write(1, "hello\n", 6) == 6 ? 0 : 1;
}
