/* Makes single calls of the long tail (flags over 64 bits, sigset sizes,
 * arrays, structs, arguments one argument selects) for test_decode_odd
 * and prints, for each, the line mytrace must trace for it; with the
 * argument "raw", the line of -X raw. Every call fails harmlessly or
 * changes nothing; the result printed is the one the call really had. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int raw;

/* " = ret" as strace writes it, for the errors these calls can have. */
static const char *result(long r)
{
	static const struct { int err; const char *text; } names[] = {
		{ EPERM, "EPERM (Operation not permitted)" },
		{ ENOENT, "ENOENT (No such file or directory)" },
		{ ESRCH, "ESRCH (No such process)" },
		{ EBADF, "EBADF (Bad file descriptor)" },
		{ EFAULT, "EFAULT (Bad address)" },
		{ EINVAL, "EINVAL (Invalid argument)" },
		{ ENOSYS, "ENOSYS (Function not implemented)" },
		{ EOPNOTSUPP, "EOPNOTSUPP (Operation not supported)" },
		{ ENODEV, "ENODEV (No such device)" },
	};
	static char buf[80];

	if (r >= 0) {
		snprintf(buf, sizeof(buf), "%ld", r);
		return buf;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].err == errno) {
			snprintf(buf, sizeof(buf), "-1 %s", names[i].text);
			return buf;
		}
	snprintf(buf, sizeof(buf), "-1 errno %d", errno);
	return buf;
}

/* Prints the line for the call that returned r. */
static void expect(long r, const char *abbrev, const char *rawline)
{
	printf("%s = %s\n", raw ? rawline : abbrev, result(r));
}

/* A 64-bit flag word keeps its high half; fanotify's "no descriptor". */
static void flags64_lines(void)
{
	long r;

	r = syscall(SYS_fanotify_mark, -1, 0, 0xdeadfeed00000001UL, -1, NULL);
	expect(r, "fanotify_mark(-1, 0, FAN_ACCESS|0xdeadfeed00000000, "
	       "FAN_NOFD, NULL)",
	       "fanotify_mark(-1, 0, 0xdeadfeed00000001, -1, NULL)");
	r = syscall(SYS_fanotify_init, 0xc, 0);
	expect(r, "fanotify_init(0xc /* FAN_CLASS_??? */, O_RDONLY)",
	       "fanotify_init(0xc, 0)");
	r = syscall(SYS_unshare, 0xbadc0ded00000000UL);
	expect(r, "unshare(0xbadc0ded00000000 /* CLONE_??? */)",
	       "unshare(0xbadc0ded00000000)");
	r = syscall(SYS_pkey_alloc, 0, 0xbadc0ded00000002UL);
	expect(r, "pkey_alloc(0, PKEY_DISABLE_WRITE|0xbadc0ded00000000)",
	       "pkey_alloc(0, 0xbadc0ded00000002)");
}

/* mmap's and memfd_create's page-size field: N<<..._HUGE_SHIFT */
static void huge_lines(void)
{
	long r;

	r = syscall(SYS_mmap, 0, 4096, 0, 0x2f | (21UL << 26), -1, 0);
	expect(r, "mmap(NULL, 4096, PROT_NONE, 0xf /* MAP_??? */|"
	       "MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT, -1, 0)",
	       "mmap(NULL, 4096, 0, 0x5400002f, -1, 0)");
	r = syscall(SYS_memfd_create, NULL, 0xffffffffUL);
	expect(r, "memfd_create(NULL, MFD_CLOEXEC|MFD_ALLOW_SEALING|"
	       "MFD_HUGETLB|0x3fffff8|63<<MFD_HUGE_SHIFT)",
	       "memfd_create(NULL, 0xffffffff)");
}

/* A sigset of a size the kernel refuses is its address; rt_sigpending
 * writes even a smaller one. */
static void sigset_lines(void)
{
	uint64_t set = 0;
	char line[200];
	long r;

	r = syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);
	snprintf(line, sizeof(line), "rt_sigprocmask(%s, %p, NULL, 4)",
		 raw ? "0" : "SIG_BLOCK", (void *)&set);
	expect(r, line, line);
	r = syscall(SYS_rt_sigpending, &set, 2);
	expect(r, "rt_sigpending([], 2)", "rt_sigpending([], 2)");
}

/* Arrays whose count another argument gives: [] when it is 0. */
static void array_lines(void)
{
	void *pages[1] = { NULL };
	int status[1];
	long r;

	r = syscall(SYS_move_pages, 0, 0, pages, NULL, status, 2);
	expect(r, "move_pages(0, 0, [], NULL, [], MPOL_MF_MOVE)",
	       "move_pages(0, 0, [], NULL, [], 0x2)");
}

