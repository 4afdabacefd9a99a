/* -k: the user-space stack of a stopped thread, through libunwind-ptrace,
 * as plain frames in the event's arena. Keeps per process the memory maps,
 * unwind address spaces and symbol look-ups, and drops them when the
 * program's executable mappings change. Only the core calls it (it needs a
 * ptrace-stopped thread); formatters only see the frames. */
#ifndef MYTRACE_UNWIND_H
#define MYTRACE_UNWIND_H

#include <sys/types.h>

#include "arena.h"
#include "event.h"

struct unwinder;

/* At most max_frames frames per stack (0: the default, 256); source:
 * -kk, each frame with a symbol also gets its source file and line. */
struct unwinder *unwind_new(unsigned max_frames, bool source);
/* The stack of thread tid of process pid, or NULL when it cannot be read
 * at all; frames without unwind or symbol information keep their address. */
struct stack_trace *unwind_capture(struct unwinder *u, pid_t pid, pid_t tid,
				   struct arena *a);
/* The syscalls unwind_after_syscall looks at (SF_ bits): they must stop
 * even when they are not traced (the seccomp filter). */
#define UNWIND_WATCHED_FLAGS (SF_EXEC | SF_MAPS_CODE)
/* After a syscall: an exec, or a call that maps, unmaps or protects
 * executable memory, makes the caches of pid stale. */
void unwind_after_syscall(struct unwinder *u, pid_t pid,
			  const struct syscall_desc *desc, const uint64_t *args,
			  bool failed);
void unwind_forget_thread(struct unwinder *u, pid_t pid, pid_t tid);
/* A deep copy on the heap (the failure digest keeps stacks), and its free. */
struct stack_trace *stack_trace_dup(const struct stack_trace *s);
void stack_trace_free(struct stack_trace *s);
void unwind_free(struct unwinder *u);

#endif
