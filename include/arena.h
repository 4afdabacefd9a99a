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

/* Zeroed memory. */
void *arena_alloc(struct arena *a, size_t size);
/* Memory left as it is, for buffers a read fills at once: a path's
 * PATH_MAX bytes are not worth clearing on every call. */
void *arena_alloc_bytes(struct arena *a, size_t size);
/* Gives back the tail of p, the latest allocation of old_size bytes,
 * beyond size: a short string read into a PATH_MAX buffer keeps only
 * what it uses. Does nothing when p is not the latest. */
void arena_shrink(struct arena *a, void *p, size_t old_size, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Keeps the first chunk for reuse, frees the others. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
