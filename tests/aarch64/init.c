/*
 * /init of the initramfs that tests/aarch64/run boots under qemu: it mounts
 * the pseudo file systems (/dev, /dev/pts, /dev/shm, /proc, /sys, /tmp),
 * runs the command the kernel hands over (the words after "--" on its
 * command line) as a child, reaps every orphan, prints one
 * exit marker line with the command's status and powers the machine off.
 *
 * The marker is "MYTRACE-GUEST-EXIT <nonce> code=<n>": <nonce> comes from
 * the MYTRACE_GUEST_NONCE environment variable (the kernel hands "x=y" words
 * before "--" to init as environment) so that nothing the command prints can
 * pass for the marker.  <n> is the exit status, or 128 + the signal number.
 *
 * Build (static, no shared libraries in the guest for init itself):
 *	aarch64-linux-gnu-gcc -static -O2 -o init tests/aarch64/init.c
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "mytrace-init"

static void say(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len >= sizeof(line))
		len = sizeof(line) - 1;
	/* one write() per line, so kernel messages do not split it */
	if (write(STDOUT_FILENO, line, len) < 0)
		return;
}

/*
 * Without a /dev/console in the initramfs the kernel starts init with no
 * open descriptors; open the console from devtmpfs instead.
 */
static void attach_console(void)
{
	int fd;

	if (fcntl(STDOUT_FILENO, F_GETFD) >= 0)
		return;
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

static void mount_fs(const char *type, const char *dir, const char *data)
{
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		say(NAME ": mkdir %s: %s\n", dir, strerror(errno));
	if (mount(type, dir, type, MS_NOSUID, data) < 0 && errno != EBUSY)
		say(NAME ": mount %s on %s: %s\n", type, dir, strerror(errno));
}

static pid_t start_command(char **argv)
{
	sigset_t none;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		say(NAME ": fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid > 0)
		return pid;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execvp(argv[0], argv);
	say(NAME ": exec %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* The next pids from 1000 on, as on a machine that has run a while: a
 * test that compares two runs masks numbers of three digits or more
 * (pids), and a just-booted guest gave two-digit pids that differed
 * (set_tid_address's result). Left as it is where the kernel has no
 * ns_last_pid (CONFIG_CHECKPOINT_RESTORE). */
static void skip_small_pids(void)
{
	int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY);

	if (fd < 0)
		return;
	if (write(fd, "999", 3) != 3)
		say(NAME ": ns_last_pid: %s\n", strerror(errno));
	close(fd);
}

/* Wait for @pid while reaping any orphan re-parented to us. */
static int wait_command(pid_t pid)
{
	int status;
	pid_t got;

	for (;;) {
		got = waitpid(-1, &status, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			say(NAME ": waitpid: %s\n", strerror(errno));
			return 126;
		}
		if (got != pid)
			continue;
		if (WIFEXITED(status))
			return WEXITSTATUS(status);
		if (WIFSIGNALED(status))
			return 128 + WTERMSIG(status);
	}
}

/* Kill what the command left behind and reap it, so sync() is final. */
static void kill_leftovers(void)
{
	kill(-1, SIGKILL);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
}

int main(int argc, char **argv)
{
	const char *env_nonce;
	char nonce[64];
	int code = 127;
	pid_t pid;

	mount_fs("devtmpfs", "/dev", NULL);
	attach_console();
	mount_fs("proc", "/proc", NULL);
	mount_fs("sysfs", "/sys", NULL);
	mount_fs("tmpfs", "/tmp", "mode=1777");
	/* pseudo-terminals (script, openpty) and POSIX shared memory */
	mount_fs("devpts", "/dev/pts", "mode=620,ptmxmode=666");
	mount_fs("tmpfs", "/dev/shm", "mode=1777");

	env_nonce = getenv("MYTRACE_GUEST_NONCE");
	snprintf(nonce, sizeof(nonce), "%s", env_nonce ? env_nonce : "none");
	unsetenv("MYTRACE_GUEST_NONCE");
	setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
	setenv("HOME", "/", 1);
	skip_small_pids();

	if (argc < 2) {
		say(NAME ": no command: put '-- /path/prog args' on the "
		    "kernel command line\n");
	} else {
		pid = start_command(argv + 1);
		if (pid > 0)
			code = wait_command(pid);
	}
	kill_leftovers();

	say("\nMYTRACE-GUEST-EXIT %s code=%d\n", nonce, code);
	sync();
	reboot(RB_POWER_OFF);
	say(NAME ": reboot: %s\n", strerror(errno));
	for (;;)
		pause();
}
