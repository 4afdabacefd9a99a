/* A bump allocator for the values of one event: everything is freed at once
 * by arena_reset when the event has been formatted. Never fails: aborts on
 * out-of-memory, as a tracer cannot carry on without its records. */
#ifndef MYTRACE_ARENA_H
#define MYTRACE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t used;
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Keeps the first chunk for reuse, frees the others. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
