/* Decoding of the net family: runs tests/programs/decode_net under
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
	"socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3",
	"setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0",
	"bind(3, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
	"listen(3, 5) = 0",
	"socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4",
	"setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0",
	"accept4(3, NULL, NULL, SOCK_CLOEXEC) = 5",
	"sendto(4, \"ping\", 4, MSG_NOSIGNAL, NULL, 0) = 4",
	"recvfrom(5, \"ping\", 64, 0, NULL, NULL) = 4",
	"getsockopt(4, SOL_SOCKET, SO_ERROR, [0], [4]) = 0",
	"shutdown(4, SHUT_WR) = 0",
	"close(5) = 0",
	"close(4) = 0",
	"close(3) = 0",
	"socketpair(AF_UNIX, SOCK_DGRAM, 0, [3, 4]) = 0",
	"sendmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", iov_len=2}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24, msg_flags=0}, 0) = 2",
	"recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", iov_len=64}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}], msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC) = 2",
	"close(3) = 0",
	"close(4) = 0",
	"socket(AF_UNIX, SOCK_STREAM, 0) = 3",
	"connect(3, {sa_family=AF_UNIX, sun_path=\"/nonexistent/mytrace.sock\"}, 110) = -1 ENOENT (No such file or directory)",
	"connect(3, {sa_family=AF_UNIX, sun_path=@\"abstract\"}, 11) = -1 ECONNREFUSED (Connection refused)",
	"close(3) = 0",
	"socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 3",
	"connect(3, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
	"close(3) = 0",
	"socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
	"bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0",
	"close(3) = 0",
	NULL,
};

static void test_decode_net(void **state)
{
	const char *args[] = { test_program("decode_net"), NULL };

	assert_traced_lines(args, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_net),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
