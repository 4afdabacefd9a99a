/* Makes ioctl calls of several device families for test_decode_ioctl and
 * prints, for each, the line mytrace must trace: request names come from
 * the kernel headers (#req), unnamed requests print as _IOC(...). */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/gpio.h>
#include <linux/input.h>
#include <linux/kd.h>
#include <linux/kvm.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/seccomp.h>
#include <linux/videodev2.h>
#include <linux/watchdog.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define REQ(r) { r, #r }

/* requests that take a pointer: a NULL one fails with EBADF on fd -1 */
static const struct {
	unsigned long req;
	const char *name;
} pointer_reqs[] = {
	REQ(FS_IOC_GETFLAGS), REQ(FS_IOC_SETFLAGS), REQ(BLKGETSIZE64),
	REQ(BLKSSZGET), REQ(RTC_RD_TIME), REQ(RTC_SET_TIME),
	REQ(EVIOCGVERSION), REQ(EVIOCGID), REQ(KDGKBTYPE),
	REQ(PTP_CLOCK_GETCAPS), REQ(SECCOMP_IOCTL_NOTIF_RECV),
	REQ(VIDIOC_QUERYCAP), REQ(GPIO_GET_CHIPINFO_IOCTL),
	REQ(LOOP_GET_STATUS64), REQ(TIOCMGET), REQ(FIONREAD),
};

static void expect(const char *line)
{
	printf("%s\n", line);
}

static void bad_fd_calls(void)
{
	char line[200];

	for (size_t i = 0; i < sizeof(pointer_reqs) / sizeof(pointer_reqs[0]);
	     i++) {
		ioctl(-1, pointer_reqs[i].req, NULL);
		snprintf(line, sizeof(line), "ioctl(-1, %s, NULL) = -1 EBADF "
			 "(Bad file descriptor)", pointer_reqs[i].name);
		expect(line);
	}
	ioctl(-1, LOOP_CLR_FD, 0);
	expect("ioctl(-1, LOOP_CLR_FD) = -1 EBADF (Bad file descriptor)");
	ioctl(-1, LOOP_SET_FD, 5);
	expect("ioctl(-1, LOOP_SET_FD, 5) = -1 EBADF (Bad file descriptor)");
	/* no header names these: direction, type, number and size */
	ioctl(-1, _IOR(0x12, 0x34, long), 0);
	expect("ioctl(-1, _IOC(_IOC_READ, 0x12, 0x34, 0x8), 0) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, _IO(0xfe, 0x34), 0);
	expect("ioctl(-1, _IOC(_IOC_NONE, 0xfe, 0x34, 0), 0) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, _IOWR(0xfe, 0x1, char[3]), 0x10);
	expect("ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0xfe, 0x1, 0x3), 0x10) "
	       "= -1 EBADF (Bad file descriptor)");
}

/* arguments that are numbers, flags or pointers to them */
static void argument_calls(void)
{
	int timeout = 30, lines = TIOCM_DTR | TIOCM_RTS;
	long flags = FS_APPEND_FL | FS_NOATIME_FL;
	uint64_t range[2] = { 4096, 1 << 20 };
	struct fiemap fm = { .fm_start = 4096, .fm_length = 8192,
			     .fm_flags = FIEMAP_FLAG_SYNC,
			     .fm_extent_count = 2 };

	ioctl(-1, WDIOC_SETTIMEOUT, &timeout);
	expect("ioctl(-1, WDIOC_SETTIMEOUT, [30]) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, WDIOC_KEEPALIVE, 0);
	expect("ioctl(-1, WDIOC_KEEPALIVE) = -1 EBADF (Bad file descriptor)");
	ioctl(-1, TIOCMBIS, &lines);
	expect("ioctl(-1, TIOCMBIS, [TIOCM_DTR|TIOCM_RTS]) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | NBD_FLAG_READ_ONLY);
	expect("ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS|NBD_FLAG_READ_ONLY)"
	       " = -1 EBADF (Bad file descriptor)");
	ioctl(-1, NBD_SET_SIZE, 4096UL);
	expect("ioctl(-1, NBD_SET_SIZE, 4096) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, FS_IOC_SETFLAGS, &flags);
	expect("ioctl(-1, FS_IOC_SETFLAGS, [FS_APPEND_FL|FS_NOATIME_FL]) = -1 "
	       "EBADF (Bad file descriptor)");
	ioctl(-1, FS_IOC_FIEMAP, &fm);
	expect("ioctl(-1, FS_IOC_FIEMAP, {fm_start=4096, fm_length=8192, "
	       "fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2}) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096UL);
	expect("ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, LOOP_CTL_GET_FREE);
	expect("ioctl(-1, LOOP_CTL_GET_FREE) = -1 EBADF (Bad file descriptor)");
	ioctl(-1, BLKDISCARD, range);
	expect("ioctl(-1, BLKDISCARD, [4096, 1048576]) = -1 EBADF "
	       "(Bad file descriptor)");
	ioctl(-1, RTC_AIE_ON, 0);
	expect("ioctl(-1, RTC_AIE_ON) = -1 EBADF (Bad file descriptor)");
	ioctl(-1, PERF_EVENT_IOC_ENABLE, 2);
	expect("ioctl(-1, PERF_EVENT_IOC_ENABLE, 0x2 /* PERF_IOC_FLAG_??? */) "
	       "= -1 EBADF (Bad file descriptor)");
}

/* terminal requests on a pseudo-terminal pair */
static void pty_calls(void)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	char line[200];
	int master, slave, n = -1, unlock = 0, avail = -1;

	master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0)
		return;
	ioctl(master, TIOCSPTLCK, &unlock);
	snprintf(line, sizeof(line), "ioctl(%d, TIOCSPTLCK, [0]) = 0", master);
	expect(line);
	ioctl(master, TIOCGPTN, &n);
	snprintf(line, sizeof(line), "ioctl(%d, TIOCGPTN, [%d]) = 0",
		 master, n);
	expect(line);
	snprintf(line, sizeof(line), "/dev/pts/%d", n);
	slave = open(line, O_RDWR | O_NOCTTY);
	if (slave < 0)
		return;
	ioctl(slave, TIOCSWINSZ, &ws);
	snprintf(line, sizeof(line), "ioctl(%d, TIOCSWINSZ, {ws_row=24, "
		 "ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0", slave);
	expect(line);
	ioctl(slave, TIOCGWINSZ, &ws);
	snprintf(line, sizeof(line), "ioctl(%d, TIOCGWINSZ, {ws_row=24, "
		 "ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0", slave);
	expect(line);
	ioctl(master, FIONREAD, &avail);
	snprintf(line, sizeof(line), "ioctl(%d, FIONREAD, [%d]) = 0", master,
		 avail);
	expect(line);
	ioctl(slave, TIOCGPGRP, &n);
	snprintf(line, sizeof(line), "ioctl(%d, TIOCGPGRP, 0x%lx) = -1 ENOTTY "
		 "(Inappropriate ioctl for device)", slave, (unsigned long)&n);
	expect(line);
	close(slave);
	close(master);
}

/* a request whose return value strace names */
static void ns_calls(void)
{
	char line[200];
	int fd = open("/proc/self/ns/user", O_RDONLY);

	if (fd < 0)
		return;
	ioctl(fd, NS_GET_NSTYPE);
	snprintf(line, sizeof(line), "ioctl(%d, NS_GET_NSTYPE) = %d "
		 "(CLONE_NEWUSER)", fd, CLONE_NEWUSER);
	expect(line);
	close(fd);
}

int main(void)
{
	bad_fd_calls();
	argument_calls();
	pty_calls();
	ns_calls();
	return 0;
}
