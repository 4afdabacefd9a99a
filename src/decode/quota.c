/* quotactl and quotactl_fd: the command as QCMD(command, type), and which
 * of the arguments after it show, as the command's line in
 * tables/consts/quota_cmd.list says. Both calls keep the id at index 2
 * and the address at index 3. */
#include <stdint.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"

#define QUOTA_ID 2
#define QUOTA_ADDR 3

static const char *part(struct decode_ctx *ctx, const struct xlat *x,
			uint32_t v)
{
	const char *name = xlat_name(x, v);
	const char *unknown = unknown_comment(ctx, x);

	if (name)
		return name;
	if (!unknown)
		return arena_printf(ctx->arena, "%#x", v);
	return arena_printf(ctx->arena, "%#x /* %s */", v, unknown);
}

/* A user, group or project id: unsigned, but for -1. */
static struct value *id_value(struct decode_ctx *ctx)
{
	uint32_t id = (uint32_t)ctx->sc->raw_args[QUOTA_ID];

	if (id == UINT32_MAX)
		return value_int(ctx->arena, "id", -1);
	return value_uint(ctx->arena, "id", id);
}

/* Q_QUOTAON: a format and the path of the quota file. */
static void quotaon_args(struct decode_ctx *ctx)
{
	uint32_t fmt = (uint32_t)ctx->sc->raw_args[QUOTA_ID];
	struct value *v = value_enum(ctx->arena, "id", fmt, &xlat_quota_fmt,
				     V_HEX);

	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, &xlat_quota_fmt);
	decode_replace_arg(ctx, QUOTA_ID, v);
	decode_replace_arg(ctx, QUOTA_ADDR, decode_cstring(ctx, "addr",
		ctx->sc->raw_args[QUOTA_ADDR], ctx->opts->string_limit));
}

struct value *decode_quota_cmd(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint32_t qcmd = (uint32_t)raw, cmd = qcmd >> 8, type = qcmd & 0xff;
	const struct xlat_entry *e = xlat_find(&xlat_quota_cmd, cmd);
	const char *args = e && e->msg ? e->msg : "id";

	if (!strcmp(args, "none"))
		decode_end_args(ctx, 2);	/* the command and the file */
	else if (!strcmp(args, "addr"))
		decode_replace_arg(ctx, QUOTA_ID, NULL);
	else if (!strcmp(args, "quotaon"))
		quotaon_args(ctx);
	else
		decode_replace_arg(ctx, QUOTA_ID, id_value(ctx));
	return value_symbol(ctx->arena, a->name, qcmd, V_UINT,
			    arena_printf(ctx->arena, "QCMD(%s, %s)",
					 part(ctx, &xlat_quota_cmd, cmd),
					 part(ctx, &xlat_quota_type, type)));
}
