/* The namespaces consumer, for -e namespace=new (strace 6.14): after a
 * call that moved the thread into namespaces (!enters_ns in tables/)
 * succeeded, the namespaces it is in now, as /proc/TID/ns names them
 * ("net:[4026532008]"), become the call's note: "= 0 (net:[...])". */
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "pipeline.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* CLONE_NEW* bits and their /proc/PID/ns files, in the files' order */
static const struct {
	uint64_t bit;
	const char *file;
} ns_files[] = {
	{ CLONE_NEWCGROUP, "cgroup" }, { CLONE_NEWIPC, "ipc" },
	{ CLONE_NEWNS, "mnt" }, { CLONE_NEWNET, "net" },
	{ CLONE_NEWPID, "pid" }, { CLONE_NEWTIME, "time" },
	{ CLONE_NEWUSER, "user" }, { CLONE_NEWUTS, "uts" },
};

static void *ns_make(const struct options *opts, struct pipeline *p)
{
	static char on;

	(void)p;
	return opts->namespace_new ? &on : NULL;
}

/* Adds the target of /proc/TID/WHAT ("ns/net", "fd/3") when it names a
 * namespace ("net:[4026532008]"). */
static void add_link(struct event *ev, struct value *note, const char *what)
{
	char path[64], link[128];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/%s", ev->tid, what);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return;
	link[n] = 0;
	if (!strstr(link, ":["))
		return;
	value_add(note, value_expr(ev->arena, NULL, 0,
				   arena_strndup(ev->arena, link, n)));
}

/* The flags are the last argument (unshare's flags, setns's nstype);
 * setns with no type names the namespace by its descriptor, the first
 * argument. */
static void note_namespaces(struct event *ev)
{
	struct syscall_event *sc = ev->u.sc;
	const struct syscall_desc *d = sc->desc;
	uint64_t flags = sc->raw_args[d->nargs - 1];
	struct value *note = value_struct(ev->arena, NULL, 0);
	char what[32];

	for (size_t i = 0; i < sizeof(ns_files) / sizeof(ns_files[0]); i++) {
		if (!(flags & ns_files[i].bit))
			continue;
		snprintf(what, sizeof(what), "ns/%s", ns_files[i].file);
		add_link(ev, note, what);
	}
	if (!flags && d->nargs > 1 &&
	    (arg_type_props(d->args[0].type) & ARGP_FD)) {
		snprintf(what, sizeof(what), "fd/%d", (int)sc->raw_args[0]);
		add_link(ev, note, what);
	}
	if (note->u.kids.first)
		sc->ret_note = note;
}

static void ns_event(void *st, void *ts, struct event *ev)
{
	struct syscall_event *sc;

	(void)st;
	(void)ts;
	if (ev->kind != EV_SYSCALL_EXIT || ev->hidden)
		return;
	sc = ev->u.sc;
	if (sc->err || sc->ret_unknown || sc->desc->raw || !sc->desc->nargs ||
	    !(sc->desc->flags & SF_ENTERS_NS))
		return;
	note_namespaces(ev);
}

const struct consumer consumer_namespaces = {
	.name = "namespaces",
	.make = ns_make,
	.event = ns_event,
};
