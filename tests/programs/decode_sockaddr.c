/* Socket addresses of several families and lengths, names the kernel
 * cuts to the length the caller offered, and sendfile's offset, for
 * test_decode_selfcheck: each call is followed by the line mytrace must
 * print for it (on stdout). */
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "selfcheck.h"

static long conn(const void *addr, int len)
{
	return syscall(SYS_connect, -1, addr, len);
}

static void families(void)
{
	struct sockaddr_in6 s6;
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = 7,
				  .nl_groups = 0x10 };
	struct sockaddr_ll ll = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(0x0003),
				  .sll_ifindex = 0, .sll_hatype = 1,
				  .sll_halen = 2, .sll_addr = { 0xab, 0xcd } };
	struct sockaddr_in s4 = { .sin_family = AF_INET,
				  .sin_port = htons(80) };
	unsigned char odd[8] = { 0xfe, 0, 'h', 'i' };
	unsigned lo = if_nametoindex("lo");
	long rc;

	memset(&s6, 0, sizeof(s6));
	s6.sin6_family = AF_INET6;
	s6.sin6_port = htons(53);
	inet_pton(AF_INET6, "fe80::1", &s6.sin6_addr);
	s6.sin6_scope_id = lo;
	rc = conn(&s6, sizeof(s6));
	printf("connect(-1, {sa_family=AF_INET6, sin6_port=htons(53), "
	       "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"fe80::1\", "
	       "&sin6_addr), sin6_scope_id=%s}, 28) = %s\n",
	       lo ? "if_nametoindex(\"lo\")" : "0", sc_ret(rc));
	rc = conn(&s6, 24);
	printf("connect(-1, {sa_family=AF_INET6, sin6_port=htons(53), "
	       "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"fe80::1\", "
	       "&sin6_addr)}, 24) = %s\n", sc_ret(rc));
	rc = conn(&s4, 6);
	printf("connect(-1, {sa_family=AF_INET, sa_data=\"\\0P\\0\\0\"}, 6) "
	       "= %s\n", sc_ret(rc));
	rc = conn(&nl, sizeof(nl));
	printf("connect(-1, {sa_family=AF_NETLINK, nl_pid=7, "
	       "nl_groups=0x000010}, 12) = %s\n", sc_ret(rc));
	rc = conn(&ll, sizeof(ll));
	printf("connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), "
	       "sll_ifindex=0, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, "
	       "sll_halen=2, sll_addr=[0xab, 0xcd]}, 20) = %s\n", sc_ret(rc));
	rc = conn(odd, 4);
	printf("connect(-1, {sa_family=0xfe /* AF_??? */, sa_data=\"hi\"}, 4) "
	       "= %s\n", sc_ret(rc));
}

/* An address of family fam: the bytes after sa_family at their offsets
 * (buf is zeroed first). */
static void *addr_of(unsigned char *buf, size_t size, uint16_t fam)
{
	memset(buf, 0, size);
	memcpy(buf, &fam, sizeof(fam));
	return buf;
}

static void put32(unsigned char *buf, size_t off, uint32_t v)
{
	memcpy(buf + off, &v, sizeof(v));
}

static void put16(unsigned char *buf, size_t off, uint16_t v)
{
	memcpy(buf + off, &v, sizeof(v));
}

/* Families decoded in sockaddr_more.c, built byte by byte so that no
 * kernel header is needed. */
