/* -p support: pid lists as strace accepts them, /proc lookups, and the
 * reason an attach was refused. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attach.h"

int attach_parse_pids(const char *arg, pid_t **pids, size_t *npids,
		      char *bad, size_t badlen)
{
	const char *p = arg;

	for (;;) {
		size_t len;
		char word[32];
		char *end;
		long n;

		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		len = strcspn(p, ", \t\n");
		snprintf(word, sizeof(word), "%.*s", (int)len, p);
		errno = 0;
		n = strtol(word, &end, 10);
		if (!isdigit((unsigned char)word[0]) || *end || errno ||
		    n <= 0 || n > INT_MAX || len >= sizeof(word)) {
			snprintf(bad, badlen, "%.*s", (int)len, p);
			return -1;
		}
		pid_t *grown = realloc(*pids, (*npids + 1) * sizeof(**pids));

		if (!grown) {
			snprintf(bad, badlen, "%.*s", (int)len, p);
			return -1;
		}
		*pids = grown;
		(*pids)[(*npids)++] = (pid_t)n;
		p += len;
	}
	if (p == arg || *npids == 0) {
		snprintf(bad, badlen, "%s", arg);
		return -1;
	}
	return 0;
}

int attach_list_threads(pid_t pid, pid_t **tids)
{
	char path[64];
	struct dirent *de;
	DIR *d;
	int n = 0, cap = 0;

	*tids = NULL;
	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		long tid = strtol(de->d_name, NULL, 10);

		if (tid <= 0)
			continue;
		if (n == cap) {
			pid_t *grown;

			cap = cap ? cap * 2 : 16;
			grown = realloc(*tids, (size_t)cap * sizeof(**tids));
			if (!grown) {
				closedir(d);
				free(*tids);
				*tids = NULL;
				errno = ENOMEM;
				return -1;
			}
			*tids = grown;
		}
		(*tids)[n++] = (pid_t)tid;
	}
	closedir(d);
	return n;
}

/* The number after "key:" in /proc/pid/status, or -1. */
static long status_field(pid_t pid, const char *key)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	long val = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			val = strtol(line + klen + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return val;
}

/* The state letter in /proc/pid/status (R, S, Z, ...), or 0. */
static char status_state(pid_t pid)
{
	char path[64], line[256];
	char state = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "State:", 6) == 0) {
			state = line[6 + strspn(line + 6, " \t")];
			break;
		}
	}
	fclose(f);
	return state;
}

pid_t attach_tgid(pid_t tid)
{
	long tgid = status_field(tid, "Tgid");

	return tgid > 0 ? (pid_t)tgid : tid;
}

pid_t attach_tracer_of(pid_t pid)
{
	return (pid_t)status_field(pid, "TracerPid");
}

static bool have_cap_sys_ptrace(void)
{
	char line[256];
	bool yes = false;
	FILE *f = fopen("/proc/self/status", "re");

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "CapEff:", 7) == 0) {
			unsigned long long caps = strtoull(line + 7, NULL, 16);

			yes = caps & (1ull << 19);	/* CAP_SYS_PTRACE */
			break;
		}
	}
	fclose(f);
	return yes;
}

static int yama_scope(void)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");
	int scope = -1;

	if (!f)
		return -1;
	if (fscanf(f, "%d", &scope) != 1)
		scope = -1;
	fclose(f);
	return scope;
}

void attach_explain(pid_t pid, int err, char *buf, size_t len)
{
	long uid = status_field(pid, "Uid");
	bool cap = have_cap_sys_ptrace();
	int scope = yama_scope();
	pid_t tracer;

	/* the kernel refuses a process that has exited (EPERM) */
	if (status_state(pid) == 'Z') {
		snprintf(buf, len, "%s (a zombie: it has exited and its "
			 "parent has not collected its status yet)",
			 strerror(err));
		return;
	}
	if (err != EPERM) {
		snprintf(buf, len, "%s", strerror(err));
		return;
	}
	tracer = attach_tracer_of(pid);
	if (tracer > 0) {
		snprintf(buf, len, "%s (already traced by process %d)",
			 strerror(err), tracer);
		return;
	}
	if (uid >= 0 && (uid_t)uid != getuid() && !cap) {
		snprintf(buf, len, "%s (owned by uid %ld; tracing another "
			 "user's process needs CAP_SYS_PTRACE)",
			 strerror(err), uid);
		return;
	}
	if (scope >= 1 && !cap) {
		snprintf(buf, len, "%s (/proc/sys/kernel/yama/ptrace_scope "
			 "is %d: %s)", strerror(err), scope,
			 scope == 1 ? "only descendants may be traced "
			 "without CAP_SYS_PTRACE" : scope == 2 ?
			 "only CAP_SYS_PTRACE may trace" :
			 "no process may be traced");
		return;
	}
	if (scope == 3) {
		snprintf(buf, len, "%s (/proc/sys/kernel/yama/ptrace_scope "
			 "is 3: no process may be traced)", strerror(err));
		return;
	}
	snprintf(buf, len, "%s (not dumpable, or in another namespace, or "
		 "protected by a security module)", strerror(err));
}

bool attach_zombie(pid_t pid)
{
	char path[64], buf[256], *close_paren;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return false;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	close_paren = strrchr(buf, ')');
	return close_paren && close_paren[1] == ' ' && close_paren[2] == 'Z';
}

const char *attach_check(pid_t pid, char *buf, size_t len)
{
	if (pid == getpid())
		return "that is mytrace itself";
	if (kill(pid, 0) < 0 && errno == ESRCH)
		return strerror(ESRCH);
	if (attach_tgid(pid) != pid) {
		snprintf(buf, len, "a thread, not a process; use -p %d",
			 attach_tgid(pid));
		return buf;
	}
	if (attach_zombie(pid))
		return "a zombie (it has exited)";
	return NULL;
}
