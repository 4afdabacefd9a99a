/* A loopback TCP client and server in one process, a UNIX socket pair
 * passing a descriptor, and a netlink socket, for test_decode_net. */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct sockaddr_un sun;
	struct sockaddr_nl snl;
	socklen_t len;
	int srv, cli, acc, sv[2], one = 1, err;
	char buf[64], cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { "hi", 2 };
	struct msghdr mh;
	struct cmsghdr *cm;

	syscall(SYS_close_range, 3, ~0U, 0);
	srv = syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC,
		      IPPROTO_TCP);
	syscall(SYS_setsockopt, srv, SOL_SOCKET, SO_REUSEADDR, &one,
		sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	syscall(SYS_bind, srv, &sin, sizeof(sin));
	syscall(SYS_listen, srv, 5);
	len = 128;
	syscall(SYS_getsockname, srv, &sin, &len);
	cli = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	syscall(SYS_setsockopt, cli, IPPROTO_TCP, TCP_NODELAY, &one,
		sizeof(one));
	syscall(SYS_connect, cli, &sin, sizeof(sin));
	len = sizeof(sin);
	acc = syscall(SYS_accept4, srv, NULL, NULL, SOCK_CLOEXEC);
	syscall(SYS_sendto, cli, "ping", 4, MSG_NOSIGNAL, NULL, 0);
	syscall(SYS_recvfrom, acc, buf, sizeof(buf), 0, NULL, NULL);
	len = sizeof(err);
	syscall(SYS_getsockopt, cli, SOL_SOCKET, SO_ERROR, &err, &len);
	syscall(SYS_shutdown, cli, SHUT_WR);
	syscall(SYS_close, acc);
	syscall(SYS_close, cli);
	syscall(SYS_close, srv);

	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cbuf;
	mh.msg_controllen = sizeof(cbuf);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &sv[0], sizeof(int));
	syscall(SYS_sendmsg, sv[1], &mh, 0);
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	mh.msg_controllen = sizeof(cbuf);
	syscall(SYS_recvmsg, sv[0], &mh, MSG_CMSG_CLOEXEC);
	syscall(SYS_close, sv[0]);
	syscall(SYS_close, sv[1]);

	cli = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, "/nonexistent/mytrace.sock");
	syscall(SYS_connect, cli, &sun, sizeof(sun));
	memcpy(sun.sun_path, "\0abstract", 9);
	syscall(SYS_connect, cli, &sun,
		offsetof(struct sockaddr_un, sun_path) + 9);
	syscall(SYS_close, cli);
	cli = syscall(SYS_socket, AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
	memset(&sin6, 0, sizeof(sin6));
	sin6.sin6_family = AF_INET6;
	sin6.sin6_port = htons(9);
	sin6.sin6_addr = in6addr_loopback;
	syscall(SYS_connect, cli, &sin6, sizeof(sin6));
	syscall(SYS_close, cli);
	cli = syscall(SYS_socket, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	memset(&snl, 0, sizeof(snl));
	snl.nl_family = AF_NETLINK;
	syscall(SYS_bind, cli, &snl, sizeof(snl));
	syscall(SYS_close, cli);
	return 0;
}
