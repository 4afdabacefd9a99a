/* Descriptor descriptions for -y/-yy. Sockets are named from the
 * "system.sockprotoname" attribute of /proc/PID/fd/N; TCP and UDP
 * addresses come from /proc/PID/net/{tcp,tcp6,udp,udp6} (the tracee's own
 * network namespace), UNIX peers and names and netlink port ids from
 * NETLINK_SOCK_DIAG, the only place the kernel reports them. */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "consts.h"
#include "decode.h"
#include "fdinfo.h"

static const char *read_link(struct arena *a, const char *link)
{
	char target[PATH_MAX];
	ssize_t n = readlink(link, target, sizeof(target));

	if (n <= 0)
		return NULL;
	return arena_strndup(a, target, (size_t)n);
}

const char *fdinfo_cwd(struct arena *a, pid_t pid)
{
	char link[64];

	snprintf(link, sizeof(link), "/proc/%d/cwd", pid);
	return read_link(a, link);
}

/* "0100007F:1F90" (IPv4) or 32 hex digits + port (IPv6) as printed by
 * strace: "127.0.0.1:8080", "[::1]:8080". */
static int format_inet(char *out, size_t len, const char *hex, bool v6)
{
	unsigned char addr[16];
	char text[INET6_ADDRSTRLEN];
	unsigned port;
	size_t nbytes = v6 ? 16 : 4;

	for (size_t w = 0; w < nbytes / 4; w++) {
		unsigned word;

		/* the kernel prints each 32-bit word in host order */
		if (sscanf(hex + w * 8, "%8x", &word) != 1)
			return -1;
		memcpy(addr + w * 4, &word, 4);
	}
	if (hex[nbytes * 2] != ':' ||
	    sscanf(hex + nbytes * 2 + 1, "%x", &port) != 1)
		return -1;
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, addr, text, sizeof(text)))
		return -1;
	snprintf(out, len, v6 ? "[%s]:%u" : "%s:%u", text, port);
	return 0;
}

static bool all_zero_addr(const char *hex)
{
	for (; *hex && *hex != ' '; hex++)
		if (*hex != '0' && *hex != ':')
			return false;
	return true;
}

/* Looks inode up in /proc/PID/net/NAME; fills "local" or "local->remote". */
static bool inet_lookup(pid_t pid, const char *table, bool v6,
			unsigned long inode, char *out, size_t len)
{
	char path[64], line[512], local[64], remote[64];
	char lhex[64], rhex[64];
	unsigned long ino;
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/%s", pid, table);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		/* sl local rem st tx:rx tr:when retrnsmt uid timeout inode */
		if (sscanf(line, " %*s %63s %63s %*s %*s %*s %*s %*s %*s %lu",
			   lhex, rhex, &ino) != 3 || ino != inode)
			continue;
		if (format_inet(local, sizeof(local), lhex, v6) < 0 ||
		    format_inet(remote, sizeof(remote), rhex, v6) < 0)
			break;
		if (all_zero_addr(rhex))
			snprintf(out, len, "%s", local);
		else
			snprintf(out, len, "%s->%s", local, remote);
		found = true;
	}
	fclose(f);
	return found;
}