static void more_families(void)
{
	unsigned char b[96];
	const char call[] = "N0CALL";
	long rc;

	addr_of(b, sizeof(b), AF_VSOCK);
	put32(b, 4, 0x400);
	put32(b, 8, 2);
	b[12] = 1;
	rc = conn(b, 16);
	printf("connect(-1, {sa_family=AF_VSOCK, svm_cid=VMADDR_CID_HOST, "
	       "svm_port=0x400, svm_flags=VMADDR_FLAG_TO_HOST}, 16) = %s\n",
	       sc_ret(rc));
	addr_of(b, sizeof(b), AF_QIPCRTR);
	put32(b, 4, 0xffffffff);
	put32(b, 8, 5);
	rc = conn(b, 12);
	printf("connect(-1, {sa_family=AF_QIPCRTR, sq_node=QRTR_NODE_BCAST, "
	       "sq_port=0x5}, 12) = %s\n", sc_ret(rc));
	addr_of(b, sizeof(b), AF_X25);
	memcpy(b + 2, "12345", 5);
	rc = conn(b, 18);
	printf("connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr=\"12345\"}}"
	       ", 18) = %s\n", sc_ret(rc));
	addr_of(b, sizeof(b), AF_AX25);
	for (int i = 0; i < 6; i++)
		b[2 + i] = (unsigned char)(call[i] << 1);
	b[8] = 3 << 1;
	rc = conn(b, 16);
	printf("connect(-1, {sa_family=AF_AX25, sax25_call=N0CALL-3, "
	       "sax25_ndigis=0}, 16) = %s\n", sc_ret(rc));
	addr_of(b, sizeof(b), AF_RXRPC);
	put16(b, 2, 1);
	put16(b, 4, SOCK_DGRAM);
	put16(b, 6, 16);
	put16(b, 8, AF_INET);
	put16(b, 10, htons(7000));
	put32(b, 12, htonl(INADDR_LOOPBACK));
	rc = conn(b, 36);
	printf("connect(-1, {sa_family=AF_RXRPC, srx_service=0x1 "
	       "/* CM_SERVICE */, transport_type=SOCK_DGRAM, transport_len=16, "
	       "transport={sin={sin_family=AF_INET, sin_port=htons(7000), "
	       "sin_addr=inet_addr(\"127.0.0.1\")}}}, 36) = %s\n",
	       sc_ret(rc));
	addr_of(b, sizeof(b), AF_ALG);
	memcpy(b + 2, "hash", 4);
	memcpy(b + 24, "sha256", 6);
	rc = conn(b, 88);
	printf("connect(-1, {sa_family=AF_ALG, salg_type=\"hash\", salg_feat=0"
	       ", salg_mask=0, salg_name=\"sha256\"}, 88) = %s\n", sc_ret(rc));
}

/* The kernel writes no more of a name than the caller offered. */
static void names(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct sockaddr_un got, from = { .sun_family = AF_UNIX };
	char data = 'x';
	struct iovec iov = { &data, 1 };
	struct msghdr mh = { .msg_name = &got, .msg_iov = &iov,
			     .msg_iovlen = 1 };
	socklen_t len;
	int s, c;
	long rc;

	snprintf(sun.sun_path, sizeof(sun.sun_path), "sockaddr-%d.sock",
		 getpid());
	unlink(sun.sun_path);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	c = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (bind(s, (struct sockaddr *)&sun, sizeof(sun)) != 0)
		return;
	memset(&got, 'A', sizeof(got));
	len = 2;
	rc = syscall(SYS_getsockname, s, &got, &len);
	printf("getsockname(%d, {sa_family=AF_UNIX}, [2 => %u]) = %s\n", s,
	       (unsigned)len, sc_ret(rc));
	memset(&got, 'A', sizeof(got));
	len = 8;
	rc = syscall(SYS_getsockname, s, &got, &len);
	printf("getsockname(%d, {sa_family=AF_UNIX, sun_path=\"%.6s\"}, "
	       "[8 => %u]) = %s\n", s, sun.sun_path, (unsigned)len,
	       sc_ret(rc));
	/* a sender with a name of its own: "sockaddr-..." cut to 3 bytes */
	snprintf(from.sun_path, sizeof(from.sun_path), "%.90s.c",
		 sun.sun_path);
	unlink(from.sun_path);
	if (bind(c, (struct sockaddr *)&from, sizeof(from)) != 0)
		return;
	sendto(c, "x", 1, 0, (struct sockaddr *)&sun, sizeof(sun));
	mh.msg_namelen = 5;
	memset(&got, 'A', sizeof(got));
	rc = syscall(SYS_recvmsg, s, &mh, 0);
	printf("recvmsg(%d, {msg_name={sa_family=AF_UNIX, sun_path=\"soc\"}, "
	       "msg_namelen=5 => "
	       "%u, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, 0) = %s\n", s,
	       (unsigned)mh.msg_namelen, sc_ret(rc));
	unlink(sun.sun_path);
	unlink(from.sun_path);
	close(c);
	close(s);
}

