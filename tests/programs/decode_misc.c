/* Makes exact calls of the remaining families for test_decode_misc:
 * fcntl commands, memfd, pidfd, capabilities, socket options, system
 * information, landlock and io_uring basics. */
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/landlock.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET,
			    .l_start = 0, .l_len = 10 };
	struct linger lg = { 1, 5 };
	struct timeval tv = { 2, 0 };
	struct f_owner_ex owner;
	socklen_t len;
	char buf[256];
	struct statfs sf;
	int fd, s, pfd, v;

	syscall(SYS_close_range, 3, ~0U, 0);
	syscall(SYS_capget, &hdr, data);
	memset(data, 0, sizeof(data));
	syscall(SYS_capset, &hdr, data);
	fd = syscall(SYS_memfd_create, "mytrace", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	syscall(SYS_ftruncate, fd, 100);
	syscall(SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	syscall(SYS_fcntl, fd, F_GET_SEALS);
	syscall(SYS_fcntl, fd, F_SETLK, &fl);
	syscall(SYS_fcntl, fd, F_GETLK, &fl);
	syscall(SYS_fcntl, fd, F_OFD_SETLK, &fl);
	syscall(SYS_fcntl, fd, F_SETOWN, 0);
	syscall(SYS_fcntl, fd, F_GETOWN);
	syscall(SYS_fcntl, fd, F_GETOWN_EX, &owner);
	syscall(SYS_fcntl, fd, F_SETSIG, SIGUSR1);
	syscall(SYS_fcntl, fd, F_GETSIG);
	syscall(SYS_fcntl, fd, F_SETLEASE, F_UNLCK);
	syscall(SYS_fcntl, fd, F_GETLEASE);
	syscall(SYS_fcntl, fd, F_NOTIFY, 0);
	syscall(SYS_fcntl, fd, F_DUPFD, 30);
	syscall(SYS_fstatfs, fd, &sf);
	syscall(SYS_close, fd);
	pfd = syscall(SYS_pidfd_open, getpid(), 0);
	syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0);
	syscall(SYS_close, pfd);
	s = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	syscall(SYS_setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	syscall(SYS_setsockopt, s, SOL_SOCKET, SO_RCVTIMEO_OLD, &tv, sizeof(tv));
	len = sizeof(v);
	syscall(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &len);
	len = sizeof(lg);
	syscall(SYS_getsockopt, s, SOL_SOCKET, SO_LINGER, &lg, &len);
	len = sizeof(buf);
	syscall(SYS_getsockopt, s, SOL_SOCKET, SO_BINDTODEVICE, buf, &len);
	syscall(SYS_close, s);
	syscall(SYS_landlock_create_ruleset, NULL, 0,
		LANDLOCK_CREATE_RULESET_VERSION);
	syscall(SYS_getcwd, buf, sizeof(buf));
	syscall(SYS_getcpu, &v, NULL, NULL);
	syscall(SYS_sched_getaffinity, 0, 8, buf);
	syscall(SYS_getgroups, 4, buf);
	syscall(SYS_gettimeofday, &tv, NULL);
	syscall(SYS_times, buf);
	syscall(SYS_getrusage, RUSAGE_SELF, buf);
	syscall(SYS_sysinfo, buf);
	syscall(SYS_uname, buf);
	syscall(SYS_getrandom, buf, 4, GRND_NONBLOCK);
	syscall(SYS_flock, 99, LOCK_UN);
	return 0;
}