static int diag_socket(const void *req, size_t len)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
			NETLINK_SOCK_DIAG);

	if (fd < 0)
		return -1;
	if (sendto(fd, req, len, 0, (struct sockaddr *)&nl, sizeof(nl)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static const char *unix_type_name(unsigned type)
{
	switch (type) {
	case SOCK_STREAM: return "STREAM";
	case SOCK_DGRAM: return "DGRAM";
	case SOCK_SEQPACKET: return "SEQPACKET";
	default: return NULL;
	}
}

/* The peers seen of recent UNIX sockets: once its peer is closed the
 * kernel tells a stream socket's peer no more, where strace still shows
 * the one it knew. */
static struct {
	unsigned long inode;
	unsigned peer;
} unix_peers[64];

static unsigned remembered_peer(unsigned long inode, unsigned peer)
{
	unsigned slot = (unsigned)(inode % 64);

	if (peer) {
		unix_peers[slot].inode = inode;
		unix_peers[slot].peer = peer;
		return peer;
	}
	return unix_peers[slot].inode == inode ? unix_peers[slot].peer : 0;
}

/* Asks sock_diag about one UNIX socket; fills "UNIX-STREAM:[ino->peer,
 * "path"]" the way strace prints it. */
static bool unix_lookup(unsigned long inode, char *out, size_t len)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} msg = {
		.nlh = {
			.nlmsg_len = sizeof(msg),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_REQUEST,
		},
		.req = {
			.sdiag_family = AF_UNIX,
			.udiag_ino = (unsigned)inode,
			.udiag_states = -1,
			.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			.udiag_cookie = { ~0u, ~0u },
		},
	};
	union {
		char bytes[8192];
		struct nlmsghdr align;
	} buf;
	const struct nlmsghdr *h = &buf.align;
	const struct unix_diag_msg *um;
	const struct rtattr *ra;
	int rta_len;
	const char *type, *name = NULL;
	size_t name_len = 0;
	unsigned peer = 0;
	ssize_t n;
	int fd, used;

	fd = diag_socket(&msg, sizeof(msg));
	if (fd < 0)
		return false;
	n = recv(fd, buf.bytes, sizeof(buf.bytes), 0);
	close(fd);
	if (n < 0 || !NLMSG_OK(h, (size_t)n) ||
	    h->nlmsg_type != SOCK_DIAG_BY_FAMILY ||
	    h->nlmsg_len < NLMSG_LENGTH(sizeof(*um)))
		return false;
	um = NLMSG_DATA(h);
	if (um->udiag_ino != inode)
		return false;
	type = unix_type_name(um->udiag_type);
	if (!type)
		return false;
	rta_len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*um)));
	for (ra = (const struct rtattr *)(um + 1); RTA_OK(ra, rta_len);
	     ra = RTA_NEXT(ra, rta_len)) {
		if (ra->rta_type == UNIX_DIAG_PEER &&
		    RTA_PAYLOAD(ra) >= sizeof(peer))
			memcpy(&peer, RTA_DATA(ra), sizeof(peer));
		if (ra->rta_type == UNIX_DIAG_NAME) {
			name = RTA_DATA(ra);
			name_len = RTA_PAYLOAD(ra);
		}
	}
	peer = remembered_peer(inode, peer);
	used = snprintf(out, len, "UNIX-%s:[%lu", type, inode);
	if (peer && used > 0 && (size_t)used < len)
		used += snprintf(out + used, len - (size_t)used, "->%u", peer);
	/* an abstract name starts with a NUL byte: strace shows '@' */
	if (name && name_len && used > 0 && (size_t)used < len) {
		bool abstract = name[0] == 0;

		used += snprintf(out + used, len - (size_t)used, ",%s\"%.*s\"",
				 abstract ? "@" : "",
				 (int)(name_len - abstract), name + abstract);
	}
	if (used > 0 && (size_t)used < len)
		snprintf(out + used, len - (size_t)used, "]");
	return true;
}

/* The kernel only dumps netlink sockets: look for inode in the dump and
 * fill "ROUTE:1234" (protocol:port id), or just the inode when unbound. */
static bool netlink_lookup(unsigned long inode, char *out, size_t len)
{
	struct {
		struct nlmsghdr nlh;
		struct netlink_diag_req req;
	} msg = {
		.nlh = {
			.nlmsg_len = sizeof(msg),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		},
		.req = {
			.sdiag_family = AF_NETLINK,
			.sdiag_protocol = NDIAG_PROTO_ALL,
		},
	};
	union {
		char bytes[16384];
		struct nlmsghdr align;
	} buf;
	bool found = false, done = false;
	int fd = diag_socket(&msg, sizeof(msg));

	if (fd < 0)
		return false;
	while (!found && !done) {
		ssize_t n = recv(fd, buf.bytes, sizeof(buf.bytes), 0);
		const struct nlmsghdr *h = &buf.align;
		size_t left = n > 0 ? (size_t)n : 0;

		if (n <= 0)
			break;
		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			const struct netlink_diag_msg *m = NLMSG_DATA(h);
			const char *proto;

			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR) {
				done = true;
				break;
			}
			if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) ||
			    m->ndiag_ino != inode)
				continue;
			proto = xlat_name(&xlat_netlink_protocols,
					  m->ndiag_protocol);
			if (m->ndiag_portid == 0)
				snprintf(out, len, "%lu", inode);
			else if (proto)
				snprintf(out, len, "%s:%u",
					 proto + strlen("NETLINK_"),
					 m->ndiag_portid);
			else
				snprintf(out, len, "%u:%u", m->ndiag_protocol,
					 m->ndiag_portid);
			found = true;
			break;
		}
	}
	close(fd);
	return found;
}

