/* Makes exact time-family syscalls for test_decode_time. */
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec req = { 0, 1000 }, res;
	struct itimerval itv = { { 0, 0 }, { 0, 0 } }, old;
	struct itimerspec its = { { 1, 0 }, { 2, 500 } }, oits;
	int fd;

	syscall(SYS_close_range, 3, ~0U, 0);
	syscall(SYS_nanosleep, &req, NULL);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &res);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &res);
	syscall(SYS_clock_gettime, 12345, &res);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, NULL);
	syscall(SYS_setitimer, ITIMER_REAL, &itv, &old);
	syscall(SYS_getitimer, ITIMER_PROF, &old);
	fd = syscall(SYS_timerfd_create, CLOCK_MONOTONIC,
		     TFD_CLOEXEC | TFD_NONBLOCK);
	syscall(SYS_timerfd_settime, fd, 0, &its, NULL);
	syscall(SYS_timerfd_settime, fd, TFD_TIMER_ABSTIME, &its, &oits);
	syscall(SYS_close, fd);
	syscall(SYS_gettimeofday, NULL, NULL);
	return 0;
}
