/* The per-event bump allocator. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CHUNK_SIZE 16384

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	_Alignas(16) unsigned char data[];
};

static struct arena_chunk *chunk_new(size_t size, struct arena_chunk *next)
{
	struct arena_chunk *c = malloc(sizeof(*c) + size);

	if (!c) {
		fputs("mytrace: out of memory\n", stderr);
		abort();
	}
	c->next = next;
	c->size = size;
	return c;
}

void *arena_alloc_bytes(struct arena *a, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (!a->head || a->used + size > a->head->size) {
		size_t want = size > CHUNK_SIZE ? size : CHUNK_SIZE;

		a->head = chunk_new(want, a->head);
		a->used = 0;
	}
	void *p = a->head->data + a->used;

	a->used += size;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	void *p = arena_alloc_bytes(a, size);

	memset(p, 0, size);
	return p;
}

void arena_shrink(struct arena *a, void *p, size_t old_size, size_t size)
{
	unsigned char *start = p;

	old_size = (old_size + 15) & ~(size_t)15;
	size = (size + 15) & ~(size_t)15;
	if (a->head && size < old_size &&
	    start + old_size == a->head->data + a->used)
		a->used -= old_size - size;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = 0;
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n < sizeof(small))
		return arena_strndup(a, small, (size_t)n);
	char *p = arena_alloc(a, (size_t)n + 1);

	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head;

	if (!c)
		return;
	/* keep the oldest chunk: the common case fits in one */
	while (c->next) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	a->head = c;
	a->used = 0;
}

void arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_chunk *next = a->head->next;

		free(a->head);
		a->head = next;
	}
	a->used = 0;
}
