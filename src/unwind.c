/* -k stack traces through libunwind-ptrace, with per-process caches of
 * the memory maps, the unwind address space and symbol names (and with
 * -kk their source lines, from srcline). */
#include <inttypes.h>
#include <libiberty/demangle.h>
#include <libunwind-ptrace.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "consts.h"
#include "srcline.h"
#include "unwind.h"

#define MAX_FRAMES 256
#define SYM_BUCKETS 1024

struct map {
	uint64_t start, end, offset;
	char *path;
	bool exec;
};

struct sym {
	uint64_t ip;
	char *name;		/* demangled; NULL: no symbol */
	uint64_t offset;
	char *src_file;		/* -kk; NULL: no line found */
	int src_line;
	struct sym *next;
};

struct thread {
	pid_t tid;
	void *upt;		/* _UPT_create(tid), made on first use */
	struct thread *next;
};

struct proc {
	pid_t pid;
	unw_addr_space_t as;
	struct map *maps;
	unsigned nmaps;
	bool maps_valid;
	struct sym *syms[SYM_BUCKETS];
	struct srcline *src;	/* -kk, made on first use */
	bool src_tried;
	struct thread *threads;
	struct proc *next;
};

struct unwinder {
	struct proc *procs;
	unsigned max_frames;
	bool source;			/* -kk */
	struct stack_frame *frames;	/* max_frames of room */
};

struct unwinder *unwind_new(unsigned max_frames, bool source)
{
	struct unwinder *u = calloc(1, sizeof(*u));

	if (!u)
		return NULL;
	u->source = source;
	u->max_frames = max_frames ? max_frames : MAX_FRAMES;
	u->frames = calloc(u->max_frames, sizeof(*u->frames));
	if (!u->frames) {
		free(u);
		return NULL;
	}
	return u;
}

static void drop_caches(struct proc *p)
{
	for (unsigned i = 0; i < p->nmaps; i++)
		free(p->maps[i].path);
	free(p->maps);
	p->maps = NULL;
	p->nmaps = 0;
	p->maps_valid = false;
	for (unsigned b = 0; b < SYM_BUCKETS; b++) {
		while (p->syms[b]) {
			struct sym *s = p->syms[b];

			p->syms[b] = s->next;
			free(s->name);
			free(s->src_file);
			free(s);
		}
	}
	srcline_free(p->src);
	p->src = NULL;
	p->src_tried = false;
	/* the UPT contexts hold the ELF images they looked at */
	for (struct thread *t = p->threads; t; t = t->next) {
		if (t->upt)
			_UPT_destroy(t->upt);
		t->upt = NULL;
	}
	if (p->as)
		unw_flush_cache(p->as, 0, 0);
}

static struct proc *proc_of(struct unwinder *u, pid_t pid, bool create)
{
	struct proc *p;

	for (p = u->procs; p; p = p->next)
		if (p->pid == pid)
			return p;
	if (!create)
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->pid = pid;
	p->as = unw_create_addr_space(&_UPT_accessors, 0);
	if (!p->as) {
		free(p);
		return NULL;
	}
	unw_set_caching_policy(p->as, UNW_CACHE_GLOBAL);
	p->next = u->procs;
	u->procs = p;
	return p;
}

static struct thread *thread_of(struct proc *p, pid_t tid)
{
	struct thread *t;

	for (t = p->threads; t; t = t->next)
		if (t->tid == tid)
			break;
	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t)
			return NULL;
		t->tid = tid;
		t->next = p->threads;
		p->threads = t;
	}
	if (!t->upt)
		t->upt = _UPT_create(tid);
	return t->upt ? t : NULL;
}

static void load_maps(struct proc *p)
{
	char path[64], line[4096];
	FILE *f;
	unsigned cap = 0;

	p->maps_valid = true;
	snprintf(path, sizeof(path), "/proc/%d/maps", p->pid);
	f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, offset;
		char perms[8];
		int name_at = 0;
		struct map *m;

		if (sscanf(line, "%llx-%llx %7s %llx %*s %*s %n", &start, &end,
			   perms, &offset, &name_at) < 4 || !name_at)
			continue;
		line[strcspn(line, "\n")] = 0;
		if (line[name_at] == 0)
			continue;
		if (p->nmaps == cap) {
			cap = cap ? cap * 2 : 64;
			m = realloc(p->maps, cap * sizeof(*m));
			if (!m)
				break;
			p->maps = m;
		}
		m = &p->maps[p->nmaps];
		m->path = strdup(line + name_at);
		if (!m->path)
			break;
		m->start = start;
		m->end = end;
		m->offset = offset;
		m->exec = perms[2] == 'x';
		p->nmaps++;
	}
	fclose(f);
}

