/* perf_event_open(2), for test_decode_selfcheck: each call is followed
 * by the line mytrace must print for it. */
#include <linux/perf_event.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	/* flags are an unsigned long: bits above 31 show too */
	rc = syscall(SYS_perf_event_open, NULL, -1, -1, -1,
		     PERF_FLAG_FD_CLOEXEC | 1ULL << 40);
	printf("perf_event_open(NULL, -1, -1, -1, PERF_FLAG_FD_CLOEXEC|"
	       "0x10000000000) = %s\n", sc_ret(rc));
	rc = syscall(SYS_perf_event_open, NULL, 0, -1, -1, 1ULL << 33);
	printf("perf_event_open(NULL, 0, -1, -1, 0x200000000 /* "
	       "PERF_FLAG_??? */) = %s\n", sc_ret(rc));
	return 0;
}
