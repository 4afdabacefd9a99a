/* Makes exact process-family syscalls for test_decode_process. */
#include <linux/capability.h>
#include <sched.h>
#include <stdint.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	struct rlimit rl = { 1024, 4096 };
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct sched_param sp = { 0 };
	char name[16];
	uint32_t ids[3];
	siginfo_t si;
	int st;
	pid_t pid;

	syscall(SYS_close_range, 3, ~0U, 0);
	syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL);
	syscall(SYS_getrlimit, RLIMIT_CORE, &rl);
	syscall(SYS_setrlimit, RLIMIT_STACK, &rl);
	syscall(SYS_prctl, PR_SET_NAME, "decode", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	syscall(SYS_capget, &hdr, NULL);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	syscall(SYS_sched_yield);
	syscall(SYS_getresuid, &ids[0], &ids[1], &ids[2]);
	syscall(SYS_setresgid, -1, -1, -1);
	syscall(SYS_setfsuid, -1);
	syscall(SYS_getgroups, 0, NULL);
	syscall(SYS_setpgid, 0, 0);
	syscall(SYS_getpriority, PRIO_PROCESS, 0);
	syscall(SYS_personality, 0xffffffff);
	syscall(SYS_kill, 0, 0);
	pid = fork();
	if (pid == 0)
		_exit(7);
	syscall(SYS_wait4, pid, &st, 0, NULL);
	pid = fork();
	if (pid == 0)
		_exit(0);
	syscall(SYS_waitid, P_PID, pid, &si, WEXITED, NULL);
	syscall(SYS_wait4, -1, &st, WNOHANG, NULL);
	return 0;
}
