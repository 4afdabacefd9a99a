/* Sends netlink messages whose attributes are structs, arrays, nested
 * sets chosen by the message's family and clock_t times, some cut by an
 * unmapped page, and prints the line mytrace must trace for each; for
 * test_decode_netlink. Messages without NLM_F_REQUEST get no answer. */
/* the C library's network headers first: linux/in.h defers to them */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/fib_rules.h>
#include <linux/inet_diag.h>
#include <linux/if_link.h>
#include <linux/mroute.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char hdr_fmt[] = "{nlmsg_len=%u, nlmsg_type=%s, "
	"nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}";

static void send_line(int fd, const void *buf, size_t len, const char *type,
		      const char *rest)
{
	long rc = syscall(SYS_sendto, fd, buf, len, MSG_DONTWAIT, NULL, 0);
	char hdr[160];

	snprintf(hdr, sizeof(hdr), hdr_fmt, (unsigned)len, type);
	printf("sendto(%d, [%s, %s], %zu, MSG_DONTWAIT, NULL, 0) = ", fd, hdr,
	       rest, len);
	if (rc < 0)
		printf("-1 EFAULT (Bad address)\n");
	else
		printf("%ld\n", rc);
}

/* A fib rule with a port range: a struct attribute. */
static void rule(int fd)
{
	struct {
		struct nlmsghdr h;
		struct fib_rule_hdr r;
		struct nlattr a;
		struct fib_rule_port_range p;
	} m = {
		.h = { sizeof(m), RTM_NEWRULE, NLM_F_MULTI, 0, 0 },
		.r = { .family = AF_INET, .action = FR_ACT_TO_TBL },
		.a = { NLA_HDRLEN + sizeof(m.p), FRA_DPORT_RANGE },
		.p = { 1000, 2000 },
	};

	send_line(fd, &m, sizeof(m), "RTM_NEWRULE",
		  "{family=AF_INET, dst_len=0, src_len=0, tos=0, "
		  "table=RT_TABLE_UNSPEC, action=FR_ACT_TO_TBL, flags=0}, "
		  "[{nla_len=8, nla_type=FRA_DPORT_RANGE}, "
		  "{start=1000, end=2000}]");
}

/* A bridge port's attributes nested in IFLA_PROTINFO (AF_BRIDGE): a u32
 * and a clock_t time with its seconds. */
static void bridge_port(int fd)
{
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
		struct nlattr protinfo;
		struct nlattr cost;
		uint32_t cost_v;
		struct nlattr timer;
		uint64_t timer_v;
	} m = {
		.h = { sizeof(m), RTM_NEWLINK, NLM_F_MULTI, 0, 0 },
		.i = { .ifi_family = AF_BRIDGE },
		.protinfo = { NLA_HDRLEN + 20, IFLA_PROTINFO },
		.cost = { NLA_HDRLEN + 4, IFLA_BRPORT_COST },
		.cost_v = 42,
		.timer = { NLA_HDRLEN + 8, IFLA_BRPORT_HOLD_TIMER },
	};
	long hz = sysconf(_SC_CLK_TCK);
	char rest[512];

	m.timer_v = (uint64_t)hz * 3 / 2;
	snprintf(rest, sizeof(rest), "{ifi_family=AF_BRIDGE, "
		 "ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, "
		 "ifi_change=0}, [{nla_len=24, nla_type=IFLA_PROTINFO}, "
		 "[[{nla_len=8, nla_type=IFLA_BRPORT_COST}, 42], "
		 "[{nla_len=12, nla_type=IFLA_BRPORT_HOLD_TIMER}, "
		 "%llu /* %s s */]]]", (unsigned long long)m.timer_v,
		 hz == 100 ? "1.50" : hz == 1000 ? "1.500" : "?");
	send_line(fd, &m, sizeof(m), "RTM_NEWLINK", rest);
}

/* A nexthop group: an array of structs, a reserved byte shown when set. */
static void nexthop_group(int fd)
{
	struct {
		struct nlmsghdr h;
		struct nhmsg n;
		struct nlattr a;
		struct nexthop_grp g[2];
	} m = {
		.h = { sizeof(m), RTM_NEWNEXTHOP, NLM_F_MULTI, 0, 0 },
		.n = { .nh_family = AF_INET },
		.a = { NLA_HDRLEN + sizeof(m.g), NHA_GROUP },
		.g = { { .id = 7, .weight = 1 }, { .id = 8, .resvd2 = 0xab } },
	};

	send_line(fd, &m, sizeof(m), "RTM_NEWNEXTHOP",
		  "{nh_family=AF_INET, nh_scope=RT_SCOPE_UNIVERSE, "
		  "nh_protocol=RTPROT_UNSPEC, nh_flags=0}, "
		  "[{nla_len=20, nla_type=NHA_GROUP}, [{id=7, weight=1}, "
		  "{id=8, weight=0, resvd2=0xab}]]");
}

/* A multicast routing cache report: its attributes depend on the family
 * (RTNL_FAMILY_IPMR: IPv4 addresses). */
