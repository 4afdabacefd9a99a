/* bpf(2)'s attr: the fields of union bpf_attr that the command reads, as
 * the command's column in tables/consts/bpf_attr.list lists them. This
 * file knows the kinds of field, not the commands. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"

#define ATTR_MAX 256	/* bytes of the attr any column describes */
#define ATTR_READ_MAX 4096	/* larger sizes show the address */
#define WORD_MAX 64

struct attr_buf {
	unsigned char b[ATTR_MAX];
	uint64_t size;
};

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static uint64_t get(const struct attr_buf *at, unsigned off, unsigned size)
{
	uint32_t w;
	uint64_t d;

	if (off + size > ATTR_MAX)
		return 0;
	if (size == 8) {
		memcpy(&d, at->b + off, 8);
		return d;
	}
	memcpy(&w, at->b + off, 4);
	return w;
}

static unsigned kind_size(const char *kind)
{
	if (starts(kind, "name16"))
		return 16;
	if (starts(kind, "u8") || starts(kind, "x8") || starts(kind, "p8") ||
	    starts(kind, "str8") || starts(kind, "e8:"))
		return 8;
	return 4;
}

static struct value *set_value(struct decode_ctx *ctx, const char *name,
			       uint64_t raw, const char *kind)
{
	const struct xlat *x = xlat_set(kind + 3);
	struct value *v;

	if (kind[0] == 'f') {
		v = value_flags(ctx->arena, name, raw, x);
		if (v->u.flags.count == 0 && v->u.flags.rest)
			set_unknown_comment(ctx, v, x);
		return v;
	}
	v = value_enum(ctx->arena, name, raw, x, V_HEX);
	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, x);
	return v;
}

/* A char[16] of which avail bytes were passed: cut with "..." when no
 * NUL ends it within them. */
static struct value *name_value(struct decode_ctx *ctx, const char *name,
				const unsigned char *p, uint64_t avail)
{
	size_t n = avail < 16 ? (size_t)avail : 16, len;
	const char *nul = memchr(p, 0, n);

	len = nul ? (size_t)(nul - (const char *)p) : n - 1;
	return value_string(ctx->arena, name, 0,
			    arena_strndup(ctx->arena, (const char *)p, len),
			    len, !nul);
}

static struct value *field_value(struct decode_ctx *ctx,
				 const struct attr_buf *at, const char *name,
				 const char *kind, unsigned off)
{
	struct arg_desc fd = { name, ARG_FD, PARAM_NONE, NULL };
	struct arena *ar = ctx->arena;
	uint64_t raw = get(at, off, kind_size(kind));

	if (starts(kind, "e4:") || starts(kind, "f4:") || starts(kind, "e8:"))
		return set_value(ctx, name, raw, kind);
	if (strcmp(kind, "i4") == 0)
		return value_int(ar, name, (int32_t)raw);
	if (strcmp(kind, "x4") == 0 || strcmp(kind, "x8") == 0)
		return value_hex(ar, name, raw);
	if (strcmp(kind, "p8") == 0)
		return value_ptr(ar, name, raw);
	if (strcmp(kind, "fd4") == 0)
		return decode_fd(ctx, &fd, raw);
	if (strcmp(kind, "str8") == 0)
		return raw ? decode_cstring(ctx, name, raw,
					    ctx->opts->string_limit) :
			     value_ptr(ar, name, 0);
	if (strcmp(kind, "name16") == 0)
		return name_value(ctx, name, at->b + off, at->size - off);
	if (strcmp(kind, "kver4") == 0)
		return value_symbol(ar, name, raw, V_HEX, arena_printf(ar,
				    "KERNEL_VERSION(%u, %u, %u)",
				    (unsigned)(raw >> 16),
				    (unsigned)(raw >> 8 & 0xff),
				    (unsigned)(raw & 0xff)));
	if (strcmp(kind, "ifindex4") == 0)
		return ifindex_value(ctx, name, (unsigned)raw);
	if (strcmp(kind, "numa4") == 0) {
		struct value *v = value_uint(ar, name, raw);

		if ((uint32_t)raw == UINT32_MAX) {
			v->comment = "NUMA_NO_NODE";
			v->comment_xlat = true;
		}
		return v;
	}
	return value_uint(ar, name, raw);
}

/* The fields the column names, those the size reaches; with v NULL
 * only the end of all of them. */
