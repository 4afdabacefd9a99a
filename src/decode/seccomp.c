/* seccomp(2): the flags and the third argument as the operation
 * (the first argument) makes them. */
#include <linux/seccomp.h>
#include <stdint.h>

#include "consts.h"
#include "decoders.h"

/* Only a filter takes flags; other operations show the number. */
struct value *decode_seccomp_flags(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	struct value *v;

	if ((uint32_t)decode_param(ctx, a) != SECCOMP_SET_MODE_FILTER)
		return value_hex(ctx->arena, a->name, (uint32_t)raw);
	v = value_flags(ctx->arena, a->name, (uint32_t)raw,
			&xlat_seccomp_filter_flags);
	if (!v->u.flags.count && v->u.flags.rest)
		set_unknown_comment(ctx, v, &xlat_seccomp_filter_flags);
	return v;
}

/* [SECCOMP_RET_KILL_THREAD]: the action asked about. */
static struct value *action_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	struct value *v, *e;
	uint32_t act;

	if (!decode_read(ctx, name, addr, &act, sizeof(act), &v))
		return v;
	e = value_enum(ctx->arena, NULL, act, &xlat_seccomp_ret_action, V_HEX);
	if (!e->u.en.sym)
		set_unknown_comment(ctx, e, &xlat_seccomp_ret_action);
	v = value_array(ctx->arena, name, addr);
	value_add(v, e);
	return v;
}

/* struct seccomp_notif_sizes, which the call fills in. */
static struct value *notif_sizes_value(struct decode_ctx *ctx,
				       const char *name, uint64_t addr)
{
	struct seccomp_notif_sizes ns;
	struct value *v;

	if (!decode_read(ctx, name, addr, &ns, sizeof(ns), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "seccomp_notif",
				ns.seccomp_notif));
	value_add(v, value_uint(ctx->arena, "seccomp_notif_resp",
				ns.seccomp_notif_resp));
	value_add(v, value_uint(ctx->arena, "seccomp_data", ns.seccomp_data));
	return v;
}

/* PHASE_BOTH: what the caller passes at entry; the sizes, an output, at
 * exit. */
struct value *decode_seccomp_args(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	uint32_t op = (uint32_t)decode_param(ctx, a);

	if (op == SECCOMP_GET_NOTIF_SIZES) {
		/* a failed call shows the address given at entry */
		if (!ctx->at_exit || ctx->sc->rval < 0)
			return value_ptr(ctx->arena, a->name, raw);
		return notif_sizes_value(ctx, a->name, raw);
	}
	if (ctx->at_exit)
		return decode_entry_value(ctx);
	if (op == SECCOMP_SET_MODE_FILTER)
		return seccomp_fprog_value(ctx, a->name, raw);
	if (op == SECCOMP_GET_ACTION_AVAIL)
		return action_value(ctx, a->name, raw);
	return value_ptr(ctx->arena, a->name, raw);
}
