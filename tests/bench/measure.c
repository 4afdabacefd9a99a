/* measure: run a command and report its wall time, tree CPU time and top-process peak RSS. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/taskstats.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * How the peak RSS (VmHWM) of the top process is found.
 *
 * The rusage that wait4() returns folds in the maximum RSS of every
 * descendant the process reaped, so for a tracer it would report the
 * tracee whenever the tracee is the bigger one.  Instead we listen for
 * the kernel's taskstats exit records: the kernel fills them in do_exit()
 * while the exiting task still owns its mm, and hiwater_rss is exactly
 * that mm's VmHWM.  When taskstats is not available (no CONFIG_TASKSTATS,
 * not root) we fall back to polling /proc/PID/status, which can miss
 * growth in the last poll interval.
 */

#define NL_BUF_SIZE	(64 * 1024)
#define NL_RCVBUF	(8 * 1024 * 1024)

struct nl_req {
	struct nlmsghdr nlh;
	struct genlmsghdr genl;
	char attrs[256];
};

static const char *prog = "measure";
static volatile sig_atomic_t got_signal;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(125);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double tv_sec(const struct timeval *tv)
{
	return tv->tv_sec + tv->tv_usec / 1e6;
}

/* Append one netlink attribute to a request; returns the new length. */
static size_t nl_put_attr(struct nl_req *req, size_t len, int type,
			  const void *data, size_t size)
{
	struct nlattr *na = (struct nlattr *)((char *)req + len);

	na->nla_type = type;
	na->nla_len = NLA_HDRLEN + size;
	memcpy((char *)na + NLA_HDRLEN, data, size);
	return len + NLA_ALIGN(na->nla_len);
}

static int nl_send(int fd, struct nl_req *req, size_t len, int type, int cmd)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

	req->nlh.nlmsg_len = len;
	req->nlh.nlmsg_type = type;
	req->nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req->nlh.nlmsg_seq = 1;
	req->genl.cmd = cmd;
	req->genl.version = 1;
	if (sendto(fd, req, len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return -1;
	return 0;
}

/*
 * Read replies to our request until the kernel's ack.  If family_id is
 * not NULL, pick the genetlink family id out of a CTRL_CMD_NEWFAMILY
 * reply.  Returns 0 on success, -1 on error.
 */
static int nl_wait_ack(int fd, int *family_id)
{
	static char buf[NL_BUF_SIZE];

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (n < 0)
			return -1;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			struct nlattr *na;
			int left;

			if (nlh->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(nlh);

				return e->error ? -1 : 0;
			}
			if (!family_id)
				continue;
			na = (struct nlattr *)((char *)NLMSG_DATA(nlh) +
					       GENL_HDRLEN);
			left = nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
			while (left >= NLA_HDRLEN && na->nla_len >= NLA_HDRLEN &&
			       na->nla_len <= left) {
				if (na->nla_type == CTRL_ATTR_FAMILY_ID)
					*family_id = *(uint16_t *)((char *)na +
								   NLA_HDRLEN);
				left -= NLA_ALIGN(na->nla_len);
				na = (struct nlattr *)((char *)na +
						       NLA_ALIGN(na->nla_len));
			}
		}
	}
}