static unsigned add_fields(struct decode_ctx *ctx, struct value *v,
			   const struct attr_buf *at, const char *column)
{
	struct { const char *name; uint64_t raw; } seen[48];
	struct value *outer[4], *cur = v;
	char buf[1024], *w, *save = NULL;
	unsigned off = 0, nseen = 0, size, align, depth = 0;
	bool always = true, shown = true;

	snprintf(buf, sizeof(buf), "%s", column);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *kind = strchr(w, ':'), *amp;

		if (strcmp(w, "|") == 0) {
			always = false;
			continue;
		}
		if (starts(w, "skip")) {	/* skip4, skip8 */
			size = (unsigned)strtoul(w + 4, NULL, 10);
			off = ((off + size - 1) & ~(size - 1)) + size;
			continue;
		}
		if (w[0] == '{' && v && depth < 4) {	/* {NAME ... } */
			outer[depth++] = cur;
			cur = value_struct(ctx->arena, arena_printf(ctx->arena,
					   "%s", w + 1), 0);
			value_add(outer[depth - 1], cur);
			continue;
		}
		if (strcmp(w, "}") == 0 && v && depth) {
			cur = outer[--depth];
			continue;
		}
		if (!kind)
			continue;
		*kind++ = 0;
		if (strcmp(w, "if") == 0 && (amp = strchr(kind, '&'))) {
			*amp = 0;
			for (unsigned i = 0; i < nseen; i++)
				if (strcmp(seen[i].name, kind) == 0)
					shown = seen[i].raw &
						strtoull(amp + 1, NULL, 0);
			continue;
		}
		size = kind_size(kind);
		/* a char array is aligned as a char */
		align = size > 8 ? 1 : size;
		off = (off + align - 1) & ~(align - 1);
		if (v && !always && at->size <= off)
			break;
		if (nseen < sizeof(seen) / sizeof(seen[0])) {
			seen[nseen].name = w;
			seen[nseen++].raw = v ? get(at, off, size > 8 ? 4 :
						    size) : 0;
		}
		if (shown && v)	/* names outlive the column's copy */
			value_add(cur, field_value(ctx, at, arena_printf(
					ctx->arena, "%s", w), kind, off));
		shown = true;
		off += size;
	}
	return off;	/* the end of the fields the column knows */
}

/* The bytes after the known fields up to the size passed, when they
 * are not all zero: with -v as extra_data (their offsets in a comment),
 * else "...". */
static void add_extra(struct decode_ctx *ctx, struct value *v,
		      const unsigned char *b, uint64_t size, uint64_t known)
{
	uint64_t i;
	struct value *s;

	for (i = known; i < size && !b[i]; i++)
		;
	if (i >= size)
		return;
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return;
	}
	s = value_string(ctx->arena, "extra_data", 0,
			 (const char *)b + known, size - known, false);
	s->u.str.style = STR_HEX;
	s->comment = arena_printf(ctx->arena, "bytes %llu..%llu",
				  (unsigned long long)known,
				  (unsigned long long)size - 1);
	value_add(v, s);
}

/* The attr of the command in the first argument, of the size in the
 * third; a command the list does not describe shows the address. */
struct value *decode_bpf_attr(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	const struct xlat_entry *e = xlat_find(&xlat_bpf_attr,
					       (uint32_t)ctx->sc->raw_args[0]);
	struct attr_buf *at;
	uint64_t n, known;
	unsigned char *all;
	struct value *v;

	if (!e || !e->msg || !raw)
		return value_ptr(ctx->arena, a->name, raw);
	at = arena_alloc(ctx->arena, sizeof(*at));
	memset(at, 0, sizeof(*at));
	at->size = (uint32_t)decode_param(ctx, a);
	known = add_fields(ctx, NULL, at, e->msg);
	/* all of it is read, at most a page, as the kernel does */
	n = at->size;
	if (!n || n > ATTR_READ_MAX || known > ATTR_MAX)
		return value_unavailable(ctx, a->name, raw);
	all = arena_alloc(ctx->arena, n);
	if (tracee_read(ctx->mem, raw, all, n) != 0)
		return value_unavailable(ctx, a->name, raw);
	memcpy(at->b, all, n < known ? n : known);
	v = value_struct(ctx->arena, a->name, raw);
	add_fields(ctx, v, at, e->msg);
	add_extra(ctx, v, all, n, known);
	return v;
}

/* A new descriptor for the commands that make one ("fd" in
 * tables/consts/bpf_cmd.list), else a number. */
struct value *decode_bpf_ret(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	const struct xlat_entry *e = xlat_find(&xlat_bpf_cmd,
					       (uint32_t)decode_param(ctx, a));

	if (e && e->msg && strcmp(e->msg, "fd") == 0)
		return decode_fd(ctx, a, raw);
	return value_int(ctx->arena, a->name, (int64_t)raw);
}
