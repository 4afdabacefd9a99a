/* Socket options and addresses in each -X style: a packet_mreq's address,
 * a socket filter (run with -v), IPv4 and IPv6 addresses; argv[1] names
 * the style (abbrev, raw, verbose) and each call is followed by the line
 * mytrace must print for it, for test_decode_selfcheck. */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

enum { ABBREV, RAW, VERBOSE };
static int style;

/* A constant as the style shows it: NAME, 0x1, 0x1 / * NAME * / */
static const char *k(const char *name, const char *num)
{
	static char buf[8][64];
	static int n;
	char *b = buf[n++ % 8];

	if (style == ABBREV)
		return name;
	if (style == RAW)
		return num;
	snprintf(b, 64, "%s /* %s */", num, name);
	return b;
}

static void mreq(void)
{
	struct packet_mreq mr = { .mr_ifindex = 0, .mr_type = PACKET_MR_PROMISC,
				  .mr_alen = 2, .mr_address = { 0xab, 0x01 } };
	long rc = syscall(SYS_setsockopt, -1, SOL_PACKET,
			  PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr));
	const char *addr = style == ABBREV ? "ab:01" :
			   style == RAW ? "\"\\xab\\x01\"" :
			   "\"\\xab\\x01\" /* ab:01 */";

	printf("setsockopt(-1, %s, %s, {mr_ifindex=0, mr_type=%s, mr_alen=2, "
	       "mr_address=%s}, 16) = %s\n", k("SOL_PACKET", "0x107"),
	       k("PACKET_ADD_MEMBERSHIP", "0x1"),
	       k("PACKET_MR_PROMISC", "0x1"), addr, sc_ret(rc));
}

static void filter(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
	};
	struct sock_fprog prog = { 3, insns };
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	long rc = syscall(SYS_setsockopt, s, SOL_SOCKET, SO_ATTACH_FILTER,
			  &prog, sizeof(prog));
	char ad[64];

	if (style == ABBREV)
		snprintf(ad, sizeof(ad), "SKF_AD_OFF+SKF_AD_PROTOCOL");
	else
		snprintf(ad, sizeof(ad), "%s+%s",
			 k("SKF_AD_OFF", "0xfffff000"),
			 k("SKF_AD_PROTOCOL", "0"));
	printf("setsockopt(%d, %s, %s, {len=3, filter=[BPF_STMT(%s|%s|%s, %s)"
	       ", ", s, k("SOL_SOCKET", "0x1"), k("SO_ATTACH_FILTER", "0x1a"),
	       k("BPF_LD", "0"), k("BPF_H", "0x8"), k("BPF_ABS", "0x20"), ad);
	printf("BPF_JUMP(%s|%s|%s, 0x800, 0, 0x1), ", k("BPF_JMP", "0x5"),
	       k("BPF_K", "0"), k("BPF_JEQ", "0x10"));
	printf("BPF_STMT(%s|%s, 0xffff)]}, %u) = %s\n", k("BPF_RET", "0x6"),
	       k("BPF_K", "0"), (unsigned)sizeof(prog), sc_ret(rc));
	close(s);
}

static void addrs(void)
{
	struct sockaddr_in s4 = { .sin_family = AF_INET,
				  .sin_port = htons(80) };
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6,
				   .sin6_port = htons(53) };
	long rc;

	inet_pton(AF_INET, "10.0.0.1", &s4.sin_addr);
	rc = syscall(SYS_connect, -1, &s4, sizeof(s4));
	if (style == ABBREV)
		printf("connect(-1, {sa_family=AF_INET, sin_port=htons(80), "
		       "sin_addr=inet_addr(\"10.0.0.1\")}, 16) = %s\n",
		       sc_ret(rc));
	else
		printf("connect(-1, {sa_family=%s, sin_port=\"\\x00\\x50\"%s, "
		       "sin_addr=\"\\x0a\\x00\\x00\\x01\"%s}, 16) = %s\n",
		       k("AF_INET", "0x2"),
		       style == VERBOSE ? " /* htons(80) */" : "",
		       style == VERBOSE ? " /* inet_addr(\"10.0.0.1\") */" : "",
		       sc_ret(rc));
	inet_pton(AF_INET6, "::1", &s6.sin6_addr);
	rc = syscall(SYS_connect, -1, &s6, sizeof(s6));
	if (style == ABBREV)
		printf("connect(-1, {sa_family=AF_INET6, sin6_port=htons(53), "
		       "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", "
		       "&sin6_addr), sin6_scope_id=0}, 28) = %s\n", sc_ret(rc));
	else
		printf("connect(-1, {sa_family=%s, sin6_port=\"\\x00\\x35\"%s, "
		       "sin6_flowinfo=\"\\x00\\x00\\x00\\x00\"%s, "
		       "sin6_addr=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
		       "\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\"%s, "
		       "sin6_scope_id=0}, 28) = %s\n", k("AF_INET6", "0xa"),
		       style == VERBOSE ? " /* htons(53) */" : "",
		       style == VERBOSE ? " /* htonl(0) */" : "",
		       style == VERBOSE ?
		       " /* inet_pton(AF_INET6, \"::1\") */" : "",
		       sc_ret(rc));
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc > 1 && !strcmp(argv[1], "raw"))
		style = RAW;
	if (argc > 1 && !strcmp(argv[1], "verbose"))
		style = VERBOSE;
	mreq();
	filter();
	addrs();
	return 0;
}
