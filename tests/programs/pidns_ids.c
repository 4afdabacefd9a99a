/* Makes calls with process ids from inside a new PID namespace (in a new
 * user namespace, so that no privilege is needed) and prints the lines a
 * tracer in the parent's namespace prints for them with -f -o FILE and
 * --pidns-translation ("pidns_ids pidns"), or with --decode-pids=all
 * ("pidns_ids all"). Prints SKIP and exits 77 when namespaces cannot be
 * made. The first process stays outside: it tells the one inside its
 * number in the outer namespace, waits and passes on its exit status. */
#include <errno.h>
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int outer;		/* our pid in the tracer's namespace */
static const char *comm = "";	/* "<pidns_ids>" with comm */

/* "1 / * 4242 in strace's PID NS * /" for our own id 1 */
static const char *self(void)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "1%s /* %d in strace's PID NS */", comm,
		 outer);
	return buf;
}

/* A return value as a tracer shows it, for the errors these calls have */
static const char *rc_text(long rc)
{
	static char buf[64];

	if (rc >= 0)
		snprintf(buf, sizeof(buf), "%ld", rc);
	else if (errno == EINVAL)
		snprintf(buf, sizeof(buf), "-1 EINVAL (Invalid argument)");
	else if (errno == EPERM)
		snprintf(buf, sizeof(buf),
			 "-1 EPERM (Operation not permitted)");
	else
		snprintf(buf, sizeof(buf), "-1 errno %d", errno);
	return buf;
}

static void leader(void)
{
	if (*comm)
		printf("%d%s ", outer, comm);
	else
		printf("%-5d ", outer);
}

static int inside(void)
{
	struct blk_user_trace_setup bts;
	long rc;

	leader();
	printf("getpid() = %s\n", (rc = syscall(SYS_getpid), self()));
	if (rc != 1)
		return 1;
	leader();
	printf("gettid() = %s\n", (syscall(SYS_gettid), self()));
	rc = syscall(SYS_kill, 1, 0);
	leader();
	printf("kill(%s, 0) = %ld\n", self(), rc);
	/* the parent is outside: 0 in here, and nothing to translate */
	rc = syscall(SYS_getppid);
	leader();
	printf("getppid() = %ld\n", rc);
	rc = syscall(SYS_setsid);
	leader();
	/* strace shows setsid's result as a plain number */
	printf("setsid() = %ld\n", rc);
	rc = syscall(SYS_getsid, 0);
	leader();
	/* a group and a session have no command name */
	printf("getsid(0) = 1 /* %d in strace's PID NS */\n", outer);
	/* an I/O priority: the class BE, level 4 */
	rc = syscall(SYS_ioprio_set, 1, 1, 2 << 13 | 4);
	leader();
	printf("ioprio_set(IOPRIO_WHO_PROCESS, %s, "
	       "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = %ld\n", self(), rc);
	rc = syscall(SYS_ioprio_get, 1, 1);
	leader();
	printf("ioprio_get(IOPRIO_WHO_PROCESS, %s) = %ld "
	       "(IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))\n", self(), rc);
	rc = syscall(SYS_getpgid, 1);
	leader();
	printf("getpgid(%s) = 1 /* %d in strace's PID NS */\n", self(),
	       outer);
	/* prctl's pid arguments: the process allowed to trace us (EINVAL
	 * without Yama), and a process group sharing a core (EINVAL: GET
	 * takes a thread only) */
	rc = syscall(SYS_prctl, PR_SET_PTRACER, 1, 0, 0, 0);
	leader();
	printf("prctl(PR_SET_PTRACER, %s) = %s\n", self(), rc_text(rc));
	rc = syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_GET, 1, 2, 0);
	leader();
	printf("prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 1 /* %d in strace's "
	       "PID NS */, 0x2 /* PIDTYPE_PGID */, NULL) = %s\n", outer,
	       rc_text(rc));
	/* an ioctl's struct holds a process too */
	memset(&bts, 0, sizeof(bts));
	bts.pid = 1;
	ioctl(-1, BLKTRACESETUP, &bts);
	leader();
	printf("ioctl(-1, BLKTRACESETUP, {act_mask=0, buf_size=0, buf_nr=0, "
	       "start_lba=0, end_lba=0, pid=%s}) = -1 EBADF (Bad file "
	       "descriptor)\n", self());
	return 0;
}

int main(int argc, char **argv)
{
	int fds[2], status;
	pid_t child;

	if (argc > 1 && strcmp(argv[1], "all") == 0)
		comm = "<pidns_ids>";
	if (unshare(CLONE_NEWUSER | CLONE_NEWPID) < 0) {
		printf("SKIP unshare: %s\n", strerror(errno));
		return 77;
	}
	if (pipe(fds) < 0)
		return 1;
	fflush(stdout);
	child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		if (read(fds[0], &outer, sizeof(outer)) != sizeof(outer))
			return 1;
		return inside();
	}
	outer = child;
	if (write(fds[1], &outer, sizeof(outer)) != sizeof(outer))
		return 1;
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}