static const char *describe_socket(struct arena *a, pid_t pid,
				   const char *link, unsigned long inode)
{
	static const struct {
		const char *proto, *table;
		bool v6;
	} inet[] = {
		{ "TCP", "tcp", false }, { "TCPv6", "tcp6", true },
		{ "UDP", "udp", false }, { "UDPv6", "udp6", true },
	};
	char proto[32], detail[PATH_MAX];
	ssize_t n = getxattr(link, "system.sockprotoname", proto,
			     sizeof(proto) - 1);

	if (n <= 0)
		return NULL;
	proto[n] = 0;
	for (size_t i = 0; i < sizeof(inet) / sizeof(inet[0]); i++) {
		if (strcmp(proto, inet[i].proto) != 0)
			continue;
		if (inet_lookup(pid, inet[i].table, inet[i].v6, inode, detail,
				sizeof(detail)))
			return arena_printf(a, "%s:[%s]", proto, detail);
		break;
	}
	if (strncmp(proto, "UNIX", 4) == 0 &&
	    unix_lookup(inode, detail, sizeof(detail)))
		return arena_strndup(a, detail, strlen(detail));
	if (strcmp(proto, "NETLINK") == 0 &&
	    netlink_lookup(inode, detail, sizeof(detail)))
		return arena_printf(a, "%s:[%s]", proto, detail);
	return arena_printf(a, "%s:[%lu]", proto, inode);
}

/* The "Eth" column of /proc/PID/net/netlink (the tracee's own network
 * namespace) on the line of the socket's inode. */
static int netlink_table_proto(pid_t pid, unsigned long inode)
{
	char path[64], line[256];
	unsigned long ino;
	int proto, found = FDINFO_NETLINK_UNKNOWN;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/net/netlink", pid);
	f = fopen(path, "re");
	if (!f)
		return found;
	/* sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode */
	while (found == FDINFO_NETLINK_UNKNOWN &&
	       fgets(line, sizeof(line), f))
		if (sscanf(line, "%*s %d %*s %*s %*s %*s %*s %*s %*s %lu",
			   &proto, &ino) == 2 && ino == inode)
			found = proto;
	fclose(f);
	return found;
}

int fdinfo_netlink_proto(pid_t pid, int fd)
{
	char link[64], target[64], proto[32];
	unsigned long inode;
	ssize_t n;

	if (fd < 0 || pid <= 0)
		return -1;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return -1;
	target[n] = 0;
	if (sscanf(target, "socket:[%lu]", &inode) != 1)
		return -1;
	n = getxattr(link, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return -1;
	proto[n] = 0;
	if (strcmp(proto, "NETLINK") != 0)
		return -1;
	return netlink_table_proto(pid, inode);
}

/* A pidfd's process, from /proc/PID/fdinfo/FD: "pid:42". */
static const char *describe_pidfd(struct arena *a, pid_t pid, int fd)
{
	char path[64], line[128];
	const char *out = NULL;
	FILE *f;
	int target;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", pid, fd);
	f = fopen(path, "re");
	if (!f)
		return NULL;
	while (!out && fgets(line, sizeof(line), f))
		if (sscanf(line, "Pid:\t%d", &target) == 1)
			out = arena_printf(a, "pid:%d", target);
	fclose(f);
	return out;
}

/* The details that detail's DECODE_FD_* bits ask for, or NULL for none:
 * a socket or a device without their bits shows only its path. */
static const char *describe_kind(struct arena *a, pid_t pid, int fd,
				 const char *link, const char *target,
				 int detail)
{
	unsigned long inode;
	struct stat st;

	if (sscanf(target, "socket:[%lu]", &inode) == 1)
		return detail & DECODE_FD_SOCKET ?
		       describe_socket(a, pid, link, inode) : NULL;
	if (strcmp(target, "anon_inode:[pidfd]") == 0)
		return detail & DECODE_FD_PIDFD ?
		       describe_pidfd(a, pid, fd) : NULL;
	if ((detail & DECODE_FD_DEV) && target[0] == '/' &&
	    stat(link, &st) == 0 &&
	    (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return arena_printf(a, "%s<%s %u:%u>", target,
				    S_ISCHR(st.st_mode) ? "char" : "block",
				    major(st.st_rdev), minor(st.st_rdev));
	return NULL;
}

const char *fdinfo_describe(struct arena *a, pid_t pid, int fd, int detail)
{
	char link[64];
	const char *target, *kind;

	if (fd < 0 || pid <= 0)
		return NULL;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	target = read_link(a, link);
	if (!target)
		return NULL;
	kind = describe_kind(a, pid, fd, link, target, detail);
	if (kind)
		return kind;
	return detail & DECODE_FD_PATH ? target : NULL;
}

static const char *proc_describe(const struct fdinfo_source *s,
				 struct arena *a, pid_t pid, int fd, int detail)
{
	(void)s;
	return fdinfo_describe(a, pid, fd, detail);
}

static const char *proc_cwd(const struct fdinfo_source *s, struct arena *a,
			    pid_t pid)
{
	(void)s;
	return fdinfo_cwd(a, pid);
}

static int proc_netlink_proto(const struct fdinfo_source *s, pid_t pid,
			      int fd)
{
	(void)s;
	return fdinfo_netlink_proto(pid, fd);
}

const struct fdinfo_source fdinfo_proc = {
	.describe = proc_describe,
	.cwd = proc_cwd,
	.netlink_proto = proc_netlink_proto,
};
