/* mount(2) and mount_setattr(2): the flags decide which of mount's
 * strings mean anything (a remount or bind ignores the type, a bind or
 * propagation change ignores the data), and struct mount_attr; swapon(2)'s
 * flags and priority. */
#include <linux/mount.h>
#include <sys/mount.h>

#include "consts.h"
#include "decoders.h"

/* The magic number old programs put in the top 16 bits (MS_MGC_VAL). */
#define MGC_MASK 0xffff0000u
#define MGC_VAL 0xc0ed0000u

#define PROPAGATION (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)

struct value *decode_mount_flags(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	uint32_t flags = (uint32_t)raw;
	bool mgc = (flags & MGC_MASK) == MGC_VAL;
	struct value *v;

	if (mgc)
		flags &= ~MGC_MASK;
	v = value_flags(ctx->arena, a->name, flags, &xlat_mount_flags);
	v->raw = (uint32_t)raw;
	if (mgc)
		value_flags_prepend(ctx->arena, v, "MS_MGC_VAL");
	else if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, &xlat_mount_flags);
	return v;
}

static uint32_t mount_flags_of(struct decode_ctx *ctx,
			       const struct arg_desc *a)
{
	uint32_t flags = (uint32_t)decode_param(ctx, a);

	return (flags & MGC_MASK) == MGC_VAL ? flags & ~MGC_MASK : flags;
}

/* mount_fstype(mountflags), mount_data(mountflags) */
struct value *decode_mount_fstype(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	if (mount_flags_of(ctx, a) &
	    (MS_REMOUNT | MS_BIND | MS_MOVE | PROPAGATION))
		return value_ptr(ctx->arena, a->name, raw);
	return decode_str(ctx, a, raw);
}

struct value *decode_mount_data(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	if (mount_flags_of(ctx, a) & (MS_BIND | MS_MOVE | PROPAGATION))
		return value_ptr(ctx->arena, a->name, raw);
	return decode_str(ctx, a, raw);
}

/* The first published struct mount_attr (MOUNT_ATTR_SIZE_VER0). */
#define ATTR_SIZE0 32

static struct value *attr_flags_value(struct decode_ctx *ctx,
				      const char *name, uint64_t f)
{
	struct value *v = value_flags(ctx->arena, name, f,
				      &xlat_mount_setattr_attr);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, &xlat_mount_setattr_attr);
	return v;
}

/* mount_attr(size): shorter than the first version, only its address */
struct value *decode_mount_attr(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	uint64_t size = decode_param(ctx, a), w[4];
	struct value *v, *p;

	if (size < ATTR_SIZE0)
		return value_ptr(ctx->arena, a->name, raw);
	if (!decode_read(ctx, a->name, raw, w, sizeof(w), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, attr_flags_value(ctx, "attr_set", w[0]));
	value_add(v, attr_flags_value(ctx, "attr_clr", w[1]));
	p = value_enum(ctx->arena, "propagation", w[2],
		       &xlat_mount_propagation, V_HEX);
	if (!p->u.en.sym && w[2])
		set_unknown_comment(ctx, p, &xlat_mount_flags);
	value_add(v, p);
	if (w[0] & MOUNT_ATTR_IDMAP)
		value_add(v, fd_value_of(ctx, "userns_fd", ctx->mem->pid,
					 (int32_t)w[3]));
	else
		value_add(v, value_uint(ctx->arena, "userns_fd", w[3]));
	add_struct_tail(ctx, v, raw, ATTR_SIZE0, size);
	return v;
}

/* The priority under swapon's flags (SWAP_FLAG_PRIO_MASK). */
#define SWAP_PRIO_MASK 0x7fffu

/* swapon's flags: the flags, then the priority in decimal:
 * SWAP_FLAG_PREFER|42; only the priority without flags */
struct value *decode_swap_flags(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	uint32_t flags = (uint32_t)raw & ~SWAP_PRIO_MASK;
	uint32_t prio = (uint32_t)raw & SWAP_PRIO_MASK;
	struct value *v;

	if (!flags)
		return value_uint(ctx->arena, a->name, prio);
	v = value_flags(ctx->arena, a->name, flags, &xlat_swap_flags);
	v->raw = (uint32_t)raw;
	if (v->u.flags.rest) {
		value_flags_append(ctx->arena, v, v->u.flags.count ?
			arena_printf(ctx->arena, "%#llx",
				     (unsigned long long)v->u.flags.rest) :
			arena_printf(ctx->arena, "%#llx /* %s */",
				     (unsigned long long)v->u.flags.rest,
				     unknown_comment(ctx, &xlat_swap_flags)));
		v->u.flags.rest = 0;
	}
	value_flags_append(ctx->arena, v, arena_printf(ctx->arena, "%u",
						       prio));
	return v;
}
