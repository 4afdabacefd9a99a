/* clone3's struct clone_args by size, flags and tail, for
 * test_decode_selfcheck: each call is followed by the line mytrace must
 * print for it (on stdout). */
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	uint64_t buf[12];
	struct clone_args *ca = (struct clone_args *)buf;
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	memset(buf, 0, sizeof(buf));
	rc = syscall(SYS_clone3, ca, 56);
	printf("clone3(%p, 56) = %s\n", (void *)ca, sc_ret(rc));
	ca->flags = 0x4000000000000000ULL;
	rc = syscall(SYS_clone3, ca, 64);
	printf("clone3({flags=0x4000000000000000 /* CLONE_??? */, "
	       "exit_signal=0, stack=NULL, stack_size=0}, 64) = %s\n",
	       sc_ret(rc));
	ca->flags = CLONE_NEWTIME | CLONE_INTO_CGROUP;
	ca->cgroup = 12345;
	buf[11] = 0xcd;
	rc = syscall(SYS_clone3, ca, 96);
	printf("clone3({flags=CLONE_NEWTIME|CLONE_INTO_CGROUP, exit_signal=0, "
	       "stack=NULL, stack_size=0, cgroup=12345, /* bytes 88..95 */ "
	       "\"\\xcd\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"}, 96) = %s\n",
	       sc_ret(rc));
	memset(buf, 0, sizeof(buf));
	ca->exit_signal = SIGCHLD;
	rc = syscall(SYS_clone3, ca, 88);
	if (rc == 0)
		_exit(0);
	printf("clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, "
	       "stack_size=0}, 88) = %s\n", sc_ret(rc));
	if (rc > 0)
		waitpid(rc, NULL, 0);
	return 0;
}
