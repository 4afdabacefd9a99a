/* Socket options of each layout, for test_decode_selfcheck: each call is
 * followed by the line mytrace must print for it (on stdout). */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

static long sso(int fd, int level, int name, const void *val, int len)
{
	return syscall(SYS_setsockopt, fd, level, name, val, len);
}

static long gso(int fd, int level, int name, void *val, socklen_t *len)
{
	return syscall(SYS_getsockopt, fd, level, name, val, len);
}

int main(void)
{
	int s = socket(AF_UNIX, SOCK_DGRAM, 0);
	int v = 4096, big[2] = { 7, 0 };
	struct linger lg = { 1, 5 };
	struct packet_mreq mr = { .mr_ifindex = 0, .mr_type = 0x77,
				  .mr_alen = 3,
				  .mr_address = { 0xaa, 0xbb, 0xcc } };
	struct ip_mreq im;
	socklen_t len;
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	rc = sso(s, SOL_SOCKET, SO_PASSCRED, big, 5);
	printf("setsockopt(%d, SOL_SOCKET, SO_PASSCRED, [7], 5) = %s\n", s,
	       sc_ret(rc));
	rc = sso(s, SOL_SOCKET, SO_PASSCRED, &v, 3);
	printf("setsockopt(%d, SOL_SOCKET, SO_PASSCRED, %p, 3) = %s\n", s,
	       (void *)&v, sc_ret(rc));
	v = 0x7f;
	len = 3;
	rc = gso(s, SOL_SOCKET, SO_PASSCRED, &v, &len);
	printf("getsockopt(%d, SOL_SOCKET, SO_PASSCRED, \"\\x01\\x00\\x00\", "
	       "[3]) = %s\n", s, sc_ret(rc));
	len = 4;
	rc = gso(s, SOL_SOCKET, SO_ERROR, &v, &len);
	printf("getsockopt(%d, SOL_SOCKET, SO_ERROR, [0], [4]) = %s\n", s,
	       sc_ret(rc));
	rc = sso(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	printf("setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, "
	       "l_linger=5}, 8) = %s\n", s, sc_ret(rc));
	rc = sso(s, SOL_SOCKET, SO_LINGER, &lg, 4);
	printf("setsockopt(%d, SOL_SOCKET, SO_LINGER, %p, 4) = %s\n", s,
	       (void *)&lg, sc_ret(rc));
	len = 4;
	rc = gso(s, SOL_SOCKET, SO_LINGER, &lg, &len);
	printf("getsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1}, [4]) = "
	       "%s\n", s, sc_ret(rc));
	v = 127;
	rc = sso(s, SOL_SOCKET, 0x7e, &v, 4);
	printf("setsockopt(%d, SOL_SOCKET, 0x7e /* SO_??? */, [127], 4) = "
	       "%s\n", s, sc_ret(rc));
	len = 0;
	rc = gso(s, SOL_SOCKET, SO_GET_FILTER, NULL, &len);
	printf("getsockopt(%d, SOL_SOCKET, SO_GET_FILTER, NULL, [0]) = %s\n",
	       s, sc_ret(rc));
	rc = sso(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr));
	printf("setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, "
	       "{mr_ifindex=0, mr_type=0x77 /* PACKET_MR_??? */, mr_alen=3, "
	       "mr_address=aa:bb:cc}, 16) = %s\n", sc_ret(rc));
	inet_pton(AF_INET, "224.0.0.3", &im.imr_multiaddr);
	inet_pton(AF_INET, "127.0.0.1", &im.imr_interface);
	rc = sso(-1, SOL_IP, IP_ADD_MEMBERSHIP, &im, sizeof(im));
	printf("setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, "
	       "{imr_multiaddr=inet_addr(\"224.0.0.3\"), "
	       "imr_interface=inet_addr(\"127.0.0.1\")}, 8) = %s\n",
	       sc_ret(rc));
	return 0;
}
