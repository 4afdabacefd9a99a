/* What an id a tracee uses names, for --decode-pids: the same id in
 * mytrace's PID namespace and the command name. /proc/PID/status lists a
 * task's ids in every namespace from /proc's own down to the task's
 * (NSpid, NStgid, NSpgid, NSsid); an id a tracee knows is found as the
 * entry at the depth of the tracee's namespace, on a task whose
 * namespace at that depth is the tracee's (NS_GET_PARENT). */
#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pidinfo.h"

/* The kernel nests PID namespaces 32 deep at most. */
#define MAX_LEVELS 33
#define CACHE_SLOTS 256

/* A task found to hold an id, checked again before it is trusted. */
struct found {
	unsigned long ns_ino;
	pid_t id;
	int kind;
	pid_t task;		/* its /proc entry */
};

struct pidinfo {
	bool ready, broken;
	bool proc_ours;		/* /proc is of mytrace's namespace */
	unsigned level;		/* mytrace's namespace below /proc's */
	struct found cache[CACHE_SLOTS];
};

static const char *const status_keys[] = {
	[PID_TID] = "\nNSpid:", [PID_TGID] = "\nNStgid:",
	[PID_PGID] = "\nNSpgid:", [PID_SID] = "\nNSsid:",
};

/* The ids of kind of task (a /proc entry), outermost first; their count,
 * or 0 when the task is gone. */
static unsigned read_ids(pid_t task, enum pid_kind kind, pid_t *ids)
{
	char path[48], buf[4096];
	const char *p;
	unsigned n = 0;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)task);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return 0;
	buf[len] = 0;
	p = strstr(buf, status_keys[kind]);
	if (!p)
		return 0;
	p += strlen(status_keys[kind]);
	while (n < MAX_LEVELS) {
		char *end;
		long v = strtol(p, &end, 10);

		if (end == p)
			break;
		ids[n++] = (pid_t)v;
		p = end;
		if (*p == '\n')
			break;
	}
	return n;
}

/* The PID namespace of task, up levels above its own. */
static bool ns_of(pid_t task, unsigned up, unsigned long *ino)
{
	char path[48];
	struct stat st;
	int fd, parent;

	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)task);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	while (up--) {
		parent = ioctl(fd, NS_GET_PARENT);
		close(fd);
		if (parent < 0)
			return false;
		fd = parent;
	}
	if (fstat(fd, &st) < 0) {
		close(fd);
		return false;
	}
	close(fd);
	*ino = (unsigned long)st.st_ino;
	return true;
}

struct pidinfo *pidinfo_new(void)
{
	struct pidinfo *pi = calloc(1, sizeof(*pi));

	if (!pi) {
		perror("mytrace: calloc");
		exit(1);
	}
	return pi;
}

void pidinfo_free(struct pidinfo *pi)
{
	free(pi);
}

/* mytrace's own place: /proc/self is us in /proc's namespace. */
static bool ready(struct pidinfo *pi)
{
	pid_t ids[MAX_LEVELS];
	unsigned n = 0;
	char self[32];
	ssize_t len;

	if (pi->ready || pi->broken)
		return pi->ready;
	len = readlink("/proc/self", self, sizeof(self) - 1);
	if (len > 0) {
		self[len] = 0;
		n = read_ids((pid_t)atoi(self), PID_TID, ids);
	}
	if (n == 0) {
		pi->broken = true;
		return false;
	}
	pi->level = n - 1;
	pi->proc_ours = n == 1;
	pi->ready = true;
	return true;
}

/* Whether task holds id (of kind) at level in namespace ns_ino; *ids gets
 * its ids. */
static bool task_holds(pid_t task, enum pid_kind kind, unsigned level,
		       unsigned long ns_ino, pid_t id, pid_t *ids,
		       unsigned *n)
{
	unsigned long ino;

	*n = read_ids(task, kind, ids);
	if (*n <= level || ids[level] != id)
		return false;
	return ns_of(task, *n - 1 - level, &ino) && ino == ns_ino;
}

/* Every task under /proc for one that holds id: processes, and for a
 * thread id their threads. */
static pid_t scan(enum pid_kind kind, unsigned level, unsigned long ns_ino,
		  pid_t id, pid_t *ids, unsigned *n)
{
	DIR *d = opendir("/proc"), *td;
	struct dirent *e, *te;
	pid_t found = 0;
	char path[48];

	if (!d)
		return 0;
	while (!found && (e = readdir(d))) {
		pid_t task = (pid_t)atoi(e->d_name);

		if (task <= 0)
			continue;
		if (task_holds(task, kind, level, ns_ino, id, ids, n)) {
			found = task;
			break;
		}
		if (kind != PID_TID)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task", (int)task);
		td = opendir(path);
		while (td && !found && (te = readdir(td))) {
			pid_t t = (pid_t)atoi(te->d_name);

			if (t > 0 && t != task &&
			    task_holds(t, kind, level, ns_ino, id, ids, n))
				found = t;
		}
		if (td)
			closedir(td);
	}
	closedir(d);
	return found;
}

