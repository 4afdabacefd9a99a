/* The --failures digest: failed calls grouped and ranked by how likely
 * they are to explain why the command failed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failures.h"
#include "failures_words.h"
#include "unwind.h"

#define BUCKETS 1024
/* a failure this close to a failing exit is a suspect */
#define NEAR_EXIT_CALLS 40

struct proc_span {
	pid_t pid;
	pid_t ppid;		/* 0: not seen being made */
	char comm[16];
	unsigned long first_seq, last_seq;
	unsigned long exit_seq;	/* order of its end among all events */
	bool failed;		/* exited non-zero or was killed */
	bool ended;
	bool killed;
	int status;		/* exit code, or the signal */
	struct words *words;	/* what it last wrote to stdout/stderr */
	struct proc_span *next;
};

struct name_entry {
	char *name;
	struct name_entry *next;
};

struct failures {
	struct failure_group *groups[BUCKETS];
	struct name_entry *found[BUCKETS];	/* base names some call found */
	unsigned long nfound;
	bool found_full;	/* a found name was not remembered */
	struct proc_span *procs;
	unsigned long seq;
	pid_t command;		/* the launched command, once it ended */
	char *words_text[FAILURE_WORDS_PROCS];	/* the digest's lines */
	struct failure_digest digest;
};

/* Failures that programs provoke on purpose and handle. */
static const struct {
	const char *syscall;	/* NULL: any */
	int err;		/* 0: any */
	const char *path;	/* NULL: any */
} benign[] = {
	{ "ioctl", ENOTTY, NULL },
	{ NULL, EAGAIN, NULL },
	{ NULL, EINTR, NULL },
	{ "wait4", ECHILD, NULL },
	{ "waitid", ECHILD, NULL },
	{ "lseek", ESPIPE, NULL },
	{ "readlink", EINVAL, NULL },
	{ "readlinkat", EINVAL, NULL },
	{ NULL, 0, "/etc/ld.so.preload" },
};

/* Optional look-ups every program makes (translations, locales): their
 * absence explains nothing. Matched as substrings of the path. */
static const char *const optional_paths[] = {
	"/locale/",
	"/locale-archive",
	".mo",
	"/gconv/",
	"/selinux",
};

