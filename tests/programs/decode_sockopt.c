/* Socket options of each layout, for test_decode_selfcheck: each call is
 * followed by the line mytrace must print for it (on stdout). */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

/* linux/icmp.h clashes with the C library's network headers */
#define ICMP_FILTER 1
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

/* Options whose value is a struct: whole, cut short, or of the wrong
 * size. */
static void structs(void)
{
	int sv[2];
	struct ucred cr;
	struct tpacket_req req = { 1, 2, 3, 4 };
	uint32_t filter = 1u << 8;
	struct group_req gr;
	struct sockaddr_in *gin = (struct sockaddr_in *)&gr.gr_group;
	socklen_t len;
	long rc;

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	len = sizeof(cr);
	rc = gso(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len);
	printf("getsockopt(%d, SOL_SOCKET, SO_PEERCRED, {pid=%d, uid=%u, "
	       "gid=%u}, [12]) = %s\n", sv[0], cr.pid, cr.uid, cr.gid,
	       sc_ret(rc));
	len = 6;
	rc = gso(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len);
	printf("getsockopt(%d, SOL_SOCKET, SO_PEERCRED, {pid=%d, "
	       "uid=\"\\x%02x\\x%02x\"}, [6]) = %s\n", sv[0], cr.pid,
	       ((unsigned char *)&cr.uid)[0], ((unsigned char *)&cr.uid)[1],
	       sc_ret(rc));
	rc = sso(-1, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req));
	printf("setsockopt(-1, SOL_PACKET, PACKET_RX_RING, {tp_block_size=1, "
	       "tp_block_nr=2, tp_frame_size=3, tp_frame_nr=4}, 16) = %s\n",
	       sc_ret(rc));
	rc = sso(-1, SOL_PACKET, PACKET_RX_RING, &req, 12);
	printf("setsockopt(-1, SOL_PACKET, PACKET_RX_RING, %p, 12) = %s\n",
	       (void *)&req, sc_ret(rc));
	rc = sso(-1, SOL_RAW, ICMP_FILTER, &filter, 4);
	printf("setsockopt(-1, SOL_RAW, ICMP_FILTER, [ICMP_ECHO], 4) = %s\n",
	       sc_ret(rc));
	filter = ~(1u << 3 | 1u << 30);
	rc = sso(-1, SOL_RAW, ICMP_FILTER, &filter, 4);
	printf("setsockopt(-1, SOL_RAW, ICMP_FILTER, ~[ICMP_DEST_UNREACH 0x1e "
	       "/* ICMP_??? */], 4) = %s\n", sc_ret(rc));
	memset(&gr, 0, sizeof(gr));
	gin->sin_family = AF_INET;
	gin->sin_port = htons(7);
	inet_pton(AF_INET, "224.0.0.9", &gin->sin_addr);
	rc = sso(-1, SOL_IP, MCAST_JOIN_GROUP, &gr, sizeof(gr));
	printf("setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=0, "
	       "gr_group={sa_family=AF_INET, sin_port=htons(7), "
	       "sin_addr=inet_addr(\"224.0.0.9\")}}, %u) = %s\n",
	       (unsigned)sizeof(gr), sc_ret(rc));
	rc = sso(-1, SOL_IP, MCAST_LEAVE_GROUP, &gr, 8);
	printf("setsockopt(-1, SOL_IP, MCAST_LEAVE_GROUP, %p, 8) = %s\n",
	       (void *)&gr, sc_ret(rc));
	close(sv[0]);
	close(sv[1]);
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
	structs();
	return 0;
}
