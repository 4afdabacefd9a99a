/* Under -v strace prints arrays whole, past the -s limit of elements:
 * writev of 40 buffers, for test_decode_selfcheck (run with -v); the
 * program prints the line mytrace must print for its call. */
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	struct iovec iov[40];
	long rc;

	for (int i = 0; i < 40; i++) {
		iov[i].iov_base = "a";
		iov[i].iov_len = 1;
	}
	rc = syscall(SYS_writev, -1, iov, 40);
	printf("writev(-1, [");
	for (int i = 0; i < 40; i++)
		printf("%s{iov_base=\"a\", iov_len=1}", i ? ", " : "");
	printf("], 40) = %s\n", sc_ret(rc));
	return 0;
}