/* Open a taskstats listener for task exits on all CPUs; -1 if unavailable. */
static int taskstats_open(int *family_id)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct nl_req req;
	char cpus[256];
	size_t len;
	int rcvbuf = NL_RCVBUF;
	FILE *f;
	int fd;

	f = fopen("/sys/devices/system/cpu/possible", "r");
	if (!f)
		return -1;
	if (!fgets(cpus, sizeof(cpus), f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	cpus[strcspn(cpus, "\n")] = '\0';

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		goto fail;
	/* Exits of unrelated tasks arrive too: leave room for bursts. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));

	memset(&req, 0, sizeof(req));
	len = NLMSG_HDRLEN + GENL_HDRLEN;
	len = nl_put_attr(&req, len, CTRL_ATTR_FAMILY_NAME,
			  TASKSTATS_GENL_NAME, sizeof(TASKSTATS_GENL_NAME));
	*family_id = -1;
	if (nl_send(fd, &req, len, GENL_ID_CTRL, CTRL_CMD_GETFAMILY) < 0 ||
	    nl_wait_ack(fd, family_id) < 0 || *family_id < 0)
		goto fail;

	memset(&req, 0, sizeof(req));
	len = NLMSG_HDRLEN + GENL_HDRLEN;
	len = nl_put_attr(&req, len, TASKSTATS_CMD_ATTR_REGISTER_CPUMASK,
			  cpus, strlen(cpus) + 1);
	if (nl_send(fd, &req, len, *family_id, TASKSTATS_CMD_GET) < 0 ||
	    nl_wait_ack(fd, NULL) < 0)
		goto fail;
	if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0)
		goto fail;
	return fd;
fail:
	close(fd);
	return -1;
}

/* Is this record from any thread of process pid?  (ac_tgid came in v12.) */
static int same_process(const struct taskstats *ts, pid_t pid)
{
#if TASKSTATS_VERSION >= 12
	return ts->version >= 12 && ts->ac_tgid == (uint32_t)pid;
#else
	(void)ts;
	(void)pid;
	return 0;
#endif
}

/* Look at one TASKSTATS_TYPE_AGGR_PID record; keep the VmHWM if it is ours. */
static void taskstats_record(struct nlattr *aggr, pid_t pid, long *hwm_kb)
{
	struct nlattr *na = (struct nlattr *)((char *)aggr + NLA_HDRLEN);
	int left = aggr->nla_len - NLA_HDRLEN;
	uint32_t tid = 0;
	struct taskstats ts;

	while (left >= NLA_HDRLEN && na->nla_len >= NLA_HDRLEN &&
	       na->nla_len <= left) {
		void *data = (char *)na + NLA_HDRLEN;
		size_t size = na->nla_len - NLA_HDRLEN;

		if (na->nla_type == TASKSTATS_TYPE_PID && size >= 4) {
			memcpy(&tid, data, 4);
		} else if (na->nla_type == TASKSTATS_TYPE_STATS) {
			memset(&ts, 0, sizeof(ts));
			memcpy(&ts, data, size < sizeof(ts) ? size : sizeof(ts));
			if (tid == (uint32_t)pid || same_process(&ts, pid)) {
				if ((long)ts.hiwater_rss > *hwm_kb)
					*hwm_kb = ts.hiwater_rss;
			}
		}
		left -= NLA_ALIGN(na->nla_len);
		na = (struct nlattr *)((char *)na + NLA_ALIGN(na->nla_len));
	}
}

/* Drain queued exit records.  Returns -1 if some were lost (ENOBUFS). */
static int taskstats_drain(int fd, pid_t pid, long *hwm_kb)
{
	static char buf[NL_BUF_SIZE];
	int lost = 0;

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		struct nlmsghdr *nlh;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				lost = 1;
				continue;
			}
			break;
		}
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			struct nlattr *na;
			int left;

			if (nlh->nlmsg_type < NLMSG_MIN_TYPE)
				continue;
			na = (struct nlattr *)((char *)NLMSG_DATA(nlh) +
					       GENL_HDRLEN);
			left = nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
			while (left >= NLA_HDRLEN && na->nla_len >= NLA_HDRLEN &&
			       na->nla_len <= left) {
				if (na->nla_type == TASKSTATS_TYPE_AGGR_PID)
					taskstats_record(na, pid, hwm_kb);
				left -= NLA_ALIGN(na->nla_len);
				na = (struct nlattr *)((char *)na +
						       NLA_ALIGN(na->nla_len));
			}
		}
	}
	return lost ? -1 : 0;
}

/* Read VmHWM of a live process from /proc; keeps the maximum seen. */
static void poll_hwm(pid_t pid, long *hwm_kb)
{
	char path[64], line[256];
	FILE *f;
	long kb;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "VmHWM: %ld", &kb) == 1) {
			if (kb > *hwm_kb)
				*hwm_kb = kb;
			break;
		}
	}
	fclose(f);
}

/* Remember a termination request; the main loop kills the command and exits. */
static void on_signal(int sig)
{
	got_signal = sig;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: %s [-o FILE] [-t SECS] [-i MS] [-P] -- COMMAND [ARG...]\n"
		"  -o FILE  write the result line to FILE (default: stdout)\n"
		"  -t SECS  kill the command's process group after SECS (default 120)\n"
		"  -i MS    /proc polling interval for the fallback RSS method (default 5)\n"
		"  -P       also poll /proc/PID/status and report it as hwm_poll_kb\n",
		prog);
	exit(125);
}

