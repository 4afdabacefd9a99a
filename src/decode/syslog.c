/* syslog(2)'s action, which decides what the other two arguments are:
 * nothing, a buffer the kernel fills, or a console log level. strace
 * shows the action as its number with the name in a comment, in every
 * -X style (even raw). */
#include "consts.h"
#include "decoders.h"

enum {
	ACTION_READ = 2,	/* READ, READ_ALL, READ_CLEAR: a buffer */
	ACTION_READ_CLEAR = 4,
	ACTION_CONSOLE_LEVEL = 8,
};

/* 8 is the level that lets every message through: "LOGLEVEL_DEBUG+1" */
static struct value *level_value(struct decode_ctx *ctx, uint64_t raw)
{
	int32_t level = (int32_t)raw;
	struct value *v = value_int(ctx->arena, "len", level);
	const char *sym = xlat_name(&xlat_loglevel, (uint64_t)level);

	if (level == 8)
		sym = "LOGLEVEL_DEBUG+1";
	if (sym)
		v->comment = sym;
	else
		v->comment = unknown_comment(ctx, &xlat_loglevel);
	return v;
}

struct value *decode_syslog_type(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	int32_t type = (int32_t)raw;
	const char *sym = xlat_name(&xlat_syslog_action, (uint32_t)type);
	struct value *v = value_int(ctx->arena, a->name, type);

	v->comment = sym ? sym : unknown_comment(ctx, &xlat_syslog_action);
	if (sym && type != ACTION_CONSOLE_LEVEL &&
	    (type < ACTION_READ || type > ACTION_READ_CLEAR))
		decode_end_args(ctx, 1);
	else if (type == ACTION_CONSOLE_LEVEL)
		decode_replace_arg(ctx, 2,
				   level_value(ctx, ctx->sc->raw_args[2]));
	return v;
}

/* The buffer: what the kernel wrote for the read actions, else only its
 * address (at exit: the buffer is filled by then). */
struct value *decode_syslog_buf(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	int32_t type = (int32_t)decode_param(ctx, a);	/* syslog_buf(type) */

	if (type < ACTION_READ || type > ACTION_READ_CLEAR)
		return value_ptr(ctx->arena, a->name, raw);
	return decode_buffer(ctx, a->name, raw, (uint64_t)ctx->sc->rval,
			     STR_TEXT);
}
