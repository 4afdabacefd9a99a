/*
 * Guest-side test runner for check-aarch64.  It prepares the guest as a
 * small normal system: links busybox's applets (sh, cat, true, ...) into
 * /bin, /sbin, /usr/bin and /usr/sbin when /bin/busybox is there (the
 * initramfs holds only the one binary), runs /sbin/ldconfig when it is
 * there, loads the kernel modules staged in /lib/modules (sock_diag for
 * -yy) and brings the loopback interface up (tests connect to
 * 127.0.0.1).  Then it changes into ROOT
 * (the staged repo tree, with ./mytrace and tests/), runs every executable
 * DIR/test_* of each DIR given, in name order, each in its own process
 * group with a time limit, lets their cmocka output through and
 * ends with one summary line.  Exit status 0 only if at least one test
 * program ran and all of them exited 0.
 *
 * usage: runtests ROOT [DIR...]		(default DIR: tests/integration)
 * env:   MYTRACE_TEST_TIMEOUT seconds per test program (default 300)
 *
 * Build: aarch64-linux-gnu-gcc -static -O2 -o runtests runtests.c
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NAME "runtests"
#define MAX_FAILED 64

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static int is_test_name(const struct dirent *d)
{
	return strncmp(d->d_name, "test_", 5) == 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Run one test program; return its exit code (128 + signal if killed). */
static int run_one(const char *path, unsigned int limit)
{
	int status;
	pid_t pid, got;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, NAME ": fork: %s\n", strerror(errno));
		return 126;
	}
	if (pid == 0) {
		setpgid(0, 0);
		execl(path, path, (char *)NULL);
		fprintf(stderr, NAME ": exec %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);

	timed_out = 0;
	alarm(limit);
	for (;;) {
		got = waitpid(pid, &status, 0);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR) {
			fprintf(stderr, NAME ": waitpid: %s\n", strerror(errno));
			alarm(0);
			return 126;
		}
		if (timed_out) {
			printf(NAME ": %s: timed out after %u s, killing it\n",
			       path, limit);
			kill(-pid, SIGKILL);
			timed_out = 0;
		}
	}
	alarm(0);
	/* tracees the test left behind in its group */
	kill(-pid, SIGKILL);

	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/* Runs argv (argv[0] a path) and waits: 0 if it exited 0. */
static int run_helper(char *const argv[])
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* "busybox --install -s DIR" for each of the PATH directories, so that
 * tests find "/bin/true" as well as "/usr/bin/env"; a real program that
 * is already there (python3, jq, ldconfig) is kept.  The applet list
 * comes from the binary. */
static int install_busybox(void)
{
	static const char *const dirs[] = { "/bin", "/sbin", "/usr/bin",
					    "/usr/sbin" };
	char *argv[] = { "/bin/busybox", "--install", "-s", NULL, NULL };

	if (access(argv[0], X_OK) < 0)
		return 0;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		mkdir(dirs[i], 0755);
		argv[3] = (char *)dirs[i];
		if (run_helper(argv) < 0)
			return -1;
	}
	return access("/bin/sh", X_OK);
}

/* /etc/ld.so.cache, so that the loader finds libraries as on any system
 * instead of probing directories (which shows in traces). */
static int make_ld_cache(void)
{
	static char *const argv[] = { "/sbin/ldconfig", NULL };

	if (access(argv[0], X_OK) < 0)
		return 0;
	if (run_helper(argv) < 0)
		return -1;
	return access("/etc/ld.so.cache", R_OK);
}

#define MAX_MODULES 32

static char *modules[MAX_MODULES];
static int nmodules;

static int collect_module(const char *path, const struct stat *st, int type,
			  struct FTW *ftw)
{
	size_t len = strlen(path);

	(void)st;
	(void)ftw;
	if (type == FTW_F && len > 3 && strcmp(path + len - 3, ".ko") == 0 &&
	    nmodules < MAX_MODULES)
		modules[nmodules++] = strdup(path);
	return 0;
}

/* Loads every /lib/modules/$(uname -r)/...ko (staged by setup: the
 * sock_diag families); one that needs another is retried after it. */
