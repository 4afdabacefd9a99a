/* What the timeline collects while the trace runs, shared by the collector
 * (timeline.c) and the page writer (timeline_html.c). */
#ifndef MYTRACE_TIMELINE_DATA_H
#define MYTRACE_TIMELINE_DATA_H

#include <stdint.h>
#include <sys/types.h>

#include "text_line.h"

enum tl_mark_kind { MK_CALL, MK_EXEC, MK_EXIT, MK_KILLED, MK_SIGNAL };

struct tl_mark {
	int64_t t, dur;		/* ns since the first event */
	const char *name;	/* the syscall's (static tables), or NULL */
	uint32_t lane;
	uint32_t text, text_len;	/* the tooltip line in tl->text */
	uint32_t label;		/* exec: the new comm, NUL-ended in tl->text */
	uint8_t kind;		/* enum tl_mark_kind */
	uint8_t cls;		/* index into the class colours */
	uint8_t failed;		/* a call that failed; an exit not 0 */
	int status;		/* exit code or signal */
};

struct tl_lane {
	pid_t pid, tid;
	int parent;		/* lane of the parent process, or -1 */
	int64_t first, last;
	char comm[16];		/* the latest */
	int pending_exec;	/* an exec mark waiting for its execve line */
	bool gone;		/* exited: a reused tid gets a new lane */
	bool failed;		/* exited non-zero or was killed */
	/* layout, filled by the writer */
	int row;
	int depth;
};

/* A %process call that returned another pid: a fork, if that process was
 * first seen after the call began. */
struct tl_fork {
	uint32_t lane;
	pid_t child;
	int64_t t;
};

struct timeline {
	struct sink *out;
	bool own_out;		/* timeline_open's file, closed at the end */
	const struct format_opts *opts;
	struct text_line line;
	bool started;
	struct timespec origin;	/* the first event's time */
	struct tl_lane *lanes;
	size_t nlanes, caplanes;
	struct tl_mark *marks;
	size_t nmarks, capmarks;
	struct tl_fork *forks;
	size_t nforks, capforks;
	char *text;
	size_t ntext, captext;
	int *by_tid;		/* open addressing: lane + 1, 0 empty */
	size_t captid;
	int64_t end;		/* the last time seen */
};

/* The colour classes, in the order syscall_class_name's names map to. */
extern const char *const tl_class_names[];
extern const unsigned tl_nclasses;

/* Writes the page for everything collected. */
void timeline_write_html(struct timeline *tl, struct sink *s);

#endif
