/* Decoding of the io family: runs tests/programs/decode_io under
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

#include "arch_expect.h"
#include "harness.h"

static const char *const expected[] = {
	"close_range(3, 4294967295, 0) = 0",
	"pipe2([3, 4], O_CLOEXEC) = 0",
	"pipe2([5, 6], O_NONBLOCK) = 0",
	"writev(4, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=3}], 2) = 5",
	"readv(3, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=8}], 2) = 5",
	"write(4, \"xyz\", 3) = 3",
	EXPECT_LEGACY("poll([{fd=3, events=POLLIN}, {fd=6, events=POLLPRI|POLLOUT}], 2, 100) = 2 ([{fd=3, revents=POLLIN}, {fd=6, revents=POLLOUT}])",
		      "ppoll([{fd=3, events=POLLIN}, {fd=6, events=POLLPRI|POLLOUT}], 2, {tv_sec=0, tv_nsec=0}, NULL, 8) = 2 ([{fd=3, revents=POLLIN}, {fd=6, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})"),
#if defined(__x86_64__)
	"poll([{fd=6, events=POLLIN}], 1, 0) = 0 (Timeout)",
#endif
#if defined(__x86_64__)
	"select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=0}) = 1 (in [3], left {tv_sec=0, tv_usec=0})",
#endif
	"epoll_create1(EPOLL_CLOEXEC) = 7",
	"epoll_ctl(7, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=7, u64=7}}) = 0",
	EXPECT_LEGACY("epoll_wait(7, [{events=EPOLLIN, data={u32=7, u64=7}}], 4, 0) = 1",
		      "epoll_pwait(7, [{events=EPOLLIN, data={u32=7, u64=7}}], 4, 0, NULL, 8) = 1"),
	"epoll_pwait(7, [], 4, 0, NULL, 8) = 0",
	"eventfd2(5, EFD_CLOEXEC|EFD_NONBLOCK) = 8",
	"ioctl(3, FIONREAD, [3]) = 0",
	"ioctl(3, FIONBIO, [1]) = 0",
	"ioctl(3, FIOCLEX) = 0",
	"ioctl(3, TCGETS, 0xADDR) = -1 ENOTTY (Inappropriate ioctl for device)",
	"fcntl(3, F_GETFL) = 0xADDR (flags O_RDONLY|O_NONBLOCK)",
	"fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0",
	"fcntl(3, F_GETFD) = 0xADDR (flags FD_CLOEXEC)",
	"fcntl(3, F_SETFD, FD_CLOEXEC) = 0",
	"fcntl(3, F_DUPFD_CLOEXEC, 10) = 10",
	"fcntl(3, F_GETPIPE_SZ) = 65536",
	"dup3(3, 20, O_CLOEXEC) = 20",
	"openat(AT_FDCWD, \"/tmp/mytrace-decode-io.txt\", O_RDONLY) = 9",
	"sendfile(6, 9, [0] => [3], 4) = 3",
	"splice(5, NULL, 4, NULL, 4, SPLICE_F_NONBLOCK) = 3",
	"tee(3, 6, 1, SPLICE_F_NONBLOCK) = 1",
	"copy_file_range(9, NULL, 6, NULL, 0, 0) = -1 EINVAL (Invalid argument)",
	"pwritev(6, [{iov_base=\"ab\", iov_len=2}], 1, 0) = -1 ESPIPE (Illegal seek)",
	"close(8) = 0",
	"close(99) = -1 EBADF (Bad file descriptor)",
	NULL,
};

static void test_decode_io(void **state)
{
	const char *args[] = { test_program("decode_io"), NULL };

	assert_traced_lines(args, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_io),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
