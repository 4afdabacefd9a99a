/* ioctl requests of userfaultfd descriptors (linux/userfaultfd.h, type
 * 0xaa): the ranges and modes handed in, and what a successful call
 * tells back (the features and ioctls allowed, the bytes copied). */
#include <linux/ioctl.h>
#include <linux/userfaultfd.h>
#include <stddef.h>

#include "consts.h"
#include "ioctl_family.h"

static struct value *range_value(struct decode_ctx *ctx, const char *name,
				 const struct uffdio_range *r)
{
	struct value *v = value_struct(ctx->arena, name, 0);

	value_add(v, value_hex(ctx->arena, "start", r->start));
	value_add(v, value_hex(ctx->arena, "len", r->len));
	return v;
}

static struct value *ioctls_value(struct decode_ctx *ctx, uint64_t raw)
{
	return ioctl_bit_flags(ctx, "ioctls", raw, &xlat_uffdio_ioctl_bit,
			       "<<");
}

/* UFFDIO_API: the api and features asked for; after a successful call
 * the features granted, when they differ, and the ioctls allowed */
static struct value *api_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	struct value *in = ctx->at_exit ? decode_entry_value(ctx) : NULL;
	struct uffdio_api a;
	struct value *v, *f;

	if (!decode_read(ctx, name, addr, &a, sizeof(a), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_hex(ctx->arena, "api", a.api));
	f = ioctl_flags_value(ctx, "features", a.features,
			      &xlat_uffd_features);
	if (!ctx->at_exit) {
		value_add(v, f);
		return v;
	}
	/* what entry read: the second field of the struct it showed */
	in = in && in->kind == V_STRUCT ? in->u.kids.first->next : NULL;
	if (in && in->raw != a.features) {
		f->labelled = true;
		f = value_inout(ctx->arena, "features", in, f);
	}
	value_add(v, f);
	value_add(v, ioctls_value(ctx, a.ioctls));
	return v;
}

static struct value *register_value(struct decode_ctx *ctx, const char *name,
				    uint64_t addr)
{
	struct uffdio_register r;
	struct value *v;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, range_value(ctx, "range", &r.range));
	value_add(v, ioctl_flags_value(ctx, "mode", r.mode,
				       &xlat_uffdio_register_mode));
	if (ctx->at_exit)
		value_add(v, ioctls_value(ctx, r.ioctls));
	return v;
}

static struct value *copy_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	struct uffdio_copy c;
	struct value *v;

	if (!decode_read(ctx, name, addr, &c, sizeof(c), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_hex(ctx->arena, "dst", c.dst));
	value_add(v, value_hex(ctx->arena, "src", c.src));
	value_add(v, value_hex(ctx->arena, "len", c.len));
	value_add(v, ioctl_flags_value(ctx, "mode", c.mode,
				       &xlat_uffdio_copy_mode));
	if (ctx->at_exit)
		value_add(v, value_hex(ctx->arena, "copy", (uint64_t)c.copy));
	return v;
}

static struct value *zeropage_value(struct decode_ctx *ctx, const char *name,
				    uint64_t addr)
{
	struct uffdio_zeropage z;
	struct value *v;

	if (!decode_read(ctx, name, addr, &z, sizeof(z), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, range_value(ctx, "range", &z.range));
	value_add(v, ioctl_flags_value(ctx, "mode", z.mode,
				       &xlat_uffdio_zeropage_mode));
	if (ctx->at_exit)
		value_add(v, value_hex(ctx->arena, "zeropage",
				       (uint64_t)z.zeropage));
	return v;
}

struct value *ioctl_uffdio(struct decode_ctx *ctx, const char *name,
			   uint32_t req, uint64_t arg)
{
	struct uffdio_range r;
	struct value *v;

	switch (req) {
	case UFFDIO_API:
		return api_value(ctx, name, arg);
	case UFFDIO_REGISTER:
		return register_value(ctx, name, arg);
	case UFFDIO_COPY:
		return copy_value(ctx, name, arg);
	case UFFDIO_ZEROPAGE:
		return zeropage_value(ctx, name, arg);
	case UFFDIO_WAKE:
	case UFFDIO_UNREGISTER:
		if (ctx->at_exit)
			return NULL;
		if (!decode_read(ctx, name, arg, &r, sizeof(r), &v))
			return v;
		v = range_value(ctx, name, &r);
		v->raw = arg;
		return v;
	default:
		return NULL;
	}
}
