/* Arrays of count fixed-size elements in tracee memory, as strace prints
 * them: NULL, [] for no element, the address when the first element
 * cannot be read, "... / * 0xADDR * /" after the last readable one, and
 * "..." past -s elements. move_pages(2)'s three arrays and futex_waitv(2)'s
 * waiters use it. */
#include <string.h>

#include "consts.h"
#include "decoders.h"
#include "xlat.h"

/* Elements are at most this large. */
#define ELEM_MAX 32

struct value *array_value(struct decode_ctx *ctx, const char *name,
			  uint64_t addr, uint64_t count, size_t size,
			  array_elem_fn elem)
{
	unsigned char buf[ELEM_MAX];
	struct value *v;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	v = value_array(ctx->arena, name, addr);
	for (uint64_t i = 0; i < count && size <= ELEM_MAX; i++) {
		/* an unreadable element is marked even past -s */
		if (tracee_read(ctx->mem, addr + i * size, buf, size) != 0) {
			if (i == 0)
				return value_unavailable(ctx, name, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr + i * size;
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, elem(ctx, buf));
	}
	return v;
}

static struct value *addr_elem(struct decode_ctx *ctx, const void *p)
{
	uint64_t a;

	memcpy(&a, p, sizeof(a));
	return value_ptr(ctx->arena, NULL, a);
}

static struct value *int_elem(struct decode_ctx *ctx, const void *p)
{
	int32_t i;

	memcpy(&i, p, sizeof(i));
	return value_int(ctx->arena, NULL, i);
}

/* move_pages' status: a node, or a negated errno */
static struct value *status_elem(struct decode_ctx *ctx, const void *p)
{
	int32_t i;
	const char *name;

	memcpy(&i, p, sizeof(i));
	name = i < 0 ? errno_name(-i) : NULL;
	if (!name)
		return value_int(ctx->arena, NULL, i);
	return value_symbol(ctx->arena, NULL, (uint64_t)(int64_t)i, V_INT,
			    arena_printf(ctx->arena, "-%s", name));
}

/* addr_array(count): pointers; int_array(count), status_array_out(count):
 * 32-bit ints */
struct value *decode_addr_array(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return array_value(ctx, a->name, raw, decode_param(ctx, a), 8,
			   addr_elem);
}

struct value *decode_int_array(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	return array_value(ctx, a->name, raw, decode_param(ctx, a), 4,
			   int_elem);
}

/* a failed call wrote no status: its address, unless there is none */
struct value *decode_status_array_out(struct decode_ctx *ctx,
				      const struct arg_desc *a, uint64_t raw)
{
	uint64_t n = decode_param(ctx, a);

	if (ctx->sc->err && n)
		return value_ptr(ctx->arena, a->name, raw);
	return array_value(ctx, a->name, raw, n, 4, status_elem);
}

/* [0x7f0123456789] and [24]: one pointer or unsigned long the call
 * stores (get_robust_list) */
struct value *decode_addr_out(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	return array_value(ctx, a->name, raw, 1, 8, addr_elem);
}

struct value *decode_ulong_out(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	return int_ptr_value(ctx, a->name, raw, 8, false);
}

/* struct futex_waitv: __reserved only when it is not 0 */
static struct value *waitv_elem(struct decode_ctx *ctx, const void *p)
{
	struct {
		uint64_t val, uaddr;
		uint32_t flags, reserved;
	} w;
	struct value *v = value_struct(ctx->arena, NULL, 0), *f;

	memcpy(&w, p, sizeof(w));
	value_add(v, value_hex(ctx->arena, "val", w.val));
	value_add(v, value_ptr(ctx->arena, "uaddr", w.uaddr));
	f = value_flags(ctx->arena, "flags", w.flags,
			&xlat_futex_waitv_flags);
	if (f->u.flags.count == 0 && f->u.flags.rest)
		set_unknown_comment(ctx, f, &xlat_futex_waitv_flags);
	value_add(v, f);
	if (w.reserved)
		value_add(v, value_hex(ctx->arena, "__reserved", w.reserved));
	return v;
}

/* The kernel takes at most this many waiters (FUTEX_WAITV_MAX); strace
 * shows no more. */
#define WAITV_MAX 128

/* futex_waitv's waiters(nr_futexes) */
struct value *decode_futex_waiters(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	uint32_t n = (uint32_t)decode_param(ctx, a);
	struct value *v = array_value(ctx, a->name, raw,
				      n > WAITV_MAX ? WAITV_MAX : n, 24,
				      waitv_elem);

	if (n > WAITV_MAX && v->kind == V_ARRAY)
		v->u.kids.elided = true;
	return v;
}