/* MSG_TRUNC: the call returns the datagram's length, the buffer holds
 * what fits. */
static void truncated(void)
{
	int sv[2];
	char c;
	long rc;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
		return;
	send(sv[1], "AB", 2, 0);
	rc = syscall(SYS_recvfrom, sv[0], &c, 1, MSG_TRUNC, NULL, NULL);
	printf("recvfrom(%d, \"A\", 1, MSG_TRUNC, NULL, NULL) = %s\n", sv[0],
	       sc_ret(rc));
	close(sv[0]);
	close(sv[1]);
}

/* sendmmsg shows the headers it was given and what it sent of them;
 * recvmmsg the names as long as offered (none here: a pair's socket has
 * no name) and what it received. */
static void mmsg(void)
{
	int sv[2];
	char a = 'a', b = 'b', in[2];
	struct iovec iov[2] = { { &a, 1 }, { &b, 1 } };
	struct iovec rio[2] = { { &in[0], 1 }, { &in[1], 1 } };
	struct mmsghdr mm[2], rm[2];
	long rc;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
		return;
	memset(mm, 0, sizeof(mm));
	memset(rm, 0, sizeof(rm));
	for (int i = 0; i < 2; i++) {
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
		rm[i].msg_hdr.msg_iov = &rio[i];
		rm[i].msg_hdr.msg_iovlen = 1;
	}
	rc = syscall(SYS_sendmmsg, -1, mm, 2, 0);
	printf("sendmmsg(-1, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"a\", iov_len=1}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}}, {msg_hdr={msg_name=NULL, "
	       "msg_namelen=0, msg_iov=[{iov_base=\"b\", iov_len=1}], "
	       "msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 2, 0) = %s\n",
	       sc_ret(rc));
	rc = syscall(SYS_sendmmsg, sv[1], mm, 1, 0);
	printf("sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"a\", iov_len=1}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, msg_len=1}], 1, 0) = %s\n",
	       sv[1], sc_ret(rc));
	rc = syscall(SYS_recvmmsg, sv[0], rm, 2, MSG_DONTWAIT, NULL);
	printf("recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"a\", iov_len=1}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, msg_len=1}], 2, MSG_DONTWAIT, "
	       "NULL) = %s\n", sv[0], sc_ret(rc));
	rc = syscall(SYS_recvmmsg, -1, rm, 2, 0, NULL);
	printf("recvmmsg(-1, %p, 2, 0, NULL) = %s\n", (void *)rm, sc_ret(rc));
	close(sv[0]);
	close(sv[1]);
}

static void offsets(void)
{
	int in = open("/proc/self/exe", O_RDONLY);
	int out = open("/dev/null", O_WRONLY);
	uint64_t off = 0;
	long rc;

	rc = syscall(SYS_sendfile, out, in, &off, 16);
	printf("sendfile(%d, %d, [0] => [16], 16) = %s\n", out, in,
	       sc_ret(rc));
	off = UINT64_MAX - 1;
	rc = syscall(SYS_sendfile, out, in, &off, 1);
	printf("sendfile(%d, %d, [%llu], 1) = %s\n", out, in,
	       (unsigned long long)(UINT64_MAX - 1), sc_ret(rc));
	close(in);
	close(out);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	families();
	more_families();
	names();
	truncated();
	mmsg();
	offsets();
	return 0;
}