static void load_modules(void)
{
	struct utsname u;
	char dir[512];
	int loaded[MAX_MODULES] = { 0 }, progress = 1, i, fd;

	if (uname(&u) < 0)
		return;
	snprintf(dir, sizeof(dir), "/lib/modules/%s", u.release);
	if (nftw(dir, collect_module, 8, FTW_PHYS) < 0)
		return;
	while (progress) {
		progress = 0;
		for (i = 0; i < nmodules; i++) {
			if (loaded[i])
				continue;
			fd = open(modules[i], O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			if (syscall(SYS_finit_module, fd, "", 0) == 0 ||
			    errno == EEXIST)
				loaded[i] = progress = 1;
			close(fd);
		}
	}
	for (i = 0; i < nmodules; i++)
		if (!loaded[i])
			fprintf(stderr, NAME ": warning: cannot load %s\n",
				modules[i]);
}

/* The kernel leaves "lo" down; nothing else in the guest configures it. */
static int loopback_up(void)
{
	struct ifreq ifr;
	int sock, rc = -1;

	sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sock < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
	if (ioctl(sock, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP;
		rc = ioctl(sock, SIOCSIFFLAGS, &ifr);
	}
	close(sock);
	return rc;
}

int main(int argc, char **argv)
{
	static const char *default_dirs[] = { "tests/integration" };
	const char **dirs = default_dirs;
	const char *failed[MAX_FAILED];
	struct sigaction sa = { .sa_handler = on_alarm };
	unsigned int limit = 300;
	int ndirs = 1, nfailed = 0, npassed = 0;
	const char *env;
	int i, j;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2) {
		fprintf(stderr, "usage: " NAME " ROOT [DIR...]\n");
		return 2;
	}
	if (install_busybox() < 0) {
		fprintf(stderr, NAME ": busybox --install -s /bin: failed\n");
		return 2;
	}
	if (make_ld_cache() < 0) {
		fprintf(stderr, NAME ": ldconfig: failed\n");
		return 2;
	}
	load_modules();
	if (loopback_up() < 0) {
		fprintf(stderr, NAME ": bringing up lo: %s\n", strerror(errno));
		return 2;
	}
	if (chdir(argv[1]) < 0) {
		fprintf(stderr, NAME ": chdir %s: %s\n", argv[1],
			strerror(errno));
		return 2;
	}
	if (argc > 2) {
		dirs = (const char **)argv + 2;
		ndirs = argc - 2;
	}
	env = getenv("MYTRACE_TEST_TIMEOUT");
	if (env && atoi(env) > 0)
		limit = atoi(env);
	sigaction(SIGALRM, &sa, NULL);

	for (i = 0; i < ndirs; i++) {
		struct dirent **names;
		int n;

		n = scandir(dirs[i], &names, is_test_name, alphasort);
		if (n < 0) {
			printf(NAME ": %s: %s (skipped)\n", dirs[i],
			       strerror(errno));
			continue;
		}
		for (j = 0; j < n; j++) {
			char path[4096];
			struct stat st;
			double start;
			int code;

			snprintf(path, sizeof(path), "%s/%s", dirs[i],
				 names[j]->d_name);
			free(names[j]);
			if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
			    !(st.st_mode & S_IXUSR))
				continue;

			printf("=== " NAME ": %s ===\n", path);
			start = now();
			code = run_one(path, limit);
			printf("=== " NAME ": %s: %s (exit %d, %.1f s) ===\n",
			       path, code ? "FAILED" : "ok", code,
			       now() - start);
			if (code == 0) {
				npassed++;
				continue;
			}
			if (nfailed < MAX_FAILED)
				failed[nfailed] = strdup(path);
			nfailed++;
		}
		free(names);
	}

	if (npassed + nfailed == 0) {
		printf(NAME ": no test programs found\n");
		return 1;
	}
	for (i = 0; i < nfailed && i < MAX_FAILED; i++)
		printf(NAME ": failed: %s\n", failed[i]);
	printf("aarch64: %d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
