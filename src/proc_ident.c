/* Command name and uid of traced threads, from /proc. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "proc_ident.h"

static ssize_t read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return n;
}

int proc_ident_read(pid_t tid, struct proc_ident *id)
{
	char path[64], buf[4096];
	const char *uid_line;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/comm", tid);
	n = read_small(path, buf, sizeof(id->comm) + 1);
	if (n <= 0)
		return -1;
	if (buf[n - 1] == '\n')
		buf[--n] = 0;
	memcpy(id->comm, buf, (size_t)n + 1);
	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return -1;
	/* "Uid:\treal\teffective\tsaved\tfs" */
	uid_line = strstr(buf, "\nUid:");
	if (!uid_line)
		return -1;
	id->uid = (uid_t)strtoul(uid_line + 5, NULL, 10);
	return 0;
}

const struct proc_ident *proc_ident_get(struct proc_ident_cache *c,
					pid_t tid)
{
	struct proc_ident id;

	if (!c->fresh && proc_ident_read(tid, &id) == 0) {
		c->id = id;
		c->have = true;
		c->fresh = true;
	}
	return c->have ? &c->id : NULL;
}

bool proc_ident_watches(const struct syscall_event *sc)
{
	unsigned flags = sc->desc ? sc->desc->flags : 0;

	if (flags & SF_CREDS)
		return true;
	return (flags & SF_COMM) && sc->raw_args[0] == PR_SET_NAME;
}

bool proc_ident_changed_by(const struct syscall_event *sc)
{
	return !sc->err && !sc->ret_unknown && proc_ident_watches(sc);
}
