/* landlock(7)'s calls: a ruleset's attributes, a rule's attributes as
 * its type says, and create_ruleset's result (a descriptor, or the ABI
 * version LANDLOCK_CREATE_RULESET_VERSION asks for). */
#include <linux/landlock.h>

#include "consts.h"
#include "decoders.h"

/* the first version of struct landlock_ruleset_attr: handled_access_fs */
#define RULESET_ATTR_V0 8u

static struct value *access_value(struct decode_ctx *ctx, const char *name,
				  uint64_t raw)
{
	struct value *v = value_flags(ctx->arena, name, raw,
				      &xlat_landlock_access_fs);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, &xlat_landlock_access_fs);
	return v;
}

/* {handled_access_fs=...}, and "..." for the bytes of a larger size,
 * which the kernel checks are zero */
struct value *decode_landlock_ruleset_attr(struct decode_ctx *ctx,
					   const struct arg_desc *a,
					   uint64_t raw)
{
	uint64_t size = decode_param(ctx, a), fs;
	struct value *v;

	if (size < RULESET_ATTR_V0)
		return value_ptr(ctx->arena, a->name, raw);
	if (!decode_read(ctx, a->name, raw, &fs, sizeof(fs), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, access_value(ctx, "handled_access_fs", fs));
	if (size > RULESET_ATTR_V0)
		v->u.kids.elided = true;
	return v;
}

/* the attributes of a rule of the type the previous argument names */
struct value *decode_landlock_rule_attr(struct decode_ctx *ctx,
					const struct arg_desc *a, uint64_t raw)
{
	struct arg_desc fd = { "parent_fd", ARG_FD, PARAM_NONE, NULL };
	struct landlock_path_beneath_attr pb;
	struct value *v;

	if ((uint32_t)decode_param(ctx, a) != LANDLOCK_RULE_PATH_BENEATH)
		return value_ptr(ctx->arena, a->name, raw);
	if (!decode_read(ctx, a->name, raw, &pb, sizeof(pb), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, access_value(ctx, "allowed_access", pb.allowed_access));
	value_add(v, decode_fd(ctx, &fd, (uint32_t)pb.parent_fd));
	return v;
}

/* a new ruleset's descriptor, or with LANDLOCK_CREATE_RULESET_VERSION the
 * highest ABI version the kernel supports */
struct value *decode_landlock_ret(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	if ((uint32_t)decode_param(ctx, a) & LANDLOCK_CREATE_RULESET_VERSION)
		return value_int(ctx->arena, a->name, (int64_t)raw);
	return decode_fd(ctx, a, raw);
}