static void cache_report(int fd)
{
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
		char pad[3];
		struct nlattr a;
		unsigned char addr[4];
	} m = {
		.h = { sizeof(m), RTM_NEWCACHEREPORT, NLM_F_MULTI, 0, 0 },
		.g = { RTNL_FAMILY_IPMR },
		.a = { NLA_HDRLEN + 4, IPMRA_CREPORT_SRC_ADDR },
		.addr = { 192, 0, 2, 1 },
	};

	send_line(fd, &m, sizeof(m), "RTM_NEWCACHEREPORT",
		  "{rtgen_family=RTNL_FAMILY_IPMR}, "
		  "[{nla_len=8, nla_type=IPMRA_CREPORT_SRC_ADDR}, "
		  "inet_addr(\"192.0.2.1\")]");
}

/* A u32 array whose second element lies on an unmapped page,
 * then a u32 that cannot be read at all. */
static void unreadable(int fd, char *page)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_msg u;
		struct nlattr a;
		uint32_t v;
	} m = {
		.h = { sizeof(m) + 4, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 0, 0 },
		.u = { .udiag_family = AF_UNIX, .udiag_type = SOCK_STREAM,
		       .udiag_state = 1 },
		.a = { NLA_HDRLEN + 8, UNIX_DIAG_ICONS },
		.v = 11,
	};
	char *at = page - sizeof(m);
	char rest[512];

	memcpy(at, &m, sizeof(m));
	snprintf(rest, sizeof(rest), "{udiag_family=AF_UNIX, "
		 "udiag_type=SOCK_STREAM, udiag_state=TCP_ESTABLISHED, "
		 "udiag_ino=0, udiag_cookie=[0, 0]}, "
		 "[{nla_len=12, nla_type=UNIX_DIAG_ICONS}, "
		 "[11, ... /* %p */]]", (void *)page);
	send_line(fd, at, sizeof(m) + 4, "SOCK_DIAG_BY_FAMILY", rest);

	m.h.nlmsg_len = sizeof(m);
	m.a.nla_len = NLA_HDRLEN + 4;
	m.a.nla_type = UNIX_DIAG_UID;
	at = page - (sizeof(m) - 4);
	memcpy(at, &m, sizeof(m) - 4);
	snprintf(rest, sizeof(rest), "{udiag_family=AF_UNIX, "
		 "udiag_type=SOCK_STREAM, udiag_state=TCP_ESTABLISHED, "
		 "udiag_ino=0, udiag_cookie=[0, 0]}, "
		 "[{nla_len=8, nla_type=UNIX_DIAG_UID}, %p]", (void *)page);
	send_line(fd, at, sizeof(m), "SOCK_DIAG_BY_FAMILY", rest);
}

/* An answer about an IPv4 TCP socket, as ss -t receives them, with its
 * socket id and its congestion control attribute. */
static void inet_answer(int fd)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_msg d;
		struct nlattr a;
		char cong[8];
	} m = {
		.h = { sizeof(m), SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 0, 0 },
		.d = { .idiag_family = AF_INET, .idiag_state = 10,
		       .id = { .idiag_sport = htons(22),
			       .idiag_src = { htonl(0x7f000001) },
			       .idiag_cookie = { 5, 0 } },
		       .idiag_uid = 1000, .idiag_inode = 4242 },
		.a = { NLA_HDRLEN + 6, INET_DIAG_CONG },
		.cong = "cubic",
	};

	send_line(fd, &m, sizeof(m), "SOCK_DIAG_BY_FAMILY",
		  "{idiag_family=AF_INET, idiag_state=TCP_LISTEN, "
		  "idiag_timer=0, idiag_retrans=0, id={idiag_sport=htons(22), "
		  "idiag_dport=htons(0), idiag_src=inet_addr(\"127.0.0.1\"), "
		  "idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, "
		  "idiag_cookie=[5, 0]}, idiag_expires=0, idiag_rqueue=0, "
		  "idiag_wqueue=0, idiag_uid=1000, idiag_inode=4242}, "
		  "[{nla_len=10, nla_type=INET_DIAG_CONG}, \"cubic\"]");
}

static int nl_socket(int proto)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW, proto);

	if (fd >= 0 && bind(fd, (struct sockaddr *)&nl, sizeof(nl)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int main(void)
{
	long size = sysconf(_SC_PAGESIZE);
	char *pages = mmap(NULL, 2 * size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = nl_socket(NETLINK_ROUTE);

	if (fd < 0 || pages == MAP_FAILED ||
	    munmap(pages + size, size))
		return 77;
	rule(fd);
	bridge_port(fd);
	nexthop_group(fd);
	cache_report(fd);
	close(fd);
	fd = nl_socket(NETLINK_SOCK_DIAG);
	if (fd < 0)
		return 77;
	unreadable(fd, pages + size);
	inet_answer(fd);
	close(fd);
	fflush(stdout);
	return 0;
}
