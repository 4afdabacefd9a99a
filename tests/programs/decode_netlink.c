/* Sends netlink messages on NETLINK_ROUTE, NETLINK_SOCK_DIAG and
 * NETLINK_NETFILTER sockets and prints, for each call, the line mytrace
 * must trace for it; for test_decode_netlink. Messages without
 * NLM_F_REQUEST make the kernel answer nothing. */
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char hdr_fmt[] = "{nlmsg_len=%u, nlmsg_type=%s, "
	"nlmsg_flags=%s, nlmsg_seq=%u, nlmsg_pid=%u}";

static int send_line(int fd, const void *buf, size_t len, const char *text)
{
	long rc = syscall(SYS_sendto, fd, buf, len, MSG_DONTWAIT, NULL, 0);

	printf("sendto(%d, %s, %zu, MSG_DONTWAIT, NULL, 0) = %ld\n", fd, text,
	       len, rc);
	return rc < 0;
}

static void route(int fd)
{
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg ifa;
		struct rtattr rta;
		char label[4];
	} addr = {
		.h = { sizeof(addr), RTM_NEWADDR, NLM_F_MULTI, 7, 1234 },
		.ifa = { AF_INET, 24, IFA_F_PERMANENT, RT_SCOPE_HOST, 0 },
		.rta = { RTA_LENGTH(3), IFA_LABEL },
		.label = "lo",
	};
	struct nlmsghdr two[2] = {
		{ sizeof(two[0]), NLMSG_NOOP, NLM_F_MULTI, 1, 0 },
		{ sizeof(two[1]), NLMSG_DONE, NLM_F_MULTI, 2, 0 },
	};
	struct {
		struct nlmsghdr h;
		struct nlmsgerr e;
	} err = {
		.h = { sizeof(err), NLMSG_ERROR, NLM_F_CAPPED, 0, 0 },
		.e = { -EACCES, { 16, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP,
				  5, 0 } },
	};
	char text[512], h1[128], h2[128];

	snprintf(h1, sizeof(h1), hdr_fmt, 32, "RTM_NEWADDR", "NLM_F_MULTI",
		 7, 1234);
	snprintf(text, sizeof(text), "[%s, {ifa_family=AF_INET, "
		 "ifa_prefixlen=24, ifa_flags=IFA_F_PERMANENT, "
		 "ifa_scope=RT_SCOPE_HOST, ifa_index=0}, "
		 "[{nla_len=7, nla_type=IFA_LABEL}, \"lo\"]]", h1);
	send_line(fd, &addr, sizeof(addr), text);

	snprintf(h1, sizeof(h1), hdr_fmt, 16, "NLMSG_NOOP", "NLM_F_MULTI",
		 1, 0);
	snprintf(h2, sizeof(h2), hdr_fmt, 16, "NLMSG_DONE", "NLM_F_MULTI",
		 2, 0);
	snprintf(text, sizeof(text), "[%s, %s]", h1, h2);
	send_line(fd, two, sizeof(two), text);

	snprintf(h1, sizeof(h1), hdr_fmt, 36, "NLMSG_ERROR", "NLM_F_CAPPED",
		 0, 0);
	snprintf(h2, sizeof(h2), hdr_fmt, 16, "RTM_GETLINK",
		 "NLM_F_REQUEST|NLM_F_DUMP", 5, 0);
	snprintf(text, sizeof(text), "[%s, {error=-EACCES, msg=%s}]", h1, h2);
	send_line(fd, &err, sizeof(err), text);

	/* shorter than a header: the bytes in hex */
	send_line(fd, "\x01\x02\x03", 3, "\"\\x01\\x02\\x03\"");
}

static void sock_diag(int fd)
{
	struct {
		struct nlmsghdr h;
		unsigned char family;
	} m = {
		.h = { NLMSG_LENGTH(1), SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 9,
		       0 },
		.family = AF_UNSPEC,
	};
	char text[256], h[128];

	snprintf(h, sizeof(h), hdr_fmt, 17, "SOCK_DIAG_BY_FAMILY",
		 "NLM_F_MULTI", 9, 0);
	snprintf(text, sizeof(text), "[%s, {family=AF_UNSPEC}]", h);
	send_line(fd, &m, NLMSG_LENGTH(1), text);
}

static void netfilter(int fd)
{
	struct {
		struct nlmsghdr h;
		struct nfgenmsg g;
	} m = {
		.h = { sizeof(m), NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET,
		       NLM_F_DUMP, 3, 0 },
		.g = { AF_INET, NFNETLINK_V0, htons(NFNL_SUBSYS_CTNETLINK) },
	};
	char text[512], h[160];

	snprintf(h, sizeof(h), hdr_fmt, 20,
		 "NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET", "NLM_F_DUMP",
		 3, 0);
	snprintf(text, sizeof(text), "[%s, {nfgen_family=AF_INET, "
		 "version=NFNETLINK_V0, res_id=htons(%d)}]", h,
		 NFNL_SUBSYS_CTNETLINK);
	send_line(fd, &m, sizeof(m), text);
}

/* A bound socket: the kernel tells a socket's protocol once it is. */
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
	int fd = nl_socket(NETLINK_ROUTE);

	if (fd < 0)
		return 77;
	route(fd);
	close(fd);
	fd = nl_socket(NETLINK_SOCK_DIAG);
	if (fd < 0)
		return 77;
	sock_diag(fd);
	close(fd);
	/* netfilter may be missing from the kernel: then its line is too */
	fd = nl_socket(NETLINK_NETFILTER);
	if (fd >= 0) {
		netfilter(fd);
		close(fd);
	}
	fflush(stdout);
	return 0;
}
