/* Decoding of the remaining (fcntl, memfd, pidfd, capabilities, socket options) family: runs tests/programs/decode_misc under
 * mytrace and asserts the exact lines strace 6.1 prints for the same calls
 * (addresses masked, alignment normalized). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static const char *const expected[] = {
	"close_range(3, 4294967295, 0) = 0",
	"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=0, permitted=0, inheritable=0}) = 0",
	"memfd_create(\"mytrace\", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 3",
	"ftruncate(3, 100) = 0",
	"fcntl(3, F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW) = 0",
	"fcntl(3, F_GET_SEALS) = 0xADDR (seals F_SEAL_SHRINK|F_SEAL_GROW)",
	"fcntl(3, F_SETLK, {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0",
	"fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}) = 0",
	"fcntl(3, F_OFD_SETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0",
	"fcntl(3, F_SETOWN, 0) = 0",
	"fcntl(3, F_GETOWN) = 0",
	"fcntl(3, F_GETOWN_EX, {type=F_OWNER_PID, pid=0}) = 0",
	"fcntl(3, F_SETSIG, SIGUSR1) = 0",
	"fcntl(3, F_GETSIG) = 10 (SIGUSR1)",
	"fcntl(3, F_SETLEASE, F_UNLCK) = -1 EAGAIN (Resource temporarily unavailable)",
	"fcntl(3, F_GETLEASE) = 0xADDR (F_UNLCK)",
	"fcntl(3, F_NOTIFY, 0) = 0",
	"fcntl(3, F_DUPFD, 30) = 30",
	"close(3) = 0",
	"pidfd_send_signal(3, 0, NULL, 0) = 0",
	"close(3) = 0",
	"socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3",
	"setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0",
	"setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_OLD, \"\\2\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", 16) = 0",
	"getsockopt(3, SOL_SOCKET, SO_TYPE, [2], [4]) = 0",
	"getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0",
	"getsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, 0xADDR, [256 => 0]) = 0",
	"close(3) = 0",
	"getgroups(4, []) = 0",
	"flock(99, LOCK_UN) = -1 EBADF (Bad file descriptor)",
	NULL,
};

static void test_decode_misc(void **state)
{
	const char *args[] = { test_program("decode_misc"), NULL };

	assert_traced_lines(args, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_misc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