static const struct map *map_of(const struct proc *p, uint64_t ip)
{
	for (unsigned i = 0; i < p->nmaps; i++)
		if (ip >= p->maps[i].start && ip < p->maps[i].end)
			return &p->maps[i];
	return NULL;
}

/* -kk: the line of at, the call instruction of a caller's frame. */
static void find_line(struct proc *p, struct sym *s, uint64_t at)
{
	const char *file;

	if (!p->src_tried) {
		p->src_tried = true;
		p->src = srcline_new(p->pid);
	}
	if (srcline_lookup(p->src, at, &file, &s->src_line))
		s->src_file = strdup(file);
}

/* The symbol of ip, and with -kk the source line of at (ip, or in a
 * caller's frame the byte before its return address). */
static const struct sym *sym_of(struct unwinder *u, struct proc *p,
				unw_cursor_t *c, uint64_t ip, uint64_t at)
{
	struct sym **b = &p->syms[(ip >> 2) % SYM_BUCKETS], *s;
	char name[1024];
	unw_word_t off = 0;

	for (s = *b; s; s = s->next)
		if (s->ip == ip)
			return s;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->ip = ip;
	if (unw_get_proc_name(c, name, sizeof(name), &off) == 0 && name[0]) {
		/* C++ names are shown whole and demangled, as strace does */
		s->name = cplus_demangle(name, DMGL_AUTO | DMGL_PARAMS);
		if (!s->name)
			s->name = strdup(name);
		s->offset = off;
		if (u->source)
			find_line(p, s, at);
	}
	s->next = *b;
	*b = s;
	return s;
}

/* Whether every frame's address lies in a known mapping; walks a copy of
 * the cursor, so the caller's stays at the top frame. */
static bool reloaded_for(struct proc *p, const unw_cursor_t *top,
			 unsigned max_frames)
{
	unw_cursor_t c = *top;
	unsigned n = 0;

	do {
		unw_word_t ip = 0;

		if (unw_get_reg(&c, UNW_REG_IP, &ip) < 0 || ip == 0)
			break;
		if (!map_of(p, ip))
			return false;
	} while (++n < max_frames && unw_step(&c) > 0);
	return true;
}

struct stack_trace *unwind_capture(struct unwinder *u, pid_t pid, pid_t tid,
				   struct arena *a)
{
	struct proc *p = proc_of(u, pid, true);
	struct stack_frame *frames = u->frames;
	struct stack_trace *st;
	struct thread *t;
	unw_cursor_t c;
	unsigned n = 0;
	bool exact = true;	/* ip is where the thread stopped */

	if (!p || !(t = thread_of(p, tid)))
		return NULL;
	if (!p->maps_valid)
		load_maps(p);
	if (unw_init_remote(&c, p->as, t->upt) < 0)
		return NULL;
	/* code mapped behind our back (syscalls we did not stop at): the
	 * maps are read again, once per capture */
	if (!reloaded_for(p, &c, u->max_frames)) {
		drop_caches(p);
		if (!(t = thread_of(p, tid)))
			return NULL;
		load_maps(p);
		if (unw_init_remote(&c, p->as, t->upt) < 0)
			return NULL;
	}
	do {
		unw_word_t ip = 0;
		const struct map *m;
		const struct sym *s;
		struct stack_frame *f = &frames[n];

		if (unw_get_reg(&c, UNW_REG_IP, &ip) < 0 || ip == 0)
			break;
		memset(f, 0, sizeof(*f));
		f->ip = ip;
		m = map_of(p, ip);
		if (m) {
			f->file = arena_strndup(a, m->path, strlen(m->path));
			f->rel = ip - m->start + m->offset;
			s = sym_of(u, p, &c, ip, exact ? ip : ip - 1);
			if (s && s->name) {
				f->func = arena_strndup(a, s->name,
							strlen(s->name));
				f->func_offset = s->offset;
			}
			if (s && s->src_file) {
				f->src_file = arena_strndup(a, s->src_file,
						strlen(s->src_file));
				f->src_line = s->src_line;
			}
		}
		n++;
		/* a signal frame's caller was interrupted, not calling */
		exact = unw_is_signal_frame(&c) > 0;
	} while (n < u->max_frames && unw_step(&c) > 0);
	if (n == 0)
		return NULL;
	st = arena_alloc(a, sizeof(*st));
	st->count = n;
	st->frames = arena_alloc(a, n * sizeof(*st->frames));
	memcpy(st->frames, frames, n * sizeof(*st->frames));
	return st;
}