/* Finds out once where tracee tid lives. */
static bool view_ready(struct pidinfo *pi, struct pidinfo_view *view,
		       pid_t tid)
{
	pid_t ids[MAX_LEVELS];
	unsigned long ino;
	unsigned n;

	if (view->known)
		return true;
	if (!ready(pi))
		return false;
	view->proc_pid = tid;
	if (!pi->proc_ours) {
		/* /proc is another namespace's: find the tracee in it */
		struct stat st;

		if (stat("/proc/self/ns/pid", &st) < 0)
			return false;
		view->proc_pid = scan(PID_TID, pi->level,
				      (unsigned long)st.st_ino, tid, ids, &n);
		if (!view->proc_pid)
			return false;
	}
	for (int k = PID_TID; k <= PID_TGID; k++) {
		n = read_ids(view->proc_pid, (enum pid_kind)k, ids);
		if (n <= pi->level)
			return false;
		view->own[k][0] = ids[n - 1];
		view->own[k][1] = ids[pi->level];
		view->own[k][2] = ids[0];
	}
	if (!ns_of(view->proc_pid, 0, &ino))
		return false;
	view->level = n - 1;
	view->foreign = view->level != pi->level;
	view->ns_ino = ino;
	view->known = true;
	return true;
}

/* The task (a /proc entry) and mytrace's number for id of kind, which
 * the tracee of view knows. */
static bool resolve(struct pidinfo *pi, struct pidinfo_view *view,
		    enum pid_kind kind, pid_t id, pid_t *outer, pid_t *task)
{
	pid_t ids[MAX_LEVELS];
	unsigned n;
	struct found *f;

	if (!view->foreign && pi->proc_ours) {
		*outer = *task = id;
		return true;
	}
	/* the tracee's own ids first */
	if (kind <= PID_TGID && view->own[kind][0] == id) {
		*outer = view->own[kind][1];
		*task = view->own[kind][2];
		return true;
	}
	n = kind > PID_TGID ? read_ids(view->proc_pid, kind, ids) : 0;
	if (n > view->level && ids[view->level] == id) {
		*outer = ids[pi->level];
		*task = ids[0];
		return true;
	}
	f = &pi->cache[((unsigned)id * 4u + (unsigned)kind) % CACHE_SLOTS];
	if (f->id != id || f->kind != (int)kind || f->ns_ino != view->ns_ino ||
	    !task_holds(f->task, kind, view->level, view->ns_ino, id, ids,
			&n)) {
		pid_t t = scan(kind, view->level, view->ns_ino, id, ids, &n);

		if (!t)
			return false;
		*f = (struct found){ view->ns_ino, id, (int)kind, t };
	}
	*outer = ids[pi->level];
	*task = ids[0];
	return true;
}

/* The command name of task, in a; NULL when it is gone. */
static const char *comm_of(struct arena *a, pid_t task)
{
	char path[48], buf[64];
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)task);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return NULL;
	if (buf[len - 1] == '\n')
		len--;
	buf[len] = 0;
	return arena_printf(a, "%s", buf);
}

static void annotate_pid(struct pidinfo *pi, struct pidinfo_view *view,
			 struct arena *a, struct value *v, int what)
{
	enum pid_kind kind = v->u.pid.kind;
	pid_t id = (pid_t)(int32_t)v->raw, outer, task;

	/* kill(-PGID): the group */
	if (kind == PID_PGID && id < 0)
		id = -id;
	if (id <= 0 || !resolve(pi, view, kind, id, &outer, &task))
		return;
	if ((what & DECODE_PID_PIDNS) && view->foreign)
		v->u.pid.outer = outer;
	/* a group or a session has no name of its own */
	if ((what & DECODE_PID_COMM) && (kind == PID_TID || kind == PID_TGID))
		v->u.pid.comm = comm_of(a, task);
}

void pidinfo_annotate(struct pidinfo *pi, struct pidinfo_view *view,
		      pid_t tid, struct arena *a, struct value *v, int what)
{
	if (!v || !view_ready(pi, view, tid))
		return;
	switch (v->kind) {
	case V_PID:
		annotate_pid(pi, view, a, v, what);
		break;
	case V_STRUCT:
	case V_ARRAY:
	case V_INOUT:
		for (struct value *c = v->u.kids.first; c; c = c->next)
			pidinfo_annotate(pi, view, tid, a, c, what);
		break;
	default:
		break;
	}
}