static unsigned hash(const char *s, unsigned h)
{
	while (s && *s)
		h = h * 31 + (unsigned char)*s++;
	return h;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* "dir/stem": the path up to the first dot of its base name after the
 * first character, so that "x/__init__.so" and "x/__init__.py" meet. */
static char *stem_key(const char *path)
{
	const char *base = base_name(path);
	const char *dot = strchr(base + (*base ? 1 : 0), '.');
	size_t len = dot ? (size_t)(dot - path) : strlen(path);

	return strndup(path, len);
}

struct failures *failures_new(void)
{
	return calloc(1, sizeof(struct failures));
}

static struct proc_span *span_of(struct failures *f, pid_t pid)
{
	struct proc_span *p;

	for (p = f->procs; p; p = p->next)
		if (p->pid == pid && !p->ended)
			return p;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->pid = pid;
	p->first_seq = f->seq;
	p->next = f->procs;
	f->procs = p;
	return p;
}

static bool found_has(struct failures *f, const char *name)
{
	for (struct name_entry *e = f->found[hash(name, 0) % BUCKETS]; e;
	     e = e->next)
		if (strcmp(e->name, name) == 0)
			return true;
	return false;
}

static void found_add(struct failures *f, const char *name)
{
	struct name_entry *e;

	if (found_has(f, name))
		return;
	if (f->nfound >= FAILURE_FOUND_MAX) {
		f->found_full = true;
		return;
	}
	e = malloc(sizeof(*e));
	if (!e)
		return;
	e->name = strdup(name);
	if (!e->name) {
		free(e);
		return;
	}
	e->next = f->found[hash(name, 0) % BUCKETS];
	f->found[hash(name, 0) % BUCKETS] = e;
	f->nfound++;
}

/* The first path argument the caller passed, as a C string (the arena
 * copy holds no NUL). */
static char *path_arg(const struct syscall_event *sc)
{
	if (!sc->desc || sc->desc->raw)
		return NULL;
	for (unsigned i = 0; i < sc->nargs && i < MAX_ARGS; i++) {
		const struct value *v = sc->args[i];
		unsigned props = arg_type_props(sc->desc->args[i].type);

		if ((props & ARGP_PATH) && (props & ARGP_IN) && v &&
		    v->kind == V_STRING)
			return strndup(v->u.str.bytes, v->u.str.len);
	}
	return NULL;
}

static void prune(struct failures *f);

void failures_write(struct failures *f, pid_t pid, int fd,
		    const char *bytes, size_t len, bool cut)
{
	struct proc_span *p = span_of(f, pid);

	if (!p)
		return;
	if (!p->words)
		p->words = words_new();
	if (p->words)
		words_append(p->words, fd, bytes, len, cut);
}

void failures_record(struct failures *f, pid_t pid, const char *comm,
		     const struct syscall_event *sc, const char *fd_path)
{
	struct proc_span *p = span_of(f, pid);
	struct failure_group *g;
	char *path;
	const char *name = sc->desc ? sc->desc->name : "?";
	bool is_fd = false;
	unsigned h;

	f->seq++;
	if (p) {
		p->last_seq = f->seq;
		if (comm)
			snprintf(p->comm, sizeof(p->comm), "%s", comm);
	}
	if (sc->ret_unknown)
		return;
	path = path_arg(sc);
	if (!sc->err) {
		if (path) {
			char *stem = stem_key(path);

			found_add(f, base_name(path));
			if (stem)
				found_add(f, stem);
			free(stem);
		}
		free(path);
		return;
	}
	if (!path && fd_path) {
		path = strdup(fd_path);
		is_fd = true;
	}
	if (path && strlen(path) > 4096)
		path[4096] = 0;
	f->digest.failed_calls++;
	h = hash(name, (unsigned)sc->err);
	h = hash(path, h) % BUCKETS;
	for (g = f->groups[h]; g; g = g->next) {
		if (g->err == sc->err && strcmp(g->syscall, name) == 0 &&
		    (g->path == path ||
		     (g->path && path && strcmp(g->path, path) == 0))) {
			g->count++;
			g->last_seq = f->seq;
			g->last_pid = pid;
			free(path);
			return;
		}
	}
	g = calloc(1, sizeof(*g));
	if (!g) {
		free(path);
		return;
	}
	/* table names live as long as the program; unknown ones do not */
	g->syscall = strdup(name);
	g->err = sc->err;
	g->path = path;
	g->path_is_fd = is_fd;
	g->fd = is_fd ? (int)sc->raw_args[0] : -1;
	g->count = 1;
	g->first_ts = sc->exit_ts;
	g->first_pid = pid;
	g->last_pid = pid;
	if (comm)
		snprintf(g->first_comm, sizeof(g->first_comm), "%s", comm);
	g->stack = stack_trace_dup(sc->stack);
	g->last_seq = f->seq;
	g->next = f->groups[h];
	f->groups[h] = g;
	f->digest.ngroups++;
	if (f->digest.ngroups > FAILURE_GROUPS_MAX)
		prune(f);
}

void failures_process_exit(struct failures *f, pid_t pid, bool is_command,
			   bool killed, int status)
{
	struct proc_span *p = span_of(f, pid);

	f->seq++;
	if (p) {
		p->failed = killed || status != 0;
		p->ended = true;
		p->killed = killed;
		p->status = status;
		p->exit_seq = f->seq;
	}
	if (is_command) {
		f->command = pid;
		f->digest.command_ended = true;
		f->digest.command_killed = killed;
		f->digest.command_status = status;
	}
}

void failures_fork(struct failures *f, pid_t parent, pid_t child)
{
	struct proc_span *p;

	span_of(f, parent);	/* begins no later than its child */
	p = span_of(f, child);
	if (p)
		p->ppid = parent;
}

static bool is_benign(const struct failure_group *g)
{
	for (size_t i = 0; i < sizeof(benign) / sizeof(benign[0]); i++) {
		if (benign[i].syscall &&
		    strcmp(benign[i].syscall, g->syscall) != 0)
			continue;
		if (benign[i].err && benign[i].err != g->err)
			continue;
		if (benign[i].path &&
		    (!g->path || strcmp(benign[i].path, g->path) != 0))
			continue;
		return true;
	}
	for (size_t i = 0; g->path && !g->path_is_fd &&
	     i < sizeof(optional_paths) / sizeof(optional_paths[0]); i++)
		if (strstr(g->path, optional_paths[i]))
			return true;
	return false;
}

/* How close the group's last failure came to the end of a process that
 * then failed: 2 among its last calls, 1 in its last fifth, else 0.
 * Groups are keyed without the pid: the last one's process stands for
 * the group. */
static int before_failing_exit(struct failures *f,
			       const struct failure_group *g)
{
	for (struct proc_span *p = f->procs; p; p = p->next) {
		if (p->pid != g->last_pid || !p->failed)
			continue;
		if (g->last_seq < p->first_seq || g->last_seq > p->last_seq)
			continue;
		if (p->last_seq - g->last_seq < NEAR_EXIT_CALLS)
			return 2;
		return (g->last_seq - p->first_seq) * 5 >=
		       (p->last_seq - p->first_seq) * 4;
	}
	return 0;
}

/* child passed its status on to parent: it failed, it ended before its
 * parent, and the parent exited with what it exited with (a shell
 * reports a child killed by signal N as 128+N). */
static bool passed_on(const struct proc_span *child,
		      const struct proc_span *parent)
{
	if (child->ppid != parent->pid || !child->ended || !child->failed ||
	    child->first_seq < parent->first_seq ||
	    child->exit_seq > parent->exit_seq)
		return false;
	if (parent->killed)
		return child->killed && child->status == parent->status;
	if (child->killed)
		return parent->status == 128 + child->status;
	return child->status == parent->status;
}

/* The process whose exit status became the command's: from the command
 * down, the last child to end that passed its status on; NULL when the
 * command has not failed. */
static struct proc_span *status_source(struct failures *f)
{
	struct proc_span *p = NULL;

	for (struct proc_span *q = f->procs; q; q = q->next)
		if (q->pid == f->command && q->ended &&
		    (!p || q->exit_seq > p->exit_seq))
			p = q;
	if (!p || !p->failed)
		return NULL;
	for (;;) {
		struct proc_span *best = NULL;

		for (struct proc_span *c = f->procs; c; c = c->next)
			if (passed_on(c, p) &&
			    (!best || c->exit_seq > best->exit_seq))
				best = c;
		if (!best)
			return p;
		p = best;
	}
}

static bool in_span(const struct failure_group *g,
		    const struct proc_span *p)
{
	return p && g->last_pid == p->pid && g->last_seq >= p->first_seq &&
	       g->last_seq <= p->last_seq;
}

static void rank(struct failures *f, struct failure_group *g,
		 const struct proc_span *source)
{
	bool missing = g->err == ENOENT || g->err == ENOTDIR;

	int near = before_failing_exit(f, g);

	g->benign = is_benign(g);
	g->never_found = g->found_elsewhere = false;
	/* with names forgotten, "never found" cannot be told */
	if (g->path && !g->path_is_fd && missing && !g->benign &&
	    !f->found_full) {
		char *stem = stem_key(g->path);

		g->found_elsewhere = found_has(f, base_name(g->path)) ||
				     (stem && found_has(f, stem));
		g->never_found = !g->found_elsewhere;
		free(stem);
	}
	g->before_failing_exit = near == 2;
	g->in_status_process = in_span(g, source);
	g->score = g->in_status_process ? 3 : 0;
	if (g->never_found)
		g->score += 4;
	if (g->found_elsewhere)
		g->score -= 4;
	g->score += near == 2 ? 3 : near;
	if (g->err == EACCES || g->err == EPERM || g->err == EROFS)
		g->score += 2;
	if (g->benign)
		g->score -= 8;
}

static int by_score(const void *a, const void *b)
{
	const struct failure_group *x = *(const struct failure_group **)a;
	const struct failure_group *y = *(const struct failure_group **)b;

	if (x->score != y->score)
		return y->score - x->score;
	/* the later failure is nearer to what went wrong */
	return x->last_seq < y->last_seq ? 1 : x->last_seq > y->last_seq ? -1 : 0;
}

static unsigned group_bucket(const struct failure_group *g)
{
	return hash(g->path, hash(g->syscall, (unsigned)g->err)) % BUCKETS;
}

static void group_free(struct failure_group *g)
{
	free((char *)g->syscall);
	free((char *)g->path);
	stack_trace_free(g->stack);
	free(g);
}

/* Every group, ranked as things stand, likeliest first, in
 * f->digest.groups. */
static void rank_all(struct failures *f)
{
	struct proc_span *source = status_source(f);
	unsigned n = 0;

	/* the command's own failures need no telling apart */
	if (source && source->pid == f->command)
		source = NULL;

	free(f->digest.groups);
	f->digest.groups = calloc(f->digest.ngroups + 1,
				  sizeof(*f->digest.groups));
	if (!f->digest.groups) {
		f->digest.ngroups = 0;
		return;
	}
	for (unsigned b = 0; b < BUCKETS; b++) {
		for (struct failure_group *g = f->groups[b]; g; g = g->next) {
			rank(f, g, source);
			f->digest.groups[n++] = g;
		}
	}
	qsort(f->digest.groups, n, sizeof(*f->digest.groups), by_score);
}

/* Too many groups: keep the three quarters ranked likeliest so far and
 * count the others. A dropped group that fails again starts afresh. */
static void prune(struct failures *f)
{
	unsigned keep = FAILURE_GROUPS_MAX / 4 * 3, n = f->digest.ngroups;

	rank_all(f);
	if (!f->digest.groups)
		return;
	memset(f->groups, 0, sizeof(f->groups));
	for (unsigned i = 0; i < n; i++) {
		struct failure_group *g = f->digest.groups[i];
		unsigned b = group_bucket(g);

		if (i < keep) {
			g->next = f->groups[b];
			f->groups[b] = g;
			continue;
		}
		f->digest.dropped_groups++;
		f->digest.dropped_calls += g->count;
		group_free(g);
	}
	f->digest.ngroups = keep;
	free(f->digest.groups);
	f->digest.groups = NULL;
}

/* One process's last words into the digest. */
static void add_words(struct failures *f, const struct proc_span *p)
{
	struct failure_words *w = &f->digest.words[f->digest.nwords];
	char **buf = &f->words_text[f->digest.nwords];

	if (!*buf)
		*buf = malloc(WORDS_BYTES);
	if (!*buf)
		return;
	w->nlines = words_lines(p->words, *buf, w->lines,
				FAILURE_WORDS_LINES);
	if (!w->nlines)
		return;
	w->pid = p->pid;
	memcpy(w->comm, p->comm, sizeof(w->comm));
	w->killed = p->killed;
	w->status = p->status;
	f->digest.nwords++;
}

/* The last words of the processes that failed: the status source's
 * first, then the latest to end. */
static void collect_words(struct failures *f, const struct proc_span *source)
{
	unsigned long before = (unsigned long)-1;

	f->digest.nwords = 0;
	if (source && source->words)
		add_words(f, source);
	while (f->digest.nwords < FAILURE_WORDS_PROCS) {
		const struct proc_span *next = NULL;

		for (const struct proc_span *p = f->procs; p; p = p->next)
			if (p->ended && p->failed && p->words &&
			    p != source && p->exit_seq < before &&
			    (!next || p->exit_seq > next->exit_seq))
				next = p;
		if (!next)
			break;
		before = next->exit_seq;
		add_words(f, next);
	}
}

const struct failure_digest *failures_digest(struct failures *f)
{
	const struct proc_span *source = status_source(f);

	rank_all(f);
	f->digest.command_pid = f->command;
	f->digest.status_pid = source ? source->pid : 0;
	if (source)
		memcpy(f->digest.status_comm, source->comm,
		       sizeof(f->digest.status_comm));
	collect_words(f, source);
	return &f->digest;
}

void failures_free(struct failures *f)
{
	if (!f)
		return;
	for (unsigned b = 0; b < BUCKETS; b++) {
		while (f->groups[b]) {
			struct failure_group *g = f->groups[b];

			f->groups[b] = g->next;
			group_free(g);
		}
		while (f->found[b]) {
			struct name_entry *e = f->found[b];

			f->found[b] = e->next;
			free(e->name);
			free(e);
		}
	}
	while (f->procs) {
		struct proc_span *p = f->procs;

		f->procs = p->next;
		words_free(p->words);
		free(p);
	}
	for (unsigned i = 0; i < FAILURE_WORDS_PROCS; i++)
		free(f->words_text[i]);
	free(f->digest.groups);
	free(f);
}
