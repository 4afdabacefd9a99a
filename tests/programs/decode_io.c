/* Makes exact descriptor and I/O syscalls for test_decode_io. */
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "legacy.h"

/* A file of known size for sendfile and copy_file_range: a system file
 * such as /etc/hostname differs from machine to machine. */
#define DATA_FILE "/tmp/mytrace-decode-io.txt"

static void write_data_file(void)
{
	int fd = syscall(SYS_openat, AT_FDCWD, DATA_FILE,
			 O_WRONLY | O_CREAT | O_TRUNC, 0644);

	syscall(SYS_write, fd, "vm\n", 3);
	syscall(SYS_close, fd);
}

int main(void)
{
	int p[2], q[2], ep, ev, fd, on = 1, n;
	struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
	char a[2], b[8];
	struct iovec riov[2] = { { a, 2 }, { b, 8 } };
	struct pollfd pfd[2];
	struct epoll_event e = { EPOLLIN | EPOLLET, { .u64 = 7 } }, out[4];
	fd_set rs;
	struct timeval tv = { 0, 0 };
	struct timespec ts = { 1, 0 };
	loff_t off = 0;
	struct timespec zero_ts = { 0, 0 };

	(void)zero_ts;	/* used where there is no poll */

	syscall(SYS_close_range, 3, ~0U, 0);
	write_data_file();
	syscall(SYS_pipe2, p, O_CLOEXEC);
	syscall(SYS_pipe2, q, O_NONBLOCK);
	syscall(SYS_writev, p[1], iov, 2);
	syscall(SYS_readv, p[0], riov, 2);
	syscall(SYS_write, p[1], "xyz", 3);
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = q[1];
	pfd[1].events = POLLOUT | POLLPRI;
#if defined(__x86_64__)	/* not on aarch64 */
	syscall(SYS_poll, pfd, 2, 100);
#else
	/* aarch64 has only ppoll; a zero timeout keeps "left" exact */
	syscall(SYS_ppoll, pfd, 2, &zero_ts, NULL, 8);
#endif
	pfd[1].events = POLLIN;
#if defined(__x86_64__)
	syscall(SYS_poll, &pfd[1], 1, 0);
#endif
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
#if defined(__x86_64__)
	syscall(SYS_select, p[0] + 1, &rs, NULL, NULL, &tv);
#endif
	ep = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &e);
	/* takes the edge-triggered event: the epoll_pwait below gets none */
	OR_AT(syscall(SYS_epoll_wait, ep, out, 4, 0),
	      syscall(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8));
	/* the calls every architecture has */
	syscall(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8);
	pfd[1].events = POLLOUT;
	syscall(SYS_ppoll, &pfd[1], 1, &ts, NULL, 8);
	syscall(SYS_pselect6, p[0] + 1, &rs, NULL, NULL, &ts, NULL);
	(void)tv;
	ev = syscall(SYS_eventfd2, 5, EFD_CLOEXEC | EFD_NONBLOCK);
	syscall(SYS_ioctl, p[0], FIONREAD, &n);
	syscall(SYS_ioctl, p[0], FIONBIO, &on);
	syscall(SYS_ioctl, p[0], FIOCLEX);
	syscall(SYS_ioctl, p[0], TCGETS, b);
	syscall(SYS_fcntl, p[0], F_GETFL);
	syscall(SYS_fcntl, p[0], F_SETFL, O_RDONLY | O_NONBLOCK);
	syscall(SYS_fcntl, p[0], F_GETFD);
	syscall(SYS_fcntl, p[0], F_SETFD, FD_CLOEXEC);
	syscall(SYS_fcntl, p[0], F_DUPFD_CLOEXEC, 10);
	syscall(SYS_fcntl, p[0], F_GETPIPE_SZ);
	syscall(SYS_dup3, p[0], 20, O_CLOEXEC);
	fd = syscall(SYS_openat, AT_FDCWD, DATA_FILE, O_RDONLY);
	syscall(SYS_sendfile, q[1], fd, &off, 4);
	syscall(SYS_splice, q[0], NULL, p[1], NULL, 4, SPLICE_F_NONBLOCK);
	syscall(SYS_tee, p[0], q[1], 1, SPLICE_F_NONBLOCK);
	syscall(SYS_copy_file_range, fd, NULL, q[1], NULL, 0, 0);
	syscall(SYS_pwritev, q[1], iov, 1, 0);
	syscall(SYS_close, ev);
	syscall(SYS_close, 99);
	return 0;
}