/* The first argument decides what the others are. */
static void selector_lines(void)
{
	static const char type[] = "tmpfs", data[] = "mode=0700";
	char line[200];
	long r;

	r = syscall(SYS_kcmp, -1, -1, 1, 0x17, 0x2a);
	expect(r, "kcmp(-1, -1, KCMP_VM)", "kcmp(-1, -1, 0x1)");
	r = syscall(SYS_syslog, 10, 0xbadUL, 7);
	/* the action's name is a comment even under -X raw */
	expect(r, "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */)",
	       "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */)");
	/* a bind mount has no type or data: their addresses */
	r = syscall(SYS_mount, "none", "/nonexistent/mytrace", type,
		    0x1001UL, data);
	snprintf(line, sizeof(line), "mount(\"none\", "
		 "\"/nonexistent/mytrace\", %p, %s, %p)", (void *)type,
		 raw ? "0x1001" : "MS_RDONLY|MS_BIND", (void *)data);
	expect(r, line, line);
	r = syscall(SYS_mount, "none", "/nonexistent/mytrace", "tmpfs",
		    0x1UL, "mode=0700");
	expect(r, "mount(\"none\", \"/nonexistent/mytrace\", \"tmpfs\", "
	       "MS_RDONLY, \"mode=0700\")",
	       "mount(\"none\", \"/nonexistent/mytrace\", \"tmpfs\", 0x1, "
	       "\"mode=0700\")");
}

/* Structs of single calls. */
static void struct_lines(void)
{
	static const uint64_t attr[4] = { 1, 0, 0x40000, 0 };
	static const int64_t times[2] = { 0, 0 };
	static const char value[8] = "foo\0bar";
	long r;

	r = syscall(SYS_mount_setattr, -1, "/nonexistent/mytrace", 0, attr,
		    32);
	expect(r, "mount_setattr(-1, \"/nonexistent/mytrace\", 0, "
	       "{attr_set=MOUNT_ATTR_RDONLY, attr_clr=0, "
	       "propagation=MS_PRIVATE, userns_fd=0}, 32)",
	       "mount_setattr(-1, \"/nonexistent/mytrace\", 0, "
	       "{attr_set=0x1, attr_clr=0, propagation=0x40000, "
	       "userns_fd=0}, 32)");
#ifdef SYS_utime	/* not on arm64 */
	r = syscall(SYS_utime, "/nonexistent/mytrace", times);
	expect(r, "utime(\"/nonexistent/mytrace\", {actime=0, modtime=0})",
	       "utime(\"/nonexistent/mytrace\", {actime=0, modtime=0})");
#else
	(void)times;
#endif
	r = syscall(SYS_setxattr, "/nonexistent/mytrace", "user.mytrace",
		    value, sizeof(value), 1);
	expect(r, "setxattr(\"/nonexistent/mytrace\", \"user.mytrace\", "
	       "\"foo\\0bar\", 8, XATTR_CREATE)",
	       "setxattr(\"/nonexistent/mytrace\", \"user.mytrace\", "
	       "\"foo\\0bar\", 8, 0x1)");
}

/* What a call stores, shown when it returns. */
static void stored_lines(void)
{
	unsigned long head = 0, len = 0;
	struct pollfd p = { .fd = -1, .events = POLLIN };
	char line[200];
	int ptid = 0;
	long r;

	r = syscall(SYS_get_robust_list, 0, &head, &len);
	if (head)
		snprintf(line, sizeof(line),
			 "get_robust_list(0, [%#lx], [%lu])", head, len);
	else
		snprintf(line, sizeof(line),
			 "get_robust_list(0, [NULL], [%lu])", len);
	expect(r, line, line);
#ifdef SYS_poll	/* not on arm64 */
	/* an entry of a negative descriptor shows only its fd */
	r = syscall(SYS_poll, &p, 1, 0);
	printf("poll([{fd=-1}], 1, 0) = %ld (Timeout)\n", r);
#else
	(void)p;
#endif
	/* the child's id where clone stored it; the child ends at once */
	r = syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &ptid, 0, 0);
	if (r == 0)
		syscall(SYS_exit, 0);
	waitpid((pid_t)r, NULL, 0);
	/* (-X raw writes the flags as 0x100000|17: not checked) */
	snprintf(line, sizeof(line), "clone(child_stack=NULL, flags="
		 "CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[%d])", ptid);
	if (!raw)
		expect(r, line, line);
}

/* A siginfo a process sends: errno by name, an unset uid as -1. */
static void siginfo_lines(void)
{
	siginfo_t si;
	char line[300];
	long r;

	signal(SIGUSR1, SIG_IGN);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_errno = ENOENT;
	si.si_pid = getpid();
	si.si_uid = (uid_t)-1;
	si.si_value.sival_ptr = (void *)0x12345678;
	r = syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si);
	snprintf(line, sizeof(line), raw ?
		 "rt_sigqueueinfo(%d, 10, {si_signo=10, si_code=0xffffffff, "
		 "si_errno=2, si_pid=%d, si_uid=-1, si_int=305419896, "
		 "si_ptr=0x12345678})" :
		 "rt_sigqueueinfo(%d, SIGUSR1, {si_signo=SIGUSR1, "
		 "si_code=SI_QUEUE, si_errno=ENOENT, si_pid=%d, si_uid=-1, "
		 "si_int=305419896, si_ptr=0x12345678})", getpid(), getpid());
	expect(r, line, line);
}

int main(int argc, char **argv)
{
	raw = argc > 1 && strcmp(argv[1], "raw") == 0;
	flags64_lines();
	huge_lines();
	sigset_lines();
	array_lines();
	selector_lines();
	struct_lines();
	stored_lines();
	siginfo_lines();
	return 0;
}