int main(int argc, char **argv)
{
	const char *out_path = NULL;
	double timeout = 120, t0, t1, deadline, give_up;
	int poll_ms = 5, force_poll = 0, timed_out = 0, killed = 0;
	int leftover = 0;
	int ts_fd, family_id, ts_lost = 0, status = 0, opt, pidfd;
	long hwm_ts = 0, hwm_poll = 0, hwm;
	const char *hwm_src;
	struct rusage ru;
	struct sigaction sa;
	FILE *out;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+o:t:i:P")) != -1) {
		switch (opt) {
		case 'o':
			out_path = optarg;
			break;
		case 't':
			timeout = atof(optarg);
			break;
		case 'i':
			poll_ms = atoi(optarg);
			if (poll_ms < 1)
				poll_ms = 1;
			break;
		case 'P':
			force_poll = 1;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();

	/* Orphaned grandchildren come back to us, so their CPU counts too. */
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
		die("PR_SET_CHILD_SUBREAPER: %s", strerror(errno));
	ts_fd = taskstats_open(&family_id);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	t0 = now();
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		setpgid(0, 0);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "%s: cannot run %s: %s\n", prog, argv[optind],
			strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	deadline = t0 + timeout;

	pidfd = syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		die("pidfd_open: %s", strerror(errno));

	for (;;) {
		struct pollfd pfd[2] = {
			{ .fd = pidfd, .events = POLLIN },
			{ .fd = ts_fd, .events = POLLIN },
		};
		int polling = force_poll || ts_fd < 0;
		double left = deadline - now();
		int wait_ms;

		if (!killed && (got_signal || left <= 0)) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			timed_out = !got_signal;
			killed = 1;
		}
		wait_ms = killed ? 1000 : (int)(left * 1000) + 1;
		if (polling && wait_ms > poll_ms)
			wait_ms = poll_ms;
		if (poll(pfd, ts_fd >= 0 ? 2 : 1, wait_ms) < 0 && errno != EINTR)
			die("poll: %s", strerror(errno));
		if (pfd[0].revents)
			break;
		if (ts_fd >= 0 && pfd[1].revents &&
		    taskstats_drain(ts_fd, pid, &hwm_ts) < 0)
			ts_lost = 1;
		if (polling)
			poll_hwm(pid, &hwm_poll);
	}
	t1 = now();
	/* The exit record was queued in do_exit(), before the pidfd fired. */
	if (ts_fd >= 0 && taskstats_drain(ts_fd, pid, &hwm_ts) < 0)
		ts_lost = 1;
	if (waitpid(pid, &status, 0) < 0)
		die("waitpid: %s", strerror(errno));

	/* Reap what the command left behind; kill it if it lingers. */
	give_up = now() + 2;
	for (;;) {
		pid_t p = waitpid(-1, NULL, WNOHANG);

		if (p > 0)
			continue;
		if (p < 0)
			break;
		if (now() > give_up + 1) {
			leftover = 1;
			break;
		}
		if (now() > give_up)
			kill(-pid, SIGKILL);
		usleep(10000);
	}
	getrusage(RUSAGE_CHILDREN, &ru);

	if (ts_fd >= 0 && hwm_ts > 0 && !ts_lost) {
		hwm = hwm_ts;
		hwm_src = "taskstats";
	} else {
		hwm = hwm_poll;
		hwm_src = "poll";
	}

	out = stdout;
	if (out_path) {
		out = fopen(out_path, "w");
		if (!out)
			die("%s: %s", out_path, strerror(errno));
	}
	fprintf(out,
		"exit=%d signal=%d timeout=%d leftover=%d wall=%.6f user=%.6f "
		"sys=%.6f cpu=%.6f hwm_kb=%ld hwm_src=%s tree_maxrss_kb=%ld",
		WIFEXITED(status) ? WEXITSTATUS(status) : -1,
		WIFSIGNALED(status) ? WTERMSIG(status) : 0, timed_out, leftover,
		t1 - t0, tv_sec(&ru.ru_utime), tv_sec(&ru.ru_stime),
		tv_sec(&ru.ru_utime) + tv_sec(&ru.ru_stime), hwm, hwm_src,
		ru.ru_maxrss);
	if (force_poll)
		fprintf(out, " hwm_poll_kb=%ld hwm_ts_kb=%ld", hwm_poll,
			ts_lost ? -1L : hwm_ts);
	fputc('\n', out);
	if (out != stdout)
		fclose(out);
	if (got_signal)
		return 128 + got_signal;
	return 0;
}