static bool touches_exec(const struct proc *p, uint64_t start, uint64_t len)
{
	for (unsigned i = 0; i < p->nmaps; i++)
		if (p->maps[i].exec && start < p->maps[i].end &&
		    start + len > p->maps[i].start)
			return true;
	return false;
}

/* Whether an SF_MAPS_CODE call asks for PROT_EXEC: its argument that
 * takes the mmap_prot constants (mmap, mprotect). */
static bool asks_exec(const struct syscall_desc *d, const uint64_t *args)
{
	for (unsigned i = 0; i < d->nargs && i < MAX_ARGS; i++)
		if (d->args[i].xlat == &xlat_mmap_prot &&
		    (args[i] & PROT_EXEC))
			return true;
	return false;
}

/* SF_MAPS_CODE calls take an address and a length first: mapping,
 * moving, unmapping or protecting over code changes it, and so does
 * mapping new code. A NULL address (a placement left to the kernel)
 * replaces nothing. A raw call's arguments are unknown: always stale. */
void unwind_after_syscall(struct unwinder *u, pid_t pid,
			  const struct syscall_desc *desc, const uint64_t *args,
			  bool failed)
{
	struct proc *p = proc_of(u, pid, false);
	unsigned flags = desc ? desc->flags : 0;
	bool stale;

	if (!p || failed || !p->maps_valid ||
	    !(flags & UNWIND_WATCHED_FLAGS))
		return;
	if ((flags & SF_EXEC) || desc->raw)
		stale = true;
	else
		stale = asks_exec(desc, args) ||
			(args[0] && touches_exec(p, args[0], args[1]));
	if (stale)
		drop_caches(p);
}

static void proc_free(struct proc *p)
{
	drop_caches(p);
	while (p->threads) {
		struct thread *t = p->threads;

		p->threads = t->next;
		free(t);
	}
	unw_destroy_addr_space(p->as);
	free(p);
}

void unwind_forget_thread(struct unwinder *u, pid_t pid, pid_t tid)
{
	struct proc **pp, *p;
	struct thread **tp;

	for (pp = &u->procs; *pp && (*pp)->pid != pid; pp = &(*pp)->next)
		;
	p = *pp;
	if (!p)
		return;
	for (tp = &p->threads; *tp; tp = &(*tp)->next) {
		if ((*tp)->tid == tid) {
			struct thread *t = *tp;

			*tp = t->next;
			if (t->upt)
				_UPT_destroy(t->upt);
			free(t);
			break;
		}
	}
	if (!p->threads) {
		*pp = p->next;
		proc_free(p);
	}
}

struct stack_trace *stack_trace_dup(const struct stack_trace *s)
{
	struct stack_trace *d;

	if (!s)
		return NULL;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->frames = calloc(s->count, sizeof(*d->frames));
	if (!d->frames) {
		free(d);
		return NULL;
	}
	d->count = s->count;
	for (unsigned i = 0; i < s->count; i++) {
		d->frames[i] = s->frames[i];
		d->frames[i].file = s->frames[i].file ?
				    strdup(s->frames[i].file) : NULL;
		d->frames[i].func = s->frames[i].func ?
				    strdup(s->frames[i].func) : NULL;
		d->frames[i].src_file = s->frames[i].src_file ?
					strdup(s->frames[i].src_file) : NULL;
	}
	return d;
}

void stack_trace_free(struct stack_trace *s)
{
	if (!s)
		return;
	for (unsigned i = 0; i < s->count; i++) {
		free((char *)s->frames[i].file);
		free((char *)s->frames[i].func);
		free((char *)s->frames[i].src_file);
	}
	free(s->frames);
	free(s);
}

void unwind_free(struct unwinder *u)
{
	if (!u)
		return;
	while (u->procs) {
		struct proc *p = u->procs;

		u->procs = p->next;
		proc_free(p);
	}
	free(u->frames);
	free(u);
}
