/* What a tracee's descriptor refers to, for -y and -yy: its path, and for
 * -yy the socket protocol and addresses or the device numbers. Reads
 * /proc and sock_diag only; never prints and never touches tracee memory. */
#ifndef MYTRACE_FDINFO_H
#define MYTRACE_FDINFO_H

#include <sys/types.h>

#include "arena.h"

/* Where descriptor descriptions come from: /proc and sock_diag for a
 * real tracee (fdinfo_proc), something else for the fuzzer and tests.
 * Decoders use it through decode_ctx.fds. */
struct fdinfo_source {
	const char *(*describe)(const struct fdinfo_source *s,
				struct arena *a, pid_t pid, int fd,
				int detail);
	const char *(*cwd)(const struct fdinfo_source *s, struct arena *a,
			   pid_t pid);
	/* The netlink protocol (NETLINK_ROUTE...) of pid's socket fd;
	 * FDINFO_NETLINK_UNKNOWN for a netlink socket whose protocol the
	 * kernel does not tell (not bound yet); -1 when fd is no netlink
	 * socket. */
	int (*netlink_proto)(const struct fdinfo_source *s, pid_t pid,
			     int fd);
	void *ctx;
};

extern const struct fdinfo_source fdinfo_proc;

/* The text strace shows between < and > for fd of pid, in arena, or NULL
 * when the descriptor is not open or detail (DECODE_FD_* bits) asks for
 * nothing it has: the path, socket details
 * ("TCP:[127.0.0.1:40960->127.0.0.1:8000]"), device numbers
 * ("/dev/null<char 1:3>"), a pidfd's process ("pid:42"). */
const char *fdinfo_describe(struct arena *a, pid_t pid, int fd, int detail);
#define FDINFO_NETLINK_UNKNOWN (-2)

/* The netlink protocol of pid's fd (fdinfo_source.netlink_proto):
 * "system.sockprotoname" says NETLINK, /proc/PID/net/netlink gives the
 * protocol of the socket's inode once it is bound. */
int fdinfo_netlink_proto(pid_t pid, int fd);
/* pid's working directory (AT_FDCWD's path under -y), or NULL. */
const char *fdinfo_cwd(struct arena *a, pid_t pid);

#endif
