/* Makes administrative calls that fail harmlessly (reboot with no magic,
 * keyring calls with bad pointers) and time(2), whose line it prints
 * since only it knows the time: for test_decode_admin. */
#include <linux/keyctl.h>
#include <linux/reboot.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifdef SYS_time
static void print_time_line(void)
{
	int64_t t = 0;
	long r = syscall(SYS_time, &t);
	time_t sec = (time_t)r;
	struct tm tm;
	char date[64];

	localtime_r(&sec, &tm);
	strftime(date, sizeof(date), "%FT%T%z", &tm);
	printf("time([%lld /* %s */]) = %ld (%s)\n", (long long)t, date, r,
	       date);
}
#endif

int main(void)
{
	/* no magic: the kernel refuses before anything else */
	syscall(SYS_reboot, 0, 0, LINUX_REBOOT_CMD_CAD_OFF, 0);
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0x13111992,
		LINUX_REBOOT_CMD_RESTART2, "again");
	syscall(SYS_add_key, NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING);
	syscall(SYS_request_key, NULL, NULL, NULL, 12345);
#ifdef SYS_time
	print_time_line();
#endif
	return 0;
}
