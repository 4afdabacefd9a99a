/* -e read=10 -e write=11 on iovec calls, for test_decode_selfcheck:
 * writev and readv through a pipe at fds 10 and 11; each call is followed
 * by the lines mytrace must print for it (the call and the dump of each
 * buffer that holds bytes). */
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "selfcheck.h"

/* " * N bytes in buffer I" and one dump line (n <= 16). */
static void dump(unsigned idx, const char *p, size_t n)
{
	printf(" * %zu bytes in buffer %u\n | 00000  ", n, idx);
	for (size_t i = 0; i < 16; i++) {
		if (i < n)
			printf("%02x ", (unsigned char)p[i]);
		else
			printf("   ");
		if (i == 7)
			printf(" ");
	}
	printf(" ");
	for (size_t i = 0; i < 16; i++)
		putchar(i < n ? p[i] : ' ');
	printf(" |\n");
}

int main(void)
{
	char a[4], b[8];
	struct iovec out[2] = { { "012", 3 }, { "34567", 5 } };
	struct iovec in[3] = { { a, sizeof(a) }, { b, sizeof(b) },
			       { NULL, 0 } };
	int p[2];
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (pipe(p) < 0 || dup2(p[0], 10) != 10 || dup2(p[1], 11) != 11)
		return 1;
	rc = syscall(SYS_writev, 11, out, 2);
	printf("writev(11, [{iov_base=\"012\", iov_len=3}, "
	       "{iov_base=\"34567\", iov_len=5}], 2) = %s\n", sc_ret(rc));
	dump(0, "012", 3);
	dump(1, "34567", 5);
	rc = syscall(SYS_readv, 10, in, 3);
	printf("readv(10, [{iov_base=\"0123\", iov_len=4}, "
	       "{iov_base=\"4567\", iov_len=8}, {iov_base=NULL, iov_len=0}], "
	       "3) = %s\n", sc_ret(rc));
	dump(0, "0123", 4);
	dump(1, "4567", 4);
	return 0;
}
